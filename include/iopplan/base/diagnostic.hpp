// Diagnostic: the one type for everything a user is told is wrong.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace iopplan {

// A 1-based position in a source file; 0 means "unknown".
struct SourcePos {
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning, note };

// What an error is about; the CLI turns it into its exit code (README, "Exit codes").
enum class Kind {
  input,   // the library, a program, templates or an earlier plan; or no plan fits
  usage,   // the request itself: an unknown program, a week the plan lacks, a missing file named
  output,  // writing or printing the results
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;  // as the user named it; empty for diagnostics about no file
  int line = 0;      // 1-based; 0 when the problem has no position
  int column = 0;
  std::string message;
  Kind kind = Kind::input;
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic error_at(const std::string& file, SourcePos pos, std::string message);
Diagnostic warning_at(const std::string& file, SourcePos pos, std::string message);
Diagnostic usage_error(std::string message);
Diagnostic output_error(const std::string& file, std::string message);

// "file is too large (N bytes; the limit is M bytes)", for every reader with a size limit.
Diagnostic file_too_large(const std::string& file, uint64_t size, uint64_t limit);

const char* severity_name(Severity severity);

// "file:line:col: error: message"; the position parts are left out when unknown.
std::string format_diagnostic(const Diagnostic& d);

// Sorts by file, then line, then column, keeping the order of equal positions.
void sort_diagnostics(Diagnostics& diagnostics);

bool has_errors(const Diagnostics& diagnostics);
// True when an error of this kind is among them.
bool has_error_of(const Diagnostics& diagnostics, Kind kind);
int count(const Diagnostics& diagnostics, Severity severity);

// The diagnostic, then the offending source line and a caret under the column (ninja-style),
// when `source` holds the file's text.
std::string format_with_source(const Diagnostic& d, const std::string* source);

}  // namespace iopplan
