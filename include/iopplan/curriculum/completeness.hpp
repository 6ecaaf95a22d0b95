// Bilingual completeness: which modules have their handout in each language the programs print.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

struct LanguageCompleteness {
  std::string language;               // "es"
  std::vector<std::string> programs;  // ids of the programs that print it; empty when none does
  size_t modules = 0;                 // modules those programs may plan (all of them when no program prints it)
  size_t translated = 0;              // of those, with a translation that is up to date
  size_t missing = 0;                 // without a translation
  size_t stale = 0;                   // translating an older version of the module
};

// For every language other than English that a program prints or a translation is written in, in
// languages() order. A module a program that prints the language may plan (it is not in the
// program's `excluded`) and that has no translation gets a warning at its id; stale translations
// are reported by load_library.
std::vector<LanguageCompleteness> check_completeness(const Library& library, const std::vector<Program>& programs,
                                                     Diagnostics& out);

// "es (Spanish): 120 of 122 modules translated, 1 missing, 1 stale; printed by iop-16-week-rolling"
std::string completeness_text(const LanguageCompleteness& completeness);

}  // namespace iopplan
