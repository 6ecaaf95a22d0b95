// Sequencing: program rules + library -> a dated plan, or a plain explanation of why none fits.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

struct PlanOptions {
  std::optional<Date> start;      // default: the program's start date
  uint64_t seed = 1;              // same library, program, start and seed -> same plan
  const Plan* keep = nullptr;     // an earlier plan whose first weeks are kept as delivered
  int keep_through_week = 0;      // REQUIRES: keep != nullptr when > 0
  // A window of the plan: the `window_weeks` weeks from `from`. A rolling program's cycle is planned
  // from its start date and repeated (see rotation.hpp), so every window agrees with every other.
  std::optional<Date> from;
  int window_weeks = 0;           // 0: the whole plan; REQUIRES: from set when > 0
  // Tracks the meeting held on a date may not take (the grouped planner's separate_days across
  // groups: another group holds a track kept apart from them that day, or on a day the meeting's
  // content recurs). Track ids; dates without an entry take any track.
  const std::map<Date, std::vector<std::string>>* barred_tracks = nullptr;
};

struct PlanResult {
  std::optional<Plan> plan;   // nullopt when the rules cannot all hold
  Diagnostics diagnostics;    // errors explain infeasibility (with the program's path:line); warnings too
};

PlanResult make_plan(const Library& library, const Program& program, const PlanOptions& options);

}  // namespace iopplan
