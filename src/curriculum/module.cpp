#include "iopplan/curriculum/module.hpp"

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

}  // namespace iopplan
