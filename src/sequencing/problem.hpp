// The sequencing problem in index form: content slots in date order, the modules that may fill
// them, and the rules as numbers. Built once per plan; the search works only on indices.
#pragma once

#include <climits>
#include <map>
#include <string>
#include <vector>

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

struct ModuleInfo {
  const Module* module = nullptr;  // nullptr for a module kept from an earlier plan but gone from the library
  std::string id;
  std::string version;
  int track = -1;  // index into Problem::tracks
  GroupType group_type = GroupType::psychoeducation;
  int minutes = 0;
  Phase phase = Phase::any;
  std::vector<int> prerequisites;  // module indices
  std::vector<int> dependents;     // modules that name this one as a prerequisite
  const ModuleRef* required = nullptr;
  const ModuleRef* excluded = nullptr;
  bool needed = false;  // required, or a prerequisite (however indirect) of a required module
};

// Content slots that take the same modules: one block of the template under one phase rule.
struct SlotClass {
  int block = 0;        // index into Program::blocks
  int phase_rule = -1;  // index into Program::phases; -1 when no phase rule covers these weeks
  std::vector<int> barred;  // tracks these slots may not take (separate_days across groups), ascending
  std::vector<int> eligible;  // module indices, ascending
  std::vector<char> fits;     // per module: 1 when it may fill these slots
};

inline constexpr int kPreviousGone = -2;

struct Slot {
  int meeting = 0;    // index into Problem::meetings
  int block = 0;      // index into Program::blocks (kept slots: -1)
  int week = 1;
  int cls = -1;       // slot class; -1 for a kept slot
  int locked = -1;    // the module kept from the earlier plan; -1 when the search fills it
  int previous = -1;  // the module the earlier plan had here, for "change as little as possible";
                      // kPreviousGone when that module has left the library (the slot must change)
  const Pin* pin = nullptr;  // the program's pin that put `locked` here
  bool free() const { return locked < 0; }
};

// A pin that found no slot in a week it must fill, for preflight to report.
struct PinMiss {
  const Pin* pin = nullptr;
  int week = 0;
};

struct ProblemMeeting {
  Date date;
  int week = 1;
  bool kept = false;
  std::vector<int> slots;  // indices into Problem::slots
  // Rolling: the week (counted from the plan's start) of the day this meeting's content is held
  // again in the rotation's next round, which begins on the first held day after the last meeting.
  int next_week = INT_MAX / 2;
};

struct TrackRules {
  int min_week = 0;
  int max_week = INT_MAX;
  int min_cycle = 0;
  int max_cycle = INT_MAX;
  const TrackLimit* limit = nullptr;
  std::vector<int> apart;  // tracks that never share its day (separate_days)
};

struct Problem {
  const Library* library = nullptr;
  const Program* program = nullptr;
  Date start;
  std::vector<std::string> tracks;  // the library's tracks, in tracks.toml order
  std::vector<ModuleInfo> modules;  // the library's modules, then any kept ones it lacks
  std::map<std::string, int> module_index;
  std::vector<ProblemMeeting> meetings;  // held meetings, in date order
  std::vector<Slot> slots;               // content slots, in date and block order
  std::vector<SlotClass> classes;
  std::vector<TrackRules> rules;  // per track
  std::vector<int> free_slots;    // indices of slots the search fills, ascending
  int weeks_in_plan = 0;          // the last week with a meeting
  std::vector<int> week_slot_count;  // per week number: content slots
  std::vector<char> week_full;       // per week number: every meeting day held, so weekly minimums apply
  std::vector<char> week_kept;       // per week number: kept from the earlier plan
  int repeat_gap = 0;  // 0: a module at most once; N: occurrences at least N weeks apart
  bool rolling = false;
  // Rolling: the plan's last week, which the next round's first meetings may share (the seam);
  // weekly limits count both rounds' sessions in it. 0 when no next-round meeting falls in it.
  int seam_week = 0;
  std::vector<PinMiss> pin_misses;
  Weights weights;

  int track_count() const { return static_cast<int>(tracks.size()); }
  int module_count() const { return static_cast<int>(modules.size()); }
  int slot_count() const { return static_cast<int>(slots.size()); }
};

// A kept meeting of an earlier plan (weeks 1..N), with its blocks exactly as delivered.
struct KeptPart {
  std::vector<Meeting> meetings;
  int through_week = 0;
};

// Builds the problem from the held days of `days` (new meetings) after the kept meetings.
// `previous` (optional) supplies what an earlier plan had in the replanned slots.
// `barred` (optional): tracks the meeting of a date may not take (PlanOptions::barred_tracks).
Problem build_problem(const Library& library, const Program& program, const Date& start, const KeptPart& kept,
                      const std::vector<MeetingDay>& days, const Plan* previous,
                      const std::map<Date, std::vector<std::string>>* barred = nullptr);

// Checks the rules against what the slots and modules allow, before any search, reporting each
// impossibility at the rule's line. True when nothing was found.
bool preflight_problem(const Problem& problem, Diagnostics& out);

// "file:line", or "" when the position is unknown.
std::string rule_at(const Program& program, SourcePos pos);

// How many times one module may appear in weeks first..last under the repeat rule.
int max_uses(const Problem& problem, int first_week, int last_week);

}  // namespace iopplan

namespace iopplan {

// Reports a calendar that cannot carry the program: no meeting held at all, or (under extend)
// closures that keep `held_needed` meetings from fitting within kMaxRunOverWeeks past the end.
bool check_calendar(const Program& program, const Date& start, const std::vector<MeetingDay>& days,
                    int held_needed, Diagnostics& out);

}  // namespace iopplan
