#include "sequencing/explain.hpp"

#include <algorithm>

namespace iopplan {
namespace {

std::string day_text(const Problem& p, int slot) {
  const ProblemMeeting& meeting = p.meetings[p.slots[slot].meeting];
  return "week " + std::to_string(meeting.week) + ", " + weekday_short_name(weekday_of(meeting.date));
}

std::string with_rule(const std::string& text, const Program& program, SourcePos pos) {
  std::string where = rule_at(program, pos);
  return where.empty() ? text : text + " (" + where + ")";
}

std::string count_text(int n, const std::string& what) { return std::to_string(n) + " " + what; }

}  // namespace

std::string placement_reason(const Problem& p, const State& state, int slot) {
  const Program& program = *p.program;
  const Slot& s = p.slots[slot];
  int m = state.at(slot);
  const ModuleInfo& info = p.modules[m];
  std::vector<std::string> parts;
  if (s.pin) return with_rule("pinned", program, s.pin->pos);
  if (!s.free()) return "kept as delivered in the earlier plan";
  const auto& occ = state.occurrences(m);
  bool first = occ.front() == slot;
  if (info.required) parts.push_back(with_rule("required", program, info.required->pos));
  else if (info.needed) parts.push_back("a prerequisite of a required module");
  const SlotClass& cls = p.classes[s.cls];
  if (cls.phase_rule >= 0) {
    const PhaseRule& rule = program.phases[cls.phase_rule];
    std::string phases;
    for (Phase phase : rule.phases) phases += std::string(phase_name(phase)) + ", ";
    parts.push_back(std::string("phase ") + phase_name(info.phase) + " (weeks " + std::to_string(rule.first_week) + "-" +
                    std::to_string(rule.last_week) + " take " + phases + "any: " + rule_at(program, rule.pos) + ")");
  }
  if (first) {
    for (int pre : info.prerequisites) {
      const auto& pre_occ = state.occurrences(pre);
      auto it = std::lower_bound(pre_occ.begin(), pre_occ.end(), slot);
      if (it != pre_occ.begin()) parts.push_back("after its prerequisite " + p.modules[pre].id + " (" + day_text(p, *(it - 1)) + ")");
    }
    for (int dep : info.dependents) {
      const auto& dep_occ = state.occurrences(dep);
      if (!dep_occ.empty() && dep_occ.front() > slot) {
        parts.push_back("before " + p.modules[dep].id + ", which needs it (" + day_text(p, dep_occ.front()) + ")");
      }
    }
  } else {
    auto it = std::lower_bound(occ.begin(), occ.end(), slot);
    parts.push_back("a repeat from " + day_text(p, *(it - 1)) + ", at least " + std::to_string(p.repeat_gap) +
                    " weeks on (no_repeat_within)");
  }
  if (info.track >= 0) {
    const auto& slots = state.track_slots(info.track);
    int ordinal = static_cast<int>(std::lower_bound(slots.begin(), slots.end(), slot) - slots.begin()) + 1;
    std::string text = p.tracks[info.track] + " " + std::to_string(ordinal) + " of " + std::to_string(slots.size()) +
                       " in the cycle";
    int before = slot > 0 ? state.track_of(state.at(slot - 1)) : -1;
    int after = slot + 1 < p.slot_count() ? state.track_of(state.at(slot + 1)) : -1;
    if (before != info.track && after != info.track) text += ", not back to back";
    parts.push_back(text);
  }
  const Block& block = program.blocks[s.block];
  parts.push_back(std::to_string(info.minutes) + " of " + std::to_string(block.minutes) + " minutes");
  if (s.previous == kPreviousGone) {
    parts.push_back("changed: the earlier plan's module has left the library");
  } else if (s.previous >= 0) {
    parts.push_back(s.previous == m ? "as in the earlier plan" : "changed from " + p.modules[s.previous].id + " in the earlier plan");
  }
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

Diagnostic failure_explanation(const Problem& p, const SearchOutcome& outcome) {
  const Program& program = *p.program;
  const DeadEnd& why = outcome.dead_end;
  std::string head = outcome.exhausted ? "no plan holds every rule" : "no plan found within the search budget";
  if (why.slot < 0) return error_at(program.path, program.weeks_pos, head);
  const Slot& s = p.slots[why.slot];
  const ProblemMeeting& meeting = p.meetings[s.meeting];
  std::string where = "content slot '" + program.blocks[s.block].slot + "' on " +
                      weekday_short_name(weekday_of(meeting.date)) + " " + to_iso(meeting.date) + " (week " +
                      std::to_string(meeting.week) + ")";
  if (!why.forced_modules.empty()) {
    // A required module, or a prerequisite of one, has no slot left that it fits, in order.
    std::string list;
    SourcePos pos;
    for (int m : why.forced_modules) {
      list += (list.empty() ? "'" : ", '") + p.modules[m].id + "'";
      if (p.modules[m].required && pos.line == 0) pos = p.modules[m].required->pos;
    }
    if (pos.line == 0 && !program.required.empty()) pos = program.required.front().pos;
    return error_at(program.path, pos.line > 0 ? pos : program.weeks_pos,
                    head + ": from " + where + " on, no slot is left in time for " + list +
                        ", which the required modules need (the slots and phases a module fits, and its prerequisites "
                        "coming first, leave it no place)");
  }
  std::string text = head + ": no module can take " + where;
  if (outcome.exhausted) text += " in any arrangement of the meetings before it";
  text += ": of the " + count_text(why.fitting, why.fitting == 1 ? "module" : "modules") + " that fit it,";

  // Each cause with the rule behind it. The diagnostic points at the largest; on a tie, at a limit
  // the program set rather than at repeats or prerequisites, which only say the cycle is full.
  struct Cause {
    int count;
    int rank;  // lower wins a tie
    std::string text;
    SourcePos pos;
  };
  std::vector<Cause> causes;
  auto tracks_text = [&](const std::vector<int>& tracks, bool week) {
    std::string list;
    SourcePos pos;
    for (int t : tracks) {
      const TrackLimit* limit = p.rules[t].limit;
      SourcePos at = limit ? (week ? limit->max_per_week_pos : limit->max_per_cycle_pos) : SourcePos{};
      if (pos.line == 0) pos = at;
      list += (list.empty() ? "" : ", ") + with_rule(p.tracks[t], program, at);
    }
    return std::make_pair(list, pos);
  };
  auto limit_list = [&](bool weekly) {
    std::string list;
    SourcePos pos;
    for (int t = 0; t < p.track_count(); ++t) {
      const TrackLimit* limit = p.rules[t].limit;
      if (!limit || (weekly ? p.rules[t].min_week : p.rules[t].min_cycle) <= 0) continue;
      SourcePos at = weekly ? limit->min_per_week_pos : limit->min_per_cycle_pos;
      if (pos.line == 0) pos = at;
      list += (list.empty() ? "" : ", ") + with_rule(p.tracks[t], program, at);
    }
    return std::make_pair(list, pos);
  };
  if (why.week_max > 0) {
    auto [list, pos] = tracks_text(why.week_max_tracks, true);
    causes.push_back({why.week_max, 0,
                      count_text(why.week_max, why.week_max == 1 ? "belongs to a track at its max_per_week" : "belong to tracks at their max_per_week") + ": " + list,
                      pos});
  }
  if (why.cycle_max > 0) {
    auto [list, pos] = tracks_text(why.cycle_max_tracks, false);
    causes.push_back({why.cycle_max, 0,
                      count_text(why.cycle_max, why.cycle_max == 1 ? "belongs to a track at its max_per_cycle" : "belong to tracks at their max_per_cycle") + ": " + list,
                      pos});
  }
  if (why.reserve > 0) {
    auto [list, pos] = limit_list(false);
    if (pos.line == 0 && !program.required.empty()) pos = program.required.front().pos;
    causes.push_back({why.reserve, 1,
                      count_text(why.reserve, "would leave too few slots for ") +
                          (list.empty() ? "the required modules" : "the min_per_cycle of " + list + " and the required modules"),
                      pos});
  }
  if (why.week_min > 0) {
    auto [list, pos] = limit_list(true);
    causes.push_back({why.week_min, 1, count_text(why.week_min, "would leave too few slots this week for the min_per_week of ") + list, pos});
  }
  if (why.forced > 0) {
    causes.push_back({why.forced, 2,
                      count_text(why.forced, why.forced == 1 ? "gives way to a required module whose last chance this is"
                                                             : "give way to a required module whose last chance this is"),
                      program.required.empty() ? SourcePos{} : program.required.front().pos});
  }
  if (why.used > 0) {
    std::string rule = p.repeat_gap == 0 ? "repeats are off" : "repeats must be " + std::to_string(p.repeat_gap) + " weeks apart";
    std::string where = rule_at(program, program.no_repeat_pos);
    std::string what = p.repeat_gap == 0 ? (why.used == 1 ? "is in the cycle already" : "are in the cycle already")
                                         : "ran too recently";
    causes.push_back({why.used, 3, count_text(why.used, what) + " (" + rule + (where.empty() ? "" : ", " + where) + ")",
                      program.no_repeat_pos});
  }
  if (why.prerequisite > 0) {
    causes.push_back({why.prerequisite, 3,
                      count_text(why.prerequisite, why.prerequisite == 1 ? "waits for a prerequisite not yet placed"
                                                                         : "wait for a prerequisite not yet placed"),
                      program.admission_pos});
  }
  std::stable_sort(causes.begin(), causes.end(),
                   [](const Cause& a, const Cause& b) { return a.count != b.count ? a.count > b.count : a.rank < b.rank; });
  for (size_t i = 0; i < causes.size(); ++i) text += (i == 0 ? " " : "; ") + causes[i].text;
  SourcePos pos = program.weeks_pos;
  for (const auto& cause : causes) {
    if (cause.pos.line > 0) {
      pos = cause.pos;
      break;
    }
  }
  return error_at(program.path, pos, text);
}

}  // namespace iopplan
