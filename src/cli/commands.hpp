// The CLI's subcommands: each file adds one to the app and returns how to run it.
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "iopplan/date.hpp"
#include "iopplan/diagnostic.hpp"
#include "iopplan/library.hpp"
#include "iopplan/loader.hpp"

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

Command add_build_command(CLI::App& parent);
Command add_check_command(CLI::App& parent);
Command add_list_command(CLI::App& parent);
Command add_show_command(CLI::App& parent);
Command add_plan_command(CLI::App& parent);

// Adds `--library DIR` (default: the built-in library) to a subcommand.
void add_library_option(CLI::App* app, std::string& dir);

// The built-in folder `name` ("curricula" or "templates"): next to the build tree, or under the
// install prefix. Shown relative to the working directory when it lies below it.
std::string builtin_dir(const std::string& name);

// "1 module", "3 modules".
std::string plural(size_t count, const std::string& noun);

// Prints diagnostics to `err` with their source lines; returns how many were errors.
void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err);

// Reads `--start`: true with `start` set (or left empty when `text` is empty); false after
// printing why the text is not a date.
bool parse_start_option(const std::string& text, std::optional<Date>& start, std::ostream& err);

// True when the program id or file exists; otherwise prints "unknown program 'x'; did you mean 'y'?".
bool program_exists_or_report(const std::string& library_dir, const std::string& id_or_path, std::ostream& err);

// Loads the library and prints its diagnostics; nullopt when it has errors (or warnings and strict).
std::optional<Library> load_library_or_report(const std::string& dir, const LoadOptions& options, bool strict,
                                              std::ostream& err);

}  // namespace iopplan::cli
