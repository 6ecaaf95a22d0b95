// iopplan plan: a program + the library -> a dated plan (a table, or JSON).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "iopplan/file_source.hpp"
#include "iopplan/plan_json.hpp"
#include "iopplan/plan_text.hpp"
#include "iopplan/program.hpp"
#include "iopplan/sequencer.hpp"

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
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("plan", "Sequence a program's modules into a dated plan");
  app->add_option("PROGRAM", opts->program, "A program id (programs/<id>.toml in the library) or a path to one")->required();
  add_library_option(app, opts->library);
  app->add_option("--start", opts->start, "First day, YYYY-MM-DD (default: the program's start_date)");
  app->add_option("--seed", opts->seed, "Seed of the search: the same seed gives the same plan (default 1)");
  app->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app->add_flag("--explain", opts->explain, "Say why each module sits where it does, and break down the score");
  app->add_option("--keep-through-week", opts->keep_through_week,
                  "Keep weeks 1..N of the --previous plan exactly as delivered and replan the rest")
      ->check(CLI::Range(1, 208));
  app->add_option("--previous", opts->previous, "The earlier plan, as written by --format json");
  return {app, [opts]() {
            std::optional<Date> start;
            if (!parse_start_option(opts->start, start, std::cerr)) return kExitUsage;
            if ((opts->keep_through_week > 0) != !opts->previous.empty()) {
              std::cerr << "iopplan: error: --keep-through-week and --previous go together\n";
              return kExitUsage;
            }
            std::string dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            DiskFileSource files;
            if (!program_exists_or_report(dir, opts->program, std::cerr)) return kExitUsage;
            std::optional<Plan> previous;
            if (!opts->previous.empty()) {
              auto text = files.read(opts->previous);
              if (!text) {
                std::cerr << "iopplan: error: cannot read the earlier plan '" << opts->previous << "'\n";
                return kExitUsage;
              }
              Diagnostics found;
              previous = plan_from_json(*text, opts->previous, found);
              print_diagnostics(found, std::cerr);
              if (!previous) return kExitInputError;
            }
            auto library = load_library_or_report(dir, {}, false, std::cerr);
            if (!library) return kExitInputError;
            Diagnostics found;
            auto program = load_program(files, dir, opts->program, *library, found);
            print_diagnostics(found, std::cerr);
            if (!program) return kExitInputError;

            PlanOptions options;
            options.start = start;
            options.seed = opts->seed;
            options.keep = previous ? &*previous : nullptr;
            options.keep_through_week = opts->keep_through_week;
            PlanResult result = make_plan(*library, *program, options);
            print_diagnostics(result.diagnostics, std::cerr);
            if (!result.plan) {
              std::cerr << "iopplan: no plan for " << program->id << ": the rules above cannot all hold\n";
              return kExitInputError;
            }
            if (opts->format == "json") {
              std::cout << plan_to_json(*result.plan);
            } else {
              std::cout << plan_to_text(*result.plan, *program, *library, opts->explain);
            }
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
