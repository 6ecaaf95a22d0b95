#include "iopplan/sequencing/coverage.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "iopplan/sequencing/calendar.hpp"

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
  if (!program.core_modules.empty()) {
    for (const auto& ref : program.core_modules) core.push_back(ref.id);
    return core;
  }
  std::set<std::string> seen;
  for (const auto& meeting : plan.meetings) {
    for (const auto& id : contents_of(meeting)) {
      if (seen.insert(id).second) core.push_back(id);
    }
  }
  return core;
}

std::vector<CoverageRow> rolling_coverage(const Library& library, const Program& program, const Plan& plan) {
  std::vector<CoverageRow> rows;
  if (program.admission != Admission::rolling || plan.meetings.empty() || program.weeks <= 0) return rows;
  const int weeks = program.weeks;
  const size_t sessions = static_cast<size_t>(weeks) * program.meeting_days.size();
  const size_t cycle = plan.meetings.size();

  // The plan, then its next rounds on the days the program meets, far enough for the last entry week.
  struct Session {
    Date date;
    size_t meeting;  // index into plan.meetings whose content it repeats
  };
  std::vector<Session> sequence;
  for (size_t i = 0; i < cycle; ++i) sequence.push_back({plan.meetings[i].date, i});
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

  std::set<std::string> in_cycle;
  std::map<std::string, const Module*> modules;  // those of the cycle, by id
  for (const auto& meeting : plan.meetings) {
    for (const auto& id : contents_of(meeting)) in_cycle.insert(id);
  }
  for (const auto& m : library.modules) {
    if (in_cycle.count(m.id)) modules.emplace(m.id, &m);
  }
  std::vector<std::string> core = core_modules(program, plan);

  for (int week = 1; week <= weeks; ++week) {
    CoverageRow row;
    row.entry_week = week;
    Date joins = add_days(plan.start, 7L * (week - 1));
    Date leaves = add_days(joins, 7L * weeks);
    size_t first = 0;
    while (first < sequence.size() && sequence[first].date < joins) ++first;
    std::set<std::string> seen;
    std::set<std::string> reported;
    for (size_t i = first, attended = 0; i < sequence.size(); ++i, ++attended) {
      if (program.stay == Stay::sessions ? attended >= sessions : !(sequence[i].date < leaves)) break;
      for (const auto& id : contents_of(plan.meetings[sequence[i].meeting])) {
        if (seen.count(id)) continue;
        if (auto m = modules.find(id); m != modules.end()) {
          for (const auto& pre : m->second->prerequisites) {
            if (in_cycle.count(pre) && !seen.count(pre) && reported.insert(id + " <- " + pre).second) {
              row.out_of_order.push_back(id + " <- " + pre);
            }
          }
        }
        seen.insert(id);
      }
    }
    row.modules_seen = static_cast<int>(seen.size());
    for (const auto& id : core) {
      if (!seen.count(id)) row.core_missing.push_back(id);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace iopplan
