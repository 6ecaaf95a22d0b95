// iopplan build: plan a program and render its guides, handouts and print packets.
#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/base/interrupt.hpp"
#include "iopplan/pipeline/build.hpp"
#include "iopplan/render/output_format.hpp"

namespace iopplan::cli {

Command add_build_command(CLI::App& parent) {
  struct Options {
    std::string program;
    std::string start;
    int week = 0;
    std::string out;
    std::string format = "html,md";
    int copies = 0;
    std::string templates;
    std::string paper = "letter";
    bool large_print = false;
    std::string library;
    uint64_t seed = 1;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("build", "Plan a program and render its guides, handouts and print packets");
  app->add_option("PROGRAM", opts->program, "Program id (programs/<id>.toml in the library) or a program file")
      ->required();
  app->add_option("--start", opts->start, "First day of the program, YYYY-MM-DD (default: the program's)");
  app->add_option("--week", opts->week, "Render only this week's folder (plus index and plan.json)")
      ->check(CLI::Range(1, 520));
  app->add_option("--out", opts->out, "Output folder (default: output/<program>-<start>)");
  app->add_option("--format", opts->format, "Comma-separated: html, md, pdf (default: html,md)");
  app->add_option("--copies", opts->copies, "Copies of each handout in the print packets (default: group size)")
      ->check(CLI::Range(1, 200));
  app->add_option("--templates", opts->templates, "Folder of your own templates, used file by file over the built-in ones");
  app->add_option("--paper", opts->paper, "letter or a4 (default: letter)")->check(CLI::IsMember({"letter", "a4"}));
  app->add_flag("--large-print", opts->large_print, "Handouts and sign-in sheets in 16 pt type");
  add_library_option(app, opts->library);
  add_seed_option(app, opts->seed, "Seed for the planner's tie-breaking (default: 1)");
  return {app, [opts]() {
            BuildRequest request;
            std::string format_error;
            auto formats = parse_formats(opts->format, format_error);
            if (!formats) {
              std::cerr << "iopplan: error: --format: " << format_error << '\n';
              return kExitUsage;
            }
            if (!parse_start_option(opts->start, request.plan.start, std::cerr)) return kExitUsage;
            request.plan.library_dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            request.plan.program = opts->program;
            request.plan.seed = opts->seed;
            request.render.formats = *formats;
            request.render.copies = opts->copies;
            request.render.paper = opts->paper == "a4" ? Paper::a4 : Paper::letter;
            request.render.large_print = opts->large_print;
            request.render.only_week = opts->week;
            request.templates_dir = builtin_dir("templates");
            request.overlay_dir = opts->templates;
            request.out_dir = opts->out;

            // SIGINT and SIGTERM stop the build at the next safe point, with --out as it was.
            install_interrupt_handlers();
            BuildResult result = build(DiskFileSource(), request);
            const PlanRun& run = result.run;
            print_diagnostics(run.diagnostics, std::cerr);
            if (interrupted()) {
              std::cout.flush();
              std::cerr.flush();
              die_of_interrupt();
            }
            if (run.stopped == Stop::library) print_library_summary(request.plan.library_dir, run.diagnostics, std::cerr);
            if (run.stopped != Stop::none) {
              int code = exit_code(run.diagnostics);
              return code == kExitOk ? kExitInputError : code;
            }
            const Plan& plan = *run.plan;
            const std::string& out = result.out_dir;
            std::cout << "Planned " << plan.weeks << " weeks of " << plan.program_name << " from " << long_date(plan.start)
                      << "; wrote " << result.files << " files to " << out << "/\n";
            auto has = [&](Format f) { return std::find(formats->begin(), formats->end(), f) != formats->end(); };
            if (has(Format::html)) {
              std::cout << "Open " << join_path(out, "index.html") << " in a browser to start.\n";
            } else if (has(Format::md)) {
              std::cout << "Start with " << join_path(out, "index.md") << ".\n";
            } else {
              std::cout << "The print packets are in " << out << "/week-NN/print-packet.pdf.\n";
            }
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
