#include "iopplan/curriculum/module.hpp"

#include "iopplan/curriculum/language.hpp"
#include "iopplan/curriculum/library.hpp"

namespace iopplan {

const std::vector<std::string>& group_type_names() {
  static const std::vector<std::string> names = {"psychoeducation", "skills", "process", "support", "family"};
  return names;
}

const std::vector<std::string>& phase_names() {
  static const std::vector<std::string> names = {"early", "middle", "late", "any"};
  return names;
}

const std::vector<std::string>& activity_kind_names() {
  static const std::vector<std::string> names = {"role-play",  "worksheet",   "skill-practice",
                                                 "discussion", "mindfulness", "game"};
  return names;
}

const char* group_type_name(GroupType type) { return group_type_names()[static_cast<size_t>(type)].c_str(); }

const char* phase_name(Phase phase) { return phase_names()[static_cast<size_t>(phase)].c_str(); }

std::optional<GroupType> parse_group_type(const std::string& text) {
  const auto& names = group_type_names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<GroupType>(i);
  }
  return std::nullopt;
}

std::optional<Phase> parse_phase(const std::string& text) {
  const auto& names = phase_names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<Phase>(i);
  }
  return std::nullopt;
}

const Module* find_module(const Library& library, const std::string& id) {
  for (const auto& module : library.modules) {
    if (module.id == id) return &module;
  }
  return nullptr;
}

const Track* find_track(const Library& library, const std::string& id) {
  for (const auto& track : library.tracks) {
    if (track.id == id) return &track;
  }
  return nullptr;
}

const Translation* find_translation(const Module& module, const std::string& language) {
  for (const auto& translation : module.translations) {
    if (translation.language == language) return &translation;
  }
  return nullptr;
}

std::vector<std::string> handout_languages(const Module& module) {
  std::vector<std::string> codes = {std::string(kModuleLanguage)};
  for (const auto& translation : module.translations) codes.push_back(translation.language);
  return codes;
}

int compare_versions(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    // Parts are compared by their digits without leading zeros: length first, then text.
    auto part = [](const std::string& text, size_t& at) {
      size_t start = at;
      while (at < text.size() && text[at] != '.') ++at;
      std::string digits = text.substr(start, at - start);
      if (at < text.size()) ++at;
      size_t first = digits.find_first_not_of('0');
      return first == std::string::npos ? std::string() : digits.substr(first);
    };
    std::string x = part(a, i), y = part(b, j);
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace iopplan
