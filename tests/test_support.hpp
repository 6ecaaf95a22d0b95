// Helpers every test suite shares.
#pragma once

#include <string>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan::testing {

// The diagnostics as users see them, one per line.
inline std::string diagnostics_text(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) text += format_diagnostic(d) + "\n";
  return text;
}

// Replaces 1-based line `line` of `text` with `replacement` (which may hold several lines).
inline std::string replace_line(const std::string& text, int line, const std::string& replacement) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  size_t end = text.find('\n', start);
  return text.substr(0, start) + replacement + text.substr(end);
}

}  // namespace iopplan::testing
