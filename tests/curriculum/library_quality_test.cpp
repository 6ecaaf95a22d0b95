// The shipped library's quality guard: completeness rules every module must keep (issue 3).
#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>
#include <set>

#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/readability.hpp"

using namespace iopplan;

namespace {

const LoadResult& shipped() {
  static const LoadResult result = [] {
    DiskFileSource files;
    return load_library(files, std::string(IOPPLAN_SOURCE_DIR) + "/curricula");
  }();
  return result;
}

std::string handout_text(const Handout& h) {
  std::string text = h.title + "\n" + h.body + "\n" + h.homework;
  for (const auto& s : h.key_points) text += "\n" + s;
  for (const auto& s : h.worksheet) text += "\n" + s;
  return text;
}

std::set<std::string> shingles(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::set<std::string> result;
  for (size_t i = 0; i + 2 < words.size(); ++i) result.insert(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
  return result;
}

// Everything patients and facilitators read, but not citation titles (which are what they are).
std::string readable_text(const Module& m) {
  std::string text = m.title + "\n" + m.summary + "\n" + handout_text(m.handout) + "\n" + m.facilitator_notes.safety +
                     "\n" + m.facilitator_notes.trauma_informed + "\n" + m.facilitator_notes.newcomers;
  for (const auto& list : {m.objectives, m.materials, m.discussion_questions}) {
    for (const auto& s : list) text += "\n" + s;
  }
  for (const auto& segment : m.agenda) {
    for (const auto& s : segment.talking_points) text += "\n" + s;
    if (segment.activity) {
      for (const auto& s : segment.activity->steps) text += "\n" + s;
    }
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(library_quality)

BOOST_AUTO_TEST_CASE(checks_clean_even_when_strict) {
  std::vector<std::string> lines;
  for (const auto& d : shipped().diagnostics) lines.push_back(format_diagnostic(d));
  BOOST_TEST(lines == std::vector<std::string>{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(enough_modules_per_track) {
  const std::map<std::string, size_t> minimum = {
      {"relapse-prevention", 10}, {"stress-management", 8}, {"nutrition", 6},
      {"matrix-model", 10},       {"twelve-step", 8},       {"cbt-coping-skills", 6},
  };
  std::map<std::string, size_t> counts;
  for (const auto& m : shipped().library.modules) ++counts[m.track];
  for (const auto& [track, min] : minimum) {
    BOOST_TEST_CONTEXT(track) { BOOST_TEST(counts[track] >= min); }
  }
  BOOST_TEST(shipped().library.modules.size() >= 48u);  // 16 weeks x 3 meetings without repeats
}

BOOST_AUTO_TEST_CASE(every_module_is_complete) {
  for (const auto& m : shipped().library.modules) {
    BOOST_TEST_CONTEXT(m.path) {
      BOOST_TEST(m.objectives.size() >= 2u);
      BOOST_TEST(m.materials.size() >= 2u);
      BOOST_TEST(m.agenda.size() >= 3u);
      size_t activities = 0;
      for (const auto& segment : m.agenda) {
        BOOST_TEST(!segment.talking_points.empty());
        if (segment.activity && segment.activity->steps.size() >= 3) ++activities;
      }
      BOOST_TEST(activities >= 1u);
      BOOST_TEST(m.discussion_questions.size() >= 4u);
      BOOST_TEST(m.facilitator_notes.safety.size() >= 100u);
      BOOST_TEST(m.facilitator_notes.trauma_informed.size() >= 100u);
      BOOST_TEST(m.facilitator_notes.newcomers.size() >= 100u);
      BOOST_TEST(m.handout.key_points.size() >= 3u);
      BOOST_TEST(m.handout.key_points.size() <= 6u);
      BOOST_TEST(m.handout.worksheet.size() >= 3u);
      BOOST_TEST(m.handout.homework.size() >= 40u);
      TextStats stats = handout_stats(m.handout);
      BOOST_TEST(stats.words >= 250);
      BOOST_TEST(flesch_kincaid_grade(stats) <= 8.0);
      BOOST_TEST(!m.references.empty());
      for (const auto& ref : m.references) {
        BOOST_TEST(!ref.authors.empty());
        BOOST_TEST(ref.year >= 1900);
        BOOST_TEST(!ref.title.empty());
      }
      BOOST_TEST(m.duration_minutes <= 60);  // fits one content slot of the shipped programs
    }
  }
}

BOOST_AUTO_TEST_CASE(matrix_early_recovery_skills_are_early) {
  for (const auto& m : shipped().library.modules) {
    if (m.id.rfind("ers-", 0) != 0) continue;
    BOOST_TEST_CONTEXT(m.id) { BOOST_TEST(phase_name(m.phase) == std::string("early")); }
  }
}

BOOST_AUTO_TEST_CASE(person_first_language) {
  // Whole words only: "addiction" (the condition) is fine, "addict" (the person) is not.
  const std::regex stigma(R"(\b(addicts?|junkies?|junkie|abusers?|alcoholics?|dirty urine|clean urine)\b)",
                          std::regex::icase);
  for (const auto& m : shipped().library.modules) {
    std::string text = std::regex_replace(readable_text(m), std::regex("Alcoholics Anonymous"), "AA");
    std::smatch match;
    BOOST_TEST_CONTEXT(m.path) {
      bool found = std::regex_search(text, match, stigma);
      BOOST_TEST(!found, (found ? "stigmatizing term '" + match.str() + "'" : std::string()));
    }
  }
}

BOOST_AUTO_TEST_CASE(no_two_handouts_are_near_copies) {
  const auto& modules = shipped().library.modules;
  std::vector<std::set<std::string>> sets;
  for (const auto& m : modules) sets.push_back(shingles(handout_text(m.handout)));
  double worst = 0;
  std::string worst_pair;
  for (size_t i = 0; i < sets.size(); ++i) {
    for (size_t j = i + 1; j < sets.size(); ++j) {
      size_t shared = 0;
      for (const auto& s : sets[i]) shared += sets[j].count(s);
      double jaccard = static_cast<double>(shared) / static_cast<double>(sets[i].size() + sets[j].size() - shared);
      if (jaccard > worst) {
        worst = jaccard;
        worst_pair = modules[i].id + " ~ " + modules[j].id;
      }
    }
  }
  BOOST_TEST_MESSAGE("most similar handouts: " << worst_pair << " (" << worst << " of 3-word phrases shared)");
  BOOST_TEST(worst < 0.10, worst_pair << " share " << worst << " of their 3-word phrases");
}

BOOST_AUTO_TEST_SUITE_END()
