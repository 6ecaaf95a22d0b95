// Coverage: what a rolling-admission patient sees, for each week they might join.
#pragma once

#include <string>
#include <vector>

#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

// The modules coverage is measured against: the core_modules of the program and of its groups, or
// else every module in the plan's cycle, in order of first appearance.
std::vector<std::string> core_modules(const Program& program, const Plan& plan);

// One row per entry week 1..program.weeks. A patient joins at the first meeting of their entry week
// and stays the program's length (Program::stay): program.weeks calendar weeks, or as many sessions
// as the nominal calendar holds. The cycle repeats after the plan's last meeting, on the days the
// program meets and is not closed. Empty for closed admission.
std::vector<CoverageRow> rolling_coverage(const Library& library, const Program& program, const Plan& plan);

// The modules every journey must meet: the program's required modules, its core_modules and its
// pinned modules, then those of each group in order.
std::vector<std::string> required_modules(const Program& program);

// One journey per entry week 1..program.weeks (rolling, stays as for coverage), or one for the
// closed cohort's whole plan.
std::vector<Journey> journeys(const Library& library, const Program& program, const Plan& plan);

// The library's modules (less the program's excluded ones) the plan never schedules, sorted by id.
std::vector<std::string> unused_modules(const Library& library, const Program& program, const Plan& plan);

// Per module met more than once in some journey: the most times one journey meets it, by id.
std::vector<std::pair<std::string, int>> repeated_modules(const std::vector<Journey>& journeys);

}  // namespace iopplan
