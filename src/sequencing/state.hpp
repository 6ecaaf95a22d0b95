// State: an assignment of modules to content slots, with the counts the rules and the soft goals
// need kept up to date, so a move is checked and scored by looking only at what it touches.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sequencing/problem.hpp"

namespace iopplan {

using Assignment = std::vector<int>;  // module index per slot; -1 while empty

// The soft goals' raw penalties (before weights), one per row of soft_goals(); lower is better.
//   spread: per track, the sum over its gaps of (gap / ideal gap - 1)^2, the cycle read as a circle
//   back_to_back: consecutive content slots of the same track (a rolling cycle wraps)
//   variety: pairs of slots in one meeting with the same group type
//   prerequisite: closed: meetings between a module and its nearest earlier prerequisite, beyond the
//     next one; rolling: weeks between them
//   repeats: sessions of a module beyond its first
//   changes: replanned slots that differ from the earlier plan
struct ScoreParts {
  std::array<double, kGoalCount> value{};
  double& operator[](Goal goal) { return value[static_cast<size_t>(goal)]; }
  double operator[](Goal goal) const { return value[static_cast<size_t>(goal)]; }
};

double weighted(const ScoreParts& parts, const Weights& weights);

// A swap of two slots' modules (b >= 0), or module `module` into slot a (b < 0).
struct Move {
  int a = -1;
  int b = -1;
  int module = -1;
};

class State {
 public:
  explicit State(const Problem& problem);

  const Problem& problem() const { return p_; }
  const Assignment& assignment() const { return at_; }
  int at(int slot) const { return at_[slot]; }
  const std::vector<int>& occurrences(int module) const { return occ_[module]; }
  const std::vector<int>& track_slots(int track) const { return track_slots_[track]; }
  int track_total(int track) const { return static_cast<int>(track_slots_[track].size()); }
  int week_track(int week, int track) const { return week_track_[week * p_.track_count() + track]; }
  int track_of(int module) const { return module < 0 ? -1 : p_.modules[module].track; }

  // Puts `module` (or nothing, -1) in `slot`, keeping every count current.
  void set(int slot, int module);

  // Applies `move` when every hard rule it touches still holds afterwards and returns the change
  // in the weighted score; otherwise leaves the state as it was and returns nullopt.
  // REQUIRES: a complete assignment that holds every hard rule; both slots free.
  std::optional<double> apply(const Move& move);
  // Reverts the move last applied.
  void undo();

  // The whole score, from the terms.
  ScoreParts score() const;

  // Term contributions, for incremental scoring.
  double spread_term(int track) const;
  double pair_term(int left) const;  // slots left and left + 1 (the last pairs with the first in a rolling cycle)
  double meeting_term(int meeting) const;
  double prerequisite_term(int module) const;
  double repeat_term(int module) const;
  double change_term(int slot) const;

  bool repeat_ok(int module) const;
  // Pairs of the meeting's slots whose tracks must not share a day (0 when the rule holds).
  int apart_pairs(int meeting) const;
  bool prerequisites_ok(int module) const;

 private:
  struct Touched {
    int slots[2] = {-1, -1};
    std::vector<int> modules;  // modules whose occurrences changed
    std::vector<int> tracks;
    std::vector<int> pairs;
    std::vector<int> meetings;
    std::vector<int> prerequisite_modules;  // changed modules and their dependents
  };

  void touch(const Move& move, Touched& t) const;
  double local_score(const Touched& t) const;
  bool local_rules_hold(const Touched& t) const;

  const Problem& p_;
  Assignment at_;
  std::vector<std::vector<int>> occ_;
  std::vector<std::vector<int>> track_slots_;
  std::vector<int> week_track_;
  Move last_;
  int last_old_ = -1;  // the module slot `a` held before a set-move
  Touched touched_;    // reused between moves to avoid allocations
};

// The whole score of a complete assignment, computed from scratch.
ScoreParts evaluate(const Problem& problem, const Assignment& assignment);

// How far `state` is from holding every hard rule, counted from scratch: one per empty or unfitting
// slot, repeat too soon, module before its prerequisite and missing required module, and one per
// session a track is over or short of a limit. 0 exactly when broken_rule() finds nothing.
long violations(const State& state);

// Every hard rule, checked from scratch on a complete assignment: "" when all hold, else the
// first rule broken, in words.
std::string broken_rule(const Problem& problem, const Assignment& assignment);

}  // namespace iopplan
