// The plan as a week-by-week table a director reads in a terminal (`iopplan plan`).
#pragma once

#include <string>

#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

// With `explain`, each content slot gets a line saying why its module sits there, coverage rows
// name what is missing, and the score is broken down by term.
std::string plan_to_text(const Plan& plan, const Program& program, const Library& library, bool explain);

}  // namespace iopplan
