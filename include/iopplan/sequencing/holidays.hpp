// Holidays: the US federal holidays (5 U.S.C. 6103), computed by rule for any year.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/date.hpp"

namespace iopplan {

struct Holiday {
  std::string name;  // "Independence Day"
  Date date;         // the day it falls on by rule
  Date observed;     // the day offices close: a Saturday holiday moves to Friday, a Sunday one to Monday
};

// The federal holidays of `year` by rule, in date order, each with the day it is observed. As on
// OPM's lists, a holiday belongs to its own year even when observed in another: when January 1 is a
// Saturday, New Year's Day is observed on December 31 of the year before (2022's on 2021-12-31).
// Rules as they stand today, with each holiday's first year: Martin Luther King Jr. Day from 1986,
// Juneteenth from 2021; before 1971 the Monday holidays fell on their fixed dates (February 22,
// May 30, October 12) and from 1971 to 1977 Veterans Day was the fourth Monday of October.
std::vector<Holiday> us_federal_holidays(int year);

// The holiday observed on `date`, if any (December 31 may observe the next year's New Year's Day).
std::optional<Holiday> us_federal_holiday_on(const Date& date);

}  // namespace iopplan
