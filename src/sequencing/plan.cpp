#include "iopplan/sequencing/plan.hpp"

#include <algorithm>

namespace iopplan {

int calendar_weeks(const Plan& plan) {
  int weeks = plan.weeks;
  for (const auto& meeting : plan.meetings) weeks = std::max(weeks, meeting.week);
  for (const auto& skipped : plan.skipped) weeks = std::max(weeks, skipped.week);
  return weeks;
}

bool has_several_groups(const Plan& plan) {
  if (plan.groups.size() > 1) return true;
  for (const auto& meeting : plan.meetings) {
    if (meeting.group != plan.meetings.front().group) return true;
  }
  return false;
}

std::string group_name(const Plan& plan, const std::string& group_id) {
  for (const auto& group : plan.groups) {
    if (group.id == group_id && !group.name.empty()) return group.name;
  }
  std::string program_name = plan.program_name.empty() ? plan.program : plan.program_name;
  return group_id.empty() || group_id == plan.program ? program_name : group_id;
}

std::string closed_days_text(const std::vector<SkippedDay>& skipped) {
  std::string days;
  for (size_t i = 0; i < skipped.size() && i < 6; ++i) {
    days += (i ? "; " : "") + to_iso(skipped[i].date) + " " + skipped[i].reason;
  }
  if (skipped.size() > 6) days += "; and " + std::to_string(skipped.size() - 6) + " more";
  return std::to_string(skipped.size()) + (skipped.size() == 1 ? " meeting day is" : " meeting days are") + " closed (" +
         days + ")";
}

}  // namespace iopplan
