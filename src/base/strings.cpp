#include "iopplan/base/strings.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace iopplan {

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string weeks_text(int first, int last) {
  return first == last ? "week " + std::to_string(first) : "weeks " + std::to_string(first) + "-" + std::to_string(last);
}

std::string plural(size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

bool is_hex_color(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i) {
    if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

double rounded(double value) { return std::round(value * 10000) / 10000; }

std::string hours_text(double hours) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", std::round(hours * 100) / 100);
  return text;
}

}  // namespace iopplan
