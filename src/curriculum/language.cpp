#include "iopplan/curriculum/language.hpp"

#include "iopplan/base/spelling.hpp"

namespace iopplan {

const std::vector<Language>& languages() {
  static const std::vector<Language> list = {{"en", "English"}, {"es", "Spanish"}};
  return list;
}

std::vector<std::string> language_codes() {
  std::vector<std::string> codes;
  for (const auto& language : languages()) codes.push_back(language.code);
  return codes;
}

const Language* find_language(std::string_view code) {
  for (const auto& language : languages()) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

std::string language_choices() {
  std::string text;
  const auto& list = languages();
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) text += i + 1 == list.size() ? " and " : ", ";
    text += list[i].code + " (" + list[i].name + ")";
  }
  return text;
}

std::string language_problem(const std::string& code, const std::vector<std::string>& earlier) {
  if (!find_language(code)) {
    return "unknown language '" + code + "'; the languages are " + language_choices() +
           did_you_mean(code, language_codes());
  }
  for (const auto& seen : earlier) {
    if (seen == code) return "'" + code + "' is listed twice";
  }
  return "";
}

}  // namespace iopplan
