// Readability: Flesch-Kincaid grade level of patient handouts.
#pragma once

#include <string_view>

#include "iopplan/module.hpp"

namespace iopplan {

struct TextStats {
  int words = 0;
  int sentences = 0;
  int syllables = 0;
};

// Adds the counts of `text`. Markdown list items, headings and paragraphs end sentences; a plain
// string (markdown = false) counts as at least one sentence of its own.
void add_text_stats(TextStats& stats, std::string_view text, bool markdown);

int count_syllables(std::string_view word);

// 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59; 0 for empty text.
double flesch_kincaid_grade(const TextStats& stats);

// Title, body, key points, worksheet prompts and homework together.
TextStats handout_stats(const Handout& handout);

}  // namespace iopplan
