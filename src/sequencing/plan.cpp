#include "iopplan/sequencing/plan.hpp"

#include <algorithm>

namespace iopplan {

int calendar_weeks(const Plan& plan) {
  int weeks = plan.weeks;
  for (const auto& meeting : plan.meetings) weeks = std::max(weeks, meeting.week);
  for (const auto& skipped : plan.skipped) weeks = std::max(weeks, skipped.week);
  return weeks;
}

}  // namespace iopplan
