// Intensity: scheduled group hours per week against what the level of care asks for.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/curriculum/level_of_care.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

// A regular week (every meeting day held) in hours.
double regular_week_hours(const Program& program);

// With groups: the hours of a regular week for a participant in weeks first..last of their stay
// (of the program, when it is closed), adding up the groups that serve those weeks; one run per
// stretch of weeks attending the same groups. `groups`: "relapse-prevention 3, family-education 1.5".
struct StayHours {
  int first = 1;
  int last = 1;
  double hours = 0;
  std::string groups;
};
std::vector<StayHours> stay_hours(const Program& program);
// "weeks 5-12 4.5 (relapse-prevention 3, family-education 1.5)"
std::string stay_hours_text(const StayHours& run);

// Warns at `level_of_care` when a regular week falls short of the level: a problem of the program
// itself, which `iopplan check` reports. With groups, per week of the stay (stay_hours).
void check_regular_week(const Program& program, Diagnostics& out);

// Warns at `level_of_care` when weeks of a plan fall short (a closure, a short last week), naming
// them and the days closed in them. REQUIRES: hours and skipped from the same plan.
void check_plan_weeks(const Program& program, const std::vector<WeekHours>& hours,
                      const std::vector<SkippedDay>& skipped, Diagnostics& out);

// With groups: warns at `level_of_care` for the weeks of a plan from `start` whose closed days leave a
// participant below the level, by week of the stay ("week 3 has 7 in weeks 1-4 of a stay and 6 in
// weeks 5-16 (2027-01-18 Martin Luther King Jr. Day)").
void check_group_calendar_weeks(const Program& program, const Date& start, Diagnostics& out);

// Notes (not warnings: they depend on the start date, which `plan --start` may change) the weeks that
// closures leave short of the level of care, for a plan starting on the program's start_date.
void note_calendar_weeks(const Program& program, Diagnostics& out);

}  // namespace iopplan
