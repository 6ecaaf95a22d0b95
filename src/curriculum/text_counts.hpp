// The counting behind readability.hpp, exposed for its tests.
#pragma once

#include <string_view>

#include "iopplan/curriculum/readability.hpp"

namespace iopplan {

// Adds the counts of `text`. Markdown list items, headings and paragraphs end sentences; a plain
// string (markdown = false) counts as at least one sentence of its own.
void add_text_stats(TextStats& stats, std::string_view text, bool markdown);

int count_syllables(std::string_view word);

}  // namespace iopplan
