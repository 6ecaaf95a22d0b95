#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/intensity.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

Program two_evenings(const std::string& level) {
  Program p;
  p.path = "input/programs/x.toml";
  p.weeks = 4;
  p.meeting_days = {Weekday::monday, Weekday::wednesday};
  p.meeting_minutes = 180;
  p.level_of_care = level;
  p.level_of_care_pos = {5, 17};
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intensity)

BOOST_AUTO_TEST_CASE(levels_of_care) {
  BOOST_TEST(find_level_of_care("asam-2.1-adult")->min_weekly_hours == 9);
  BOOST_TEST(find_level_of_care("asam-2.1-adolescent")->min_weekly_hours == 6);
  BOOST_TEST(find_level_of_care("asam-2.5")->min_weekly_hours == 20);
  BOOST_TEST(find_level_of_care("asam-3.1") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_regular_week_below_the_level_is_a_warning) {
  Diagnostics out;
  check_regular_week(two_evenings("asam-2.1-adult"), out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: warning: a regular week has 6 scheduled hours (2 meetings of 3 hours); "
             "asam-2.1-adult asks for at least 9 a week\n");
  out.clear();
  check_regular_week(two_evenings("asam-2.1-adolescent"), out);
  check_regular_week(two_evenings(""), out);
  BOOST_TEST(diagnostics_text(out) == "");
}

BOOST_AUTO_TEST_CASE(short_weeks_of_a_plan_name_their_closed_days) {
  Program p = two_evenings("asam-2.1-adolescent");
  p.weeks = 5;
  std::vector<WeekHours> hours = {{1, 6}, {2, 3}, {3, 6}, {4, 6}, {5, 3}};
  std::vector<SkippedDay> skipped = {{2, {2027, 1, 18}, "Martin Luther King Jr. Day"}};
  Diagnostics out;
  check_plan_weeks(p, hours, skipped, out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: warning: 2 weeks fall below the 6 scheduled hours a week "
             "asam-2.1-adolescent asks for: week 2 has 3 (2027-01-18 Martin Luther King Jr. Day); week 5 has 3\n");
  // A week after the nominal end holds only moved content and is not held to the level of care.
  out.clear();
  p.weeks = 4;
  check_plan_weeks(p, hours, skipped, out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: warning: 1 week falls below the 6 scheduled hours a week "
             "asam-2.1-adolescent asks for: week 2 has 3 (2027-01-18 Martin Luther King Jr. Day)\n");
}

BOOST_AUTO_TEST_CASE(check_notes_the_holiday_weeks_of_the_default_start) {
  Program p = two_evenings("asam-2.1-adolescent");
  p.start_date = {2027, 1, 11};  // a Monday; the next Monday is Martin Luther King Jr. Day
  p.skip_us_federal_holidays = true;
  Diagnostics out;
  note_calendar_weeks(p, out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: note: starting on 2027-01-11, 1 week falls below the 6 scheduled hours a "
             "week asam-2.1-adolescent asks for: week 2 has 3 (2027-01-18 Martin Luther King Jr. Day)\n");
  p.skip_us_federal_holidays = false;
  out.clear();
  note_calendar_weeks(p, out);
  BOOST_TEST(diagnostics_text(out) == "");
}

BOOST_AUTO_TEST_SUITE_END()
