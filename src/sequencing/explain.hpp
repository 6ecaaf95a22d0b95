// Explanations in plain words: why a module sits where it does, and why no plan fits.
#pragma once

#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "sequencing/problem.hpp"
#include "sequencing/search.hpp"
#include "sequencing/state.hpp"

namespace iopplan {

// "required (x.toml:12); after its prerequisite acceptance (week 2, Mon); nutrition 3 of 7 in the cycle; ..."
std::string placement_reason(const Problem& problem, const State& state, int slot);

// An error at the rule most to blame, saying where construction got stuck and which rules kept
// each fitting module out of that slot.
Diagnostic failure_explanation(const Problem& problem, const SearchOutcome& outcome);

}  // namespace iopplan
