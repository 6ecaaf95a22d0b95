// iopplan plan: a program + the library -> a dated plan (a table, or JSON).
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/render/calendar_export.hpp"
#include "iopplan/render/sessions_csv.hpp"
#include "iopplan/sequencing/plan_json.hpp"
#include "iopplan/sequencing/plan_text.hpp"

namespace iopplan::cli {

Command add_plan_command(CLI::App& parent) {
  struct Options {
    std::string program;
    std::string library;
    std::string start;
    uint64_t seed = 1;
    std::string format = "text";
    bool explain = false;
    int keep_through_week = 0;
    std::string previous;
    std::string from;
    int weeks = 0;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("plan", "Sequence a program's modules into a dated plan");
  app->add_option("PROGRAM", opts->program, "A program id (programs/<id>.toml in the library) or a path to one")->required();
  add_library_option(app, opts->library);
  app->add_option("--start", opts->start, "First day, YYYY-MM-DD (default: the program's start_date)");
  add_seed_option(app, opts->seed, "Seed of the search: the same seed gives the same plan (default 1)");
  app->add_option("--format", opts->format, "text, json, ics (staff calendars) or csv (EHR group notes)")
      ->check(CLI::IsMember({"text", "json", "ics", "csv"}));
  app->add_flag("--explain", opts->explain, "Say why each module sits where it does, and break down the score");
  app->add_option("--keep-through-week", opts->keep_through_week,
                  "Keep weeks 1..N of the --previous plan exactly as delivered and replan the rest")
      ->check(CLI::Range(1, 208));
  app->add_option("--previous", opts->previous, "The earlier plan, as written by --format json");
  add_window_options(app, opts->from, opts->weeks);
  return {app, [opts]() {
            PlanRequest request;
            if (!parse_date_option("--start", opts->start, request.start, std::cerr)) return kExitUsage;
            if (!parse_window_options(opts->from, opts->weeks, request, std::cerr)) return kExitUsage;
            if ((opts->keep_through_week > 0) != !opts->previous.empty()) {
              std::cerr << "iopplan: error: --keep-through-week and --previous go together\n";
              return kExitUsage;
            }
            request.library_dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            request.program = opts->program;
            request.seed = opts->seed;
            request.previous = opts->previous;
            request.keep_through_week = opts->keep_through_week;
            PlanRun run = plan_program(DiskFileSource(), request);
            print_diagnostics(run.diagnostics, std::cerr);
            if (run.stopped == Stop::library) print_library_summary(request.library_dir, run.diagnostics, std::cerr);
            if (run.stopped == Stop::plan) {
              std::cerr << "iopplan: no plan for " << run.program->id << ": the rules above cannot all hold\n";
            }
            if (!run.plan) return exit_code(run.diagnostics) == kExitOk ? kExitInputError : exit_code(run.diagnostics);
            if (opts->format == "json") {
              std::cout << plan_to_json(*run.plan);
            } else if (opts->format == "ics") {
              Diagnostics found;
              auto ics = plan_to_ics(*run.plan, run.library, run.organization, found);
              print_diagnostics(found, std::cerr);
              if (!ics) return kExitInputError;
              std::cout << *ics;
            } else if (opts->format == "csv") {
              std::cout << plan_to_csv(*run.plan, run.library);
            } else {
              std::cout << plan_to_text(*run.plan, *run.program, run.library, opts->explain);
            }
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
