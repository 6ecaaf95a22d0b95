#include "iopplan/sequencing/holidays.hpp"

namespace iopplan {
namespace {

namespace chr = std::chrono;
using chr::Monday;
using chr::Thursday;

// The `n`th weekday of a month, e.g. Monday[3]; the last one, e.g. Monday[chr::last].
Date nth(int year, unsigned month, chr::weekday_indexed weekday) {
  return from_sys_days(chr::sys_days(chr::year(year) / chr::month(month) / weekday));
}
Date last(int year, unsigned month, chr::weekday_last weekday) {
  return from_sys_days(chr::sys_days(chr::year(year) / chr::month(month) / weekday));
}

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
  if (year >= 1986) floating("Martin Luther King Jr. Day", nth(year, 1, Monday[3]));
  if (monday_rules) {
    floating("Washington's Birthday", nth(year, 2, Monday[3]));
    floating("Memorial Day", last(year, 5, Monday[chr::last]));
  } else {
    fixed("Washington's Birthday", 2, 22);
    fixed("Memorial Day", 5, 30);
  }
  if (year >= 2021) fixed("Juneteenth National Independence Day", 6, 19);
  fixed("Independence Day", 7, 4);
  floating("Labor Day", nth(year, 9, Monday[1]));
  if (monday_rules) {
    floating("Columbus Day", nth(year, 10, Monday[2]));
  } else {
    fixed("Columbus Day", 10, 12);
  }
  if (year >= 1971 && year <= 1977) {
    floating("Veterans Day", nth(year, 10, Monday[4]));
  } else {
    fixed("Veterans Day", 11, 11);
  }
  floating("Thanksgiving Day", nth(year, 11, Thursday[4]));
  fixed("Christmas Day", 12, 25);
  return result;
}

}  // namespace

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
