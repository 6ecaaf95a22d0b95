// Readability of patient handouts: the Flesch-Kincaid grade for English, Fernandez Huerta for Spanish.
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

// Fernandez Huerta's reading ease for Spanish (1959; higher is easier, 70 and up is easy):
// 206.84 - 0.60 x syllables per 100 words - 1.02 x words per sentence; 0 for empty text.
// Many sources print the last term as "sentences per 100 words", which would make shorter
// sentences score harder; Fernandez Huerta adapted Flesch's words-per-sentence term (Law, 2011).
double fernandez_huerta(const TextStats& stats);

// Handouts read at or above this Fernandez Huerta score are easy; check warns below it.
inline constexpr double kMinFernandezHuerta = 70.0;

// Title, body, key points, worksheet prompts and homework together, counted with the syllable
// rules of `language` ("en" or "es").
TextStats handout_stats(const Handout& handout, std::string_view language = "en");

}  // namespace iopplan
