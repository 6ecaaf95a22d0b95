// The plan's JSON shape (documented in docs/plan-json.md), written by `plan --format json` and plan.json.
#pragma once

#include <optional>
#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

// Deterministic: the same plan gives the same bytes.
std::string plan_to_json(const Plan& plan);

// The largest plan JSON read back (--previous).
inline constexpr size_t kMaxPlanJsonBytes = 16 * 1024 * 1024;

// Reads a plan back (for --keep-through-week); problems go to `out` with `path`.
std::optional<Plan> plan_from_json(const std::string& text, const std::string& path, Diagnostics& out);

}  // namespace iopplan
