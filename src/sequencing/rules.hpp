// The hard rules, each coded once: the construction, the moves and the final check all ask here,
// so a rule cannot hold in one and break in another.
#pragma once

#include <algorithm>

#include "sequencing/problem.hpp"

namespace iopplan {

// The week in which `slot`'s session is held again in the rotation's next round (rolling).
inline int next_round_week(const Problem& p, int slot) { return p.meetings[p.slots[slot].meeting].next_week; }

// True when `slot`'s next-round session falls in the plan's last week, so it counts toward that
// week's limits too.
inline bool in_seam(const Problem& p, int slot) {
  return p.seam_week > 0 && next_round_week(p, slot) == p.seam_week && p.slots[slot].week != p.seam_week;
}

// Repeat rule: one module in slots `earlier` and `later` of the same round.
inline bool spaced_ok(const Problem& p, int earlier, int later) {
  return p.repeat_gap > 0 && p.slots[later].week - p.slots[earlier].week >= p.repeat_gap;
}

// Repeat rule across the seam (rolling): a module's last session in slot `last` and its first,
// in slot `first`, held again in the next round.
inline bool seam_spaced_ok(const Problem& p, int first, int last) {
  return !p.rolling || first == last || next_round_week(p, first) - p.slots[last].week >= p.repeat_gap;
}

// Track limits on a count of sessions.
inline bool over_week_max(const TrackRules& rules, int count) { return count > rules.max_week; }
inline bool under_week_min(const Problem& p, const TrackRules& rules, int week, int count) {
  return count < rules.min_week && p.week_full[week] && !p.week_kept[week];
}
inline bool cycle_ok(const TrackRules& rules, int total) { return rules.min_cycle <= total && total <= rules.max_cycle; }

// Separate days: tracks `a` and `b` may share a meeting day.
inline bool may_share_day(const Problem& p, int a, int b) {
  if (a < 0 || b < 0) return true;
  const auto& apart = p.rules[a].apart;
  return std::find(apart.begin(), apart.end(), b) == apart.end();
}

// Whether `module` may fill `slot` by length, track, group type, phase and exclusion.
inline bool fits(const Problem& p, int slot, int module) {
  return module >= 0 && p.classes[p.slots[slot].cls].fits[module];
}

}  // namespace iopplan
