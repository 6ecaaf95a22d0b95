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

// With options.keep: the earlier plan is this program's, starts where this one does and has week
// options.keep_through_week; otherwise false with the reason in `out`.
bool check_earlier_plan(const Program& program, const PlanOptions& options, Diagnostics& out);

// A kept module's reason: "kept as delivered (weeks 1-4 of the earlier plan)".
std::string kept_reason(int through_week);

// The earlier plan as `group` (planned as `sub`, see group_program) sees it: its meetings and the
// closed days on its meeting days, through week `through` of the program, in the group's own
// weeks; the weeks of it to keep (0: none yet, the group starts later).
struct GroupKeep {
  Plan earlier;
  int through_week = 0;
};
GroupKeep group_keep(const Program& program, const Program& sub, const Plan& earlier, int through);

// REQUIRES: !program.groups.empty(), and a window (options.window_weeks) starts on or after the
// plan's start (make_plan checks both).
PlanResult make_grouped_plan(const Library& library, const Program& program, const PlanOptions& options);

}  // namespace iopplan
