// iopplan check: load and validate a library; report every problem.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "iopplan/file_source.hpp"
#include "iopplan/organization.hpp"

namespace iopplan::cli {

Command add_check_command(CLI::App& parent) {
  struct Options {
    std::string library;
    bool strict = false;
    double max_grade = 8.0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("check", "Validate the curriculum library and report every problem");
  add_library_option(app, opts->library);
  app->add_flag("--strict", opts->strict, "Treat warnings as errors");
  app->add_option("--max-grade", opts->max_grade, "Highest Flesch-Kincaid grade for handouts (default 8)")
      ->check(CLI::Range(1.0, 20.0));
  return {app, [opts]() {
            std::string dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            DiskFileSource files;
            LoadOptions options;
            options.max_grade = opts->max_grade;
            LoadResult result = load_library(files, dir, options);
            load_library_organization(files, dir, result.diagnostics);
            sort_diagnostics(result.diagnostics);
            print_diagnostics(result.diagnostics, std::cerr);
            int errors = count(result.diagnostics, Severity::error);
            int warnings = count(result.diagnostics, Severity::warning);
            std::cout << result.library.modules.size() << " modules, " << result.library.tracks.size()
                      << " tracks: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
                      << (warnings == 1 ? " warning" : " warnings") << '\n';
            if (errors > 0 || (opts->strict && warnings > 0)) return kExitInputError;
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
