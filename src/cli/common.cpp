#include <charconv>
#include <filesystem>
#include <iostream>
#include <map>
#include <unistd.h>

#include "commands.hpp"
#include "iopplan/base/file_source.hpp"

namespace fs = std::filesystem;

namespace iopplan::cli {
namespace {

fs::path executable_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = path.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.string();
  }
  return path.string();
}

}  // namespace

std::string builtin_dir(const std::string& name) {
  fs::path exe_dir = executable_dir();
  std::vector<fs::path> candidates = {
      exe_dir / ".." / "share" / "iopplan" / name,  // installed: PREFIX/bin/iopplan
      exe_dir / ".." / name,                        // the build tree: build/iopplan
      fs::path(IOPPLAN_INSTALL_DATADIR) / name,
      fs::path(IOPPLAN_SOURCE_DIR) / name,
  };
  for (const auto& candidate : candidates) {
    std::error_code ec;
    if (fs::is_directory(candidate, ec)) return display_path(fs::weakly_canonical(candidate, ec));
  }
  return name;
}

void add_seed_option(CLI::App* app, uint64_t& seed, const std::string& description) {
  // CLI11 reads "-1" as 2^64-1 and a too large number as the largest: check the text first.
  CLI::Validator whole_number(
      [](std::string& text) -> std::string {
        uint64_t value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
          return "'" + text + "' is not a whole number from 0 to 18446744073709551615";
        }
        return "";
      },
      "UINT64");
  app->add_option("--seed", seed, description)->check(whole_number);
}

void add_library_option(CLI::App* app, std::string& dir) {
  app->add_option("--library", dir, "Curriculum library folder (default: the built-in library)");
}

void print_diagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  DiskFileSource files;
  std::map<std::string, std::optional<std::string>> sources;
  for (const auto& d : diagnostics) {
    if (d.file.empty()) {
      err << "iopplan: " << format_diagnostic(d) << '\n';
      continue;
    }
    if (d.line <= 0) {  // no source line to show: the file is not read at all
      err << format_diagnostic(d) << '\n';
      continue;
    }
    auto it = sources.find(d.file);
    if (it == sources.end()) it = sources.emplace(d.file, files.read(d.file)).first;
    err << format_with_source(d, it->second ? &*it->second : nullptr);
  }
}

int exit_code(const Diagnostics& diagnostics) {
  if (has_error_of(diagnostics, Kind::usage)) return kExitUsage;
  if (has_error_of(diagnostics, Kind::output)) return kExitIoError;
  if (has_errors(diagnostics)) return kExitInputError;
  return kExitOk;
}

bool parse_date_option(const char* option, const std::string& text, std::optional<Date>& date, std::ostream& err) {
  if (text.empty()) return true;
  date = parse_iso_date(text);
  if (!date) err << "iopplan: error: " << option << " '" << text << "' is not a real calendar date written YYYY-MM-DD (1900-2200)\n";
  return date.has_value();
}

void add_window_options(CLI::App* app, std::string& from, int& weeks) {
  app->add_option("--from", from, "Only the weeks from this day, YYYY-MM-DD (a rolling rotation continues from its start date)");
  app->add_option("--weeks", weeks, "How many weeks from --from")->check(CLI::Range(1, 520));
}

bool parse_window_options(const std::string& from, int weeks, PlanRequest& request, std::ostream& err) {
  if (from.empty() != (weeks == 0)) {
    err << "iopplan: error: --from and --weeks go together\n";
    return false;
  }
  if (!parse_date_option("--from", from, request.from, err)) return false;
  request.window_weeks = weeks;
  return true;
}

void print_library_summary(const std::string& dir, const Diagnostics& diagnostics, std::ostream& err) {
  err << "iopplan: the library at " << dir << " has " << count(diagnostics, Severity::error) << " error(s) and "
      << count(diagnostics, Severity::warning) << " warning(s); run 'iopplan check' to see them all\n";
}

std::optional<Library> load_library_or_report(const std::string& dir, const LoadOptions& options, bool strict,
                                              std::ostream& err) {
  DiskFileSource files;
  LoadResult result = load_library(files, dir, options);
  print_diagnostics(result.diagnostics, err);
  bool failed = has_errors(result.diagnostics) || (strict && count(result.diagnostics, Severity::warning) > 0);
  if (failed) {
    print_library_summary(dir, result.diagnostics, err);
    return std::nullopt;
  }
  return std::move(result.library);
}

}  // namespace iopplan::cli
