#include "iopplan/base/utf8.hpp"

namespace iopplan {

SourcePos position_of_offset(std::string_view text, size_t offset) {
  SourcePos pos{1, 1};
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

std::optional<char32_t> decode_utf8(std::string_view text, size_t& i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t len = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if (c < 0x80) { ++i; return c; }
  if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; cp = c & 0x1F; }
  else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; cp = c & 0x0F; }
  else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; cp = c & 0x07; }
  bool ok = len != 0 && i + len <= text.size();
  for (size_t k = 1; ok && k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(text[i + k]);
    if ((cc & 0xC0) != 0x80) ok = false;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
  if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
  if (!ok) {
    ++i;
    return std::nullopt;
  }
  i += len;
  return cp;
}

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t at = i;
    if (!decode_utf8(text, i)) {
      SourcePos pos = position_of_offset(text, at);
      return Utf8Error{at, pos.line, pos.column};
    }
  }
  return std::nullopt;
}

std::string printable(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    auto c = decode_utf8(text, i);
    if (!c || (*c < 0x20 && *c != '\t' && *c != '\n') || *c == 0x7f) {
      unsigned char byte = static_cast<unsigned char>(text[start]);
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
      i = start + 1;
    } else if (*c >= 0x80 && *c <= 0x9f) {
      out += "\\u{";
      out += kHex[*c >> 4];
      out += kHex[*c & 15];
      out += '}';
    } else {
      out.append(text, start, i - start);
    }
  }
  return out;
}

}  // namespace iopplan
