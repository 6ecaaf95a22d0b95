#include "iopplan/holidays.hpp"

namespace iopplan {
namespace {

Date observed_date(const Date& date) {
  switch (weekday_of(date)) {
    case Weekday::saturday: return add_days(date, -1);
    case Weekday::sunday: return add_days(date, 1);
    default: return date;
  }
}

// The holidays that belong to `year` by rule, in date order (New Year's Day may be observed in year - 1).
std::vector<Holiday> holidays_by_rule(int year) {
  std::vector<Holiday> result;
  auto fixed = [&](const char* name, int month, int day) {
    Date date{year, month, day};
    result.push_back({name, date, observed_date(date)});
  };
  auto floating = [&](const char* name, Date date) { result.push_back({name, date, date}); };
  bool monday_rules = year >= 1971;  // the Uniform Monday Holiday Act took effect in 1971

  fixed("New Year's Day", 1, 1);
  if (year >= 1986) floating("Martin Luther King Jr. Day", nth_weekday(year, 1, Weekday::monday, 3));
  if (monday_rules) {
    floating("Washington's Birthday", nth_weekday(year, 2, Weekday::monday, 3));
    floating("Memorial Day", nth_weekday(year, 5, Weekday::monday, -1));
  } else {
    fixed("Washington's Birthday", 2, 22);
    fixed("Memorial Day", 5, 30);
  }
  if (year >= 2021) fixed("Juneteenth National Independence Day", 6, 19);
  fixed("Independence Day", 7, 4);
  floating("Labor Day", nth_weekday(year, 9, Weekday::monday, 1));
  if (monday_rules) {
    floating("Columbus Day", nth_weekday(year, 10, Weekday::monday, 2));
  } else {
    fixed("Columbus Day", 10, 12);
  }
  if (year >= 1971 && year <= 1977) {
    floating("Veterans Day", nth_weekday(year, 10, Weekday::monday, 4));
  } else {
    fixed("Veterans Day", 11, 11);
  }
  floating("Thanksgiving Day", nth_weekday(year, 11, Weekday::thursday, 4));
  fixed("Christmas Day", 12, 25);
  return result;
}

}  // namespace

Date nth_weekday(int year, int month, Weekday weekday, int n) {
  if (n < 0) {
    Date last{year, month, days_in_month(year, month)};
    int back = (static_cast<int>(weekday_of(last)) - static_cast<int>(weekday) + 7) % 7;
    return add_days(last, -back);
  }
  Date first{year, month, 1};
  int forward = (static_cast<int>(weekday) - static_cast<int>(weekday_of(first)) + 7) % 7;
  return add_days(first, forward + 7 * (n - 1));
}

std::vector<Holiday> us_federal_holidays(int year) { return holidays_by_rule(year); }

std::optional<Holiday> us_federal_holiday_on(const Date& date) {
  for (int year : {date.year, date.year + 1}) {
    for (auto& holiday : holidays_by_rule(year)) {
      if (holiday.observed == date) return holiday;
    }
  }
  return std::nullopt;
}

}  // namespace iopplan
