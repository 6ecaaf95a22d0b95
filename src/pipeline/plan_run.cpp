#include "iopplan/pipeline/plan_run.hpp"

#include "iopplan/curriculum/loader.hpp"
#include "iopplan/sequencing/plan_json.hpp"
#include "iopplan/sequencing/sequencer.hpp"

namespace iopplan {

PlanRun plan_program(const FileSource& files, const PlanRequest& request) {
  // The stages in order of execution; each returns early with run.stopped set to itself.
  PlanRun run;
  Diagnostics& out = run.diagnostics;
  if (auto missing = missing_program(files, request.library_dir, request.program)) {
    out.push_back(std::move(*missing));
    run.stopped = Stop::request;
    return run;
  }

  std::optional<Plan> previous;
  if (!request.previous.empty()) {
    if (too_large(files, request.previous, kMaxPlanJsonBytes, out)) {
      run.stopped = Stop::request;
      return run;
    }
    auto text = files.read(request.previous);
    if (!text) {
      out.push_back(usage_error("cannot read the earlier plan '" + request.previous + "'"));
      run.stopped = Stop::request;
      return run;
    }
    previous = plan_from_json(*text, request.previous, out);
    if (!previous) {
      run.stopped = Stop::request;
      return run;
    }
  }

  LoadResult loaded = load_library(files, request.library_dir);
  run.library = std::move(loaded.library);
  out.insert(out.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
  if (has_errors(out)) {
    run.stopped = Stop::library;
    return run;
  }

  int errors_before = count(out, Severity::error);
  run.organization = load_library_organization(files, request.library_dir, out);
  run.program = load_program(files, request.library_dir, request.program, run.library, out);
  if (!run.program || count(out, Severity::error) > errors_before) {
    run.stopped = Stop::program;
    return run;
  }

  if (previous && previous->program != run.program->id) {
    Diagnostic other = usage_error("the earlier plan is of program '" + previous->program + "', not '" + run.program->id +
                                   "': --previous takes a plan of the same program");
    other.file = request.previous;
    out.push_back(std::move(other));
    run.stopped = Stop::request;
    return run;
  }

  PlanOptions options;
  options.start = request.start;
  options.seed = request.seed;
  options.keep = previous ? &*previous : nullptr;
  options.keep_through_week = request.keep_through_week;
  options.from = request.from;
  options.window_weeks = request.window_weeks;
  PlanResult planned = make_plan(run.library, *run.program, options);
  out.insert(out.end(), planned.diagnostics.begin(), planned.diagnostics.end());
  run.plan = std::move(planned.plan);
  if (!run.plan) run.stopped = Stop::plan;
  return run;
}

}  // namespace iopplan
