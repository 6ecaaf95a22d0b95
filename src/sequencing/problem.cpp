#include "sequencing/problem.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

int phase_rule_for_week(const Program& program, int week) {
  for (size_t i = 0; i < program.phases.size(); ++i) {
    const PhaseRule& rule = program.phases[i];
    bool covers_run_over = rule.last_week == program.weeks && week > program.weeks;
    if ((rule.first_week <= week && week <= rule.last_week) || covers_run_over) return static_cast<int>(i);
  }
  return -1;
}

bool block_takes(const Block& block, const ModuleInfo& m, const std::vector<std::string>& tracks,
                 Attendees attendees) {
  if (m.module == nullptr || m.track < 0) return false;
  if (attendees == Attendees::patients && m.group_type == GroupType::family) return false;  // relatives are not there
  if (m.minutes > block.minutes) return false;
  if (!block.tracks.empty() &&
      std::find(block.tracks.begin(), block.tracks.end(), tracks[m.track]) == block.tracks.end()) {
    return false;
  }
  if (!block.group_types.empty() &&
      std::find(block.group_types.begin(), block.group_types.end(), m.group_type) == block.group_types.end()) {
    return false;
  }
  return true;
}

bool phase_takes(const Program& program, int rule, const ModuleInfo& m) {
  if (rule < 0 || m.phase == Phase::any) return true;
  const auto& phases = program.phases[rule].phases;
  return std::find(phases.begin(), phases.end(), m.phase) != phases.end();
}

// Locks each pinned module into its weeks: closed, the first slot of week N that fits (the last of
// the plan for "last"); rolling, the first in every W-th week of the rotation from week 1, W being the
// pin's window, so every stay meets it within those weeks (the next round starts again at week 1).
void place_pins(Problem& p) {
  const Program& program = *p.program;
  for (const auto& pin : program.pins) {
    auto it = p.module_index.find(pin.module.id);
    if (it == p.module_index.end()) continue;
    int m = it->second;
    // A pin names its module outright, so a slot's tracks and group types do not hold it back;
    // its length, the group's attendees and another group's separate_days on that day do.
    auto takes = [&](int s) {
      const Slot& slot = p.slots[s];
      if (!slot.free() || slot.block < 0) return false;
      const std::vector<int>& barred = p.classes[slot.cls].barred;
      if (std::binary_search(barred.begin(), barred.end(), p.modules[m].track)) return false;
      Block any = program.blocks[slot.block];
      any.tracks.clear();
      any.group_types.clear();
      return block_takes(any, p.modules[m], p.tracks, program.attendees);
    };
    auto lock = [&](int s) {
      p.slots[s].locked = m;
      p.slots[s].pin = &pin;
      p.free_slots.erase(std::find(p.free_slots.begin(), p.free_slots.end(), s));
    };
    auto week_kept = [&](int week) { return week < static_cast<int>(p.week_kept.size()) && p.week_kept[week]; };
    if (pin.last) {
      int found = -1;
      for (int s = p.slot_count() - 1; s >= 0 && found < 0; --s) found = takes(s) ? s : -1;
      if (found >= 0) lock(found);
      else p.pin_misses.push_back({&pin, p.weeks_in_plan});
      continue;
    }
    auto slot_in = [&](int week) {
      for (int s = 0; s < p.slot_count(); ++s) {
        if (p.slots[s].week == week && takes(s)) return s;
      }
      return -1;
    };
    if (!p.rolling) {
      if (week_kept(pin.week)) continue;  // delivered as it was
      int found = slot_in(pin.week);
      if (found >= 0) lock(found);
      else p.pin_misses.push_back({&pin, pin.week});
      continue;
    }
    // Rolling: the content of the cycle's meetings repeats round after round, so the pin takes every
    // S-th meeting, S being the meetings of its window (weeks x meeting days), from the first offset
    // whose meetings all have room; and the cycle's last meeting too when the next round's first
    // would otherwise come more than S meetings later.
    int n = static_cast<int>(p.meetings.size());
    int every = std::max(1, (pin.last_stay_week - pin.first_stay_week + 1) * static_cast<int>(program.meeting_days.size()));
    auto slot_at = [&](int meeting) {
      for (int s : p.meetings[meeting].slots) {
        if (takes(s)) return s;
      }
      return -1;
    };
    std::vector<int> meetings;
    for (int offset = 0; offset < std::min(every, n) && meetings.empty(); ++offset) {
      std::vector<int> candidate;
      for (int i = offset; i < n; i += every) candidate.push_back(i);
      if (n + offset - candidate.back() > every) candidate.push_back(n - 1);
      bool room = std::all_of(candidate.begin(), candidate.end(), [&](int i) { return p.meetings[i].kept || slot_at(i) >= 0; });
      if (room) meetings = candidate;
    }
    if (meetings.empty()) {  // no offset has room: report the weeks of the first
      for (int i = 0; i < n; i += every) {
        if (slot_at(i) < 0) p.pin_misses.push_back({&pin, p.meetings[i].week});
      }
      continue;
    }
    for (int i : meetings) {
      if (!p.meetings[i].kept) lock(slot_at(i));
    }
  }
}

// "(no_repeat_within = 4 at x.toml:9)" style description of the repeat rule.
std::string repeat_rule_text(const Problem& p) {
  const Program& program = *p.program;
  std::string where = rule_at(program, program.no_repeat_pos);
  if (p.repeat_gap == 0) {
    std::string rules = program.group.empty() ? "[rules]" : "the group's [group.rules]";
    return where.empty() ? "repeats are off (the default; set no_repeat_within in " + rules + " to allow them)"
                         : "repeats are off (no_repeat_within = \"cycle\", " + where + ")";
  }
  return "a module may repeat only " + std::to_string(p.repeat_gap) + " or more weeks apart (no_repeat_within = " +
         std::to_string(p.repeat_gap) + ", " + where + ")";
}

std::string slot_text(const Block& block) {
  std::string text = "content slot '" + block.slot + "' (" + std::to_string(block.minutes) + " minutes";
  if (!block.tracks.empty()) {
    text += "; tracks ";
    for (size_t i = 0; i < block.tracks.size(); ++i) text += (i ? ", " : "") + block.tracks[i];
  }
  if (!block.group_types.empty()) {
    text += "; group types ";
    for (size_t i = 0; i < block.group_types.size(); ++i) text += (i ? ", " : "") + std::string(group_type_name(block.group_types[i]));
  }
  return text + ")";
}

class Preflight {
 public:
  Preflight(const Problem& p, Diagnostics& out) : p_(p), program_(*p.program), out_(out) {}

  bool run() {
    size_t before = out_.size();
    if (p_.free_slots.empty() && p_.slots.empty()) {
      error(program_.weeks_pos, "the calendar from " + to_iso(p_.start) + " holds no meeting: every meeting day is closed");
      return false;
    }
    count_capacity();
    check_pins();
    check_classes();
    check_phases();
    check_totals();
    check_capacity();
    check_tracks();
    check_required();
    return out_.size() == before;
  }

 private:
  void error(SourcePos pos, std::string message) { out_.push_back(error_at(program_.path, pos, std::move(message))); }

  void count_capacity() {
    int n = p_.module_count();
    fits_anywhere_.assign(n, 0);
    int first_week = INT_MAX;
    for (int s : p_.free_slots) {
      first_week = std::min(first_week, p_.slots[s].week);
      const SlotClass& cls = p_.classes[p_.slots[s].cls];
      for (int m : cls.eligible) fits_anywhere_[m] = 1;
    }
    uses_ = p_.free_slots.empty() ? 0 : max_uses(p_, first_week, p_.weeks_in_plan);
    kept_per_track_.assign(p_.track_count(), 0);
    kept_module_.assign(n, 0);
    for (const auto& slot : p_.slots) {
      if (slot.free()) continue;
      kept_module_[slot.locked] = 1;
      if (p_.modules[slot.locked].track >= 0) ++kept_per_track_[p_.modules[slot.locked].track];
    }
  }

  void check_pins() {
    // A pinned module's prerequisites need a slot before its first pinned session.
    for (int s = 0; s < p_.slot_count(); ++s) {
      const Slot& slot = p_.slots[s];
      if (slot.pin == nullptr || s != first_pinned(slot.locked)) continue;
      for (int q : p_.modules[slot.locked].prerequisites) {
        bool room = false;
        for (int f : p_.free_slots) room = room || (f < s && p_.classes[p_.slots[f].cls].fits[q]);
        for (int k = 0; k < s; ++k) room = room || p_.slots[k].locked == q;
        if (!room) {
          error(slot.pin->pos, "pinned module '" + p_.modules[slot.locked].id + "' needs '" + p_.modules[q].id +
                                   "' first, but no slot before its first session (week " + std::to_string(slot.week) +
                                   ") can take '" + p_.modules[q].id + "'");
        }
      }
    }
    std::set<const Pin*> gone;
    for (const auto& miss : p_.pin_misses) {
      const ModuleInfo& m = p_.modules[p_.module_index.at(miss.pin->module.id)];
      if (m.module == nullptr) {
        if (gone.insert(miss.pin).second) error(miss.pin->pos, "pinned module '" + m.id + "' is no longer in the library");
        continue;
      }
      std::string where = miss.pin->last ? "the plan" : "week " + std::to_string(miss.week);
      error(miss.pin->pos, "pinned module '" + m.id + "' (" + std::to_string(m.minutes) + " minutes, track " +
                               (m.track >= 0 ? p_.tracks[m.track] : "?") + ", " + group_type_name(m.group_type) +
                               ") fits no content slot of " + where);
    }
  }

  // The first slot `module` is locked into.
  int first_pinned(int module) const {
    for (int s = 0; s < p_.slot_count(); ++s) {
      if (p_.slots[s].locked == module) return s;
    }
    return -1;
  }

  void check_classes() {
    std::set<int> reported_blocks;
    for (size_t c = 0; c < p_.classes.size(); ++c) {
      const SlotClass& cls = p_.classes[c];
      const Block& block = program_.blocks[cls.block];
      int slots = 0, first_week = INT_MAX, last_week = 0;
      for (int s : p_.free_slots) {
        if (p_.slots[s].cls != static_cast<int>(c)) continue;
        ++slots;
        first_week = std::min(first_week, p_.slots[s].week);
        last_week = std::max(last_week, p_.slots[s].week);
      }
      if (slots == 0 || !cls.eligible.empty()) continue;
      if (!cls.barred.empty()) {
        std::string tracks;
        for (int t : cls.barred) tracks += (tracks.empty() ? "'" : ", '") + p_.tracks[t] + "'";
        SourcePos at = program_.separate_days.empty() ? block.pos : program_.separate_days.front().pos;
        error(at, slot_text(block) + " fits no module on some days of " + weeks_text(first_week, last_week) +
                      ": another group holds a track there that separate_days keeps apart from " + tracks +
                      ", and the slot takes nothing else");
        continue;
      }
      bool fits_without_phase = false;
      for (const auto& m : p_.modules) {
        if (!m.excluded && block_takes(block, m, p_.tracks, program_.attendees)) fits_without_phase = true;
      }
      if (cls.phase_rule >= 0 && fits_without_phase) {
        const PhaseRule& rule = program_.phases[cls.phase_rule];
        std::string phases;
        for (Phase ph : rule.phases) phases += (phases.empty() ? "" : ", ") + std::string(phase_name(ph));
        error(rule.pos, "no module can fill " + slot_text(block) + " in " + weeks_text(first_week, last_week) +
                            ": this phase rule takes only " + phases + " modules (and 'any'), and none of those fits the slot");
      } else if (reported_blocks.insert(cls.block).second) {
        error(block.pos, slot_text(block) + " fits no module of the library that the program allows");
      }
    }
  }

  // A module fills at most one slot in any no_repeat_within weeks in a row (in the whole plan when
  // repeats are off), so every such window needs as many different modules as it has slots; each
  // content slot of the template, then all of them together.
  void check_capacity() {
    if (totals_reported_) return;  // the same shortage, already said for the whole plan
    std::vector<int> blocks;
    for (const auto& cls : p_.classes) {
      if (std::find(blocks.begin(), blocks.end(), cls.block) == blocks.end()) blocks.push_back(cls.block);
    }
    std::sort(blocks.begin(), blocks.end());
    bool reported = false;
    for (int b : blocks) reported = check_window({b}) || reported;
    if (!reported && blocks.size() > 1 && !totals_reported_) check_window(blocks);
  }

  bool check_window(const std::vector<int>& blocks) {
    int window = p_.repeat_gap == 0 ? p_.weeks_in_plan : std::min(p_.repeat_gap, p_.weeks_in_plan);
    std::vector<char> usable(p_.module_count(), 0);
    std::vector<long> per_week(p_.weeks_in_plan + 2, 0);
    long slots = 0;
    for (int s : p_.free_slots) {
      const SlotClass& cls = p_.classes[p_.slots[s].cls];
      if (std::find(blocks.begin(), blocks.end(), cls.block) == blocks.end()) continue;
      ++slots;
      ++per_week[p_.slots[s].week];
      for (int m : cls.eligible) usable[m] = 1;
    }
    long distinct = std::count(usable.begin(), usable.end(), 1);
    if (slots == 0 || distinct == 0 || window <= 0) return false;  // no module at all is reported by check_classes
    long most = 0, sum = 0;
    int first = 1;
    for (int w = 1; w <= p_.weeks_in_plan; ++w) {
      sum += per_week[w];
      if (w > window) sum -= per_week[w - window];
      if (sum > most) {
        most = sum;
        first = std::max(1, w - window + 1);
      }
    }
    if (distinct >= most) return false;
    const Block& block = program_.blocks[blocks.front()];
    bool same_length = true;
    std::string names;
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = program_.blocks[blocks[i]];
      same_length = same_length && b.minutes == block.minutes;
      names += std::string(i == 0 ? "" : i + 1 == blocks.size() ? " and " : ", ") + "'" + b.slot + "'";
    }
    std::string text = blocks.size() == 1 ? "slot " + names + " (" + std::to_string(block.minutes) + " min) fits "
                                          : "slots " + names + (same_length ? " (" + std::to_string(block.minutes) + " min each)" : "") + " fit ";
    text += plural(distinct, "module");
    if (same_length) {
      int common = most_common_minutes(block);
      if (common > block.minutes) text += "; most modules run " + std::to_string(common) + " min";
    }
    text += "; " + plural(slots, "slot") + " to fill with " +
            (p_.repeat_gap == 0 ? std::string("no_repeat_within = \"cycle\"")
                                : "no_repeat_within = " + std::to_string(p_.repeat_gap));
    if (window < p_.weeks_in_plan) {
      text += ", so a module fills at most one slot in any " + plural(window, "week") + " in a row, and " +
              weeks_text(first, first + window - 1) + " have " + std::to_string(most);
    }
    error(blocks.size() == 1 ? block.pos : (program_.no_repeat_pos.line > 0 ? program_.no_repeat_pos : block.pos), text);
    return true;
  }

  // " (the slots run 50 min; most modules run 60 min)" when every content slot is shorter than the
  // usual module; "" otherwise.
  std::string lengths_text() const {
    const Block* first = nullptr;
    for (const auto& block : program_.blocks) {
      if (!block.is_content()) continue;
      if (first && block.minutes != first->minutes) return "";
      first = &block;
    }
    if (!first) return "";
    int common = most_common_minutes(*first);
    if (common <= first->minutes) return "";
    return " (the slots run " + std::to_string(first->minutes) + " min; most modules run " + std::to_string(common) + " min)";
  }

  // The most common length of the modules the slot's tracks and group types take, ignoring length.
  int most_common_minutes(const Block& block) const {
    Block any_length = block;
    any_length.minutes = INT_MAX;
    std::map<int, int> count;
    for (const auto& m : p_.modules) {
      if (!m.excluded && block_takes(any_length, m, p_.tracks, program_.attendees)) ++count[m.minutes];
    }
    int best = 0, best_count = 0;
    for (const auto& [minutes, n] : count) {
      if (n > best_count) best = minutes, best_count = n;
    }
    return best;
  }

  // Without repeats, each group of slots needs as many different modules as it has slots.
  void check_phases() {
    for (size_t r = 0; r < program_.phases.size(); ++r) {
      const PhaseRule& rule = program_.phases[r];
      std::vector<char> usable(p_.module_count(), 0);
      int slots = 0, first_week = INT_MAX, last_week = 0;
      for (int s : p_.free_slots) {
        const SlotClass& cls = p_.classes[p_.slots[s].cls];
        if (cls.phase_rule != static_cast<int>(r)) continue;
        ++slots;
        first_week = std::min(first_week, p_.slots[s].week);
        last_week = std::max(last_week, p_.slots[s].week);
        for (int m : cls.eligible) usable[m] = 1;
      }
      if (slots == 0) continue;
      long distinct = std::count(usable.begin(), usable.end(), 1);
      long capacity = distinct * max_uses(p_, first_week, last_week);
      if (distinct > 0 && capacity < slots) {
        error(rule.pos, weeks_text(first_week, last_week) + " have " + plural(slots, "content slot") + " but only " +
                            plural(distinct, "module") + " fit them under this phase rule, and " + repeat_rule_text(p_));
      }
    }
  }

  void check_totals() {
    long distinct = std::count(fits_anywhere_.begin(), fits_anywhere_.end(), 1);
    long slots = static_cast<long>(p_.free_slots.size());
    if (distinct > 0 && distinct * uses_ < slots) {
      // In a group, its own 'weeks' (the program's 'weeks' is the parent's).
      SourcePos weeks = program_.group.empty() || program_.audience_pos.line == 0 ? program_.weeks_pos : program_.audience_pos;
      SourcePos pos = program_.no_repeat_pos.line > 0 ? program_.no_repeat_pos : weeks;
      std::string what = program_.group.empty() ? "the plan" : "group '" + program_.group + "'";
      error(pos, what + " has " + plural(slots, "content slot") + " to fill but only " + plural(distinct, "module") +
                     " fit them" + lengths_text() + ", and " + repeat_rule_text(p_));
      totals_reported_ = true;
    }
  }

  void check_tracks() {
    long min_sum = 0;
    long beyond_min = 0;
    long max_capacity = 0;
    std::string capacity_text;
    SourcePos capacity_pos;
    const TrackLimit* first_min = nullptr;
    int full_week_slots = 0, full_weeks = 0;
    for (size_t w = 1; w < p_.week_full.size(); ++w) {
      if (p_.week_full[w] && !p_.week_kept[w]) {
        full_week_slots = p_.week_slot_count[w];
        ++full_weeks;
      }
    }
    long week_min_sum = 0;
    long week_max_sum = 0;
    bool weeks_all_capped = true;
    const TrackLimit* first_week_limit = nullptr;
    for (int t = 0; t < p_.track_count(); ++t) {
      const TrackRules& rules = p_.rules[t];
      long modules = 0, slots_taking = 0;
      for (int m = 0; m < p_.module_count(); ++m) modules += (fits_anywhere_[m] && p_.modules[m].track == t) ? 1 : 0;
      for (int s : p_.free_slots) {
        const SlotClass& cls = p_.classes[p_.slots[s].cls];
        for (int m : cls.eligible) {
          if (p_.modules[m].track == t) {
            ++slots_taking;
            break;
          }
        }
      }
      long capacity = std::min<long>(modules * uses_, slots_taking) + kept_per_track_[t];
      std::string capped_by;
      SourcePos capped_at;
      if (rules.max_cycle != INT_MAX && rules.max_cycle < capacity) {
        capacity = rules.max_cycle;
        capped_by = "max_per_cycle = " + std::to_string(rules.max_cycle);
        capped_at = rules.limit->max_per_cycle_pos;
      }
      long weekly = static_cast<long>(rules.max_week) * p_.weeks_in_plan;
      if (rules.max_week != INT_MAX && weekly < capacity) {
        capacity = weekly;
        capped_by = "max_per_week = " + std::to_string(rules.max_week) + " over " + plural(p_.weeks_in_plan, "week");
        capped_at = rules.limit->max_per_week_pos;
      }
      max_capacity += capacity;
      if (capacity > 0) {
        capacity_text += (capacity_text.empty() ? "" : ", ") + p_.tracks[t] + " " + std::to_string(capacity) +
                         (capped_by.empty() ? "" : " (" + capped_by + ", " + rule_at(program_, capped_at) + ")");
        if (capacity_pos.line == 0) capacity_pos = capped_at;
      }
      if (modules > 0 && rules.max_week == INT_MAX) weeks_all_capped = false;
      if (modules > 0 && rules.max_week != INT_MAX) week_max_sum += rules.max_week;
      const TrackLimit* limit = rules.limit;
      if (limit == nullptr) continue;
      const std::string& track = p_.tracks[t];
      if (rules.max_week != INT_MAX && !first_week_limit) first_week_limit = limit;
      // Pinned and kept sessions beyond a track's minimum take slots the other minimums need.
      beyond_min += std::max(0, kept_per_track_[t] - std::max(0, rules.min_cycle));
      if (rules.min_cycle > 0) {
        min_sum += rules.min_cycle;
        if (!first_min) first_min = limit;
        long need = rules.min_cycle - kept_per_track_[t];
        if (modules * uses_ < need) {
          std::string have = modules == 0 ? "no module that fits the plan's content slots"
                                          : plural(modules, "module") + " that fit the plan's content slots";
          error(limit->min_per_cycle_pos, "track '" + track + "' needs " + std::to_string(need) +
                                              " slots in the cycle (min_per_cycle) but has " + have + ", and " +
                                              repeat_rule_text(p_));
        } else if (slots_taking < need) {
          error(limit->min_per_cycle_pos, "track '" + track + "' needs " + std::to_string(need) +
                                              " slots in the cycle (min_per_cycle) but only " +
                                              plural(slots_taking, "content slot") + " can take its modules");
        } else if (rules.max_week != INT_MAX && static_cast<long>(rules.max_week) * p_.weeks_in_plan < rules.min_cycle) {
          error(limit->min_per_cycle_pos, "track '" + track + "' needs " + std::to_string(rules.min_cycle) +
                                              " slots in the cycle (min_per_cycle), but max_per_week = " +
                                              std::to_string(rules.max_week) + " (" +
                                              rule_at(program_, limit->max_per_week_pos) + ") allows at most " +
                                              std::to_string(static_cast<long>(rules.max_week) * p_.weeks_in_plan) +
                                              " in " + plural(p_.weeks_in_plan, "week"));
        }
      }
      if (rules.min_week > 0) {
        week_min_sum += rules.min_week;
        if (modules == 0) {
          error(limit->min_per_week_pos, "track '" + track + "' needs " + std::to_string(rules.min_week) +
                                             " a week (min_per_week) but has no module that fits the plan's content slots");
        } else if (modules * uses_ < static_cast<long>(rules.min_week) * full_weeks) {
          error(limit->min_per_week_pos, "track '" + track + "' needs " + std::to_string(rules.min_week) +
                                             " a week (min_per_week), " +
                                             std::to_string(static_cast<long>(rules.min_week) * full_weeks) + " in " +
                                             plural(full_weeks, "full week") + ", but has " + plural(modules, "module") +
                                             " that fit, and " + repeat_rule_text(p_));
        } else if (rules.max_cycle != INT_MAX && static_cast<long>(rules.min_week) * full_weeks > rules.max_cycle) {
          error(limit->min_per_week_pos, "track '" + track + "' needs " + std::to_string(rules.min_week) +
                                             " a week (min_per_week) in " + plural(full_weeks, "full week") +
                                             ", more than its max_per_cycle = " + std::to_string(rules.max_cycle) +
                                             " (" + rule_at(program_, limit->max_per_cycle_pos) + ")");
        }
      }
    }
    if (first_min && min_sum + beyond_min > static_cast<long>(p_.slots.size())) {
      error(first_min->min_per_cycle_pos, "the tracks' min_per_cycle add up to " + std::to_string(min_sum) +
                                              (beyond_min > 0 ? " and pinned or kept sessions beyond them take " +
                                                                    std::to_string(beyond_min) + " more"
                                                              : "") +
                                              ", but the plan has " + plural(static_cast<long>(p_.slots.size()), "content slot"));
    }
    // Only worth saying when the limits, not just the module count (reported above), are short.
    if (capacity_pos.line > 0 && !totals_reported_ && max_capacity < static_cast<long>(p_.slots.size())) {
      error(capacity_pos, "the tracks can fill at most " + std::to_string(max_capacity) + " of the plan's " +
                              plural(static_cast<long>(p_.slots.size()), "content slot") + ": " + capacity_text);
    }
    if (full_weeks > 0 && week_min_sum > full_week_slots) {
      for (const auto& limit : program_.limits) {
        if (limit.min_per_week > 0) {
          error(limit.min_per_week_pos, "the tracks' min_per_week add up to " + std::to_string(week_min_sum) +
                                            ", but a week has " + plural(full_week_slots, "content slot"));
          break;
        }
      }
    }
    if (weeks_all_capped && first_week_limit && full_weeks > 0 && week_max_sum < full_week_slots) {
      error(first_week_limit->max_per_week_pos, "the tracks' max_per_week add up to " + std::to_string(week_max_sum) +
                                                    ", but a week has " + plural(full_week_slots, "content slot") + " to fill");
    }
  }

  void check_required() {
    std::map<std::string, const ModuleRef*> excluded;
    for (const auto& ref : program_.excluded) excluded[ref.id] = &ref;
    long needed = 0;
    for (const auto& ref : program_.required) {
      auto it = p_.module_index.find(ref.id);
      if (it == p_.module_index.end()) continue;
      const ModuleInfo& m = p_.modules[it->second];
      if (kept_module_[it->second]) continue;  // delivered in the kept weeks
      if (excluded.count(ref.id)) {
        error(ref.pos, "module '" + ref.id + "' is both required and excluded (" +
                           rule_at(program_, excluded[ref.id]->pos) + ")");
        continue;
      }
      if (!fits_anywhere_[it->second]) {
        error(ref.pos, "required module '" + ref.id + "' (" + std::to_string(m.minutes) + " minutes, track " +
                           (m.track >= 0 ? p_.tracks[m.track] : "?") + ", " + group_type_name(m.group_type) +
                           ", phase " + phase_name(m.phase) + ") fits no content slot of the plan");
        continue;
      }
      // Its prerequisites must come first, so they must be allowed and fit too.
      std::vector<int> stack = m.prerequisites;
      std::set<int> seen;
      while (!stack.empty()) {
        int q = stack.back();
        stack.pop_back();
        if (!seen.insert(q).second) continue;
        const ModuleInfo& pre = p_.modules[q];
        if (pre.excluded) {
          error(ref.pos, "required module '" + ref.id + "' needs '" + pre.id + "' first, but '" + pre.id +
                             "' is excluded (" + rule_at(program_, pre.excluded->pos) + ")");
        } else if (!fits_anywhere_[q]) {
          error(ref.pos, "required module '" + ref.id + "' needs '" + pre.id + "' first, but '" + pre.id +
                             "' fits no content slot of the plan");
        }
        for (int r : pre.prerequisites) stack.push_back(r);
      }
    }
    for (int m = 0; m < p_.module_count(); ++m) needed += p_.modules[m].needed && !kept_module_[m] ? 1 : 0;
    long slots = static_cast<long>(p_.free_slots.size());
    if (needed > slots && !program_.required.empty()) {
      error(program_.required.front().pos, "the required modules and their prerequisites need " + plural(needed, "slot") +
                                               ", but the plan has " + plural(slots, "content slot") + " to fill");
    }
  }

  const Problem& p_;
  const Program& program_;
  Diagnostics& out_;
  std::vector<char> fits_anywhere_;
  std::vector<int> kept_per_track_;
  std::vector<char> kept_module_;  // per module: delivered in the kept weeks
  int uses_ = 1;
  bool totals_reported_ = false;
};

}  // namespace

std::string rule_at(const Program& program, SourcePos pos) {
  if (pos.line <= 0) return "";
  return program.path + ":" + std::to_string(pos.line);
}

int max_uses(const Problem& problem, int first_week, int last_week) {
  if (problem.repeat_gap == 0) return 1;
  int span = std::max(1, last_week - first_week + 1);
  int uses = (span - 1) / problem.repeat_gap + 1;
  // In a repeating cycle the last use must also be far enough from the next round's first.
  if (problem.rolling) uses = std::min(uses, std::max(1, problem.weeks_in_plan / problem.repeat_gap));
  return uses;
}

Problem build_problem(const Library& library, const Program& program, const Date& start, const KeptPart& kept,
                      const std::vector<MeetingDay>& days, const Plan* previous,
                      const std::map<Date, std::vector<std::string>>* barred) {
  Problem p;
  p.library = &library;
  p.program = &program;
  p.start = start;
  p.rolling = program.admission == Admission::rolling;
  p.repeat_gap = program.no_repeat_within_weeks;
  p.weights = program.weights;
  std::map<std::string, int> track_index;
  for (const auto& track : library.tracks) {
    track_index[track.id] = static_cast<int>(p.tracks.size());
    p.tracks.push_back(track.id);
  }

  std::map<std::string, const ModuleRef*> required, excluded;
  for (const auto& ref : program.required) required[ref.id] = &ref;
  for (const auto& ref : program.excluded) excluded[ref.id] = &ref;
  for (const auto& m : library.modules) {
    if (p.module_index.count(m.id)) continue;
    ModuleInfo info;
    info.module = &m;
    info.id = m.id;
    info.version = m.version;
    auto t = track_index.find(m.track);
    info.track = t == track_index.end() ? -1 : t->second;
    info.group_type = m.group_type;
    info.minutes = m.duration_minutes;
    info.phase = m.phase;
    if (auto r = required.find(m.id); r != required.end()) info.required = r->second;
    if (auto e = excluded.find(m.id); e != excluded.end()) info.excluded = e->second;
    p.module_index[m.id] = static_cast<int>(p.modules.size());
    p.modules.push_back(std::move(info));
  }
  for (auto& info : p.modules) {
    for (const auto& pre : info.module->prerequisites) {
      auto it = p.module_index.find(pre);
      if (it != p.module_index.end() && std::find(info.prerequisites.begin(), info.prerequisites.end(), it->second) ==
                                            info.prerequisites.end()) {
        info.prerequisites.push_back(it->second);
      }
    }
  }
  for (int m = 0; m < p.module_count(); ++m) {
    for (int pre : p.modules[m].prerequisites) p.modules[pre].dependents.push_back(m);
  }
  std::vector<int> stack;
  for (int m = 0; m < p.module_count(); ++m) {
    if (p.modules[m].required) stack.push_back(m);
  }
  for (const auto& pin : program.pins) {  // a pinned module's prerequisites must come before it too
    if (auto it = p.module_index.find(pin.module.id); it != p.module_index.end()) stack.push_back(it->second);
  }
  while (!stack.empty()) {
    int m = stack.back();
    stack.pop_back();
    if (p.modules[m].needed) continue;
    p.modules[m].needed = true;
    for (int pre : p.modules[m].prerequisites) stack.push_back(pre);
  }

  // Kept meetings first: their content is history, locked in place.
  for (const auto& meeting : kept.meetings) {
    ProblemMeeting pm{meeting.date, meeting.week, true, {}};
    int index = static_cast<int>(p.meetings.size());
    for (const auto& block : meeting.blocks) {
      if (block.module.empty()) continue;
      auto it = p.module_index.find(block.module);
      if (it == p.module_index.end()) {
        ModuleInfo gone;
        gone.id = block.module;
        gone.version = block.module_version;
        auto t = track_index.find(block.track);
        gone.track = t == track_index.end() ? -1 : t->second;
        it = p.module_index.emplace(block.module, p.module_count()).first;
        p.modules.push_back(std::move(gone));
      }
      Slot slot;
      slot.meeting = index;
      slot.block = -1;
      slot.week = meeting.week;
      slot.locked = it->second;
      pm.slots.push_back(p.slot_count());
      p.slots.push_back(slot);
    }
    p.meetings.push_back(std::move(pm));
  }

  std::map<std::pair<std::string, std::string>, std::string> before;  // (date, slot name) -> module
  if (previous) {
    for (const auto& meeting : previous->meetings) {
      for (const auto& block : meeting.blocks) {
        if (!block.module.empty()) before[{to_iso(meeting.date), block.slot}] = block.module;
      }
    }
  }
  std::set<int> pinned;  // placed only by their pins
  for (const auto& pin : program.pins) {
    if (auto it = p.module_index.find(pin.module.id); it != p.module_index.end()) pinned.insert(it->second);
  }
  std::map<std::tuple<int, int, std::vector<int>>, int> class_index;  // (block, phase rule, barred tracks)
  for (const auto& day : days) {
    if (!day.held()) continue;
    ProblemMeeting pm{day.date, day.week, false, {}};
    int index = static_cast<int>(p.meetings.size());
    int rule = phase_rule_for_week(program, day.week);
    std::vector<int> barred_here;
    if (barred) {
      if (auto it = barred->find(day.date); it != barred->end()) {
        for (const auto& id : it->second) {
          if (auto t = track_index.find(id); t != track_index.end()) barred_here.push_back(t->second);
        }
        std::sort(barred_here.begin(), barred_here.end());
        barred_here.erase(std::unique(barred_here.begin(), barred_here.end()), barred_here.end());
      }
    }
    for (size_t b = 0; b < program.blocks.size(); ++b) {
      const Block& block = program.blocks[b];
      if (!block.is_content()) continue;
      auto [it, inserted] =
          class_index.emplace(std::make_tuple(static_cast<int>(b), rule, barred_here), static_cast<int>(p.classes.size()));
      if (inserted) {
        SlotClass cls;
        cls.block = static_cast<int>(b);
        cls.phase_rule = rule;
        cls.barred = barred_here;
        cls.fits.assign(p.modules.size(), 0);
        for (int m = 0; m < p.module_count(); ++m) {
          const ModuleInfo& info = p.modules[m];
          bool barred_track = std::binary_search(barred_here.begin(), barred_here.end(), info.track);
          if (!info.excluded && block_takes(block, info, p.tracks, program.attendees) && phase_takes(program, rule, info) &&
              !pinned.count(m) && !barred_track) {
            cls.fits[m] = 1;
            cls.eligible.push_back(m);
          }
        }
        p.classes.push_back(std::move(cls));
      }
      Slot slot;
      slot.meeting = index;
      slot.block = static_cast<int>(b);
      slot.week = day.week;
      slot.cls = it->second;
      if (auto prev = before.find({to_iso(day.date), block.slot}); prev != before.end()) {
        auto m = p.module_index.find(prev->second);
        slot.previous = m != p.module_index.end() ? m->second : kPreviousGone;
      }
      pm.slots.push_back(p.slot_count());
      p.free_slots.push_back(p.slot_count());
      p.slots.push_back(slot);
    }
    p.meetings.push_back(std::move(pm));
  }
  // Kept modules gone from the library were appended after the classes' tables were sized.
  for (auto& cls : p.classes) cls.fits.resize(p.modules.size(), 0);

  for (const auto& meeting : p.meetings) p.weeks_in_plan = std::max(p.weeks_in_plan, meeting.week);
  if (p.rolling && !p.meetings.empty()) {
    // Only the next round's first weeks can come within the repeat rule of this round's last.
    Date last = p.meetings.back().date;
    auto next = held_days_between(program, start, last, add_days(last, 7L * (std::max(p.repeat_gap, 1) + 2)));
    for (size_t i = 0; i < next.size() && i < p.meetings.size(); ++i) {
      p.meetings[i].next_week = next[i].week;
      if (next[i].week == p.weeks_in_plan && p.meetings[i].week != p.weeks_in_plan) p.seam_week = p.weeks_in_plan;
    }
  }
  p.week_slot_count.assign(p.weeks_in_plan + 1, 0);
  p.week_full.assign(p.weeks_in_plan + 1, 0);
  p.week_kept.assign(p.weeks_in_plan + 1, 0);
  std::vector<int> held(p.weeks_in_plan + 1, 0);
  for (const auto& meeting : p.meetings) {
    ++held[meeting.week];
    p.week_slot_count[meeting.week] += static_cast<int>(meeting.slots.size());
    if (meeting.kept) p.week_kept[meeting.week] = 1;
  }
  for (int w = 1; w <= p.weeks_in_plan; ++w) {
    p.week_full[w] = held[w] == static_cast<int>(program.meeting_days.size()) ? 1 : 0;
  }

  place_pins(p);

  p.rules.assign(p.tracks.size(), TrackRules{});
  for (const auto& limit : program.limits) {
    auto t = track_index.find(limit.track);
    if (t == track_index.end()) continue;
    TrackRules& rules = p.rules[t->second];
    rules.limit = &limit;
    if (limit.min_per_week >= 0) rules.min_week = limit.min_per_week;
    if (limit.max_per_week >= 0) rules.max_week = limit.max_per_week;
    if (limit.min_per_cycle >= 0) rules.min_cycle = limit.min_per_cycle;
    if (limit.max_per_cycle >= 0) rules.max_cycle = limit.max_per_cycle;
  }
  for (const auto& pair : program.separate_days) {
    auto a = track_index.find(pair.first), b = track_index.find(pair.second);
    if (a == track_index.end() || b == track_index.end()) continue;
    p.rules[a->second].apart.push_back(b->second);
    p.rules[b->second].apart.push_back(a->second);
  }
  return p;
}

bool preflight_problem(const Problem& problem, Diagnostics& out) { return Preflight(problem, out).run(); }

}  // namespace iopplan

namespace iopplan {

bool check_calendar(const Program& program, const Date& start, const std::vector<MeetingDay>& days,
                    int held_needed, Diagnostics& out) {
  long held = std::count_if(days.begin(), days.end(), [](const MeetingDay& d) { return d.held(); });
  SourcePos pos = program.closures.empty() ? program.meeting_days_pos : program.closures.front().pos;
  if (held == 0 && held_needed != 0) {
    out.push_back(error_at(program.path, pos, "no meeting is held: every meeting day from " + to_iso(start) +
                                                  " on is closed"));
    return false;
  }
  // Plans are read back (--previous) with the same date range users may write.
  if (!days.empty() && days.back().date.year > 2200) {
    out.push_back(error_at(program.path, program.start_date_pos,
                           "the plan would run into " + std::to_string(days.back().date.year) +
                               "; iopplan plans dates up to 2200-12-31"));
    return false;
  }
  if (program.when_closed == WhenClosed::extend && held < held_needed) {
    out.push_back(error_at(program.path, pos, "closures leave only " + std::to_string(held) + " of " +
                                                  std::to_string(held_needed) + " meetings within " +
                                                  std::to_string(kMaxRunOverWeeks) + " weeks past the program's end"));
    return false;
  }
  return true;
}

}  // namespace iopplan
