// iopplan check as a library call: every problem of a library and its programs, in one run.
#pragma once

#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/completeness.hpp"
#include "iopplan/curriculum/loader.hpp"

namespace iopplan {

struct CheckResult {
  Diagnostics diagnostics;  // sorted by file and position
  size_t modules = 0;
  size_t tracks = 0;
  size_t programs = 0;
  std::vector<LanguageCompleteness> languages;  // handout languages other than English
};

// Loads and validates the library, its organization file and every program against it (schema,
// preflight, intensity, handout translations for the languages programs print), without planning.
CheckResult check_library_folder(const FileSource& files, const std::string& library_dir, const LoadOptions& options);

}  // namespace iopplan
