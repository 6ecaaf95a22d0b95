// iopplan check: load and validate a library and its programs; report every problem.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "iopplan/file_source.hpp"
#include "iopplan/preflight.hpp"
#include "iopplan/program.hpp"
#include "iopplan/organization.hpp"

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
            DiskFileSource files;
            LoadOptions options;
            options.max_grade = opts->max_grade;
            LoadResult result = load_library(files, dir, options);
            // Programs are checked against the library as loaded, and before any search.
            size_t programs = program_ids(files, dir).size();
            for (const auto& program : load_programs(files, dir, result.library, result.diagnostics)) {
              check_program(result.library, program, result.diagnostics);
            }
            load_library_organization(files, dir, result.diagnostics);
            sort_diagnostics(result.diagnostics);
            print_diagnostics(result.diagnostics, std::cerr);
            int errors = count(result.diagnostics, Severity::error);
            int warnings = count(result.diagnostics, Severity::warning);
            std::cout << plural(result.library.modules.size(), "module") << ", "
                      << plural(result.library.tracks.size(), "track") << ", " << plural(programs, "program") << ": "
                      << plural(errors, "error") << ", " << plural(warnings, "warning") << '\n';
            if (errors > 0 || (opts->strict && warnings > 0)) return kExitInputError;
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
