// Languages: the ones iopplan renders patient handouts in. English is the modules' own language;
// other languages come from translation files beside each module (<id>.<lang>.toml).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace iopplan {

inline constexpr std::string_view kModuleLanguage = "en";

struct Language {
  std::string code;  // ISO 639-1: "en", "es"
  std::string name;  // in English, for staff: "Spanish"
};

// English and Spanish, English first.
const std::vector<Language>& languages();
std::vector<std::string> language_codes();
// nullptr when iopplan does not support the code.
const Language* find_language(std::string_view code);
// "en (English) and es (Spanish)": for messages that list the choices.
std::string language_choices();

// What is wrong with `code` in a list of languages after `earlier` ("unknown language 'fr'; the
// languages are en (English) and es (Spanish)", "'es' is listed twice"); "" when nothing is.
std::string language_problem(const std::string& code, const std::vector<std::string>& earlier);

}  // namespace iopplan
