#include "iopplan/curriculum/program.hpp"

namespace iopplan {

const char* admission_name(Admission admission) { return admission == Admission::rolling ? "rolling" : "closed"; }

const char* when_closed_name(WhenClosed when) { return when == WhenClosed::shorten ? "shorten" : "extend"; }

const char* stay_name(Stay stay) { return stay == Stay::sessions ? "sessions" : "weeks"; }

const std::array<SoftGoal, kGoalCount>& soft_goals() {
  static const std::array<SoftGoal, kGoalCount> goals = {{
      {Goal::spread, "track_spread", "track spread", &Weights::track_spread},
      {Goal::back_to_back, "back_to_back", "track back-to-back", &Weights::back_to_back},
      {Goal::variety, "group_type_variety", "group type variety", &Weights::group_type_variety},
      {Goal::prerequisite, "prerequisite_distance", "prerequisite distance", &Weights::prerequisite_distance},
      {Goal::repeats, "repeats", "module repeats", &Weights::repeats},
      {Goal::changes, "changes", "changes from the earlier plan", &Weights::changes},
  }};
  return goals;
}

int audience_last_week(const Program& program, const Program& group) {
  return group.audience_last > 0 ? group.audience_last : program.weeks;
}

int content_slots_per_meeting(const Program& program) {
  int slots = 0;
  for (const auto& block : program.blocks) slots += block.is_content() ? 1 : 0;
  return slots;
}

std::string meeting_days_text(const Program& program) {
  std::string text;
  for (Weekday day : program.meeting_days) text += (text.empty() ? "" : "/") + std::string(weekday_short_name(day));
  return text;
}

}  // namespace iopplan
