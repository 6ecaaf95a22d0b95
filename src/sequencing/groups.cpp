#include "sequencing/groups.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/sequencing/coverage.hpp"
#include "iopplan/sequencing/intensity.hpp"
#include "iopplan/sequencing/rotation.hpp"
#include "iopplan/base/strings.hpp"
#include "sequencing/journey_walk.hpp"

namespace iopplan {
namespace {

bool rolling(const Program& program) { return program.admission == Admission::rolling; }

// A closed program's group plans its own weeks from 1: how many program weeks come before them.
int week_offset(const Program& program, const Program& group) { return rolling(program) ? 0 : group.audience_first - 1; }

// One group's planned cycle, with its meetings' weeks counted from the program's start.
struct GroupCycle {
  Program program;
  Plan cycle;
};

// The groups' meetings and closed days in the `weeks` weeks from `from`, merged in date and time order.
void merge_window(const Program& program, const std::vector<GroupCycle>& groups, const Date& from, int weeks, Plan& out) {
  out.meetings.clear();
  out.skipped.clear();
  for (const auto& g : groups) {
    Plan part = plan_window(g.program, g.cycle, from, weeks);
    out.meetings.insert(out.meetings.end(), part.meetings.begin(), part.meetings.end());
    for (const auto& day : part.skipped) {
      bool seen = std::any_of(out.skipped.begin(), out.skipped.end(), [&](const SkippedDay& d) { return d.date == day.date; });
      if (!seen) out.skipped.push_back(day);
    }
  }
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < program.groups.size(); ++i) order[program.groups[i].group] = i;
  std::stable_sort(out.meetings.begin(), out.meetings.end(), [&](const Meeting& a, const Meeting& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.start != b.start) return a.start < b.start;
    return order[a.group] < order[b.group];
  });
  std::sort(out.skipped.begin(), out.skipped.end(), [](const SkippedDay& a, const SkippedDay& b) { return a.date < b.date; });
  out.hours.clear();
  for (const auto& meeting : out.meetings) {
    auto it = std::find_if(out.hours.begin(), out.hours.end(), [&](const WeekHours& h) { return h.week == meeting.week; });
    if (it == out.hours.end()) it = out.hours.insert(out.hours.end(), {meeting.week, 0});
    it->hours += (meeting.end - meeting.start) / 60.0;
  }
  for (auto& week : out.hours) week.hours = rounded(week.hours);
}

// The weeks the merged plan spans from the start: the program's weeks, or more when closures push a
// group's cycle past them.
int plan_weeks(const Program& program, const std::vector<GroupCycle>& groups) {
  int weeks = program.weeks;
  for (const auto& g : groups) {
    if (!g.cycle.meetings.empty()) weeks = std::max(weeks, g.cycle.meetings.back().week);
  }
  return weeks;
}

// Per entry week (rolling) or for the cohort (closed): the meetings attended across the groups, by
// each group's audience window, over a horizon long enough for the last entry week's stay.
void grouped_journeys(const Library& library, const Program& program, const std::vector<GroupCycle>& groups,
                      const Date& start, Plan& plan) {
  Plan horizon;
  int span = rolling(program) ? 2 * plan_weeks(program, groups) + 1 : plan_weeks(program, groups) + 1;
  merge_window(program, groups, start, span, horizon);
  ScheduledModules modules = scheduled_modules(library, horizon.meetings);
  std::map<std::string, std::pair<int, int>> window;  // group -> audience weeks
  std::map<std::string, int> nominal;                 // group -> sessions in those weeks when nothing is closed
  for (const auto& group : program.groups) {
    window[group.group] = {group.audience_first, audience_last_week(program, group)};
    nominal[group.group] = (audience_last_week(program, group) - group.audience_first + 1) * static_cast<int>(group.meeting_days.size());
  }
  std::vector<std::string> required = required_modules(program);
  std::vector<std::string> core = core_modules(program, plan);
  int entries = rolling(program) ? program.weeks : 1;
  plan.journeys.clear();
  plan.coverage.clear();
  for (int week = 1; week <= entries; ++week) {
    Date joins = add_days(start, 7L * (week - 1));
    std::vector<Attendance> attended;
    std::map<std::string, int> per_group;
    for (const auto& meeting : horizon.meetings) {
      if (rolling(program)) {
        // A group's weeks of the stay start on their first day; under "extend" a closed day moves
        // its content on, so the participant stays for the group's nominal sessions, as the plan does.
        auto [a, b] = window[meeting.group];
        if (meeting.date < add_days(joins, 7L * (a - 1))) continue;
        bool extend = program.when_closed == WhenClosed::extend;
        if (extend ? per_group[meeting.group] >= nominal[meeting.group] : !(meeting.date < add_days(joins, 7L * b))) continue;
      }
      attended.push_back({meeting.date, &meeting});
      ++per_group[meeting.group];
    }
    JourneyWalk walk = walk_journey(week, joins, attended, modules, required);
    for (const auto& group : program.groups) {
      if (per_group.count(group.group)) walk.journey.group_sessions.push_back({group.group, per_group[group.group]});
    }
    if (rolling(program)) plan.coverage.push_back(coverage_row(walk, core));
    plan.journeys.push_back(std::move(walk.journey));
  }
}

Diagnostic closure_note(const Program& program, const Plan& plan) {
  Diagnostic d;
  d.severity = Severity::note;
  d.file = program.path;
  d.message = closed_days_text(plan.skipped) + "; each group's content moves on to its next meetings";
  return d;
}

}  // namespace

Plan plan_identity(const Program& program, const Date& start, uint64_t seed) {
  Plan plan;
  plan.program = program.id;
  plan.program_name = program.name;
  plan.admission = admission_name(program.admission);
  plan.weeks = program.weeks;
  plan.group_size = program.group_size;
  plan.timezone = program.timezone;
  plan.location = program.location;
  plan.start = start;
  plan.seed = seed;
  return plan;
}

Program group_program(const Program& program, const Program& group, const Date& start) {
  Program sub = group;
  sub.start_date = add_days(start, 7L * week_offset(program, group));
  return sub;
}

GroupKeep group_keep(const Program& program, const Program& sub, const Plan& earlier, int through) {
  GroupKeep keep;
  int offset = week_offset(program, sub);
  keep.through_week = through - offset;
  // Only the group's first round is planned (a rolling group's later rounds repeat it): it ends on
  // its cycle's last meeting day, past its weeks when closed days moved content on.
  std::vector<MeetingDay> days = meeting_calendar(sub, sub.start_date);
  Date round_end = sub.start_date;
  for (const auto& day : days) {
    if (day.held()) round_end = day.date;
  }
  if (!days.empty()) keep.through_week = std::min(keep.through_week, days.back().week);
  keep.earlier = earlier;
  keep.earlier.start = sub.start_date;
  keep.earlier.meetings.clear();
  keep.earlier.skipped.clear();
  if (keep.through_week <= 0) return keep;
  for (const auto& meeting : earlier.meetings) {
    if (meeting.group != sub.group || meeting.week - offset > keep.through_week || round_end < meeting.date) continue;
    keep.earlier.meetings.push_back(meeting);
    keep.earlier.meetings.back().week -= offset;
  }
  for (const auto& day : earlier.skipped) {
    int week = day.week - offset;
    bool meets = std::find(sub.meeting_days.begin(), sub.meeting_days.end(), weekday_of(day.date)) != sub.meeting_days.end();
    if (meets && week >= 1 && week <= keep.through_week) keep.earlier.skipped.push_back({week, day.date, day.reason});
  }
  return keep;
}

namespace {

// Rotations of different lengths realign, so separate_days across groups is kept over this many
// weeks from the start (closed days shift rotations, so no shorter period repeats exactly).
constexpr int kApartHorizonWeeks = 52;

// separate_days across groups: the tracks each of `sub`'s first-round meetings may not take, because
// a group planned before it holds a track kept apart from them (by either group's pairs) on a day
// that meeting's content is held.
std::map<Date, std::vector<std::string>> barred_tracks(const Program& program, const Program& sub, const Date& start,
                                                        const std::vector<const GroupCycle*>& earlier) {
  std::map<Date, std::vector<std::string>> barred;
  bool any = !sub.separate_days.empty();
  for (const GroupCycle* e : earlier) any = any || !e->program.separate_days.empty();
  if (!any) return barred;
  // What the earlier groups hold on each day: the track, and the pairs of the group holding it.
  std::map<Date, std::vector<std::pair<std::string, const std::vector<TrackPair>*>>> held;
  for (const GroupCycle* e : earlier) {
    for (const auto& meeting : plan_window(e->program, e->cycle, start, kApartHorizonWeeks).meetings) {
      for (const auto& block : meeting.blocks) {
        if (!block.module.empty()) held[meeting.date].push_back({block.track, &e->program.separate_days});
      }
    }
  }
  // The first round's held days, and the later days each one's content comes back on.
  std::vector<std::vector<Date>> recurs;
  for (const auto& day : meeting_calendar(sub, sub.start_date)) {
    if (day.held()) recurs.push_back({day.date});
  }
  if (recurs.empty()) return barred;
  if (rolling(program)) {
    Date until = add_days(start, 7L * kApartHorizonWeeks - 1);
    for (const auto& later : later_round_days(sub, sub.start_date, recurs.back().front(), recurs.size(), until)) {
      if (later.day.held()) recurs[later.content].push_back(later.day.date);
    }
  }
  for (const auto& dates : recurs) {
    std::set<std::string> tracks;
    for (const Date& date : dates) {
      auto it = held.find(date);
      if (it == held.end()) continue;
      for (const auto& [track, theirs] : it->second) {
        for (const auto* pairs : {&sub.separate_days, theirs}) {
          for (const auto& pair : *pairs) {
            if (pair.first == track) tracks.insert(pair.second);
            if (pair.second == track) tracks.insert(pair.first);
          }
        }
      }
    }
    if (!tracks.empty()) barred[dates.front()] = {tracks.begin(), tracks.end()};
  }
  return barred;
}

// One group's cycle, planned without the modules in `used` and those `claimed` by other groups, and
// apart from the tracks the `earlier` groups hold (separate_days); adds the modules it uses to
// `used`. nullopt, with its errors in `errors`, when it cannot be planned.
std::optional<GroupCycle> plan_group(const Library& library, const Program& program, const Program& group,
                                     const Date& start, const PlanOptions& options,
                                     const std::map<std::string, std::string>& claimed, std::set<std::string>& used,
                                     const std::vector<const GroupCycle*>& earlier, Diagnostics& errors) {
  GroupCycle g{group_program(program, group, start), {}};
  std::set<std::string> excluded;
  for (const auto& ref : g.program.excluded) excluded.insert(ref.id);
  auto exclude = [&](const std::string& id) {
    if (excluded.insert(id).second) g.program.excluded.push_back({id, group.group_pos});
  };
  for (const auto& id : used) exclude(id);
  for (const auto& [id, owner] : claimed) {
    if (owner != group.group) exclude(id);
  }
  PlanOptions sub;
  sub.seed = options.seed;
  sub.start = g.program.start_date;
  auto barred = barred_tracks(program, g.program, start, earlier);
  if (!barred.empty()) sub.barred_tracks = &barred;
  // Each group keeps its own delivered weeks: its meetings only, in its own weeks.
  GroupKeep keep;
  if (options.keep_through_week > 0) keep = group_keep(program, g.program, *options.keep, options.keep_through_week);
  if (keep.through_week > 0) {
    sub.keep = &keep.earlier;
    sub.keep_through_week = keep.through_week;
  }
  PlanResult planned = make_plan(library, g.program, sub);
  for (auto& d : planned.diagnostics) {
    if (d.severity == Severity::error) errors.push_back(std::move(d));
  }
  if (!planned.plan) return std::nullopt;
  g.cycle = std::move(*planned.plan);
  int offset = week_offset(program, group);
  for (auto& meeting : g.cycle.meetings) {
    // Kept meetings say the weeks the user kept, not the group's own count of them.
    if (meeting.week <= keep.through_week) {
      for (auto& block : meeting.blocks) {
        if (!block.module.empty()) block.reason = kept_reason(options.keep_through_week);
      }
    }
    meeting.week += offset;
    for (const auto& block : meeting.blocks) {
      if (!block.module.empty()) used.insert(block.module);
    }
  }
  for (auto& day : g.cycle.skipped) day.week += offset;
  return g;
}

}  // namespace

PlanResult make_grouped_plan(const Library& library, const Program& program, const PlanOptions& options) {
  PlanResult result;
  Diagnostics& out = result.diagnostics;
  Date start = options.start.value_or(program.start_date);
  if (options.keep_through_week > 0) {
    if (!check_earlier_plan(program, options, out)) return result;
    start = options.keep->start;
  }
  // A module is planned in one group only, so no participant meets it in two; modules a group
  // requires or pins are kept for that group.
  std::map<std::string, std::string> claimed;  // module -> the group that requires or pins it
  for (const auto& group : program.groups) {
    for (const auto& ref : group.required) claimed.emplace(ref.id, group.group);
    for (const auto& pin : group.pins) claimed.emplace(pin.module.id, group.group);
  }
  // Groups are planned one after another, each without the modules the earlier ones used. When one
  // fails, it is planned first in the next attempt (a later group may need what an earlier one took
  // freely); after as many attempts as groups, the last attempt's errors are the answer.
  std::vector<size_t> order(program.groups.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<GroupCycle> groups;
  std::set<std::string> used;
  for (size_t attempt = 1;; ++attempt) {
    Diagnostics errors;
    used.clear();
    std::vector<std::optional<GroupCycle>> planned(program.groups.size());
    std::optional<size_t> first_failed;
    std::vector<const GroupCycle*> earlier;
    for (size_t i : order) {
      planned[i] = plan_group(library, program, program.groups[i], start, options, claimed, used, earlier, errors);
      if (planned[i]) earlier.push_back(&*planned[i]);
      if (!planned[i] && !first_failed) first_failed = i;
    }
    if (!first_failed) {
      for (auto& g : planned) groups.push_back(std::move(*g));  // file order
      break;
    }
    if (attempt == order.size() || order.front() == *first_failed) {
      out.insert(out.end(), errors.begin(), errors.end());
      return result;
    }
    order.erase(std::find(order.begin(), order.end(), *first_failed));
    order.insert(order.begin(), *first_failed);
  }

  Plan plan = plan_identity(program, start, options.seed);
  for (const auto& group : program.groups) plan.groups.push_back({group.group, group.name});
  plan.required = required_modules(program);  // the program's and every group's, pins included
  merge_window(program, groups, start, plan_weeks(program, groups), plan);
  std::map<std::string, size_t> term_index;
  for (const auto& g : groups) {
    for (const auto& term : g.cycle.score_terms) {
      auto [it, inserted] = term_index.emplace(term.name, plan.score_terms.size());
      if (inserted) plan.score_terms.push_back({term.name, term.weight, 0});
      plan.score_terms[it->second].value = rounded(plan.score_terms[it->second].value + term.value);
    }
  }
  for (const auto& term : plan.score_terms) plan.score += term.value;
  plan.score = rounded(plan.score);
  grouped_journeys(library, program, groups, start, plan);
  std::set<std::string> excluded_everywhere;
  for (const auto& m : library.modules) {
    bool everywhere = true;
    for (const auto& group : program.groups) {
      everywhere = everywhere && std::any_of(group.excluded.begin(), group.excluded.end(),
                                             [&](const ModuleRef& ref) { return ref.id == m.id; });
    }
    if (everywhere) excluded_everywhere.insert(m.id);
  }
  for (const auto& m : library.modules) {
    if (!used.count(m.id) && !excluded_everywhere.count(m.id)) plan.unused.push_back(m.id);
  }
  std::sort(plan.unused.begin(), plan.unused.end());
  plan.repeated = repeated_modules(plan.journeys);
  if (!plan.skipped.empty()) plan.warnings.push_back(closure_note(program, plan));
  check_group_calendar_weeks(program, start, plan.warnings);
  out.insert(out.end(), plan.warnings.begin(), plan.warnings.end());
  if (options.window_weeks > 0) merge_window(program, groups, *options.from, options.window_weeks, plan);
  result.plan = std::move(plan);
  return result;
}

}  // namespace iopplan
