// Intensity: scheduled group hours per week against what the level of care asks for.
#pragma once

#include <string>
#include <vector>

#include "iopplan/diagnostic.hpp"
#include "iopplan/plan.hpp"
#include "iopplan/program.hpp"

namespace iopplan {

struct LevelOfCare {
  std::string id;           // "asam-2.1-adult"
  std::string title;        // "ASAM 2.1 intensive outpatient (adults)"
  double min_weekly_hours;  // 9
};

// ASAM 2.1 adults (>= 9 h a week), 2.1 adolescents (>= 6 h), 2.5 partial hospitalization (>= 20 h).
const std::vector<LevelOfCare>& levels_of_care();
std::vector<std::string> level_of_care_ids();
// nullptr when unknown.
const LevelOfCare* find_level_of_care(const std::string& id);

// 9 -> "9", 7.5 -> "7.5": hours as people write them (two decimals at most).
std::string hours_text(double hours);

// A regular week (every meeting day held) in hours.
double regular_week_hours(const Program& program);

// Warns at `level_of_care` when a regular week falls short of the level: a problem of the program
// itself, which `iopplan check` reports.
void check_regular_week(const Program& program, Diagnostics& out);

// Warns at `level_of_care` when weeks of a plan fall short (a closure, a short last week), naming
// them and the days closed in them. REQUIRES: hours and skipped from the same plan.
void check_plan_weeks(const Program& program, const std::vector<WeekHours>& hours,
                      const std::vector<SkippedDay>& skipped, Diagnostics& out);

// Notes (not warnings: they depend on the start date, which `plan --start` may change) the weeks that
// closures leave short of the level of care, for a plan starting on the program's start_date.
void note_calendar_weeks(const Program& program, Diagnostics& out);

}  // namespace iopplan
