#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/calendar.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

Program evening_program() {
  Program p;
  p.id = "p";
  p.weeks = 16;
  p.meeting_days = {Weekday::monday, Weekday::wednesday, Weekday::thursday};
  p.skip_us_federal_holidays = true;
  return p;
}

std::string closed_days(const std::vector<MeetingDay>& days) {
  std::string text;
  for (const auto& d : days) {
    if (!d.held()) text += to_iso(d.date) + " week " + std::to_string(d.week) + " " + d.closed + "\n";
  }
  return text;
}

long held(const std::vector<MeetingDay>& days) {
  return std::count_if(days.begin(), days.end(), [](const MeetingDay& d) { return d.held(); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar)

BOOST_AUTO_TEST_CASE(holidays_are_skipped_and_the_plan_runs_on) {
  auto days = meeting_calendar(evening_program(), {2027, 1, 4});
  BOOST_TEST(closed_days(days) ==
             "2027-01-18 week 3 Martin Luther King Jr. Day\n"
             "2027-02-15 week 7 Washington's Birthday\n");
  BOOST_TEST(held(days) == 48);
  BOOST_TEST(days.size() == 50u);
  BOOST_TEST(to_iso(days.back().date) == "2027-04-28");
  BOOST_TEST(days.back().week == 17);
}

BOOST_AUTO_TEST_CASE(shorten_keeps_the_end_date) {
  Program p = evening_program();
  p.when_closed = WhenClosed::shorten;
  auto days = meeting_calendar(p, {2027, 1, 4});
  BOOST_TEST(days.size() == 48u);
  BOOST_TEST(held(days) == 46);
  BOOST_TEST(to_iso(days.back().date) == "2027-04-22");
}

BOOST_AUTO_TEST_CASE(listed_closures_win_over_holidays_and_cover_ranges) {
  Program p = evening_program();
  p.weeks = 2;
  p.closures.push_back({{2027, 1, 6}, {2027, 1, 7}, "Staff training", {}});
  p.closures.push_back({{2027, 1, 18}, {2027, 1, 18}, "Snow day", {}});
  auto days = meeting_calendar(p, {2027, 1, 4});
  BOOST_TEST(closed_days(days) ==
             "2027-01-06 week 1 Staff training\n"
             "2027-01-07 week 1 Staff training\n"
             "2027-01-18 week 3 Snow day\n");
  BOOST_TEST(held(days) == 6);
  BOOST_TEST(to_iso(days.back().date) == "2027-01-21");
  BOOST_TEST(closure_reason(p, {2027, 2, 15}) == "Washington's Birthday");
  BOOST_TEST(closure_reason(p, {2027, 7, 5}) == "Independence Day (observed)");
  p.skip_us_federal_holidays = false;
  BOOST_TEST(closure_reason(p, {2027, 2, 15}) == "");
}

BOOST_AUTO_TEST_CASE(weeks_count_seven_days_from_the_start) {
  BOOST_TEST(week_of({2027, 1, 6}, {2027, 1, 6}) == 1);
  BOOST_TEST(week_of({2027, 1, 6}, {2027, 1, 12}) == 1);
  BOOST_TEST(week_of({2027, 1, 6}, {2027, 1, 13}) == 2);
  BOOST_TEST(week_of({2027, 1, 6}, {2027, 1, 5}) == 0);
  Program p = evening_program();
  p.weeks = 1;
  auto days = meeting_calendar(p, {2027, 1, 6});  // a Wednesday: Wed, Thu, Mon
  BOOST_TEST(days.size() == 3u);
  BOOST_TEST(to_iso(days.back().date) == "2027-01-11");
}

BOOST_AUTO_TEST_CASE(a_calendar_that_is_always_closed_stops) {
  Program p = evening_program();
  p.weeks = 1;
  p.closures.push_back({{2027, 1, 1}, {2030, 1, 1}, "Closed", {}});
  auto days = meeting_calendar(p, {2027, 1, 4});
  BOOST_TEST(held(days) == 0);
  BOOST_TEST(days.back().week <= 1 + kMaxRunOverWeeks);
}

BOOST_AUTO_TEST_CASE(next_rounds_skip_closed_days) {
  Program p = evening_program();
  auto days = held_days_between(p, {2027, 1, 4}, {2027, 5, 26}, {2027, 6, 3});
  std::string text;
  for (const auto& d : days) text += to_iso(d.date) + " ";
  BOOST_TEST(text == "2027-05-27 2027-06-02 2027-06-03 ");  // Memorial Day, May 31, is closed
}

BOOST_AUTO_TEST_SUITE_END()
