// Programs with several groups ([[group]]): each group is planned as a program of its own (a
// rolling group whose audience spans K weeks is a rotation of K weeks anchored at the start date),
// no module is planned in two groups, and the meetings are merged on one calendar. Journeys follow
// a participant through every group their week of stay admits them to.
#pragma once

#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/sequencing/sequencer.hpp"

namespace iopplan {

// A plan with the program's identity fields set and nothing planned yet.
Plan plan_identity(const Program& program, const Date& start, uint64_t seed);

// The group as a program starting on its own first day: `start` (rolling), or `start` plus the weeks
// before its audience (closed).
Program group_program(const Program& program, const Program& group, const Date& start);

// REQUIRES: !program.groups.empty(), and a window (options.window_weeks) starts on or after the
// plan's start (make_plan checks both).
PlanResult make_grouped_plan(const Library& library, const Program& program, const PlanOptions& options);

}  // namespace iopplan
