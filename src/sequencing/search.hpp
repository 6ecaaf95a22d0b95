// Search: a constructive placement (depth-first, in date order, with look-ahead) followed by
// simulated annealing over moves that keep every hard rule. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sequencing/problem.hpp"
#include "sequencing/state.hpp"

namespace iopplan {

// Why modules that fit a slot could not take it, counted where the construction got stuck.
struct DeadEnd {
  int slot = -1;        // the slot no module could fill; -1 when none was recorded
  int fitting = 0;      // modules that fit the slot by length, track, group type and phase
  int used = 0;         // already in the cycle (or too recently, when repeats are allowed)
  int prerequisite = 0; // a prerequisite not yet placed
  int week_max = 0;     // their track is at max_per_week
  int cycle_max = 0;    // their track is at max_per_cycle
  int reserve = 0;      // would leave too few slots for minimums and required modules
  int week_min = 0;     // would leave too few slots this week for weekly minimums
  int forced = 0;       // a required module (or its prerequisite) had to take the slot
  std::vector<int> week_max_tracks;   // tracks that hit max_per_week here
  std::vector<int> cycle_max_tracks;  // tracks that hit max_per_cycle here
  std::vector<int> forced_modules;    // required modules out of slots they fit
};

struct SearchOptions {
  uint64_t seed = 1;
  long iterations = 0;  // improvement moves in all; 0: chosen from the problem's size
  int rounds = 0;       // constructions, each improved; the best is kept; 0: chosen from the size
};

struct SearchOutcome {
  std::optional<Assignment> assignment;
  bool exhausted = false;  // every placement was tried: no assignment holds every rule
  DeadEnd dead_end;        // where construction got furthest, when it failed
  long nodes = 0;          // placements tried by construction
  long iterations = 0;     // improvement moves tried
};

SearchOutcome solve(const Problem& problem, const SearchOptions& options);

}  // namespace iopplan
