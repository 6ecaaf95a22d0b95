// Sessions CSV: one row per planned group session, for EHR group notes (docs/output-layout.md).
#pragma once

#include <string>

#include "iopplan/curriculum/library.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, a quote or a line
// break (quotes doubled), UTF-8. Columns: date, start, end, minutes, group, track, module_id, title,
// version, objectives (joined with "; "), facilitator, room (both empty, to fill in).
std::string plan_to_csv(const Plan& plan, const Library& library);

// One field as RFC 4180 writes it.
std::string csv_field(const std::string& text);

}  // namespace iopplan
