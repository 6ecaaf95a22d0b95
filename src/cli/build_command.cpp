// iopplan build: plan a program and render its guides, handouts and print packets.
#include <algorithm>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "commands.hpp"
#include "progress.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/language.hpp"
#include "iopplan/base/interrupt.hpp"
#include "iopplan/pipeline/build.hpp"
#include "iopplan/render/output_format.hpp"

namespace iopplan::cli {
namespace {

constexpr int kMaxCopies = 200;

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    parts.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return parts;
    start = comma + 1;
  }
}

std::optional<int> copies_number(const std::string& text) {
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  int n = std::stoi(text);
  if (n < 1 || n > kMaxCopies) return std::nullopt;
  return n;
}

// "--languages en,es"; false after printing why not.
bool parse_languages(const std::string& text, std::vector<std::string>& languages, std::ostream& err) {
  if (text.empty()) return true;
  for (const auto& code : split_commas(text)) {
    std::string problem = language_problem(code, languages);
    if (!problem.empty()) {
      err << "iopplan: error: --languages: " << problem << '\n';
      return false;
    }
    languages.push_back(code);
  }
  return true;
}

// "--copies 10" (every language) or "--copies en=8,es=4"; false after printing why not.
bool parse_copies(const std::string& text, RenderOptions& render, std::ostream& err) {
  if (text.empty()) return true;
  if (auto n = copies_number(text)) {
    render.copies = *n;
    return true;
  }
  if (text.find('=') == std::string::npos) {
    err << "iopplan: error: --copies '" << text << "' must be a number from 1 to " << kMaxCopies
        << ", or copies per language such as en=8,es=4\n";
    return false;
  }
  for (const auto& part : split_commas(text)) {
    size_t eq = part.find('=');
    std::string code = part.substr(0, eq);
    auto n = eq == std::string::npos ? std::nullopt : copies_number(part.substr(eq + 1));
    if (!n) {
      err << "iopplan: error: --copies: '" << part << "' must be a language and a number from 1 to " << kMaxCopies
          << ", such as es=4\n";
      return false;
    }
    std::vector<std::string> earlier;
    for (const auto& [seen, unused] : render.copies_by_language) earlier.push_back(seen);
    std::string problem = language_problem(code, earlier);
    if (!problem.empty()) {
      err << "iopplan: error: --copies: " << problem << '\n';
      return false;
    }
    render.copies_by_language[code] = *n;
  }
  return true;
}

}  // namespace

Command add_build_command(CLI::App& parent) {
  struct Options {
    std::string program;
    std::string start;
    std::string from;
    int weeks = 0;
    int week = 0;
    std::string out;
    std::string format = "html,md";
    std::string copies;
    std::string languages;
    std::string templates;
    std::string paper = "letter";
    bool large_print = false;
    bool undated = false;
    bool quiet = false;
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
  app->add_option("--copies", opts->copies,
                  "Copies of each handout in the print packets: N for every language, or per language, en=8,es=4 "
                  "(default: group size)");
  app->add_option("--languages", opts->languages,
                  "Handout languages, comma-separated: en, es (default: the program's languages, else en)");
  app->add_option("--templates", opts->templates, "Folder of your own templates, used file by file over the built-in ones");
  app->add_option("--paper", opts->paper, "letter or a4 (default: letter)")->check(CLI::IsMember({"letter", "a4"}));
  app->add_flag("--large-print", opts->large_print, "Handouts and sign-in sheets in 16 pt type");
  app->add_flag("--undated", opts->undated, "Leave meeting dates off patient handouts, so spare copies can be reused");
  app->add_flag("--quiet", opts->quiet, "No progress display");
  add_library_option(app, opts->library);
  add_seed_option(app, opts->seed, "Seed for the planner's tie-breaking (default: 1)");
  add_window_options(app, opts->from, opts->weeks);
  return {app, [opts]() {
            BuildRequest request;
            std::string format_error;
            auto formats = parse_formats(opts->format, format_error);
            if (!formats) {
              std::cerr << "iopplan: error: --format: " << format_error << '\n';
              return kExitUsage;
            }
            if (!parse_date_option("--start", opts->start, request.plan.start, std::cerr)) return kExitUsage;
            if (!parse_window_options(opts->from, opts->weeks, request.plan, std::cerr)) return kExitUsage;
            request.plan.library_dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            request.plan.program = opts->program;
            request.plan.seed = opts->seed;
            request.render.formats = *formats;
            if (!parse_copies(opts->copies, request.render, std::cerr)) return kExitUsage;
            if (!parse_languages(opts->languages, request.languages, std::cerr)) return kExitUsage;
            request.render.paper = opts->paper == "a4" ? Paper::a4 : Paper::letter;
            request.render.large_print = opts->large_print;
            request.render.only_week = opts->week;
            request.render.undated = opts->undated;
            request.templates_dir = builtin_dir("templates");
            request.overlay_dir = opts->templates;
            request.out_dir = opts->out;

            // SIGINT and SIGTERM stop the build at the next safe point, with --out as it was.
            install_interrupt_handlers();
            ProgressDisplay display(std::cerr, ::isatty(STDERR_FILENO) == 1);
            if (!opts->quiet) request.progress = [&](const BuildProgress& progress) { display.update(progress); };
            BuildResult result = build(DiskFileSource(), request);
            display.finish();
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
              std::cout << "The print packets are in " << out << "/week-NN/print-packet.pdf"
                        << (opts->week == 0 && !plan.journeys.empty() ? ", the journey cards in " + out + "/journey-cards/"
                                                                       : std::string())
                        << ".\n";
            }
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
