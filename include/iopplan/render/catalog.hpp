// The library catalog: a browsable site of every module, for directors designing a program.
#pragma once

#include <optional>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/anchor_map.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/render/site.hpp"
#include "iopplan/render/templates.hpp"

namespace iopplan {

// index.html (every module with track, phase, group type, minutes, handout reading grade,
// languages and prerequisites, filtered in the browser without a server), modules/<id>.html (the
// facilitator's view and the handout), prerequisites.svg and .html (the graph, when Graphviz is
// there), coverage.html (when `anchors` is given) and programs.html. Layout in
// docs/output-layout.md ("The library catalog").
std::optional<Site> render_catalog(const Library& library, const std::vector<Program>& programs,
                                   const Organization& organization, const std::optional<AnchorMap>& anchors,
                                   const TemplateSet& templates, Diagnostics& out);

}  // namespace iopplan
