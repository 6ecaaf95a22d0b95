#include "iopplan/curriculum/readability.hpp"
#include "curriculum/text_counts.hpp"
#include "iopplan/base/utf8.hpp"

#include <cctype>
#include <string>

namespace iopplan {
namespace {

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// One code point at text[i], advancing i; a byte that is not UTF-8 counts as itself.
char32_t next_code_point(std::string_view text, size_t& i) {
  size_t at = i;
  return decode_utf8(text, i).value_or(static_cast<unsigned char>(text[at]));
}

bool is_letter(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;  // Latin letters with accents
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

bool ends_sentence(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';';
}

// Lower case for the letters is_letter() accepts (ASCII and Latin-1: Á -> á, Ñ -> ñ).
char32_t lower_letter(char32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 0x20;
  return cp;
}

// The English counter sees ASCII letters; an accented letter counts as a consonant.
int syllables_of(const std::u32string& word, bool spanish) {
  if (spanish) return count_spanish_syllables(word);
  std::string ascii;
  for (char32_t cp : word) ascii += cp < 0x80 ? static_cast<char>(cp) : 'x';
  return count_syllables(ascii);
}

// Counts one unit: a plain string, a paragraph, a list item or a heading.
void add_unit(TextStats& stats, std::string_view text, bool spanish) {
  std::u32string word;  // lower-case letters of the current word
  bool in_word = false;
  bool open_sentence = false;  // words seen since the last sentence end
  auto end_word = [&]() {
    if (!in_word) return;
    ++stats.words;
    stats.syllables += syllables_of(word, spanish);
    word.clear();
    in_word = false;
    open_sentence = true;
  };
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
    if (is_letter(cp)) {
      in_word = true;
      word += lower_letter(cp);
      continue;
    }
    if (in_word && is_apostrophe(cp) && i < text.size()) {
      size_t peek = i;
      if (is_letter(next_code_point(text, peek))) continue;  // "don't" stays one word
    }
    end_word();
    if (ends_sentence(cp) && open_sentence) {
      bool followed_by_space = i >= text.size() || std::isspace(static_cast<unsigned char>(text[i]));
      if (followed_by_space) {
        ++stats.sentences;
        open_sentence = false;
      }
    }
  }
  end_word();
  if (open_sentence) ++stats.sentences;
}

bool starts_unit(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos) return false;
  std::string_view rest = line.substr(i);
  if (rest[0] == '#') return true;
  if ((rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && rest.size() > 1 && rest[1] == ' ') return true;
  size_t digits = rest.find_first_not_of("0123456789");
  return digits != std::string_view::npos && digits > 0 && (rest[digits] == '.' || rest[digits] == ')');
}

bool is_spanish_vowel_letter(char32_t c) {
  switch (c) {
    case U'a': case U'e': case U'i': case U'o': case U'u': case U'y':
    case U'á': case U'é': case U'í': case U'ó': case U'ú': case U'ü':
      return true;
    default:
      return false;
  }
}

// Strong vowels (a, e, o) and accented i and u never share a syllable with each other: "le-er",
// "pa-ís". Any other pair of vowels is a diphthong: "ciu-dad", "na-ción".
bool is_strong(char32_t c) {
  return c == U'a' || c == U'e' || c == U'o' || c == U'á' || c == U'é' || c == U'ó' || c == U'í' || c == U'ú';
}

// True when word[i] is sounded as a vowel: the u of "que", "qui", "gue", "gui" is silent, and y
// before a vowel is a consonant ("yo", "ayuda") but a vowel otherwise ("y", "hoy", "muy").
bool sounds_as_vowel(std::u32string_view word, size_t i) {
  char32_t c = word[i];
  if (!is_spanish_vowel_letter(c)) return false;
  char32_t before = i > 0 ? word[i - 1] : 0;
  char32_t after = i + 1 < word.size() ? word[i + 1] : 0;
  if (c == U'u' && before == U'q') return false;
  if (c == U'u' && before == U'g' && (after == U'e' || after == U'i' || after == U'é' || after == U'í')) return false;
  if (c == U'y') return !is_spanish_vowel_letter(after);
  return true;
}

}  // namespace

int count_spanish_syllables(std::u32string_view word) {
  int count = 0;
  char32_t previous = 0;  // the vowel just before, or 0 after a consonant
  for (size_t i = 0; i < word.size(); ++i) {
    if (!sounds_as_vowel(word, i)) {
      previous = 0;
      continue;
    }
    char32_t c = word[i];
    if (previous == 0 || (is_strong(previous) && is_strong(c))) ++count;  // a new syllable, or a hiatus
    previous = c;
  }
  return count < 1 ? 1 : count;
}

int count_spanish_syllables(std::string_view utf8_word) {
  std::u32string word;
  size_t i = 0;
  while (i < utf8_word.size()) word += lower_letter(next_code_point(utf8_word, i));
  return count_spanish_syllables(std::u32string_view(word));
}

int count_syllables(std::string_view word) {
  int count = 0;
  bool previous_vowel = false;
  for (char c : word) {
    bool vowel = is_vowel(c);
    if (vowel && !previous_vowel) ++count;
    previous_vowel = vowel;
  }
  size_t n = word.size();
  if (count > 1 && n >= 2 && word[n - 1] == 'e' && !is_vowel(word[n - 2])) {
    bool consonant_le = n >= 3 && word[n - 2] == 'l' && !is_vowel(word[n - 3]);
    if (!consonant_le) --count;  // silent final e, as in "make"
  } else if (count > 1 && n >= 3 && word.substr(n - 2) == "ed" && word[n - 3] != 't' && word[n - 3] != 'd') {
    --count;  // "walked", but not "wanted"
  }
  return count < 1 ? 1 : count;
}

void add_text_stats(TextStats& stats, std::string_view text, bool markdown, std::string_view language) {
  bool spanish = language == "es";
  if (!markdown) {
    add_unit(stats, text, spanish);
    return;
  }
  std::string unit;
  auto flush = [&]() {
    add_unit(stats, unit, spanish);
    unit.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank || starts_unit(line)) flush();
    if (!blank) {
      unit += line;
      unit += ' ';
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  flush();
}

double flesch_kincaid_grade(const TextStats& stats) {
  if (stats.words == 0 || stats.sentences == 0) return 0.0;
  return 0.39 * stats.words / stats.sentences + 11.8 * stats.syllables / stats.words - 15.59;
}

double fernandez_huerta(const TextStats& stats) {
  if (stats.words == 0 || stats.sentences == 0) return 0.0;
  double syllables_per_100_words = 100.0 * stats.syllables / stats.words;
  double words_per_sentence = static_cast<double>(stats.words) / stats.sentences;
  return 206.84 - 0.60 * syllables_per_100_words - 1.02 * words_per_sentence;
}

TextStats handout_stats(const Handout& handout, std::string_view language) {
  TextStats stats;
  add_text_stats(stats, handout.title, false, language);
  add_text_stats(stats, handout.body, true, language);
  for (const auto& point : handout.key_points) add_text_stats(stats, point, false, language);
  for (const auto& prompt : handout.worksheet) add_text_stats(stats, prompt, false, language);
  add_text_stats(stats, handout.homework, true, language);
  return stats;
}

}  // namespace iopplan
