// Program: how a clinic runs its groups (weeks, meeting days, the meeting template) and the rules
// the sequencer must follow. Loaded from <library>/programs/<id>.toml (schema in curricula/README.md).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/module.hpp"

namespace iopplan {

inline constexpr int kMaxProgramWeeks = 104;
inline constexpr int kMaxBlocks = 24;

// closed: a cohort starts together, so prerequisites must come earlier.
// rolling: patients join any week; the plan repeats as a cycle and the engine reports coverage.
enum class Admission { closed, rolling };

// What a closed day does to the plan. extend: its content moves to the next meeting and the plan
// runs past its nominal end. shorten: the plan keeps its end date and plans only the meetings held.
enum class WhenClosed { extend, shorten };

// How long a rolling-admission patient stays, for coverage. weeks: the program's length in calendar
// weeks (a closed day costs them a session). sessions: as many sessions as the nominal calendar has
// (a closed day lengthens their stay, as it lengthens the plan).
enum class Stay { weeks, sessions };

// Who attends a group: patients only (family-type modules are left out), or patients with their
// relatives. A program without [[group]] takes every module its slots allow.
enum class Attendees { any, patients, patients_and_family };

const char* admission_name(Admission admission);
const char* when_closed_name(WhenClosed when);
const char* stay_name(Stay stay);

// One block of the meeting template: a fixed activity, or a content slot the sequencer fills.
struct Block {
  std::string activity;  // "Check-in", "Break", "Process group"; empty for a content slot
  std::string slot;      // the content slot's name ("Topic group"); empty for an activity
  int minutes = 0;
  std::vector<std::string> tracks;     // content slot: the tracks it takes (empty: every track)
  std::vector<GroupType> group_types;  // content slot: the group types it takes (empty: every type)
  // Fixed activity: how to run it (Markdown), from 'guidance' or the library file 'guidance_file'
  // names; empty: the facilitator guide's own few lines.
  std::string guidance;
  std::string guidance_file;  // as written, relative to the library root; empty for inline guidance
  SourcePos pos;              // of the [[block]] table

  bool is_content() const { return !slot.empty(); }
};

struct Closure {
  Date from;
  Date through;  // == from for a single day
  std::string reason;
  SourcePos pos;
};

// Weeks first_week..last_week take only modules of these phases (modules of phase "any" always
// fit). A range ending at the program's last week also covers the weeks a closure adds.
struct PhaseRule {
  int first_week = 1;
  int last_week = 1;
  std::vector<Phase> phases;
  SourcePos pos;
};

// Per-track limits; a negative value means "no limit".
struct TrackLimit {
  std::string track;
  int min_per_week = -1;
  int max_per_week = -1;
  int min_per_cycle = -1;
  int max_per_cycle = -1;
  SourcePos pos;  // of the [limits.<track>] table
  SourcePos min_per_week_pos, max_per_week_pos, min_per_cycle_pos, max_per_cycle_pos;
};

// Named weights of the soft goals; each term is weight x penalty, and lower totals are better.
struct Weights {
  double track_spread = 1.0;            // each track's sessions evenly spaced through the cycle
  double back_to_back = 3.0;            // the same track in two consecutive content slots
  double group_type_variety = 2.0;      // two slots of one meeting with the same group type
  double prerequisite_distance = 0.5;   // closed: meetings between a prerequisite and what needs it, beyond
                                        // one; rolling: weeks between them (entry weeks that meet them out of order)
  double repeats = 2.0;                 // a module's second and later sessions in the cycle
  double changes = 10.0;                // a replanned slot that differs from the earlier plan
};

// The soft goals, one row each and in this order everywhere: the [weights] key, the term's name in
// score reports and the weight it reads. The engine's score parts hold one raw penalty per row.
enum class Goal { spread, back_to_back, variety, prerequisite, repeats, changes };
inline constexpr int kGoalCount = 6;

struct SoftGoal {
  Goal goal;
  const char* key;   // in [weights]
  const char* name;  // in score reports
  double Weights::*weight;
};

const std::array<SoftGoal, kGoalCount>& soft_goals();

// Two tracks that never meet on the same day ([rules] separate_days).
struct TrackPair {
  std::string first;
  std::string second;
  SourcePos pos;
};

// A module id named in the program, with where it is named.
struct ModuleRef {
  std::string id;
  SourcePos pos;
};

// A module fixed in place rather than left to the search. Closed: in program week `week` (its first
// slot that fits), or the plan's last slot that fits when `last` (a closing session). Rolling: within
// weeks first_stay_week..last_stay_week of every stay, so it recurs every (last - first + 1) weeks
// of the rotation. Pinned sessions are exempt from the repeat rule.
struct Pin {
  ModuleRef module;
  int week = 0;
  bool last = false;
  int first_stay_week = 0;
  int last_stay_week = 0;
  SourcePos pos;  // of the [[pin]] table
};

struct Program {
  std::string id;
  std::string name;
  std::string path;  // the file, as the user named it
  int weeks = 0;
  Date start_date;
  std::vector<Weekday> meeting_days;  // Monday first, no duplicates
  int start_time = 0;                 // minutes after midnight
  int meeting_minutes = 0;
  int group_size = 12;
  std::string level_of_care;  // "asam-2.1-adult", ...; empty when none is given
  std::string timezone;       // IANA name ("America/Chicago") for calendar exports; empty: local times
  std::string location;       // where the group meets ("Room 2, 100 Main St"); may be empty
  // The languages its handouts are printed in, first the one of sign-in sheets; codes from
  // languages() (language.hpp), no repeats.
  std::vector<std::string> languages = {"en"};
  Admission admission = Admission::closed;
  Stay stay = Stay::weeks;
  bool skip_us_federal_holidays = false;
  WhenClosed when_closed = WhenClosed::extend;
  std::vector<Closure> closures;
  std::vector<Block> blocks;  // in meeting order; their minutes add up to meeting_minutes

  // Rules.
  int no_repeat_within_weeks = 0;  // 0: no module twice in the cycle; N: at least N weeks apart
  std::vector<ModuleRef> required;
  std::vector<ModuleRef> excluded;
  std::vector<ModuleRef> core_modules;  // for coverage; empty: every module in the cycle
  std::vector<TrackPair> separate_days;
  std::vector<PhaseRule> phases;
  std::vector<TrackLimit> limits;
  std::vector<Pin> pins;
  Weights weights;

  // Groups ([[group]]): each is a whole program of its own (days, times, blocks, rules) that shares
  // this one's identity, calendar and closures. Empty: the program is one implicit group.
  std::vector<Program> groups;
  // Set on a group: its id (the program's id for the implicit group), who attends and the weeks
  // it serves: of each participant's stay (rolling), or of the program (closed).
  std::string group;
  Attendees attendees = Attendees::any;
  int audience_first = 1;
  int audience_last = 0;  // 0: the program's last week
  SourcePos group_pos, audience_pos, start_time_pos;

  // Where the rules are, so explanations can point at them (0 when the key is absent).
  SourcePos weeks_pos, start_date_pos, meeting_days_pos, meeting_minutes_pos, level_of_care_pos, no_repeat_pos,
      admission_pos, timezone_pos, languages_pos;
};

// The file an id or path names: a value with a '/' or ending in ".toml" is a path; anything else
// is an id in <root>/programs/<id>.toml.
std::string program_file(const std::string& root, const std::string& id_or_path);

// Ids of the programs in <root>/programs/, sorted.
std::vector<std::string> program_ids(const FileSource& files, const std::string& root);

// Parses one program file and checks it against the library (tracks and modules it names).
// `files` reads the blocks' guidance files from library.root; without it a 'guidance_file' is an
// error. nullopt when it has errors; every problem goes to `out`.
std::optional<Program> parse_program(const std::string& path, const std::string& text, const Library& library,
                                     Diagnostics& out, const FileSource* files = nullptr);

// nullopt when program_file(root, id_or_path) can be read; otherwise why not: "unknown program 'x';
// did you mean 'y'?" for an id, "cannot read program file" for a path.
std::optional<Diagnostic> missing_program(const FileSource& files, const std::string& root,
                                          const std::string& id_or_path);

// Reads program_file(root, id_or_path); when it is missing, says so as missing_program() does.
std::optional<Program> load_program(const FileSource& files, const std::string& library_root,
                                    const std::string& id_or_path, const Library& library, Diagnostics& out);

// Every program of a library; those with errors are left out (their errors go to `out`).
std::vector<Program> load_programs(const FileSource& files, const std::string& root, const Library& library,
                                   Diagnostics& out);

// Content slots per meeting.
int content_slots_per_meeting(const Program& program);

// The last week of the stay (of the program, when closed) that `group` of `program` serves.
int audience_last_week(const Program& program, const Program& group);

// "Mon/Wed/Thu"
std::string meeting_days_text(const Program& program);

}  // namespace iopplan
