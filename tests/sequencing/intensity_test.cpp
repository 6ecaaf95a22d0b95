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

BOOST_AUTO_TEST_CASE(with_groups_each_week_of_a_stay_counts_the_groups_it_attends) {
  // Matrix-like: early recovery 2 x 1 h in weeks 1-4, relapse prevention 2 x 1.5 h in weeks 1-16,
  // family education 1 x 1.5 h in weeks 1-12, social support 1 x 1.5 h in weeks 13-16.
  Program p = two_evenings("asam-2.1-adult");
  p.weeks = 16;
  p.admission = Admission::rolling;
  auto group = [](const std::string& id, int days, int minutes, int first, int last) {
    Program g;
    g.group = id;
    g.meeting_days.assign(static_cast<size_t>(days), Weekday::monday);
    g.meeting_minutes = minutes;
    g.audience_first = first;
    g.audience_last = last;
    return g;
  };
  p.groups = {group("early-recovery", 2, 60, 1, 4), group("relapse-prevention", 2, 90, 1, 16),
              group("family-education", 1, 90, 1, 12), group("social-support", 1, 90, 13, 0)};
  std::vector<StayHours> runs = stay_hours(p);
  BOOST_REQUIRE(runs.size() == 3u);
  BOOST_TEST(runs[0].first == 1);
  BOOST_TEST(runs[0].last == 4);
  BOOST_TEST(runs[0].hours == 6.5);
  BOOST_TEST(runs[1].last == 12);
  BOOST_TEST(runs[1].hours == 4.5);
  BOOST_TEST(stay_hours_text(runs[2]) == "weeks 13-16 4.5 (relapse-prevention 3, social-support 1.5)");
  Diagnostics out;
  check_regular_week(p, out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: warning: 16 weeks of a stay fall below the 9 scheduled hours a week "
             "asam-2.1-adult asks for, counting the groups a participant attends: weeks 1-4 6.5 (early-recovery 2, "
             "relapse-prevention 3, family-education 1.5); weeks 5-12 4.5 (relapse-prevention 3, family-education 1.5); "
             "weeks 13-16 4.5 (relapse-prevention 3, social-support 1.5)\n");
  // Enough hours in weeks 1-4 only: the other weeks are named; a cohort counts weeks of the program.
  p.groups[0].meeting_minutes = 210;
  p.admission = Admission::closed;
  p.groups.pop_back();
  out.clear();
  check_regular_week(p, out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: warning: 12 weeks of the program fall below the 9 scheduled hours a week "
             "asam-2.1-adult asks for, counting the groups a participant attends: weeks 5-12 4.5 (relapse-prevention 3, "
             "family-education 1.5); weeks 13-16 3 (relapse-prevention 3)\n");
  out.clear();
  p.level_of_care = "";
  check_regular_week(p, out);
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

// With groups, a closed day costs each week of a stay the groups it attends that day.
BOOST_AUTO_TEST_CASE(with_groups_closed_days_count_by_week_of_the_stay) {
  Program shipped = builtin_program("iop-16-week-rolling");
  Diagnostics out;
  check_group_calendar_weeks(shipped, shipped.start_date, out);
  BOOST_TEST(diagnostics_text(out) ==
             shipped.path + ":5:17: warning: 2 weeks fall below the 9 scheduled hours a week asam-2.1-adult asks for: "
                            "week 3 has 7 in weeks 1-4 of a stay and 6 in weeks 5-16 (2027-01-18 Martin Luther King Jr. "
                            "Day); week 7 has 7 in weeks 1-4 of a stay and 6 in weeks 5-16 (2027-02-15 Washington's "
                            "Birthday)\n");
  // A cohort: week 2's closed Monday costs the skills group 3 hours; the family group, meeting on
  // Thursday, keeps the week at the level; meeting on Monday too, it does not.
  Program p = two_evenings("asam-2.1-adolescent");
  p.start_date = {2027, 1, 11};
  p.skip_us_federal_holidays = true;
  auto group = [&](const std::string& id, std::vector<Weekday> days, int first, int last) {
    Program g = p;
    g.group = id;
    g.meeting_days = std::move(days);
    g.audience_first = first;
    g.audience_last = last;
    g.weeks = last - first + 1;
    return g;
  };
  p.groups = {group("skills", {Weekday::monday, Weekday::wednesday}, 1, 4), group("family", {Weekday::thursday}, 2, 2)};
  out.clear();
  check_group_calendar_weeks(p, p.start_date, out);
  BOOST_TEST(diagnostics_text(out) == "");
  p.groups[1].meeting_days = {Weekday::monday};
  out.clear();
  note_calendar_weeks(p, out);
  BOOST_TEST(diagnostics_text(out) ==
             "input/programs/x.toml:5:17: note: starting on 2027-01-11, 1 week falls below the 6 scheduled hours a "
             "week asam-2.1-adolescent asks for: week 2 has 3 (2027-01-18 Martin Luther King Jr. Day)\n");
}

BOOST_AUTO_TEST_SUITE_END()
