// What one participant meets, from the meetings they attend: shared by the single-group rotation
// (coverage.cpp) and programs with several groups (groups.cpp), so both report journeys alike.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

// The modules `meetings` schedule, by id (a module gone from the library is left out).
using ScheduledModules = std::map<std::string, const Module*>;
ScheduledModules scheduled_modules(const Library& library, const std::vector<Meeting>& meetings);

// One meeting attended: its date (a later round repeats an earlier meeting on another day).
struct Attendance {
  Date date;
  const Meeting* meeting;
};

struct JourneyWalk {
  Journey journey;
  std::map<std::string, int> met;  // module -> sessions
};

// The journey of a participant joining in `entry_week` (on `entry_date` when they attend nothing)
// who attends `attended` in date order: its sessions, the `required` modules missed, the pairs
// "module <- prerequisite" met the wrong way round (prerequisites `scheduled` holds only) and the
// modules met more than once.
JourneyWalk walk_journey(int entry_week, const Date& entry_date, const std::vector<Attendance>& attended,
                         const ScheduledModules& scheduled, const std::vector<std::string>& required);

// The coverage row of a walk against the `core` modules.
CoverageRow coverage_row(const JourneyWalk& walk, const std::vector<std::string>& core);

}  // namespace iopplan
