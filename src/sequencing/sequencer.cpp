#include "iopplan/sequencing/sequencer.hpp"

#include <algorithm>
#include <cmath>

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/sequencing/coverage.hpp"
#include "iopplan/sequencing/intensity.hpp"
#include "iopplan/sequencing/rotation.hpp"
#include "sequencing/explain.hpp"
#include "sequencing/groups.hpp"
#include "sequencing/problem.hpp"
#include "sequencing/search.hpp"
#include "sequencing/state.hpp"
#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

// Scores are reported to four decimals, so rounding noise never shows in the output.

struct Layout {
  Date start;
  KeptPart kept;
  std::vector<SkippedDay> kept_skipped;
  std::vector<MeetingDay> days;  // from the first replanned week on, closed days included
  int held_needed = -1;
};

// Takes weeks 1..N from the earlier plan and checks that it belongs to this program.
bool keep_earlier_weeks(const Program& program, const PlanOptions& options, Layout& layout, Diagnostics& out) {
  if (!check_earlier_plan(program, options, out)) return false;
  const Plan& earlier = *options.keep;
  int n = options.keep_through_week;
  layout.start = earlier.start;
  for (const auto& meeting : earlier.meetings) {
    if (meeting.week <= n) layout.kept.meetings.push_back(meeting);
  }
  for (const auto& day : earlier.skipped) {
    if (day.week <= n) layout.kept_skipped.push_back(day);
  }
  layout.kept.through_week = n;
  int nominal = static_cast<int>(program.meeting_days.size()) * program.weeks;
  layout.held_needed = std::max(0, nominal - static_cast<int>(layout.kept.meetings.size()));
  return true;
}

std::vector<WeekHours> weekly_hours(const Program& program, const Plan& plan) {
  std::vector<WeekHours> hours;
  if (plan.meetings.empty()) return hours;
  int last_week = plan.meetings.back().week;
  for (int w = 1; w <= last_week; ++w) hours.push_back({w, 0});
  for (const auto& meeting : plan.meetings) hours[meeting.week - 1].hours += (meeting.end - meeting.start) / 60.0;
  // A rolling cycle starts again straight away, so its last week is filled out by the next round.
  if (program.admission == Admission::rolling) {
    Date week_end = add_days(plan.start, 7L * last_week - 1);
    auto next_round = held_days_between(program, plan.start, plan.meetings.back().date, week_end);
    hours[last_week - 1].hours += static_cast<double>(next_round.size()) * program.meeting_minutes / 60.0;
  }
  for (auto& week : hours) week.hours = rounded(week.hours);
  return hours;
}

Meeting new_meeting(const Problem& p, const State& state, int index) {
  const Program& program = *p.program;
  const ProblemMeeting& pm = p.meetings[index];
  Meeting meeting;
  meeting.group = program.group.empty() ? program.id : program.group;
  meeting.week = pm.week;
  meeting.date = pm.date;
  meeting.start = program.start_time;
  meeting.end = program.start_time + program.meeting_minutes;
  int clock = program.start_time;
  size_t content = 0;
  for (const auto& block : program.blocks) {
    PlannedBlock planned;
    planned.start = clock;
    planned.minutes = block.minutes;
    if (block.is_content()) {
      int slot = pm.slots[content++];
      const ModuleInfo& info = p.modules[state.at(slot)];
      planned.module = info.id;
      planned.module_version = info.version;
      planned.track = info.track >= 0 ? p.tracks[info.track] : "";
      planned.slot = block.slot;
      planned.reason = placement_reason(p, state, slot);
    } else {
      planned.activity = block.activity;
      planned.guidance = block.guidance;
    }
    meeting.blocks.push_back(std::move(planned));
    clock += block.minutes;
  }
  return meeting;
}

// The plan JSON holds no guidance, so a kept meeting's fixed blocks take the program's, by activity.
std::string activity_guidance(const Program& program, const std::string& activity) {
  for (const auto& block : program.blocks) {
    if (!block.is_content() && block.activity == activity) return block.guidance;
  }
  return "";
}

Diagnostic closure_note(const Program& program, const Plan& plan, int held_meetings) {
  const size_t closed = plan.skipped.size();
  std::string text = closed_days_text(plan.skipped) + "; ";
  int nominal = static_cast<int>(program.meeting_days.size()) * program.weeks;
  if (program.when_closed == WhenClosed::extend) {
    int past = 0;
    for (const auto& meeting : plan.meetings) past += meeting.week > program.weeks ? 1 : 0;
    text += closed == 1 ? "its content moves on to the next meetings" : "their content moves on to the next meetings";
    text += past > 0 ? ", so the plan runs " + std::to_string(past) + (past == 1 ? " meeting" : " meetings") + " past week " +
                           std::to_string(program.weeks) + " and ends " + long_date(plan.meetings.back().date)
                     : " within the program's weeks";
  } else {
    text += "the plan keeps its end date and holds " + std::to_string(held_meetings) + " of " + std::to_string(nominal) +
            " meetings (when_closed = \"shorten\")";
  }
  Diagnostic d;
  d.severity = Severity::note;
  d.file = program.path;
  d.message = text;
  return d;
}

}  // namespace

std::string kept_reason(int through_week) {
  return "kept as delivered (weeks 1-" + std::to_string(through_week) + " of the earlier plan)";
}

bool check_earlier_plan(const Program& program, const PlanOptions& options, Diagnostics& out) {
  const Plan& earlier = *options.keep;
  int n = options.keep_through_week;
  if (earlier.program != program.id) {
    out.push_back(error_at("", {}, "the earlier plan is for program '" + earlier.program + "', not '" + program.id + "'"));
    return false;
  }
  if (options.start && *options.start != earlier.start) {
    out.push_back(error_at("", {}, "the earlier plan starts " + to_iso(earlier.start) + "; a kept plan cannot move to " +
                                       to_iso(*options.start)));
    return false;
  }
  int last_week = 0;
  for (const auto& meeting : earlier.meetings) last_week = std::max(last_week, meeting.week);
  if (n > last_week) {
    out.push_back(error_at("", {}, "--keep-through-week " + std::to_string(n) + " is past the earlier plan's last week (" +
                                       std::to_string(last_week) + ")"));
    return false;
  }
  return true;
}

PlanResult make_plan(const Library& library, const Program& program, const PlanOptions& options) {
  PlanResult result;
  Diagnostics& out = result.diagnostics;
  if (options.window_weeks > 0) {
    Date start = options.start.value_or(program.start_date);
    if (!options.from || *options.from < start) {
      out.push_back(usage_error("--from " + (options.from ? to_iso(*options.from) : std::string("(missing)")) +
                                " is before the plan's start, " + to_iso(start)));
      return result;
    }
  }
  if (options.keep_through_week > 0 && options.keep == nullptr) {
    out.push_back(error_at("", {}, "keeping weeks needs the earlier plan"));
    return result;
  }
  if (!program.groups.empty()) return make_grouped_plan(library, program, options);
  Layout layout;
  layout.start = options.start.value_or(program.start_date);
  int first_week = 1;
  if (options.keep_through_week > 0) {
    if (!keep_earlier_weeks(program, options, layout, out)) return result;
    first_week = options.keep_through_week + 1;
  }
  layout.days = meeting_calendar(program, layout.start, first_week, layout.held_needed);
  int held_needed = layout.held_needed >= 0 ? layout.held_needed
                                            : static_cast<int>(program.meeting_days.size()) * program.weeks;
  if (!check_calendar(program, layout.start, layout.days, held_needed, out)) return result;

  Problem problem = build_problem(library, program, layout.start, layout.kept, layout.days, options.keep,
                                  options.barred_tracks);
  if (!preflight_problem(problem, out)) return result;
  SearchOptions search;
  search.seed = options.seed;
  SearchOutcome outcome = solve(problem, search);
  if (!outcome.assignment) {
    out.push_back(failure_explanation(problem, outcome));
    return result;
  }
  std::string broken = broken_rule(problem, *outcome.assignment);
  if (!broken.empty()) {
    out.push_back(error_at(program.path, {}, "internal error: the search broke a rule (" + broken + "); please report it"));
    return result;
  }
  State state(problem);
  for (int s = 0; s < problem.slot_count(); ++s) state.set(s, (*outcome.assignment)[s]);

  Plan plan = plan_identity(program, layout.start, options.seed);
  for (size_t i = 0; i < problem.meetings.size(); ++i) {
    if (problem.meetings[i].kept) continue;
    plan.meetings.push_back(new_meeting(problem, state, static_cast<int>(i)));
  }
  if (!layout.kept.meetings.empty()) {
    std::vector<Meeting> meetings = layout.kept.meetings;
    for (auto& meeting : meetings) {
      for (auto& block : meeting.blocks) {
        if (!block.module.empty()) block.reason = kept_reason(layout.kept.through_week);
        if (block.module.empty()) block.guidance = activity_guidance(program, block.activity);
      }
    }
    meetings.insert(meetings.end(), plan.meetings.begin(), plan.meetings.end());
    plan.meetings = std::move(meetings);
  }
  plan.skipped = layout.kept_skipped;
  for (const auto& day : layout.days) {
    if (!day.held()) plan.skipped.push_back({day.week, day.date, day.closed});
  }

  ScoreParts parts = evaluate(problem, *outcome.assignment);
  for (const SoftGoal& goal : soft_goals()) {
    if (goal.goal == Goal::changes && options.keep_through_week == 0) continue;  // only a replan can change
    double weight = program.weights.*goal.weight;
    plan.score_terms.push_back({goal.name, weight, rounded(weight * parts[goal.goal])});
  }
  for (const auto& term : plan.score_terms) plan.score += term.value;
  plan.score = rounded(plan.score);

  plan.coverage = rolling_coverage(library, program, plan);
  plan.journeys = journeys(library, program, plan);
  plan.required = required_modules(program);
  plan.unused = unused_modules(library, program, plan);
  plan.repeated = repeated_modules(plan.journeys);
  plan.hours = weekly_hours(program, plan);
  if (const LevelOfCare* level = find_level_of_care(program.level_of_care)) plan.min_weekly_hours = level->min_weekly_hours;
  if (!plan.skipped.empty()) plan.warnings.push_back(closure_note(program, plan, static_cast<int>(plan.meetings.size())));
  check_plan_weeks(program, plan.hours, plan.skipped, plan.warnings);
  out.insert(out.end(), plan.warnings.begin(), plan.warnings.end());
  if (options.window_weeks > 0) plan = plan_window(program, plan, *options.from, options.window_weeks);
  result.plan = std::move(plan);
  return result;
}

}  // namespace iopplan
