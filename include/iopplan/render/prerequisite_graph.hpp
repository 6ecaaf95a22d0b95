// The library's prerequisite graph, drawn by Graphviz.
#pragma once

#include <optional>
#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"

namespace iopplan {

// The graph in DOT: one node per module that has or is a prerequisite, grouped by track, with an
// edge from each prerequisite to the module that needs it. Deterministic: library order.
std::string prerequisite_dot(const Library& library);

// SVG from `dot -Tsvg` (Graphviz). nullopt, with a note saying how to install it, when `dot` cannot run.
std::optional<std::string> prerequisite_svg(const Library& library, Diagnostics& out);

}  // namespace iopplan
