#include <boost/test/unit_test.hpp>

#include <cstdlib>

#include "iopplan/sequencing/holidays.hpp"

using namespace iopplan;

namespace {

std::string listing(int year) {
  std::string text;
  for (const auto& h : us_federal_holidays(year)) {
    text += to_iso(h.observed) + " " + h.name + (h.observed == h.date ? "" : " (from " + to_iso(h.date) + ")") + "\n";
  }
  return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(holidays)

BOOST_AUTO_TEST_CASE(the_2027_list_with_observed_dates) {
  BOOST_TEST(listing(2027) ==
             "2027-01-01 New Year's Day\n"
             "2027-01-18 Martin Luther King Jr. Day\n"
             "2027-02-15 Washington's Birthday\n"
             "2027-05-31 Memorial Day\n"
             "2027-06-18 Juneteenth National Independence Day (from 2027-06-19)\n"
             "2027-07-05 Independence Day (from 2027-07-04)\n"
             "2027-09-06 Labor Day\n"
             "2027-10-11 Columbus Day\n"
             "2027-11-11 Veterans Day\n"
             "2027-11-25 Thanksgiving Day\n"
             "2027-12-24 Christmas Day (from 2027-12-25)\n");
}

// January 1, 2022 was a Saturday: it was observed on Friday, December 31, 2021. The holiday stays in
// its own year's list (as OPM lists it), with the observed date in the year before.
BOOST_AUTO_TEST_CASE(a_saturday_new_year_is_observed_the_year_before) {
  auto y2022 = us_federal_holidays(2022);
  BOOST_TEST(y2022.size() == 11u);
  BOOST_TEST(y2022.front().name == "New Year's Day");
  BOOST_TEST(to_iso(y2022.front().date) == "2022-01-01");
  BOOST_TEST(to_iso(y2022.front().observed) == "2021-12-31");
  BOOST_TEST(us_federal_holiday_on({2021, 12, 31})->name == "New Year's Day");
  BOOST_TEST(us_federal_holiday_on({2021, 12, 24})->name == "Christmas Day");  // December 25, 2021 was a Saturday too
  BOOST_TEST(!us_federal_holiday_on({2022, 1, 1}).has_value());
  // 2027 ends the same way: New Year's Day 2028 is a Saturday.
  BOOST_TEST(us_federal_holiday_on({2027, 12, 31})->name == "New Year's Day");
}

BOOST_AUTO_TEST_CASE(a_sunday_holiday_is_observed_on_monday) {
  auto h = us_federal_holiday_on({2028, 6, 19});  // Juneteenth 2028 is a Monday: no shift
  BOOST_TEST(h.has_value());
  auto independence = us_federal_holiday_on({2027, 7, 5});
  BOOST_REQUIRE(independence.has_value());
  BOOST_TEST(independence->name == "Independence Day");
  BOOST_TEST(!us_federal_holiday_on({2027, 7, 4}).has_value());  // a Sunday, closed anyway but not "observed"
  BOOST_TEST(to_iso(us_federal_holiday_on({2033, 12, 26})->date) == "2033-12-25");
}

BOOST_AUTO_TEST_CASE(holidays_start_in_their_first_year) {
  auto names = [](int year) {
    std::string text;
    for (const auto& h : us_federal_holidays(year)) text += h.name + ";";
    return text;
  };
  BOOST_TEST(names(2020).find("Juneteenth") == std::string::npos);
  BOOST_TEST(names(2021).find("Juneteenth") != std::string::npos);
  BOOST_TEST(names(1985).find("Martin Luther King") == std::string::npos);
  BOOST_TEST(names(1986).find("Martin Luther King") != std::string::npos);
  BOOST_TEST(to_iso(us_federal_holiday_on({1975, 10, 27})->date) == "1975-10-27");  // Veterans Day, 1971-1977 rule
  BOOST_TEST(us_federal_holiday_on({1965, 5, 31})->name == "Memorial Day");        // May 30, 1965 was a Sunday
}

BOOST_AUTO_TEST_CASE(rules_hold_for_any_year) {
  for (int year = 1971; year <= 2200; ++year) {
    for (const auto& h : us_federal_holidays(year)) {
      BOOST_TEST_CONTEXT(year << " " << h.name) {
        BOOST_TEST(std::abs(days_between(h.date, h.observed)) <= 1);
        Weekday day = weekday_of(h.observed);
        BOOST_TEST((day != Weekday::saturday && day != Weekday::sunday));
      }
    }
    for (const auto& h : us_federal_holidays(year)) {
      if (h.name == "Thanksgiving Day") BOOST_TEST((weekday_of(h.date) == Weekday::thursday && h.date.day >= 22));
      if (h.name == "Memorial Day") BOOST_TEST((weekday_of(h.date) == Weekday::monday && h.date.day > 24));
    }
  }
}

BOOST_AUTO_TEST_CASE(weekday_rules_count_from_the_month_start) {
  auto on = [](int year, const std::string& name) {
    for (const auto& h : us_federal_holidays(year)) {
      if (h.name == name) return to_iso(h.date);
    }
    return std::string("none");
  };
  BOOST_TEST(on(2027, "Martin Luther King Jr. Day") == "2027-01-18");
  BOOST_TEST(on(2027, "Memorial Day") == "2027-05-31");
  BOOST_TEST(on(2027, "Labor Day") == "2027-09-06");
  BOOST_TEST(on(2026, "Thanksgiving Day") == "2026-11-26");
}

BOOST_AUTO_TEST_SUITE_END()
