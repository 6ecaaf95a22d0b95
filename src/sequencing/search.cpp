#include "sequencing/search.hpp"

#include <algorithm>

#include "sequencing/random.hpp"
#include "sequencing/rules.hpp"

namespace iopplan {
namespace {

// Candidates kept per slot during construction: enough to back out of a dead end, few enough
// that 5,000-module libraries stay fast. Tiny problems never reach it, so there the search is complete.
constexpr size_t kMaxCandidates = 48;
// Construction is restarted with other random tie-breaks rather than left to backtrack forever:
// a depth-first search that went wrong early rarely recovers, while a fresh start often succeeds
// at once. Each attempt may place this many nodes (plus 50 per slot); all attempts together this many.
constexpr long kAttemptNodes = 4000;
constexpr long kNodeBudget = 2000000;
constexpr long kEvaluationBudget = 60000000;
constexpr int kFailedAttempts = 4;  // then repair takes over, until a round has built
constexpr long kRepairWork = 100000000;  // per repair attempt, in units of one element counted
constexpr double kLnOneThousandth = -6.907755278982137;  // ln(0.001): annealing cools a thousandfold

// What every construction round shares, computed once.
struct Aids {
  std::vector<int> free;                // Problem::free_slots
  std::vector<int> left_in_week;        // per depth: free slots after it in the same week
  std::vector<int> needed;              // needed modules not yet placed by kept weeks
  std::vector<int> deadline;            // per module: the last depth it (and what needs it) can still be placed
  std::vector<double> ideal_gap;        // per track: slots between its sessions if spread evenly
  double weight_scale = 1;              // the larger soft weights, to size urgency and jitter
};

Aids make_aids(const Problem& p, const State& kept) {
  Aids aids;
  aids.free = p.free_slots;
  int n = static_cast<int>(aids.free.size());
  aids.left_in_week.assign(n, 0);
  for (int d = n - 2; d >= 0; --d) {
    bool same = p.slots[aids.free[d + 1]].week == p.slots[aids.free[d]].week;
    aids.left_in_week[d] = same ? aids.left_in_week[d + 1] + 1 : 0;
  }
  aids.deadline.assign(p.module_count(), -1);
  for (int d = 0; d < n; ++d) {
    const SlotClass& cls = p.classes[p.slots[aids.free[d]].cls];
    for (int m : cls.eligible) aids.deadline[m] = d;
  }
  for (int m = 0; m < p.module_count(); ++m) {
    if (p.modules[m].needed && kept.occurrences(m).empty()) aids.needed.push_back(m);
  }
  // A pinned module's prerequisites must be placed before its first pinned session.
  for (int m = 0; m < p.module_count(); ++m) {
    const auto& occ = kept.occurrences(m);
    if (occ.empty() || p.slots[occ.front()].pin == nullptr) continue;
    int before = static_cast<int>(std::lower_bound(aids.free.begin(), aids.free.end(), occ.front()) - aids.free.begin()) - 1;
    for (int q : p.modules[m].prerequisites) {
      if (kept.occurrences(q).empty()) aids.deadline[q] = std::min(aids.deadline[q], before);
    }
  }
  // A prerequisite must be placed before the last chance of what needs it.
  for (size_t round = 0; round <= aids.needed.size(); ++round) {
    bool changed = false;
    for (int m : aids.needed) {
      for (int d : p.modules[m].dependents) {
        if (!p.modules[d].needed || !kept.occurrences(d).empty()) continue;
        if (aids.deadline[d] - 1 < aids.deadline[m]) {
          aids.deadline[m] = aids.deadline[d] - 1;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  // Expected sessions per track, from the modules it can offer and its limits.
  std::vector<double> available(p.track_count(), 0);
  double total = 0;
  std::vector<char> seen(p.module_count(), 0);
  for (const auto& cls : p.classes) {
    for (int m : cls.eligible) {
      if (seen[m]) continue;
      seen[m] = 1;
      available[p.modules[m].track] += 1;
      total += 1;
    }
  }
  double length = p.slot_count();
  aids.ideal_gap.assign(p.track_count(), length);
  for (int t = 0; t < p.track_count(); ++t) {
    double expected = total > 0 ? length * available[t] / total : 0;
    expected = std::max(expected, static_cast<double>(p.rules[t].min_cycle));
    expected = std::min(expected, static_cast<double>(p.rules[t].max_cycle));
    if (expected >= 1) aids.ideal_gap[t] = length / expected;
  }
  const Weights& w = p.weights;
  aids.weight_scale = std::max({w.track_spread, w.back_to_back, w.group_type_variety, w.prerequisite_distance, w.repeats, 0.1});
  return aids;
}

class Constructor {
 public:
  Constructor(const Problem& p, const Aids& aids, State& state, SplitMix64& rng, double jitter, long node_budget,
              long evaluation_budget)
      : p_(p),
        aids_(aids),
        state_(state),
        rng_(rng),
        jitter_(jitter),
        node_budget_(node_budget),
        evaluation_budget_(evaluation_budget) {
    unplaced_needed_.assign(p.track_count(), 0);
    for (int m : aids.needed) {
      if (p.modules[m].track >= 0) ++unplaced_needed_[p.modules[m].track];
    }
  }

  bool run() {
    int n = static_cast<int>(aids_.free.size());
    if (n == 0) return true;
    std::vector<Frame> frames(n);
    build(0, frames[0]);
    int d = 0;
    while (true) {
      Frame& f = frames[d];
      if (f.placed) {
        place(d, -1);
        f.placed = false;
      }
      if (f.next == f.candidates.size()) {
        if (d == 0) {
          exhausted_ = !truncated_;
          return false;
        }
        --d;
        continue;
      }
      if (++nodes_ > node_budget_ || evaluations_ > evaluation_budget_) return false;
      place(d, f.candidates[f.next++].module);
      f.placed = true;
      if (d + 1 == n) return true;
      ++d;
      build(d, frames[d]);
    }
  }

  bool exhausted() const { return exhausted_; }
  const DeadEnd& dead_end() const { return dead_end_; }
  long nodes() const { return nodes_; }
  long evaluations() const { return evaluations_; }

 private:
  struct Candidate {
    double h;
    int module;
  };
  struct Frame {
    std::vector<Candidate> candidates;
    size_t next = 0;
    bool placed = false;
  };

  void place(int depth, int module) {
    int slot = aids_.free[depth];
    int old = state_.at(slot);
    if (old >= 0 && p_.modules[old].needed && state_.occurrences(old).size() == 1 && p_.modules[old].track >= 0) {
      ++unplaced_needed_[p_.modules[old].track];
    }
    state_.set(slot, module);
    if (module >= 0 && p_.modules[module].needed && state_.occurrences(module).size() == 1 &&
        p_.modules[module].track >= 0) {
      --unplaced_needed_[p_.modules[module].track];
    }
  }

  int need(int t) const {
    return std::max({0, p_.rules[t].min_cycle - state_.track_total(t), unplaced_needed_[t]});
  }

  void build(int d, Frame& f) {
    f.candidates.clear();
    scratch_.clear();
    f.next = 0;
    f.placed = false;
    int slot = aids_.free[d];
    const Slot& s = p_.slots[slot];
    const SlotClass& cls = p_.classes[s.cls];
    DeadEnd why;
    why.slot = slot;
    why.fitting = static_cast<int>(cls.eligible.size());

    int forced = -1;
    for (int m : aids_.needed) {
      if (!state_.occurrences(m).empty()) continue;
      if (aids_.deadline[m] < d || (aids_.deadline[m] == d && forced >= 0)) {
        why.forced_modules.push_back(m);
        record(d, why);
        return;
      }
      if (aids_.deadline[m] == d) forced = m;
    }

    int remaining = static_cast<int>(aids_.free.size()) - d - 1;
    int reserve = 0;
    for (int t = 0; t < p_.track_count(); ++t) reserve += need(t);
    bool week_rules = p_.week_full[s.week] && !p_.week_kept[s.week];
    int week_reserve = 0;
    if (week_rules) {
      for (int t = 0; t < p_.track_count(); ++t) {
        week_reserve += std::max(0, p_.rules[t].min_week - state_.week_track(s.week, t));
      }
    }
    int previous_track = slot > 0 ? state_.track_of(state_.at(slot - 1)) : -1;
    int wrap_track = p_.rolling && slot == p_.slot_count() - 1 ? state_.track_of(state_.at(0)) : -1;
    const Weights& w = p_.weights;
    int meeting = s.meeting;

    for (int m : cls.eligible) {
      ++evaluations_;
      const ModuleInfo& info = p_.modules[m];
      const auto& occ = state_.occurrences(m);
      if (!occ.empty()) {
        bool too_soon = !spaced_ok(p_, occ.back(), slot) || !seam_spaced_ok(p_, occ.front(), slot);
        if (too_soon) {
          ++why.used;
          continue;
        }
      }
      bool prerequisites_placed = true;
      for (int pre : info.prerequisites) prerequisites_placed = prerequisites_placed && !state_.occurrences(pre).empty();
      if (!prerequisites_placed) {
        ++why.prerequisite;
        continue;
      }
      int t = info.track;
      bool apart = false;
      if (!p_.rules[t].apart.empty()) {
        for (int other : p_.meetings[meeting].slots) apart = apart || !may_share_day(p_, t, state_.track_of(state_.at(other)));
      }
      if (apart) {
        ++why.used;
        continue;
      }
      const TrackRules& rules = p_.rules[t];
      int in_week = state_.week_track(s.week, t);
      bool seam_full = in_seam(p_, slot) && over_week_max(rules, state_.week_track(p_.seam_week, t) + 1);
      if (over_week_max(rules, in_week + 1) || seam_full) {
        ++why.week_max;
        if (std::find(why.week_max_tracks.begin(), why.week_max_tracks.end(), t) == why.week_max_tracks.end()) {
          why.week_max_tracks.push_back(t);
        }
        continue;
      }
      if (state_.track_total(t) + 1 > rules.max_cycle) {
        ++why.cycle_max;
        if (std::find(why.cycle_max_tracks.begin(), why.cycle_max_tracks.end(), t) == why.cycle_max_tracks.end()) {
          why.cycle_max_tracks.push_back(t);
        }
        continue;
      }
      bool first_needed = info.needed && occ.empty();
      int need_after = std::max({0, rules.min_cycle - state_.track_total(t) - 1, unplaced_needed_[t] - (first_needed ? 1 : 0)});
      int reserve_after = reserve - need(t) + need_after;
      if (reserve_after > remaining) {
        ++why.reserve;
        continue;
      }
      if (week_rules) {
        int week_after = week_reserve - (in_week < rules.min_week ? 1 : 0);
        if (week_after > aids_.left_in_week[d]) {
          ++why.week_min;
          continue;
        }
      }
      // Last, so a module kept out only by a required module's last chance is counted as such.
      if (forced >= 0 && m != forced) {
        ++why.forced;
        continue;
      }
      scratch_.push_back({heuristic(m, slot, meeting, previous_track, wrap_track, reserve_after < reserve,
                                        remaining - reserve, w),
                              m});
    }
    // Candidates gather in one shared buffer; each frame keeps only its best few.
    if (scratch_.size() > kMaxCandidates) {
      truncated_ = true;
      std::nth_element(scratch_.begin(), scratch_.begin() + kMaxCandidates, scratch_.end(), better);
      scratch_.resize(kMaxCandidates);
    }
    std::sort(scratch_.begin(), scratch_.end(), better);
    f.candidates.assign(scratch_.begin(), scratch_.end());
    if (f.candidates.empty()) record(d, why);
  }

  static bool better(const Candidate& a, const Candidate& b) {
    return a.h != b.h ? a.h < b.h : a.module < b.module;
  }

  // The soft goals as seen from this slot, plus urgency when few slots are left to spare.
  double heuristic(int m, int slot, int meeting, int previous_track, int wrap_track, bool reduces_need, int slack,
                   const Weights& w) {
    const ModuleInfo& info = p_.modules[m];
    double h = 0;
    if (info.track == previous_track) h += w.back_to_back;
    if (info.track == wrap_track) h += w.back_to_back;
    for (int other : p_.meetings[meeting].slots) {
      if (other == slot) break;
      int o = state_.at(other);
      if (o >= 0 && p_.modules[o].module && p_.modules[o].group_type == info.group_type) h += w.group_type_variety;
    }
    const auto& track_slots = state_.track_slots(info.track);
    if (!track_slots.empty()) {
      double gap = slot - track_slots.back();
      double ideal = aids_.ideal_gap[info.track];
      if (gap < ideal) h += w.track_spread * (1 - gap / ideal) * (1 - gap / ideal) * 4;
    }
    for (int pre : info.prerequisites) {
      const auto& occ = state_.occurrences(pre);
      if (occ.empty()) continue;
      h += w.prerequisite_distance * (p_.rolling ? p_.slots[slot].week - p_.slots[occ.back()].week
                                                 : std::max(0, p_.slots[slot].meeting - p_.slots[occ.back()].meeting - 1));
    }
    // A repeat: the least recently used module first, which spaces repeats out evenly.
    if (const auto& occ = state_.occurrences(m); !occ.empty()) {
      h += w.repeats * (2.0 - static_cast<double>(slot - occ.back()) / p_.slot_count());
    }
    int previous = p_.slots[slot].previous;
    if (previous != -1 && previous != m) h += w.changes;
    if (reduces_need) h -= aids_.weight_scale * 2.0 / (1.0 + slack);
    h += jitter_ * rng_.unit();
    return h;
  }

  void record(int d, DeadEnd& why) {
    if (d > dead_end_depth_) {
      dead_end_depth_ = d;
      dead_end_ = std::move(why);
    }
  }

  const Problem& p_;
  const Aids& aids_;
  State& state_;
  SplitMix64& rng_;
  double jitter_;
  long node_budget_;
  long evaluation_budget_;
  std::vector<int> unplaced_needed_;  // per track
  std::vector<Candidate> scratch_;
  long nodes_ = 0;
  long evaluations_ = 0;
  bool truncated_ = false;
  bool exhausted_ = false;
  int dead_end_depth_ = -1;
  DeadEnd dead_end_;
};

// When construction keeps running into dead ends, start from a complete assignment that breaks
// rules and move towards one that breaks none (min-conflicts with a little noise). Each step counts
// violations from scratch, so the budget is in units of the problem's size.
bool repair(const Problem& p, State& state, SplitMix64& rng, long work) {
  const auto& free = p.free_slots;
  if (free.empty()) return violations(state) == 0;
  for (int s : free) {
    if (state.at(s) >= 0) continue;
    // Fill with the least used module that fits, so the start is close to the repeat rule.
    int best = -1;
    for (int m : p.classes[p.slots[s].cls].eligible) {
      if (best < 0 || state.occurrences(m).size() < state.occurrences(best).size()) best = m;
    }
    state.set(s, best);
  }
  long cost = p.slot_count() + p.module_count() + static_cast<long>(p.track_count()) * (p.weeks_in_plan + 1);
  long steps = std::max(1000L, work / std::max(1L, cost));
  long current = violations(state);
  int n = static_cast<int>(free.size());
  for (long i = 0; i < steps && current > 0; ++i) {
    int a = free[rng.below(n)];
    const auto& eligible = p.classes[p.slots[a].cls].eligible;
    if (eligible.empty()) return false;
    int old_a = state.at(a);
    int b = -1, old_b = -1;
    if (rng.unit() < 0.5) {
      b = free[rng.below(n)];
      old_b = state.at(b);
      if (b == a || old_a == old_b) continue;
      state.set(a, old_b);
      state.set(b, old_a);
    } else {
      int m = eligible[rng.below(eligible.size())];
      if (m == old_a) continue;
      state.set(a, m);
    }
    long next = violations(state);
    if (next <= current || rng.unit() < 0.02) {
      current = next;
      continue;
    }
    state.set(a, old_a);
    if (b >= 0) state.set(b, old_b);
  }
  return current == 0;
}

class Annealer {
 public:
  Annealer(const Problem& p, State& state, SplitMix64& rng) : p_(p), state_(state), rng_(rng) {
    for (int s : p.free_slots) near_span_ = std::max(near_span_, static_cast<int>(p.meetings[p.slots[s].meeting].slots.size()));
    near_span_ = std::max(4, near_span_ * 2 * static_cast<int>(p.program->meeting_days.size()));
  }

  // Improves the state for `iterations` moves; leaves it at the best assignment found.
  double run(long iterations, double score) {
    best_ = state_.assignment();
    double best_score = score;
    if (p_.free_slots.empty() || iterations <= 0) return score;
    double temperature = calibrate();
    double cooling = portable_exp(kLnOneThousandth / static_cast<double>(iterations));
    for (long i = 0; i < iterations; ++i, temperature *= cooling) {
      Move move = random_move();
      if (move.a < 0) continue;
      auto delta = state_.apply(move);
      if (!delta) continue;
      if (*delta <= 0 || rng_.unit() < portable_exp(-*delta / temperature)) {
        score += *delta;
        if (score < best_score - 1e-9) {
          best_score = score;
          best_ = state_.assignment();
        }
      } else {
        state_.undo();
      }
    }
    for (int s : p_.free_slots) state_.set(s, best_[s]);
    return best_score;
  }

 private:
  // The starting temperature: the average worsening of a few random moves.
  double calibrate() {
    double sum = 0;
    int worse = 0;
    for (int i = 0; i < 64; ++i) {
      Move move = random_move();
      if (move.a < 0) continue;
      auto delta = state_.apply(move);
      if (!delta) continue;
      state_.undo();
      if (*delta > 0) {
        sum += *delta;
        ++worse;
      }
    }
    return worse > 0 ? sum / worse : 1.0;
  }

  Move random_move() {
    const auto& free = p_.free_slots;
    int n = static_cast<int>(free.size());
    int i = static_cast<int>(rng_.below(n));
    int a = free[i];
    const auto& eligible = p_.classes[p_.slots[a].cls].eligible;
    if (n >= 2 && (eligible.size() <= 1 || rng_.unit() < 0.5)) {
      int j;
      if (rng_.unit() < 0.5) {
        int offset = static_cast<int>(rng_.below(2 * near_span_ + 1)) - near_span_;
        j = std::clamp(i + offset, 0, n - 1);
      } else {
        j = static_cast<int>(rng_.below(n));
      }
      if (j == i || state_.at(free[j]) == state_.at(a)) return {};
      return {a, free[j], -1};
    }
    int m = eligible[rng_.below(eligible.size())];
    if (m == state_.at(a)) return {};
    return {a, -1, m};
  }

  const Problem& p_;
  State& state_;
  SplitMix64& rng_;
  Assignment best_;
  int near_span_ = 4;
};

}  // namespace

SearchOutcome solve(const Problem& p, const SearchOptions& options) {
  SearchOutcome outcome;
  State kept(p);
  Aids aids = make_aids(p, kept);
  long free = static_cast<long>(p.free_slots.size());
  // Small programs (a 16-week group) get more effort than a user notices; large ones stay fast.
  int rounds = options.rounds > 0 ? options.rounds : (free <= 24 ? 6 : free <= 160 ? 4 : 1);
  long iterations = options.iterations > 0 ? options.iterations
                    : free <= 160          ? std::clamp(6000 * free, 200000L, 600000L)
                                           : std::clamp(1500 * free, 60000L, 300000L);
  long attempt_nodes = kAttemptNodes + 50L * free;
  long evaluations = 0;
  double best_score = 0;
  int dead_end_depth = -1;
  int built_rounds = 0;
  int failed = 0;
  // Rounds that fail to build are retried with the next stream of the seed, until the shared
  // budget is spent: when one seed finds a plan, another must not give up on the same program.
  for (int attempt = 0; built_rounds < rounds && (built_rounds > 0 || failed < kFailedAttempts); ++attempt) {
    long nodes_left = kNodeBudget + 50L * free - outcome.nodes;
    long evaluations_left = kEvaluationBudget - evaluations;
    if (nodes_left <= 0 || evaluations_left <= 0) break;
    SplitMix64 rng(mix_seed(options.seed, static_cast<uint64_t>(attempt)));
    State state = kept;
    // The first attempt follows the heuristic; later ones are shaken up to explore elsewhere.
    // The last one allowed may use the whole remaining budget, so small problems are searched in full.
    Constructor builder(p, aids, state, rng, attempt == 0 ? 1e-6 : aids.weight_scale, std::min(attempt_nodes, nodes_left),
                        evaluations_left);
    bool built = builder.run();
    outcome.nodes += builder.nodes();
    evaluations += builder.evaluations();
    if (!built) {
      const DeadEnd& why = builder.dead_end();
      int depth = why.slot < 0 ? -1 : static_cast<int>(std::lower_bound(p.free_slots.begin(), p.free_slots.end(), why.slot) -
                                                      p.free_slots.begin());
      if (depth > dead_end_depth) {
        dead_end_depth = depth;
        outcome.dead_end = why;
      }
      if (builder.exhausted()) {
        outcome.exhausted = true;
        break;
      }
      // Backtracking deeper pays off once restarts keep failing at the same place.
      attempt_nodes += attempt_nodes / 2;
      ++failed;
      continue;
    }
    ++built_rounds;
    Annealer annealer(p, state, rng);
    long budget = iterations / rounds;
    annealer.run(budget, weighted(state.score(), p.weights));
    outcome.iterations += budget;
    double score = weighted(state.score(), p.weights);  // exact, free of the deltas' rounding
    if (!outcome.assignment || score < best_score - 1e-9) {
      best_score = score;
      outcome.assignment = state.assignment();
    }
  }
  // Dead ends everywhere, yet not proved impossible: repair complete assignments instead.
  for (int attempt = 0; !outcome.assignment && !outcome.exhausted && attempt < 4; ++attempt) {
    SplitMix64 rng(mix_seed(options.seed, 1000 + static_cast<uint64_t>(attempt)));
    State state = kept;
    if (!repair(p, state, rng, kRepairWork)) continue;
    Annealer annealer(p, state, rng);
    annealer.run(iterations, weighted(state.score(), p.weights));
    outcome.iterations += iterations;
    outcome.assignment = state.assignment();
  }
  if (outcome.assignment) outcome.exhausted = false;
  return outcome;
}

}  // namespace iopplan
