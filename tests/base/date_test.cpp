#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "iopplan/base/date.hpp"

using namespace iopplan;

BOOST_AUTO_TEST_SUITE(date)

static const char* const kBadDates[] = {"2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31",
                                        "27-01-04",   "2027-1-4",   "2027/01/04", "1899-12-31", "2201-01-01",
                                        "",           "2027-01-04x", "abcd-ef-gh"};

BOOST_DATA_TEST_CASE(bad_dates_are_refused, boost::unit_test::data::make(kBadDates), text) {
  BOOST_TEST(!parse_iso_date(text).has_value());
}

BOOST_AUTO_TEST_CASE(real_dates_round_trip) {
  for (const char* text : {"2028-02-29", "2000-02-29", "1900-01-01", "2200-12-31", "2027-01-04"}) {
    auto date = parse_iso_date(text);
    BOOST_REQUIRE(date.has_value());
    BOOST_TEST(to_iso(*date) == text);
    BOOST_TEST(to_iso(from_sys_days(to_sys_days(*date))) == text);
  }
}

BOOST_AUTO_TEST_CASE(weekdays_and_arithmetic) {
  BOOST_TEST((weekday_of({2027, 1, 4}) == Weekday::monday));
  BOOST_TEST((weekday_of({1970, 1, 1}) == Weekday::thursday));
  BOOST_TEST(to_iso(add_days({2027, 12, 30}, 3)) == "2028-01-02");
  BOOST_TEST(to_iso(add_days({2028, 3, 1}, -1)) == "2028-02-29");
  BOOST_TEST(days_between({2027, 1, 4}, {2026, 12, 28}) == -7);
  BOOST_TEST(long_date({2027, 1, 4}) == "Monday, January 4, 2027");
  BOOST_TEST(clock_time(18 * 60) == "18:00");
  BOOST_TEST((*parse_weekday("Thu") == Weekday::thursday));
  BOOST_TEST(!parse_weekday("thurs").has_value());
}

BOOST_AUTO_TEST_CASE(dates_and_clocks_in_a_handout_language) {
  BOOST_TEST(long_date({2027, 1, 4}, "es") == "lunes, 4 de enero de 2027");
  BOOST_TEST(long_date({2027, 9, 1}, "es") == "miércoles, 1 de septiembre de 2027");
  BOOST_TEST(long_date({2027, 12, 25}, "es") == "sábado, 25 de diciembre de 2027");
  BOOST_TEST(long_date({2027, 1, 4}, "en") == "Monday, January 4, 2027");
  BOOST_TEST(clock12(18 * 60) == "6:00 PM");
  BOOST_TEST(clock12(0) == "12:00 AM");
  BOOST_TEST(clock12(18 * 60 + 30, "es") == "6:30 p. m.");
  BOOST_TEST(clock12(9 * 60, "es") == "9:00 a. m.");
}

BOOST_AUTO_TEST_SUITE_END()
