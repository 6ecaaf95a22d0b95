// The counting behind readability.hpp, exposed for its tests.
#pragma once

#include <string>
#include <string_view>

#include "iopplan/curriculum/readability.hpp"

namespace iopplan {

// Adds the counts of `text`. Markdown list items, headings and paragraphs end sentences; a plain
// string (markdown = false) counts as at least one sentence of its own.
// Words are counted with the syllable rules of `language` ("es": Spanish; anything else: English).
void add_text_stats(TextStats& stats, std::string_view text, bool markdown, std::string_view language = "en");

// English: vowel groups in lower-case ASCII, less a silent final e or -ed.
int count_syllables(std::string_view word);

// Spanish: sounded vowel groups, split at a hiatus (two strong vowels, or an accented i or u next to
// a vowel: "le-er", "pa-ís"); the u of que/qui/gue/gui is silent; y is a vowel unless a vowel
// follows. At least 1. The UTF-8 form takes any case; the other, lower-case code points.
int count_spanish_syllables(std::string_view utf8_word);
int count_spanish_syllables(std::u32string_view word);

}  // namespace iopplan
