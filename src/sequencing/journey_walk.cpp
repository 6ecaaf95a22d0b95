#include "sequencing/journey_walk.hpp"

#include <set>

namespace iopplan {

ScheduledModules scheduled_modules(const Library& library, const std::vector<Meeting>& meetings) {
  std::set<std::string> ids;
  for (const auto& meeting : meetings) {
    for (const auto& block : meeting.blocks) {
      if (!block.module.empty()) ids.insert(block.module);
    }
  }
  ScheduledModules modules;
  for (const auto& m : library.modules) {
    if (ids.count(m.id)) modules.emplace(m.id, &m);
  }
  return modules;
}

JourneyWalk walk_journey(int entry_week, const Date& entry_date, const std::vector<Attendance>& attended,
                         const ScheduledModules& scheduled, const std::vector<std::string>& required) {
  JourneyWalk w;
  Journey& journey = w.journey;
  journey.entry_week = entry_week;
  journey.entry_date = attended.empty() ? entry_date : attended.front().date;
  journey.sessions = static_cast<int>(attended.size());
  std::set<std::string> reported;
  for (const auto& [date, meeting] : attended) {
    JourneySession& session = journey.attended.emplace_back(JourneySession{date, meeting->group, {}});
    for (const auto& block : meeting->blocks) {
      if (block.module.empty()) continue;
      session.modules.push_back(block.module);
      if (w.met[block.module]++ > 0) continue;
      auto m = scheduled.find(block.module);
      if (m == scheduled.end()) continue;
      for (const auto& pre : m->second->prerequisites) {
        if (scheduled.count(pre) && !w.met.count(pre) && reported.insert(block.module + " <- " + pre).second) {
          journey.out_of_order.push_back(block.module + " <- " + pre);
        }
      }
    }
  }
  for (const auto& id : required) {
    if (!w.met.count(id)) journey.required_missed.push_back(id);
  }
  for (const auto& [id, n] : w.met) {
    if (n > 1) journey.repeated.push_back({id, n});
  }
  return w;
}

CoverageRow coverage_row(const JourneyWalk& walk, const std::vector<std::string>& core) {
  CoverageRow row;
  row.entry_week = walk.journey.entry_week;
  row.modules_seen = static_cast<int>(walk.met.size());
  row.out_of_order = walk.journey.out_of_order;
  for (const auto& id : core) {
    if (!walk.met.count(id)) row.core_missing.push_back(id);
  }
  return row;
}

}  // namespace iopplan
