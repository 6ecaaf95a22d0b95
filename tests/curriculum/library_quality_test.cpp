// The shipped library's quality guard: completeness rules every module must keep (issue 3).
#include <boost/test/unit_test.hpp>

#include <map>
#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/organization.hpp"
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
      {"relapse-prevention", 20}, {"stress-management", 8}, {"nutrition", 6},      {"matrix-model", 8},
      {"twelve-step", 8},         {"cbt-coping-skills", 6}, {"health-and-safety", 8}, {"co-occurring", 10},
      {"family-education", 12},   {"social-support", 8},
  };
  std::map<std::string, size_t> counts;
  for (const auto& m : shipped().library.modules) ++counts[m.track];
  for (const auto& [track, min] : minimum) {
    BOOST_TEST_CONTEXT(track) { BOOST_TEST(counts[track] >= min); }
  }
  BOOST_TEST(shipped().library.modules.size() >= 120u);
}

// Each track has modules for every phase it serves (a module of phase "any" serves them all).
BOOST_AUTO_TEST_CASE(every_track_serves_its_phases) {
  const std::map<std::string, std::vector<std::string>> served_by_exception = {
      {"matrix-model", {"early"}},              // early recovery skills: the first weeks of a stay
      {"social-support", {"middle", "late"}},   // social support groups: the later weeks
  };
  std::map<std::string, std::set<std::string>> phases;
  for (const auto& m : shipped().library.modules) phases[m.track].insert(phase_name(m.phase));
  for (const auto& [track, seen] : phases) {
    auto exception = served_by_exception.find(track);
    std::vector<std::string> served = exception != served_by_exception.end()
                                          ? exception->second
                                          : std::vector<std::string>{"early", "middle", "late"};
    BOOST_TEST_CONTEXT(track) {
      for (const auto& phase : served) BOOST_TEST((seen.count(phase) + seen.count("any")) > 0u, phase);
    }
  }
  BOOST_TEST(phases["matrix-model"] == std::set<std::string>{"early"});
}

// The meeting has its own check-in: a module opens in at most 5 minutes and links to its topic.
BOOST_AUTO_TEST_CASE(openings_are_short_and_no_second_check_in) {
  const std::regex check_in(R"(check[- ]?in)", std::regex::icase);
  for (const auto& m : shipped().library.modules) {
    BOOST_TEST_CONTEXT(m.path) {
      BOOST_REQUIRE(!m.agenda.empty());
      BOOST_TEST(m.agenda.front().minutes <= 5);
      for (const auto& segment : m.agenda) BOOST_TEST(!std::regex_search(segment.title, check_in), segment.title);
    }
  }
}

// US spelling in everything patients and facilitators read (citation titles keep their own).
BOOST_AUTO_TEST_CASE(us_spelling) {
  const std::regex british(
      R"(\b(practis(e|es|ed|ing)|behaviour\w*|colour\w*|favour\w*|honour\w*|labour\w*|neighbour\w*|)"
      R"(centre|centres|judgement\w*|counsell\w*|labelled|labelling|organis(e|ed|es|ing|ation)|)"
      R"(recognis(e|ed|es|ing|able)|realis(e|ed|es|ing)|)"
      R"(apologis\w*|criticis(e|ed|es|ing)|emphasis(e|ed|es|ing)|minimis\w*|prioritis\w*|normalis\w*|)"
      R"(programme|programmes|defence|offence|licence|travell\w*|analys(e|ed|ing)|whilst|mum|mums|fibre|litres?|)"
      R"(humour|flavour\w*|paediatric|anaemia|grey|towards|enrol|fulfil|catalogue)\b)",
      std::regex::icase);
  std::vector<std::pair<std::string, std::string>> texts;  // path, text
  for (const auto& m : shipped().library.modules) texts.push_back({m.path, readable_text(m)});
  // The facilitator guidance of the shipped programs' fixed blocks, and the default group agreement.
  DiskFileSource files;
  std::string guidance = std::string(IOPPLAN_SOURCE_DIR) + "/curricula/guidance";
  for (const auto& name : files.list(guidance)) texts.push_back({name, files.read(guidance + "/" + name).value_or("")});
  BOOST_TEST(texts.size() > shipped().library.modules.size() + 2);
  texts.push_back({"group agreement", Organization{}.group_agreement});
  for (const auto& [path, text] : texts) {
    std::smatch match;
    BOOST_TEST_CONTEXT(path) {
      bool found = std::regex_search(text, match, british);
      BOOST_TEST(!found, (found ? "British spelling '" + match.str() + "'" : std::string()));
    }
  }
}

// curricula/COVERAGE.md and the modules' `anchors` agree in both directions.
BOOST_AUTO_TEST_CASE(coverage_map_matches_the_anchors) {
  DiskFileSource files;
  auto text = files.read(std::string(IOPPLAN_SOURCE_DIR) + "/curricula/COVERAGE.md");
  BOOST_REQUIRE(text.has_value());
  const std::regex row(R"(^\| *([a-z0-9-]+:[a-z0-9-]+) *\|[^|]*\| *([^|]*?) *\|$)");
  std::map<std::string, std::string> rows;  // anchor -> module id, or "" when not covered
  std::istringstream lines(*text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    std::string module = m[2].str();
    BOOST_TEST(rows.count(m[1].str()) == 0u, "anchor listed twice: " << m[1].str());
    rows[m[1].str()] = module.rfind("not covered", 0) == 0 ? "" : module;
  }
  BOOST_TEST(rows.size() >= 60u);
  for (const char* source : {"matrix-ers:", "matrix-rp:", "matrix-family:", "matrix-social:", "nida-cbt:"}) {
    for (const auto& [anchor, module] : rows) {
      if (anchor.rfind(source, 0) == 0) BOOST_TEST(!module.empty(), anchor << " has no module");
    }
  }
  const Library& library = shipped().library;
  for (const auto& [anchor, id] : rows) {
    if (id.empty()) continue;
    const Module* m = find_module(library, id);
    BOOST_TEST_CONTEXT(anchor) {
      BOOST_REQUIRE_MESSAGE(m != nullptr, "COVERAGE.md names unknown module '" << id << "'");
      BOOST_TEST((std::find(m->anchors.begin(), m->anchors.end(), anchor) != m->anchors.end()),
                 id << " does not list " << anchor);
    }
  }
  for (const auto& m : library.modules) {
    for (const auto& anchor : m.anchors) {
      BOOST_TEST_CONTEXT(m.path) {
        BOOST_TEST(rows.count(anchor) == 1u, anchor << " is not a row of COVERAGE.md");
        if (rows.count(anchor)) BOOST_TEST(!rows[anchor].empty(), anchor << " is marked not covered");
      }
    }
  }
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
    // A group's own name and a kind of drink are not words for people.
    std::string text = std::regex_replace(readable_text(m), std::regex("Alcoholics Anonymous|non-alcoholic"), "AA");
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
