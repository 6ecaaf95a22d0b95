// iopplan build: plan a program and render its guides, handouts and print packets.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "iopplan/file_source.hpp"
#include "iopplan/organization.hpp"
#include "iopplan/output_format.hpp"
#include "iopplan/pdf_printer.hpp"
#include "iopplan/plan_json.hpp"
#include "iopplan/program.hpp"
#include "iopplan/sequencer.hpp"
#include "iopplan/site.hpp"
#include "iopplan/site_writer.hpp"
#include "iopplan/templates.hpp"

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
  app->add_option("--seed", opts->seed, "Seed for the planner's tie-breaking (default: 1)");
  return {app, [opts]() {
            std::string format_error;
            auto formats = parse_formats(opts->format, format_error);
            if (!formats) {
              std::cerr << "iopplan: error: --format: " << format_error << '\n';
              return kExitUsage;
            }
            std::optional<Date> start;
            if (!parse_start_option(opts->start, start, std::cerr)) return kExitUsage;
            bool pdf = std::find(formats->begin(), formats->end(), Format::pdf) != formats->end();
            std::optional<std::string> chromium;
            if (pdf && !(chromium = find_chromium())) {
              std::cerr << "iopplan: error: " << chromium_install_hint() << '\n';
              return kExitIoError;
            }

            // The stages in order: load, plan, render in memory, print PDFs, write.
            std::string dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            if (!program_exists_or_report(dir, opts->program, std::cerr)) return kExitUsage;
            auto library = load_library_or_report(dir, {}, false, std::cerr);
            if (!library) return kExitInputError;
            DiskFileSource files;
            Diagnostics diagnostics;
            Organization organization = load_library_organization(files, dir, diagnostics);
            auto program = load_program(files, dir, opts->program, *library, diagnostics);
            print_diagnostics(diagnostics, std::cerr);
            if (!program || has_errors(diagnostics)) return kExitInputError;

            PlanOptions plan_options;
            plan_options.start = start;
            plan_options.seed = opts->seed;
            PlanResult planned = make_plan(*library, *program, plan_options);
            print_diagnostics(planned.diagnostics, std::cerr);
            if (!planned.plan) return kExitInputError;
            const Plan& plan = *planned.plan;

            diagnostics.clear();
            auto templates = load_templates(files, builtin_dir("templates"), opts->templates, diagnostics);
            RenderOptions options;
            options.formats = *formats;
            options.copies = opts->copies;
            options.paper = opts->paper == "a4" ? Paper::a4 : Paper::letter;
            options.large_print = opts->large_print;
            options.only_week = opts->week;
            std::optional<Site> site;
            if (templates) site = render_site(plan, plan_to_json(plan), *library, organization, *templates, options, diagnostics);
            print_diagnostics(diagnostics, std::cerr);
            if (!site) return kExitInputError;

            diagnostics.clear();
            std::string iso = to_iso(plan.start);
            std::string pdf_date = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
            if (pdf && !print_pdfs(*site, *chromium, pdf_date, diagnostics)) {
              print_diagnostics(diagnostics, std::cerr);
              return kExitIoError;
            }
            std::string out = opts->out.empty() ? default_output_dir(plan) : opts->out;
            if (!write_site(*site, out, diagnostics)) {
              print_diagnostics(diagnostics, std::cerr);
              return kExitIoError;
            }
            std::cout << "Planned " << plan.weeks << " weeks of " << plan.program_name << " from " << long_date(plan.start)
                      << "; wrote " << site->files.size() << " files to " << out << "/\n";
            bool html = std::find(formats->begin(), formats->end(), Format::html) != formats->end();
            bool md = std::find(formats->begin(), formats->end(), Format::md) != formats->end();
            if (html) {
              std::cout << "Open " << join_path(out, "index.html") << " in a browser to start.\n";
            } else if (md) {
              std::cout << "Start with " << join_path(out, "index.md") << ".\n";
            } else {
              std::cout << "The print packets are in " << out << "/week-NN/print-packet.pdf.\n";
            }
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
