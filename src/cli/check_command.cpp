// iopplan check: load and validate a library and its programs; report every problem.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/pipeline/check.hpp"

namespace iopplan::cli {

Command add_check_command(CLI::App& parent) {
  struct Options {
    std::string library;
    bool strict = false;
    double max_grade = 8.0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("check", "Validate the curriculum library and its programs; report every problem");
  add_library_option(app, opts->library);
  app->add_flag("--strict", opts->strict, "Treat warnings as errors");
  app->add_option("--max-grade", opts->max_grade, "Highest Flesch-Kincaid grade for handouts (default 8)")
      ->check(CLI::Range(1.0, 20.0));
  return {app, [opts]() {
            std::string dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            LoadOptions options;
            options.max_grade = opts->max_grade;
            CheckResult result = check_library_folder(DiskFileSource(), dir, options);
            print_diagnostics(result.diagnostics, std::cerr);
            int errors = count(result.diagnostics, Severity::error);
            int warnings = count(result.diagnostics, Severity::warning);
            for (const auto& language : result.languages) std::cout << completeness_text(language) << '\n';
            std::cout << plural(result.modules, "module") << ", " << plural(result.tracks, "track") << ", "
                      << plural(result.programs, "program") << ": " << plural(errors, "error") << ", "
                      << plural(warnings, "warning") << '\n';
            if (errors > 0 || (opts->strict && warnings > 0)) return kExitInputError;
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
