// Small text helpers every stage uses; each exists once, here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace iopplan {

// `text` without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view text);

// ASCII lower case (names, ids and keys are ASCII).
std::string lower(std::string_view text);

// "1 module", "3 modules".
std::string plural(size_t count, std::string_view noun);

// "#1f5f8b": a color as tracks.toml writes it.
bool is_hex_color(std::string_view text);

// Four decimals: what plans print and store, so text and JSON agree.
double rounded(double value);

// "week 3", "weeks 1-4".
std::string weeks_text(int first, int last);

// 9 -> "9", 7.5 -> "7.5", 2.333 -> "2.33": hours as people write them, in every output.
std::string hours_text(double hours);

}  // namespace iopplan
