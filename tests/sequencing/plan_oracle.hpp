// An independent reading of the program rules and the score, straight from their documentation
// (curricula/README.md, "Programs"), to judge plans without the engine's own bookkeeping.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan::seqtest {

struct Placed {
  size_t meeting;  // index into plan.meetings
  int week;
  const Module* module;
  const Block* block;
};

inline std::vector<Placed> placed_content(const Library& library, const Program& program, const Plan& plan) {
  std::vector<Placed> placed;
  for (size_t i = 0; i < plan.meetings.size(); ++i) {
    size_t content = 0;
    for (const auto& block : plan.meetings[i].blocks) {
      if (block.module.empty()) continue;
      const Block* template_block = nullptr;
      size_t seen = 0;
      for (const auto& b : program.blocks) {
        if (b.is_content() && seen++ == content) template_block = &b;
      }
      placed.push_back({i, plan.meetings[i].week, find_module(library, block.module), template_block});
      ++content;
    }
  }
  return placed;
}

inline bool phase_allows(const Program& program, int week, Phase phase) {
  if (phase == Phase::any) return true;
  for (const auto& rule : program.phases) {
    bool covers = (rule.first_week <= week && week <= rule.last_week) || (rule.last_week == program.weeks && week > program.weeks);
    if (covers) return std::find(rule.phases.begin(), rule.phases.end(), phase) != rule.phases.end();
  }
  return true;
}

// An independent reading of a stretch of a grouped plan: per group, no module closer than its
// repeat rule (one rotation of the group's weeks under "cycle"; pinned modules exempt), no track
// over its weekly maximum in any calendar week, the seams between rounds included; and no module
// in two groups.
inline std::string grouped_violation(const Library& library, const Program& program, const Plan& plan) {
  std::map<std::string, std::string> owner;  // module -> group
  for (const auto& group : program.groups) {
    std::set<std::string> pinned;
    for (const auto& pin : group.pins) pinned.insert(pin.module.id);
    int rotation = (group.audience_last > 0 ? group.audience_last : program.weeks) - group.audience_first + 1;
    int gap = group.no_repeat_within_weeks == 0 ? rotation : group.no_repeat_within_weeks;
    std::map<std::string, int> last_week;                 // module -> week last met
    std::map<std::pair<int, std::string>, int> per_week;  // (week, track) -> sessions
    for (const auto& meeting : plan.meetings) {
      if (meeting.group != group.group) continue;
      for (const auto& block : meeting.blocks) {
        if (block.module.empty()) continue;
        const Module* m = find_module(library, block.module);
        if (m == nullptr) return "unknown module " + block.module;
        if (owner.emplace(m->id, group.group).first->second != group.group) return m->id + " is in two groups";
        if (!pinned.count(m->id)) {
          auto it = last_week.find(m->id);
          if (it != last_week.end() && meeting.week - it->second < gap) {
            return m->id + " repeats in group " + group.group + " after " + std::to_string(meeting.week - it->second) +
                   " weeks (week " + std::to_string(meeting.week) + ")";
          }
          last_week[m->id] = meeting.week;
        }
        ++per_week[{meeting.week, m->track}];
      }
    }
    for (const auto& limit : group.limits) {
      for (const auto& [key, n] : per_week) {
        if (key.second == limit.track && limit.max_per_week >= 0 && n > limit.max_per_week) {
          return limit.track + " over max_per_week in week " + std::to_string(key.first) + " of group " + group.group;
        }
      }
    }
  }
  // separate_days: a group's pair keeps its sessions of one track off every day any group holds the other.
  std::map<Date, std::vector<std::pair<std::string, std::string>>> by_day;  // date -> (group, track)
  for (const auto& meeting : plan.meetings) {
    for (const auto& block : meeting.blocks) {
      if (!block.module.empty()) by_day[meeting.date].push_back({meeting.group, block.track});
    }
  }
  for (const auto& group : program.groups) {
    for (const auto& pair : group.separate_days) {
      for (const auto& [date, held] : by_day) {
        for (const auto& [g, track] : held) {
          if (g != group.group || (track != pair.first && track != pair.second)) continue;
          const std::string& other = track == pair.first ? pair.second : pair.first;
          for (const auto& [g2, track2] : held) {
            if (track2 == other) {
              return "separate_days of group " + group.group + ": " + track + " (" + g + ") and " + other + " (" + g2 +
                     ") on " + to_iso(date);
            }
          }
        }
      }
    }
  }
  return "";
}

// "" when every hard rule holds; else the first one broken.
inline std::string oracle_violation(const Library& library, const Program& program, const Plan& plan) {
  if (!program.groups.empty()) return grouped_violation(library, program, plan);
  int days = static_cast<int>(program.meeting_days.size());
  std::map<int, int> held_in_week;
  for (size_t i = 0; i < plan.meetings.size(); ++i) {
    const Meeting& m = plan.meetings[i];
    if (i > 0 && !(plan.meetings[i - 1].date < m.date)) return "meetings out of date order";
    if (std::find(program.meeting_days.begin(), program.meeting_days.end(), weekday_of(m.date)) == program.meeting_days.end()) {
      return "a meeting on a day the program does not meet: " + to_iso(m.date);
    }
    if (!closure_reason(program, m.date).empty()) return "a meeting on a closed day: " + to_iso(m.date);
    if (m.week != week_of(plan.start, m.date)) return "wrong week number on " + to_iso(m.date);
    ++held_in_week[m.week];
    size_t content = 0;
    for (const auto& b : m.blocks) content += b.module.empty() ? 0 : 1;
    if (content != static_cast<size_t>(content_slots_per_meeting(program))) return "a content slot left empty on " + to_iso(m.date);
  }
  if (program.when_closed == WhenClosed::extend && static_cast<int>(plan.meetings.size()) != days * program.weeks) {
    return "content lost: " + std::to_string(plan.meetings.size()) + " meetings instead of " + std::to_string(days * program.weeks);
  }
  auto placed = placed_content(library, program, plan);
  std::map<std::string, std::vector<size_t>> occurrences;  // module -> indices into placed
  for (size_t k = 0; k < placed.size(); ++k) {
    const Placed& p = placed[k];
    if (p.module == nullptr) return "an unknown module";
    if (p.block == nullptr) return "a block that matches no content slot";
    const Module& m = *p.module;
    if (m.duration_minutes > p.block->minutes) return m.id + " is longer than its slot";
    if (!p.block->tracks.empty() && std::find(p.block->tracks.begin(), p.block->tracks.end(), m.track) == p.block->tracks.end()) {
      return m.id + " is of a track its slot does not take";
    }
    if (!p.block->group_types.empty() &&
        std::find(p.block->group_types.begin(), p.block->group_types.end(), m.group_type) == p.block->group_types.end()) {
      return m.id + " is of a group type its slot does not take";
    }
    for (const auto& ref : program.excluded) {
      if (ref.id == m.id) return m.id + " is excluded";
    }
    bool pinned = std::any_of(program.pins.begin(), program.pins.end(), [&](const Pin& pin) { return pin.module.id == m.id; });
    if (!pinned && !phase_allows(program, p.week, m.phase)) return m.id + " is outside its phase in week " + std::to_string(p.week);
    occurrences[m.id].push_back(k);
  }
  int last_week = plan.meetings.empty() ? 0 : plan.meetings.back().week;
  int gap = program.no_repeat_within_weeks;
  // A rolling cycle runs again from the first held day after its last meeting: meeting i's content
  // is held again on next_round[i]. Its first weeks may share the plan's last week (the seam).
  std::vector<int> next_round_week(plan.meetings.size(), 1 << 20);
  bool rolling = program.admission == Admission::rolling;
  if (rolling && !plan.meetings.empty()) {
    Date last = plan.meetings.back().date;
    auto next = held_days_between(program, plan.start, last, add_days(last, 7L * (gap + 3)));
    for (size_t i = 0; i < next.size() && i < plan.meetings.size(); ++i) next_round_week[i] = next[i].week;
  }
  for (const auto& [id, ks] : occurrences) {
    // A pin places its module in its weeks, repeat rule or not (curricula/README.md, "Pins").
    bool pinned = std::any_of(program.pins.begin(), program.pins.end(), [&](const Pin& pin) { return pin.module.id == id; });
    if (!pinned && ks.size() > 1 && gap == 0) return id + " repeats in the cycle";
    for (size_t i = 1; i < ks.size() && !pinned; ++i) {
      if (placed[ks[i]].week - placed[ks[i - 1]].week < gap) return id + " repeats too soon";
    }
    if (!pinned && ks.size() > 1 && rolling && next_round_week[placed[ks.front()].meeting] - placed[ks.back()].week < gap) {
      return id + " repeats too soon across the cycle's wrap";
    }
    const Module* m = placed[ks.front()].module;
    for (const auto& pre : m->prerequisites) {
      auto it = occurrences.find(pre);
      if (it == occurrences.end() || it->second.front() > ks.front()) return id + " comes before its prerequisite " + pre;
    }
  }
  for (const auto& ref : program.required) {
    if (!occurrences.count(ref.id)) return "required " + ref.id + " is missing";
  }
  for (const auto& pair : program.separate_days) {
    std::map<size_t, std::set<std::string>> tracks;  // meeting -> its tracks
    for (const auto& p : placed) tracks[p.meeting].insert(p.module->track);
    for (const auto& [meeting, set] : tracks) {
      if (set.count(pair.first) && set.count(pair.second)) {
        return pair.first + " and " + pair.second + " share " + to_iso(plan.meetings[meeting].date);
      }
    }
  }
  for (const auto& limit : program.limits) {
    std::map<int, int> per_week;
    int total = 0;
    for (const auto& p : placed) {
      if (p.module->track == limit.track) {
        ++per_week[p.week];
        ++total;
        if (next_round_week[p.meeting] == last_week && p.week != last_week) ++per_week[last_week];  // the seam
      }
    }
    if (limit.min_per_cycle >= 0 && total < limit.min_per_cycle) return limit.track + " below min_per_cycle";
    if (limit.max_per_cycle >= 0 && total > limit.max_per_cycle) return limit.track + " above max_per_cycle";
    for (int w = 1; w <= last_week; ++w) {
      int n = per_week.count(w) ? per_week[w] : 0;
      if (limit.max_per_week >= 0 && n > limit.max_per_week) return limit.track + " above max_per_week in week " + std::to_string(w);
      bool full = held_in_week.count(w) && held_in_week[w] == days;
      if (full && limit.min_per_week >= 0 && n < limit.min_per_week) {
        return limit.track + " below min_per_week in week " + std::to_string(w);
      }
    }
  }
  return "";
}

inline double oracle_round(double value) { return std::round(value * 10000) / 10000; }

// The plan's score by the documented definitions, rounded as plans report it.
inline double oracle_score(const Library& library, const Program& program, const Plan& plan) {
  auto placed = placed_content(library, program, plan);
  bool rolling = program.admission == Admission::rolling;
  double length = static_cast<double>(placed.size());
  double spread = 0, back_to_back = 0, variety = 0, prerequisite = 0, repeats = 0;
  std::map<std::string, std::vector<size_t>> by_track, by_module;
  for (size_t k = 0; k < placed.size(); ++k) {
    by_track[placed[k].module->track].push_back(k);
    by_module[placed[k].module->id].push_back(k);
  }
  for (const auto& [track, ks] : by_track) {
    size_t n = ks.size();
    if (n <= 1) continue;
    double ideal = length / n;
    for (size_t i = 0; i < n; ++i) {
      double g = i + 1 < n ? static_cast<double>(ks[i + 1] - ks[i]) : ks[0] + length - ks[n - 1];
      spread += (g / ideal - 1) * (g / ideal - 1);
    }
  }
  for (size_t k = 0; k + 1 < placed.size(); ++k) back_to_back += placed[k].module->track == placed[k + 1].module->track;
  if (rolling && placed.size() >= 2) back_to_back += placed.back().module->track == placed.front().module->track;
  for (size_t a = 0; a < placed.size(); ++a) {
    for (size_t b = a + 1; b < placed.size() && placed[b].meeting == placed[a].meeting; ++b) {
      variety += placed[a].module->group_type == placed[b].module->group_type;
    }
  }
  for (const auto& [id, ks] : by_module) {
    repeats += static_cast<double>(ks.size() - 1);
    size_t first = ks.front();
    for (const auto& pre : placed[first].module->prerequisites) {
      auto it = by_module.find(pre);
      if (it == by_module.end()) continue;
      size_t before = placed.size();
      for (size_t k : it->second) {
        if (k < first) before = k;
      }
      if (before == placed.size()) continue;
      if (rolling) {
        prerequisite += placed[first].week - placed[before].week;
      } else {
        prerequisite += std::max(0, static_cast<int>(placed[first].meeting) - static_cast<int>(placed[before].meeting) - 1);
      }
    }
  }
  const Weights& w = program.weights;
  double total = oracle_round(w.track_spread * spread) + oracle_round(w.back_to_back * back_to_back) +
                 oracle_round(w.group_type_variety * variety) + oracle_round(w.prerequisite_distance * prerequisite) +
                 oracle_round(w.repeats * repeats);
  return oracle_round(total);
}

}  // namespace iopplan::seqtest
