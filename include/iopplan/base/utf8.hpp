// UTF-8 validation and byte-offset -> line:column conversion.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

struct Utf8Error {
  size_t offset = 0;  // of the first bad byte
  int line = 0;
  int column = 0;
};

std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

// The code point at text[i], advancing i past it; nullopt (advancing one byte) for a byte that
// does not start valid UTF-8. REQUIRES: i < text.size().
std::optional<char32_t> decode_utf8(std::string_view text, size_t& i);

// `text` safe to show on a terminal or to put in JSON: bytes that are not valid UTF-8 and control
// characters (C0 but tab and newline, DEL, C1) become "\xNN" (C1: "\u{NN}"); a backslash stays.
std::string printable(std::string_view text);

// 1-based line and column (in bytes) of a byte offset.
SourcePos position_of_offset(std::string_view text, size_t offset);

}  // namespace iopplan
