#include "iopplan/base/diagnostic.hpp"

#include <algorithm>
#include <string_view>

namespace iopplan {

Diagnostic error_at(const std::string& file, SourcePos pos, std::string message) {
  return {Severity::error, file, pos.line, pos.column, std::move(message)};
}

Diagnostic warning_at(const std::string& file, SourcePos pos, std::string message) {
  return {Severity::warning, file, pos.line, pos.column, std::move(message)};
}

Diagnostic usage_error(std::string message) {
  Diagnostic d = error_at("", {}, std::move(message));
  d.kind = Kind::usage;
  return d;
}

Diagnostic output_error(const std::string& file, std::string message) {
  Diagnostic d = error_at(file, {}, std::move(message));
  d.kind = Kind::output;
  return d;
}

Diagnostic file_too_large(const std::string& file, uint64_t size, uint64_t limit) {
  return error_at(file, {}, "file is too large (" + std::to_string(size) + " bytes; the limit is " +
                                std::to_string(limit) + " bytes)");
}

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    if (d.line > 0) {
      out += ':' + std::to_string(d.line);
      if (d.column > 0) out += ':' + std::to_string(d.column);
    }
    out += ": ";
  }
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  return out;
}

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.file != b.file) return a.file < b.file;
                     if (a.line != b.line) return a.line < b.line;
                     return a.column < b.column;
                   });
}

bool has_errors(const Diagnostics& diagnostics) {
  return count(diagnostics, Severity::error) > 0;
}

bool has_error_of(const Diagnostics& diagnostics, Kind kind) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& d) { return d.severity == Severity::error && d.kind == kind; });
}

int count(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [&](const Diagnostic& d) { return d.severity == severity; }));
}

std::string format_with_source(const Diagnostic& d, const std::string* source) {
  std::string out = format_diagnostic(d) + '\n';
  if (source == nullptr || d.line <= 0) return out;
  std::string_view text = *source;
  size_t start = 0;
  for (int line = 1; line < d.line; ++line) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return out;
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  constexpr size_t kMaxShown = 160;  // very long lines would drown the message
  if (line.size() > kMaxShown || static_cast<size_t>(d.column) > kMaxShown) return out;
  out += "  ";
  out += line;
  out += '\n';
  if (d.column > 0) {
    out += "  ";
    // toml++ may point one past the line's end (an unclosed string at the end of the file).
    for (int i = 1; i < d.column; ++i) out += (static_cast<size_t>(i) <= line.size() && line[i - 1] == '\t') ? '\t' : ' ';
    out += "^\n";
  }
  return out;
}

}  // namespace iopplan
