#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/coverage.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

// A rolling 2-week Mon/Thu program whose plan is a1, b1 | a2 (needs a1), c1.
struct Fixture {
  Library library = small_library();
  Program program;
  Plan plan;

  Fixture() {
    library.modules[1].prerequisites = {"a1"};
    program.id = "x";
    program.weeks = 2;
    program.admission = Admission::rolling;
    program.meeting_days = {Weekday::monday, Weekday::thursday};
    program.meeting_minutes = 60;
    program.blocks = {{"", "Topic", 60, {}, {}, "", "", {}}};
    plan.start = {2027, 3, 1};
    plan.weeks = 2;
    const char* ids[] = {"a1", "b1", "a2", "c1"};
    const Date dates[] = {{2027, 3, 1}, {2027, 3, 4}, {2027, 3, 8}, {2027, 3, 11}};
    for (int i = 0; i < 4; ++i) {
      Meeting m;
      m.week = i / 2 + 1;
      m.date = dates[i];
      PlannedBlock block;
      block.module = ids[i];
      m.blocks.push_back(block);
      plan.meetings.push_back(m);
    }
  }
};

std::string rows_text(const std::vector<CoverageRow>& rows) {
  std::string text;
  for (const auto& row : rows) {
    text += "week " + std::to_string(row.entry_week) + ": seen " + std::to_string(row.modules_seen) + "; missing";
    for (const auto& id : row.core_missing) text += " " + id;
    text += "; out of order";
    for (const auto& pair : row.out_of_order) text += " [" + pair + "]";
    text += "\n";
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(coverage)

BOOST_AUTO_TEST_CASE(joining_mid_cycle_meets_a_module_before_its_prerequisite) {
  Fixture f;
  BOOST_TEST(rows_text(rolling_coverage(f.library, f.program, f.plan)) ==
             "week 1: seen 4; missing; out of order\n"
             "week 2: seen 4; missing; out of order [a2 <- a1]\n");
}

BOOST_AUTO_TEST_CASE(core_modules_come_from_the_program_when_given) {
  Fixture f;
  f.program.core_modules = {{"c1", {}}, {"b2", {}}};
  BOOST_TEST(core_modules(f.program, f.plan) == (std::vector<std::string>{"c1", "b2"}));
  BOOST_TEST(rows_text(rolling_coverage(f.library, f.program, f.plan)) ==
             "week 1: seen 4; missing b2; out of order\n"
             "week 2: seen 4; missing b2; out of order [a2 <- a1]\n");
  f.program.core_modules.clear();
  BOOST_TEST(core_modules(f.program, f.plan) == (std::vector<std::string>{"a1", "b1", "a2", "c1"}));
}

BOOST_AUTO_TEST_CASE(a_closed_day_in_the_next_round_costs_a_calendar_stay_a_session) {
  Fixture f;
  f.program.closures.push_back({{2027, 3, 18}, {2027, 3, 18}, "Closed", {}});
  // Week 2 joins on Mar 8 and stays to Mar 21: a2, c1, then a1 on Mar 15; Mar 18 (b1) is closed.
  BOOST_TEST(rows_text(rolling_coverage(f.library, f.program, f.plan)) ==
             "week 1: seen 4; missing; out of order\n"
             "week 2: seen 3; missing b1; out of order [a2 <- a1]\n");
  f.program.stay = Stay::sessions;  // four sessions, whatever the calendar: b1 comes on Mar 22
  BOOST_TEST(rows_text(rolling_coverage(f.library, f.program, f.plan)) ==
             "week 1: seen 4; missing; out of order\n"
             "week 2: seen 4; missing; out of order [a2 <- a1]\n");
}

BOOST_AUTO_TEST_CASE(closed_admission_has_no_entry_weeks) {
  Fixture f;
  f.program.admission = Admission::closed;
  BOOST_TEST(rolling_coverage(f.library, f.program, f.plan).empty());
}

BOOST_AUTO_TEST_CASE(a_journey_lists_every_session_attended_into_the_next_round) {
  Fixture f;
  f.program.closures.push_back({{2027, 3, 18}, {2027, 3, 18}, "Closed", {}});
  for (auto& m : f.plan.meetings) m.group = "x";
  auto text = [](const Journey& journey) {
    std::string out;
    for (const auto& session : journey.attended) {
      out += to_iso(session.date) + " " + session.group + ":";
      for (const auto& id : session.modules) out += " " + id;
      out += "\n";
    }
    return out;
  };
  std::vector<Journey> all = journeys(f.library, f.program, f.plan);
  BOOST_REQUIRE(all.size() == 2u);
  BOOST_TEST(text(all[0]) == "2027-03-01 x: a1\n2027-03-04 x: b1\n2027-03-08 x: a2\n2027-03-11 x: c1\n");
  // Week 2 follows the rotation into round 2 (Mar 15 repeats a1); Mar 18 is closed.
  BOOST_TEST(text(all[1]) == "2027-03-08 x: a2\n2027-03-11 x: c1\n2027-03-15 x: a1\n");
  BOOST_TEST(all[1].sessions == 3);
  BOOST_TEST(to_iso(all[1].entry_date) == "2027-03-08");
}

BOOST_AUTO_TEST_SUITE_END()
