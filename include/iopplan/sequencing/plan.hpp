// Plan: the dated outcome of sequencing, and the input of rendering.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

struct PlannedBlock {
  int start = 0;    // minutes after midnight
  int minutes = 0;  // the block's length in the meeting (a module may be shorter than its slot)
  // Exactly one of `activity` (a fixed block: "Check-in", "Break") and `module` is set.
  std::string activity;
  std::string module;          // module id
  std::string module_version;
  std::string track;
  std::string slot;            // the content slot's name in the meeting template ("Skills group")
  std::string reason;          // why this module sits here (for --explain)
  std::string guidance;        // a fixed block's guidance (Markdown) from the program; not in the plan JSON
};

struct Meeting {
  std::string group;  // the group's id; a program without [[group]] is one group, named by the program's id
  int week = 1;       // 1-based
  Date date;
  int start = 0;      // minutes after midnight
  int end = 0;
  std::vector<PlannedBlock> blocks;
};

// A meeting day that did not happen (holiday or closure); its content moved on.
struct SkippedDay {
  int week = 1;
  Date date;
  std::string reason;  // "Martin Luther King Jr. Day", "closure: staff training"
};

// What a patient entering in `entry_week` and staying the program's length sees.
struct CoverageRow {
  int entry_week = 1;
  int modules_seen = 0;
  std::vector<std::string> core_missing;  // core modules not met in their stay
  // "module <- prerequisite" pairs met in the wrong order during their stay.
  std::vector<std::string> out_of_order;
};

// One meeting a participant attends: its date, group (the program's id without [[group]]) and what
// is taught there (the cycle's meeting it repeats).
struct JourneySession {
  Date date;
  std::string group;
  std::vector<std::string> modules;  // module ids, in block order
};

// What one participant attends: for a rolling program, one who joins at the first meeting of
// `entry_week` and stays the program's length; for a closed cohort, the whole plan.
struct Journey {
  int entry_week = 1;
  Date entry_date;  // the first meeting they attend
  int sessions = 0;  // meetings attended
  std::vector<std::string> required_missed;  // required and core modules not met, in the program's order
  std::vector<std::string> out_of_order;     // "module <- prerequisite" met the wrong way round
  std::vector<std::pair<std::string, int>> repeated;  // modules met more than once, with how often, by id
  // Per group attended (programs with [[group]]): the group's id and the sessions of it attended,
  // in the program's group order.
  std::vector<std::pair<std::string, int>> group_sessions;
  // Every session attended, in date order (for journey cards); not written to plan.json.
  std::vector<JourneySession> attended;
};

// A group of a program that has several; its meetings carry its id.
struct PlanGroup {
  std::string id;
  std::string name;  // as staff and participants know it
};

struct ScoreTerm {
  std::string name;    // "track spread", "track back-to-back", ...
  double weight = 0;
  double value = 0;    // the weighted penalty (lower is better)
};

struct WeekHours {
  int week = 1;
  double hours = 0;
};

struct Plan {
  std::string program;       // program id
  std::string program_name;
  std::string admission;     // "rolling" or "closed"
  int weeks = 0;             // the program's length; closures may push meetings past it
  int group_size = 12;       // lines on the sign-in sheet
  std::string timezone;      // the program's IANA time zone, for calendar exports; empty: local times
  std::string location;      // where the group meets; may be empty
  Date start;
  uint64_t seed = 1;
  std::vector<PlanGroup> groups;   // the program's groups when it has several; empty: one group, the program
  std::vector<Meeting> meetings;   // in date order
  std::vector<SkippedDay> skipped;
  std::vector<CoverageRow> coverage;  // one per entry week (rolling admission); empty for closed
  std::vector<Journey> journeys;      // one per entry week (rolling), or the one cohort (closed)
  std::vector<std::string> required;  // what every journey must meet: required_modules(program); not in the plan JSON
  std::vector<std::string> unused;    // library modules the program allows that the plan never schedules
  std::vector<std::pair<std::string, int>> repeated;  // per module: the most any one journey meets it, where > 1
  std::vector<ScoreTerm> score_terms;
  double score = 0;                   // sum of the terms
  std::vector<WeekHours> hours;       // scheduled group hours per week
  double min_weekly_hours = 0;        // from the level of care
  Diagnostics warnings;               // e.g. a week below the level of care's hours
};

// The weeks the plan's days span: `weeks`, or more when closed days pushed meetings past it.
int calendar_weeks(const Plan& plan);

// True when the plan's meetings belong to more than one group (documents then name the group).
bool has_several_groups(const Plan& plan);

// What staff and participants call a group: its name from `groups`, else the program's name for the
// program's own id, else the id itself.
std::string group_name(const Plan& plan, const std::string& group_id);

// "2 meeting days are closed (2027-01-18 Martin Luther King Jr. Day; 2027-02-15 ...)": the first six
// by date and reason, then how many more. The start of the note a plan with closed days carries.
std::string closed_days_text(const std::vector<SkippedDay>& skipped);

}  // namespace iopplan
