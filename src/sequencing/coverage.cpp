#include "iopplan/sequencing/coverage.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "iopplan/sequencing/calendar.hpp"
#include "sequencing/journey_walk.hpp"

namespace iopplan {
namespace {

std::vector<std::string> contents_of(const Meeting& meeting) {
  std::vector<std::string> ids;
  for (const auto& block : meeting.blocks) {
    if (!block.module.empty()) ids.push_back(block.module);
  }
  return ids;
}

}  // namespace

std::vector<std::string> core_modules(const Program& program, const Plan& plan) {
  std::vector<std::string> core;
  for (const auto& ref : program.core_modules) core.push_back(ref.id);
  for (const auto& group : program.groups) {
    for (const auto& ref : group.core_modules) core.push_back(ref.id);
  }
  if (!core.empty()) return core;
  std::set<std::string> seen;
  for (const auto& meeting : plan.meetings) {
    for (const auto& id : contents_of(meeting)) {
      if (seen.insert(id).second) core.push_back(id);
    }
  }
  return core;
}

namespace {

// The plan's meetings, then its next rounds on the days the program meets, far enough for the last
// entry week's stay: each entry names the meeting of the cycle whose content it repeats.
struct Session {
  Date date;
  size_t meeting;  // index into plan.meetings
};

std::vector<Session> rotation_sessions(const Program& program, const Plan& plan) {
  std::vector<Session> sequence;
  const size_t cycle = plan.meetings.size();
  for (size_t i = 0; i < cycle; ++i) sequence.push_back({plan.meetings[i].date, i});
  if (program.admission != Admission::rolling || cycle == 0) return sequence;
  const int weeks = program.weeks;
  const size_t sessions = static_cast<size_t>(weeks) * program.meeting_days.size();
  Date last_entry = add_days(plan.start, 7L * (weeks - 1));
  Date horizon = add_days(last_entry, 7L * weeks);
  Date after = plan.meetings.back().date;
  for (int chunk = 0; chunk < 8; ++chunk) {
    Date until = add_days(after, 7L * weeks);
    for (const auto& day : held_days_between(program, plan.start, after, until)) {
      sequence.push_back({day.date, sequence.size() % cycle});
    }
    after = until;
    // Enough when the last entry week's stay fits, by calendar and by sessions.
    size_t from_last_entry = 0;
    for (const auto& s : sequence) from_last_entry += s.date >= last_entry ? 1 : 0;
    if (after >= horizon && from_last_entry >= sessions) break;
  }
  return sequence;
}

// The sessions a participant joining in `entry_week` attends: indices into `sequence`.
std::vector<size_t> stay(const Program& program, const Plan& plan, const std::vector<Session>& sequence, int entry_week) {
  std::vector<size_t> attended;
  if (program.admission != Admission::rolling) {
    for (size_t i = 0; i < sequence.size(); ++i) attended.push_back(i);
    return attended;
  }
  const size_t sessions = static_cast<size_t>(program.weeks) * program.meeting_days.size();
  Date joins = add_days(plan.start, 7L * (entry_week - 1));
  Date leaves = add_days(joins, 7L * program.weeks);
  size_t first = 0;
  while (first < sequence.size() && sequence[first].date < joins) ++first;
  for (size_t i = first; i < sequence.size(); ++i) {
    if (program.stay == Stay::sessions ? attended.size() >= sessions : !(sequence[i].date < leaves)) break;
    attended.push_back(i);
  }
  return attended;
}

// The sessions of `stay` as meetings attended, on the rotation's dates.
std::vector<Attendance> attendance(const Plan& plan, const std::vector<Session>& sequence, const std::vector<size_t>& stay) {
  std::vector<Attendance> attended;
  for (size_t i : stay) attended.push_back({sequence[i].date, &plan.meetings[sequence[i].meeting]});
  return attended;
}

}  // namespace

std::vector<CoverageRow> rolling_coverage(const Library& library, const Program& program, const Plan& plan) {
  std::vector<CoverageRow> rows;
  if (program.admission != Admission::rolling || plan.meetings.empty() || program.weeks <= 0) return rows;
  std::vector<Session> sequence = rotation_sessions(program, plan);
  std::vector<std::string> core = core_modules(program, plan);
  ScheduledModules modules = scheduled_modules(library, plan.meetings);
  for (int week = 1; week <= program.weeks; ++week) {
    auto attended = attendance(plan, sequence, stay(program, plan, sequence, week));
    rows.push_back(coverage_row(walk_journey(week, add_days(plan.start, 7L * (week - 1)), attended, modules, {}), core));
  }
  return rows;
}

std::vector<std::string> required_modules(const Program& program) {
  std::vector<std::string> ids;
  auto add = [&](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto* refs : {&program.required, &program.core_modules}) {
    for (const auto& ref : *refs) add(ref.id);
  }
  for (const auto& pin : program.pins) add(pin.module.id);
  for (const auto& group : program.groups) {
    for (const auto& id : required_modules(group)) add(id);
  }
  return ids;
}

std::vector<Journey> journeys(const Library& library, const Program& program, const Plan& plan) {
  std::vector<Journey> result;
  if (plan.meetings.empty()) return result;
  std::vector<Session> sequence = rotation_sessions(program, plan);
  std::vector<std::string> required = required_modules(program);
  ScheduledModules modules = scheduled_modules(library, plan.meetings);
  int entries = program.admission == Admission::rolling ? program.weeks : 1;
  for (int week = 1; week <= entries; ++week) {
    auto attended = attendance(plan, sequence, stay(program, plan, sequence, week));
    result.push_back(walk_journey(week, add_days(plan.start, 7L * (week - 1)), attended, modules, required).journey);
  }
  return result;
}

std::vector<std::string> unused_modules(const Library& library, const Program& program, const Plan& plan) {
  std::set<std::string> used;
  for (const auto& meeting : plan.meetings) {
    for (const auto& id : contents_of(meeting)) used.insert(id);
  }
  std::set<std::string> excluded;
  for (const auto& ref : program.excluded) excluded.insert(ref.id);
  std::vector<std::string> unused;
  for (const auto& m : library.modules) {
    if (!used.count(m.id) && !excluded.count(m.id)) unused.push_back(m.id);
  }
  std::sort(unused.begin(), unused.end());
  return unused;
}

std::vector<std::pair<std::string, int>> repeated_modules(const std::vector<Journey>& journeys) {
  std::map<std::string, int> most;
  for (const auto& journey : journeys) {
    for (const auto& [id, n] : journey.repeated) most[id] = std::max(most[id], n);
  }
  return {most.begin(), most.end()};
}

}  // namespace iopplan
