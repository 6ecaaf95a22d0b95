#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "iopplan/curriculum/readability.hpp"
#include "curriculum/text_counts.hpp"

using namespace iopplan;

namespace {

struct SyllableCase {
  const char* word;
  int syllables;
};

std::ostream& operator<<(std::ostream& out, const SyllableCase& c) { return out << c.word; }

const SyllableCase kSyllables[] = {
    {"cat", 1},    {"make", 1},   {"table", 2},   {"walked", 1}, {"wanted", 2}, {"recovery", 4},
    {"you", 1},    {"the", 1},    {"people", 2},  {"craving", 2}, {"relapse", 2}, {"a", 1},
    {"agree", 2},  {"free", 1},   {"situation", 3}, {"rhythm", 1},
};

// Spanish words with their syllables as a dictionary splits them.
const SyllableCase kSpanishSyllables[] = {
    {"casa", 2},          // ca-sa
    {"ayuda", 3},         // a-yu-da: y before a vowel is a consonant
    {"y", 1},             // y alone is a vowel
    {"hoy", 1},           // o + final y: one diphthong
    {"muy", 1},           // u + y
    {"que", 1},           // the u of que is silent
    {"quiero", 2},        // quie-ro
    {"guerra", 2},        // gue-rra: silent u
    {"agua", 2},          // a-gua: the u of gua is sounded
    {"pingüino", 3},      // pin-güi-no: ü is sounded
    {"ciudad", 2},        // ciu-dad: two weak vowels, one syllable
    {"país", 2},          // pa-ís: an accented i breaks the diphthong
    {"día", 2},           // dí-a
    {"leer", 2},          // le-er: two strong vowels, a hiatus
    {"aéreo", 4},         // a-é-re-o
    {"recuperación", 5},  // re-cu-pe-ra-ción
    {"sustancias", 3},    // sus-tan-cias
    {"trastorno", 3},     // tras-tor-no
    {"persona", 3},       // per-so-na
    {"ahora", 3},         // a-ho-ra: h keeps the vowels apart
    {"buey", 1},          // a triphthong
    {"construir", 2},     // cons-truir
    {"Ánimo", 3},         // upper case counts the same
    {"ESTRÉS", 2},        // es-trés
    {"pst", 1},           // every word has at least one
};

TextStats stats_of(std::string_view text, bool markdown, std::string_view language = "en") {
  TextStats stats;
  add_text_stats(stats, text, markdown, language);
  return stats;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(readability)

BOOST_DATA_TEST_CASE(syllables_follow_the_documented_rules, boost::unit_test::data::make(kSyllables), c) {
  BOOST_TEST(count_syllables(c.word) == c.syllables);
}

BOOST_DATA_TEST_CASE(spanish_syllables_follow_diphthong_and_hiatus_rules,
                     boost::unit_test::data::make(kSpanishSyllables), c) {
  BOOST_TEST(count_spanish_syllables(std::string_view(c.word)) == c.syllables);
}

BOOST_AUTO_TEST_CASE(spanish_words_keep_their_accented_letters) {
  // "¿Qué siente?" is two words and one sentence; ¿ and ¡ are not letters.
  TextStats s = stats_of("¿Qué siente? ¡Llame al 988! Pida ayuda.", false, "es");
  BOOST_TEST(s.words == 6);
  BOOST_TEST(s.sentences == 3);
  BOOST_TEST(s.syllables == 1 + 2 + 2 + 1 + 2 + 3);  // qué sien-te lla-me al pi-da a-yu-da
  // Counted as English, an accented letter is a consonant: "qué" has no vowel but e.
  BOOST_TEST(stats_of("Qué", false).syllables == 1);
}

BOOST_AUTO_TEST_CASE(fernandez_huerta_matches_the_formula) {
  // 100 words, 10 sentences, 200 syllables: 206.84 - 0.60 x 200 - 1.02 x 10.
  BOOST_TEST(fernandez_huerta(TextStats{100, 10, 200}) == 76.64, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(fernandez_huerta(TextStats{}) == 0.0);
  // Shorter sentences read easier, as in Flesch's formula it adapts.
  BOOST_TEST(fernandez_huerta(TextStats{100, 20, 200}) > fernandez_huerta(TextStats{100, 5, 200}));
}

BOOST_AUTO_TEST_CASE(plain_spanish_scores_easy_and_dense_spanish_does_not) {
  TextStats plain = stats_of("Llame a un amigo. Salga a caminar. Tome agua. Duerma bien.", false, "es");
  TextStats dense = stats_of("Las intervenciones psicoeducativas multidisciplinarias proporcionan "
                             "conocimientos fundamentales sobre consideraciones fisiológicas.", false, "es");
  BOOST_TEST(fernandez_huerta(plain) > 90.0);
  BOOST_TEST(fernandez_huerta(dense) < 30.0);
}

BOOST_AUTO_TEST_CASE(words_and_sentences) {
  TextStats s = stats_of("Stop. Think about it! Don't rush: call someone; then wait?", false);
  BOOST_TEST(s.words == 10);  // "Don't" is one word
  BOOST_TEST(s.sentences == 5);
  BOOST_TEST(stats_of("self-care 24 hours", false).words == 3);  // numbers are not words
  BOOST_TEST(stats_of("No period at the end", false).sentences == 1);
  BOOST_TEST(stats_of("see www.example.org today", false).sentences == 1);  // a "." inside a word ends nothing
}

BOOST_AUTO_TEST_CASE(markdown_items_and_headings_end_sentences) {
  TextStats s = stats_of("### Four kinds\n\n- People you used with\n- Places\n\nA paragraph\nthat wraps lines.", true);
  BOOST_TEST(s.sentences == 4);
  BOOST_TEST(s.words == 12);
}

BOOST_AUTO_TEST_CASE(grade_matches_the_formula) {
  TextStats s{100, 10, 150};
  BOOST_TEST(flesch_kincaid_grade(s) == 0.39 * 10 + 11.8 * 1.5 - 15.59, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(flesch_kincaid_grade(TextStats{}) == 0.0);
}

BOOST_AUTO_TEST_CASE(plain_text_reads_lower_than_dense_text) {
  TextStats plain = stats_of("Call a friend. Take a walk. Drink some water. Go to bed on time.", false);
  TextStats dense = stats_of("Comprehensive psychoeducational interventions facilitate understanding of "
                             "physiological dependency considerations within therapeutic communities.", false);
  BOOST_TEST(flesch_kincaid_grade(plain) < 2.0);
  BOOST_TEST(flesch_kincaid_grade(dense) > 16.0);
}

BOOST_AUTO_TEST_CASE(handout_counts_every_part) {
  Handout h;
  h.title = "Sleep";
  h.body = "Sleep helps.";
  h.key_points = {"Rest well."};
  h.worksheet = {"My bedtime:"};
  h.homework = "Go to bed early.";
  TextStats s = handout_stats(h);
  BOOST_TEST(s.words == 11);
  BOOST_TEST(s.sentences == 5);
}

BOOST_AUTO_TEST_SUITE_END()
