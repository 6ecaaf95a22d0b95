// Preflight: rules that cannot hold, found before any search (slot counts against the modules
// available per track, phase and length; required modules that fit nowhere; ...).
#pragma once

#include <optional>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

// Checks `program` from `start` (default: its start_date). Each impossibility is an error at the
// rule's line in the program file. True when none was found.
bool preflight(const Library& library, const Program& program, const std::optional<Date>& start, Diagnostics& out);

// What `iopplan check` reports for a program without planning it: preflight from its start date,
// a regular week short of its level of care, and (as notes) weeks that closed days leave short.
void check_program(const Library& library, const Program& program, Diagnostics& out);

}  // namespace iopplan
