#include "sequencing/state.hpp"

#include <algorithm>

#include "sequencing/rules.hpp"

namespace iopplan {
namespace {

void insert_sorted(std::vector<int>& values, int value) {
  values.insert(std::lower_bound(values.begin(), values.end(), value), value);
}

void erase_sorted(std::vector<int>& values, int value) {
  auto it = std::lower_bound(values.begin(), values.end(), value);
  if (it != values.end() && *it == value) values.erase(it);
}

void add_unique(std::vector<int>& values, int value) {
  if (value >= 0 && std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

}  // namespace

double weighted(const ScoreParts& parts, const Weights& w) {
  double total = 0;
  for (const SoftGoal& goal : soft_goals()) total += w.*goal.weight * parts[goal.goal];
  return total;
}

State::State(const Problem& problem)
    : p_(problem),
      at_(problem.slots.size(), -1),
      occ_(problem.modules.size()),
      track_slots_(problem.tracks.size()),
      week_track_((problem.weeks_in_plan + 1) * problem.tracks.size(), 0) {
  for (int s = 0; s < p_.slot_count(); ++s) {
    if (!p_.slots[s].free()) set(s, p_.slots[s].locked);
  }
}

void State::set(int slot, int module) {
  int old = at_[slot];
  if (old == module) return;
  int week = p_.slots[slot].week;
  // A session whose next round falls in the seam week counts in that week as well.
  int seam = in_seam(p_, slot) ? p_.seam_week : -1;
  if (old >= 0) {
    erase_sorted(occ_[old], slot);
    int t = track_of(old);
    if (t >= 0) {
      erase_sorted(track_slots_[t], slot);
      --week_track_[week * p_.track_count() + t];
      if (seam > 0) --week_track_[seam * p_.track_count() + t];
    }
  }
  at_[slot] = module;
  if (module >= 0) {
    insert_sorted(occ_[module], slot);
    int t = track_of(module);
    if (t >= 0) {
      insert_sorted(track_slots_[t], slot);
      ++week_track_[week * p_.track_count() + t];
      if (seam > 0) ++week_track_[seam * p_.track_count() + t];
    }
  }
}

double State::spread_term(int track) const {
  const auto& slots = track_slots_[track];
  size_t n = slots.size();
  if (n <= 1) return 0;
  double length = p_.slot_count();
  double ideal = length / static_cast<double>(n);
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    double gap = i + 1 < n ? slots[i + 1] - slots[i] : slots[0] + length - slots[n - 1];
    double d = gap / ideal - 1;
    sum += d * d;
  }
  return sum;
}

double State::pair_term(int left) const {
  int right = left + 1;
  if (right == p_.slot_count()) {
    if (!p_.rolling || p_.slot_count() < 2) return 0;
    right = 0;
  }
  int a = track_of(at_[left]), b = track_of(at_[right]);
  return a >= 0 && a == b ? 1 : 0;
}

double State::meeting_term(int meeting) const {
  const auto& slots = p_.meetings[meeting].slots;
  double same = 0;
  for (size_t i = 0; i < slots.size(); ++i) {
    int a = at_[slots[i]];
    if (a < 0 || p_.modules[a].module == nullptr) continue;
    for (size_t j = i + 1; j < slots.size(); ++j) {
      int b = at_[slots[j]];
      if (b >= 0 && p_.modules[b].module != nullptr && p_.modules[a].group_type == p_.modules[b].group_type) same += 1;
    }
  }
  return same;
}

double State::prerequisite_term(int module) const {
  const auto& occ = occ_[module];
  if (occ.empty()) return 0;
  int first = occ.front();
  double sum = 0;
  for (int pre : p_.modules[module].prerequisites) {
    const auto& pre_occ = occ_[pre];
    auto it = std::lower_bound(pre_occ.begin(), pre_occ.end(), first);
    if (it == pre_occ.begin()) continue;
    int before = *(it - 1);
    // Patients join at the start of a week, so in a rolling cycle each week between the two is an
    // entry week that meets them out of order.
    sum += p_.rolling ? p_.slots[first].week - p_.slots[before].week
                      : std::max(0, p_.slots[first].meeting - p_.slots[before].meeting - 1);
  }
  return sum;
}

double State::repeat_term(int module) const { return occ_[module].empty() ? 0 : occ_[module].size() - 1.0; }

double State::change_term(int slot) const {
  int previous = p_.slots[slot].previous;
  return previous != -1 && at_[slot] != previous ? 1 : 0;
}

bool State::repeat_ok(int module) const {
  const auto& occ = occ_[module];
  if (occ.size() <= 1) return true;
  for (size_t i = 1; i < occ.size(); ++i) {
    if (!p_.slots[occ[i]].free()) continue;  // kept history is not judged
    if (!spaced_ok(p_, occ[i - 1], occ[i])) return false;
  }
  return !p_.slots[occ.back()].free() || seam_spaced_ok(p_, occ.front(), occ.back());
}

int State::apart_pairs(int meeting) const {
  if (p_.program->separate_days.empty()) return 0;
  const auto& slots = p_.meetings[meeting].slots;
  int pairs = 0;
  for (size_t i = 0; i < slots.size(); ++i) {
    for (size_t j = i + 1; j < slots.size(); ++j) {
      pairs += may_share_day(p_, track_of(at_[slots[i]]), track_of(at_[slots[j]])) ? 0 : 1;
    }
  }
  return pairs;
}

bool State::prerequisites_ok(int module) const {
  const auto& occ = occ_[module];
  if (occ.empty()) return true;
  const Slot& first = p_.slots[occ.front()];
  if (!first.free() && first.pin == nullptr) return true;  // kept history is not judged; a pin is
  for (int pre : p_.modules[module].prerequisites) {
    if (occ_[pre].empty() || occ_[pre].front() >= occ.front()) return false;
  }
  return true;
}

void State::touch(const Move& move, Touched& t) const {
  t.slots[0] = move.a;
  t.slots[1] = move.b;
  t.modules.clear();
  t.tracks.clear();
  t.pairs.clear();
  t.meetings.clear();
  t.prerequisite_modules.clear();
  add_unique(t.modules, at_[move.a]);
  add_unique(t.modules, move.b >= 0 ? at_[move.b] : move.module);
  for (int m : t.modules) add_unique(t.tracks, track_of(m));
  int n = p_.slot_count();
  for (int s : t.slots) {
    if (s < 0) continue;
    if (s > 0) add_unique(t.pairs, s - 1);
    else if (p_.rolling) add_unique(t.pairs, n - 1);
    add_unique(t.pairs, s);
    add_unique(t.meetings, p_.slots[s].meeting);
  }
  for (int m : t.modules) {
    add_unique(t.prerequisite_modules, m);
    for (int d : p_.modules[m].dependents) add_unique(t.prerequisite_modules, d);
  }
}

double State::local_score(const Touched& t) const {
  ScoreParts parts;
  for (int track : t.tracks) parts[Goal::spread] += spread_term(track);
  for (int left : t.pairs) parts[Goal::back_to_back] += pair_term(left);
  for (int meeting : t.meetings) parts[Goal::variety] += meeting_term(meeting);
  for (int m : t.prerequisite_modules) parts[Goal::prerequisite] += prerequisite_term(m);
  for (int m : t.modules) parts[Goal::repeats] += repeat_term(m);
  for (int s : t.slots) {
    if (s >= 0) parts[Goal::changes] += change_term(s);
  }
  return weighted(parts, p_.weights);
}

bool State::local_rules_hold(const Touched& t) const {
  for (int s : t.slots) {
    if (s >= 0 && !fits(p_, s, at_[s])) return false;
  }
  for (int m : t.modules) {
    if (p_.modules[m].required && occ_[m].empty()) return false;
    if (!repeat_ok(m)) return false;
  }
  for (int m : t.prerequisite_modules) {
    if (!prerequisites_ok(m)) return false;
  }
  for (int meeting : t.meetings) {
    if (apart_pairs(meeting) > 0) return false;
  }
  for (int track : t.tracks) {
    const TrackRules& rules = p_.rules[track];
    if (!cycle_ok(rules, track_total(track))) return false;
    for (int s : t.slots) {
      if (s < 0) continue;
      for (int week : {p_.slots[s].week, in_seam(p_, s) ? p_.seam_week : -1}) {
        if (week < 0) continue;
        int count = week_track(week, track);
        if (over_week_max(rules, count) || under_week_min(p_, rules, week, count)) return false;
      }
    }
  }
  return true;
}

std::optional<double> State::apply(const Move& move) {
  touch(move, touched_);
  double before = local_score(touched_);
  if (move.b >= 0) {
    int a = at_[move.a], b = at_[move.b];
    set(move.a, b);
    set(move.b, a);
  } else {
    last_old_ = at_[move.a];
    set(move.a, move.module);
  }
  last_ = move;
  if (!local_rules_hold(touched_)) {
    undo();
    return std::nullopt;
  }
  return local_score(touched_) - before;
}

void State::undo() {
  if (last_.b >= 0) {
    int a = at_[last_.a], b = at_[last_.b];
    set(last_.a, b);
    set(last_.b, a);
  } else {
    set(last_.a, last_old_);
  }
}

ScoreParts State::score() const {
  ScoreParts parts;
  for (int t = 0; t < p_.track_count(); ++t) parts[Goal::spread] += spread_term(t);
  for (int s = 0; s < p_.slot_count(); ++s) parts[Goal::back_to_back] += pair_term(s);
  for (int m = 0; m < static_cast<int>(p_.meetings.size()); ++m) parts[Goal::variety] += meeting_term(m);
  for (int m = 0; m < p_.module_count(); ++m) parts[Goal::prerequisite] += prerequisite_term(m);
  for (int m = 0; m < p_.module_count(); ++m) parts[Goal::repeats] += repeat_term(m);
  for (int s = 0; s < p_.slot_count(); ++s) parts[Goal::changes] += change_term(s);
  return parts;
}

ScoreParts evaluate(const Problem& problem, const Assignment& assignment) {
  State state(problem);
  for (int s = 0; s < problem.slot_count(); ++s) state.set(s, assignment[s]);
  return state.score();
}

long violations(const State& state) {
  const Problem& p = state.problem();
  long count = 0;
  for (int s : p.free_slots) count += fits(p, s, state.at(s)) ? 0 : 1;
  for (int m = 0; m < p.module_count(); ++m) {
    const auto& occ = state.occurrences(m);
    if (p.modules[m].required && occ.empty()) ++count;
    if (!state.prerequisites_ok(m)) ++count;
    for (size_t i = 1; i < occ.size(); ++i) {
      if (p.slots[occ[i]].free() && !spaced_ok(p, occ[i - 1], occ[i])) ++count;
    }
    if (occ.size() > 1 && p.slots[occ.back()].free() && !seam_spaced_ok(p, occ.front(), occ.back())) ++count;
  }
  for (int meeting = 0; meeting < static_cast<int>(p.meetings.size()); ++meeting) {
    if (!p.meetings[meeting].kept) count += state.apart_pairs(meeting);
  }
  for (int t = 0; t < p.track_count(); ++t) {
    const TrackRules& rules = p.rules[t];
    int total = state.track_total(t);
    count += std::max(0, rules.min_cycle - total) + std::max(0, total - rules.max_cycle);
    for (int w = 1; w <= p.weeks_in_plan; ++w) {
      if (p.week_kept[w]) continue;
      int n = state.week_track(w, t);
      if (over_week_max(rules, n)) count += n - rules.max_week;
      if (under_week_min(p, rules, w, n)) count += rules.min_week - n;
    }
  }
  return count;
}

std::string broken_rule(const Problem& p, const Assignment& at) {
  if (static_cast<int>(at.size()) != p.slot_count()) return "the assignment has the wrong number of slots";
  State state(p);
  for (int s = 0; s < p.slot_count(); ++s) {
    if (!p.slots[s].free()) {
      if (at[s] != p.slots[s].locked) return "slot " + std::to_string(s) + " was kept but changed";
      continue;
    }
    if (at[s] < 0) return "slot " + std::to_string(s) + " is empty";
    if (!fits(p, s, at[s])) {
      return "module '" + p.modules[at[s]].id + "' does not fit slot " + std::to_string(s);
    }
    state.set(s, at[s]);
  }
  for (int m = 0; m < p.module_count(); ++m) {
    if (p.modules[m].required && state.occurrences(m).empty()) return "required module '" + p.modules[m].id + "' is missing";
    if (!state.repeat_ok(m)) return "module '" + p.modules[m].id + "' repeats too soon";
    if (!state.prerequisites_ok(m)) return "module '" + p.modules[m].id + "' comes before a prerequisite";
  }
  for (int meeting = 0; meeting < static_cast<int>(p.meetings.size()); ++meeting) {
    if (!p.meetings[meeting].kept && state.apart_pairs(meeting) > 0) {
      return "two tracks kept on separate days meet on " + to_iso(p.meetings[meeting].date);
    }
  }
  for (int t = 0; t < p.track_count(); ++t) {
    const TrackRules& rules = p.rules[t];
    int total = state.track_total(t);
    if (!cycle_ok(rules, total)) {
      return "track '" + p.tracks[t] + "' has " + std::to_string(total) + " in the cycle";
    }
    for (int w = 1; w <= p.weeks_in_plan; ++w) {
      if (p.week_kept[w]) continue;
      int count = state.week_track(w, t);
      if (over_week_max(rules, count) || under_week_min(p, rules, w, count)) {
        return "track '" + p.tracks[t] + "' has " + std::to_string(count) + " in week " + std::to_string(w);
      }
    }
  }
  return "";
}

}  // namespace iopplan
