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

TextStats stats_of(std::string_view text, bool markdown) {
  TextStats stats;
  add_text_stats(stats, text, markdown);
  return stats;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(readability)

BOOST_DATA_TEST_CASE(syllables_follow_the_documented_rules, boost::unit_test::data::make(kSyllables), c) {
  BOOST_TEST(count_syllables(c.word) == c.syllables);
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
