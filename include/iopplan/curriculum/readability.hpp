// Readability: Flesch-Kincaid grade level of patient handouts.
#pragma once

#include <string_view>

#include "iopplan/curriculum/module.hpp"

namespace iopplan {

struct TextStats {
  int words = 0;
  int sentences = 0;
  int syllables = 0;
};

// 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59; 0 for empty text.
double flesch_kincaid_grade(const TextStats& stats);

// Title, body, key points, worksheet prompts and homework together.
TextStats handout_stats(const Handout& handout);

}  // namespace iopplan
