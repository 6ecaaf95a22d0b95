// The front half of every run: load the library, organization and program, then plan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

struct PlanRequest {
  std::string library_dir;         // the curriculum folder
  std::string program;             // a program id (programs/<id>.toml) or a path to a program file
  std::optional<Date> start;       // default: the program's start_date
  uint64_t seed = 1;
  std::string previous;            // an earlier plan's JSON file whose first weeks are kept, or ""
  int keep_through_week = 0;       // REQUIRES: > 0 exactly when `previous` is set
  std::optional<Date> from;        // with window_weeks > 0: only the weeks from this day
  int window_weeks = 0;
};

// Where a run stopped; `none` when it went all the way.
enum class Stop { none, request, library, program, plan, render, print, write };

struct PlanRun {
  Diagnostics diagnostics;  // everything found, in the order the stages found it
  Stop stopped = Stop::none;
  Library library;
  Organization organization;
  std::optional<Program> program;
  std::optional<Plan> plan;  // set exactly when stopped == Stop::none
};

// Stops at the first stage with errors (a library with errors is not planned), so one run reports
// every problem of that stage.
PlanRun plan_program(const FileSource& files, const PlanRequest& request);

}  // namespace iopplan
