#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/preflight.hpp"
#include "iopplan/sequencing/sequencer.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

// small_library() plus a2 needing a1, a 90-minute c5 and a late-phase b5; the cases below make the
// "any" modules early, so a phase rule can starve a slot.
Library preflight_library() {
  Library library = small_library();
  library.modules[1].prerequisites = {"a1"};
  library.modules.push_back(make_module("c5", "c", 90));
  library.modules.push_back(make_module("b5", "b", 60, GroupType::skills, Phase::late));
  return library;
}

struct Case {
  const char* program;  // lines added to small_program_text() after its last line (16)
  const char* expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.program; }

// Lines 17+ of each program below; the 2-week Mon/Thu program has 4 content slots of 60 minutes.
const Case kCases[] = {
    {"[limits.a]\nmin_per_cycle = 5\n[rules]\nno_repeat_within = \"cycle\"\n",
     "input/programs/x.toml:18:17: error: track 'a' needs 5 slots in the cycle (min_per_cycle) but has 4 modules "
     "that fit the plan's content slots, and repeats are off (no_repeat_within = \"cycle\", input/programs/x.toml:20)\n"
     "input/programs/x.toml:18:17: error: the tracks' min_per_cycle add up to 5, but the plan has 4 content slots\n"},
    {"[limits.a]\nmin_per_cycle = 3\nmax_per_week = 1\n",
     "input/programs/x.toml:18:17: error: track 'a' needs 3 slots in the cycle (min_per_cycle), but max_per_week = 1 "
     "(input/programs/x.toml:19) allows at most 2 in 2 weeks\n"},
    {"[limits.a]\nmin_per_week = 1\n[limits.b]\nmin_per_week = 1\n[limits.c]\nmin_per_week = 1\n",
     "input/programs/x.toml:18:16: error: the tracks' min_per_week add up to 3, but a week has 2 content slots\n"},
    {"[limits.a]\nmax_per_week = 0\n[limits.b]\nmax_per_week = 1\n[limits.c]\nmax_per_cycle = 0\n",
     "input/programs/x.toml:20:16: error: the tracks can fill at most 2 of the plan's 4 content slots: b 2 "
     "(max_per_week = 1 over 2 weeks, input/programs/x.toml:20)\n"},
    {"[rules]\nrequired = [\"a3\", \"c5\", \"a2\"]\nexcluded = [\"a3\", \"a1\"]\n",
     "input/programs/x.toml:18:13: error: module 'a3' is both required and excluded (input/programs/x.toml:19)\n"
     "input/programs/x.toml:18:19: error: required module 'c5' (90 minutes, track c, skills, phase early) fits no "
     "content slot of the plan\n"
     "input/programs/x.toml:18:25: error: required module 'a2' needs 'a1' first, but 'a1' is excluded "
     "(input/programs/x.toml:19)\n"},
    {"[[phase]]\nweeks = [1, 2]\nphases = [\"late\"]\n[rules]\nexcluded = [\"b5\"]\n",
     "input/programs/x.toml:17:1: error: no module can fill content slot 'Topic' (60 minutes) in weeks 1-2: this "
     "phase rule takes only late modules (and 'any'), and none of those fits the slot\n"},
};

Library with_any_phases_late(Library library) {
  for (auto& m : library.modules) {
    if (m.phase == Phase::any) m.phase = Phase::early;
  }
  return library;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(preflight_checks)

BOOST_DATA_TEST_CASE(impossible_rules_are_reported_at_their_lines, boost::unit_test::data::make(kCases), c) {
  Library library = with_any_phases_late(preflight_library());
  Diagnostics out;
  auto program = parse_program("input/programs/x.toml", small_program_text() + c.program, library, out);
  BOOST_REQUIRE_MESSAGE(program, diagnostics_text(out));
  BOOST_TEST(!preflight(library, *program, std::nullopt, out));
  BOOST_TEST(diagnostics_text(out) == c.expected);
  // make_plan runs the same checks and stops there.
  PlanResult result = make_plan(library, *program, PlanOptions{});
  BOOST_TEST(!result.plan.has_value());
  BOOST_TEST(diagnostics_text(result.diagnostics) == c.expected);
}

BOOST_AUTO_TEST_CASE(too_few_modules_for_the_slots) {
  Library library = small_library();
  Diagnostics out;
  auto program = parse_program("input/programs/x.toml", replace_line(small_program_text(), 4, "weeks = 7"), library, out);
  BOOST_REQUIRE(program);
  BOOST_TEST(!preflight(library, *program, std::nullopt, out));
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:4:9: error: the plan has 14 content slots to fill but only 12 modules fit them, "
             "and repeats are off (the default; set no_repeat_within in [rules] to allow them)\n");
  out.clear();
  program->no_repeat_within_weeks = 4;
  BOOST_TEST(preflight(library, *program, std::nullopt, out));
  BOOST_TEST(diagnostics_text(out) == "");
}

BOOST_AUTO_TEST_CASE(a_calendar_with_no_meeting) {
  Library library = small_library();
  Diagnostics out;
  auto program = parse_program("input/programs/x.toml",
                               replace_line(small_program_text(), 9, "when_closed = \"shorten\"\n") +
                                   "[[closure]]\ndate = 2027-03-01\nthrough = 2027-03-14\nreason = \"Renovation\"\n",
                               library, out);
  BOOST_REQUIRE_MESSAGE(program, diagnostics_text(out));
  BOOST_TEST(!preflight(library, *program, std::nullopt, out));
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:18:1: error: no meeting is held: every meeting day from 2027-03-01 on is closed\n");
}

BOOST_AUTO_TEST_CASE(the_shipped_programs_pass) {
  for (const char* id : {"iop-16-week-rolling", "iop-8-week-cohort"}) {
    Diagnostics out;
    BOOST_TEST(preflight(builtin_library(), builtin_program(id), std::nullopt, out));
    BOOST_TEST(diagnostics_text(out) == "");
  }
}

BOOST_AUTO_TEST_SUITE_END()
