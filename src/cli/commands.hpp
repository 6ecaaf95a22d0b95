// The CLI's subcommands: each file adds one to the app and returns how to run it.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/base/strings.hpp"

namespace iopplan::cli {

// Exit codes, one per kind of outcome (documented in README).
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputError = 1;  // the library, program or templates have errors; or no plan fits
inline constexpr int kExitUsage = 2;       // the command line is wrong
inline constexpr int kExitIoError = 3;     // output could not be written (or printed: no Chromium for pdf)

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// The whole command line: parses argv, runs the subcommand, returns the exit code (README).
int run_cli(int argc, const char* const* argv);

Command add_build_command(CLI::App& parent);
Command add_catalog_command(CLI::App& parent);
Command add_check_command(CLI::App& parent);
Command add_list_command(CLI::App& parent);
Command add_show_command(CLI::App& parent);
Command add_plan_command(CLI::App& parent);

// Adds `--seed N`: a whole number 0..2^64-1, refused (exit 2) when negative, too large or not a number.
void add_seed_option(CLI::App* app, uint64_t& seed, const std::string& description);

// Adds `--library DIR` (default: the built-in library) to a subcommand.
void add_library_option(CLI::App* app, std::string& dir);

// The built-in folder `name` ("curricula" or "templates"): next to the build tree, or under the
// install prefix. Shown relative to the working directory when it lies below it.
std::string builtin_dir(const std::string& name);

// Prints diagnostics to `err` with their source lines; those about no file start with "iopplan: ".
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);

// The exit code for diagnostics: kExitOk without errors, else by the errors' kind (usage before
// output before input).
int exit_code(const Diagnostics& diagnostics);

// Reads a date option (`--start`, `--from`): true with `date` set (or left empty when `text` is
// empty); false after printing why the text is not a date.
bool parse_date_option(const char* option, const std::string& text, std::optional<Date>& date, std::ostream& err);

// Adds `--from DATE --weeks N` to plan and build.
void add_window_options(CLI::App* app, std::string& from, int& weeks);

// Reads `--from DATE --weeks N` (both or neither) into the request; false after printing why not.
bool parse_window_options(const std::string& from, int weeks, PlanRequest& request, std::ostream& err);

// "the library at DIR has N error(s) and W warning(s); ...": after a run that stopped at the library.
void print_library_summary(const std::string& dir, const Diagnostics& diagnostics, std::ostream& err);

// Loads the library and prints its diagnostics; nullopt when it has errors (or warnings and strict).
std::optional<Library> load_library_or_report(const std::string& dir, const LoadOptions& options, bool strict,
                                              std::ostream& err);

}  // namespace iopplan::cli
