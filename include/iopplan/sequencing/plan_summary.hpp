// What a plan leaves out or repeats: one summary, printed by `iopplan plan` and by a build's
// summary page, so the two always agree.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

// A required (or core) module some journey does not meet.
struct MissedModule {
  std::string id;
  std::vector<int> entry_weeks;  // the journeys that miss it, by entry week (a cohort's is 1)
};

struct PlanSummary {
  bool rolling = false;
  bool has_required = false;                          // the program names required or core modules
  std::vector<MissedModule> required_missed;          // sorted by id
  std::vector<std::string> unused;                    // never scheduled, sorted by id
  std::vector<std::pair<std::string, int>> repeated;  // met more than once by one participant: the most times
  std::vector<std::string> goals_missed;              // soft goals with a penalty, by name, in score order
};

// Read from the plan's journeys, unused and repeated modules, and score terms; computes nothing anew.
PlanSummary plan_summary(const Plan& plan);

// The summary as `iopplan plan` prints it, one line per part, starting with a blank line.
std::string plan_summary_text(const PlanSummary& summary);

}  // namespace iopplan
