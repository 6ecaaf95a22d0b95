// Rendering benchmark: the built-in library rendered as a 16-week program (3 meetings a week) and
// a 52-week program (5 meetings a week), html and md, no PDF. Reports documents per second and
// peak memory. Target: the 16-week program in under 0.5 s.
// With --pdf (and Chromium), also the whole `iopplan build iop-16-week-rolling --format html,md,pdf`
// through the pipeline, and, as the floor, one browser printing the same distinct pages as one
// document (with header templates, and with page-margin boxes). Target: the build under 15 s and
// within 1.5x the lower floor.
// Usage: iopplan_bench_render [REPEATS] [--pdf [--program ID|PATH]]   (default 5; the median run
// is reported; --program builds another program than iop-16-week-rolling, a path being a file)
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/pipeline/build.hpp"
#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/render/pdf_printer.hpp"
#include "iopplan/render/site.hpp"
#include "iopplan/render/site_writer.hpp"
#include "iopplan/render/templates.hpp"

namespace fs = std::filesystem;
using namespace iopplan;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double peak_mib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports kilobytes
}

// A hand-made plan until the sequencer lands: modules in library order, one per meeting, between a
// check-in and a wrap-up, on `days` (0 = Monday) of every week.
Plan make_plan(const Library& library, int weeks, const std::vector<int>& days) {
  constexpr int kStart = 18 * 60;
  Plan plan;
  plan.program = "bench-" + std::to_string(weeks);
  plan.program_name = "Benchmark program, " + std::to_string(weeks) + " weeks";
  plan.admission = "rolling";
  plan.weeks = weeks;
  plan.start = {2027, 1, 4};
  plan.min_weekly_hours = 3;
  size_t next = 0;
  for (int week = 1; week <= weeks; ++week) {
    for (int day : days) {
      const Module& m = library.modules[next++ % library.modules.size()];
      Meeting meeting;
      meeting.week = week;
      meeting.date = add_days(plan.start, 7L * (week - 1) + day);
      meeting.start = kStart;
      PlannedBlock check_in;
      check_in.start = kStart;
      check_in.minutes = 15;
      check_in.activity = "Check-in";
      PlannedBlock group;
      group.start = kStart + 15;
      group.minutes = m.duration_minutes;
      group.module = m.id;
      group.module_version = m.version;
      group.track = m.track;
      group.slot = "Group";
      PlannedBlock wrap_up;
      wrap_up.start = group.start + group.minutes;
      wrap_up.minutes = 10;
      wrap_up.activity = "Wrap-up";
      meeting.end = wrap_up.start + wrap_up.minutes;
      meeting.blocks = {check_in, group, wrap_up};
      plan.meetings.push_back(meeting);
    }
    plan.coverage.push_back({week, static_cast<int>(days.size()) * (weeks - week + 1), {}, {}});
  }
  return plan;
}

struct Result {
  int documents = 0;
  size_t files = 0;
  size_t bytes = 0;
  double render_seconds = 0;
  double write_seconds = 0;
};

bool run(const Plan& plan, const Library& library, const TemplateSet& templates, int repeats, Result& result) {
  RenderOptions options;
  options.formats = {Format::html, Format::md};
  std::vector<double> times;
  std::optional<Site> site;
  for (int i = 0; i < repeats; ++i) {
    Diagnostics diagnostics;
    auto start = Clock::now();
    site = render_site(plan, "{}\n", library, Organization{}, templates, options, diagnostics);
    times.push_back(seconds_since(start));
    if (!site) {
      for (const auto& d : diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
      return false;
    }
  }
  std::sort(times.begin(), times.end());
  result.render_seconds = times[times.size() / 2];
  result.documents = site->documents;
  result.files = site->files.size();
  for (const auto& file : site->files) result.bytes += file.content.size();
  std::string pattern = (fs::temp_directory_path() / "iopplan-bench-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) return false;
  Diagnostics diagnostics;
  auto start = Clock::now();
  bool written = write_site(*site, pattern, diagnostics);
  result.write_seconds = seconds_since(start);
  std::error_code ec;
  fs::remove_all(pattern, ec);  // the benchmark's own scratch folder
  return written;
}

void report(const char* name, const Result& r) {
  std::printf("%-22s %4d documents (%zu files, %.1f MiB): render %.3f s = %6.0f documents/s; write %.3f s\n", name,
              r.documents, r.files, r.bytes / 1048576.0, r.render_seconds, r.documents / r.render_seconds,
              r.write_seconds);
}

// The body of a printed page, for the floor's one long document, without a handout's fitting
// script (the floor lays every page out once, in the spacing most handouts print in).
std::string body_of(const std::string& html) {
  size_t open = html.find("<body");
  size_t start = html.find('>', open) + 1;
  size_t end = std::min(html.rfind("</body>"), html.find("<script", start));
  return html.substr(start, end - start);
}

// The 16-week build with PDFs, as `iopplan build` runs it, against one browser printing the same
// pages once as one document. False when the target is missed or printing fails.
bool pdf_run(const std::string& root, const std::string& chromium, const std::string& program) {
  std::string out = (fs::temp_directory_path() / "iopplan-bench-pdf-XXXXXX").string();
  if (::mkdtemp(out.data()) == nullptr) return false;
  BuildRequest request;
  request.plan.library_dir = root + "/curricula";
  request.plan.program = program;
  request.render.formats = {Format::html, Format::md, Format::pdf};
  request.templates_dir = root + "/templates";
  request.out_dir = out + "/build";
  request.chromium = chromium;
  size_t pages_to_print = 0;
  request.progress = [&](const BuildProgress& progress) { pages_to_print = progress.to_print; };
  auto start = Clock::now();
  BuildResult result = build(DiskFileSource(), request);
  double build_seconds = seconds_since(start);
  bool ok = result.run.stopped == Stop::none;
  for (const auto& d : result.run.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());

  // The floor: the same distinct pages, one document, one browser.
  PlanRun run = plan_program(DiskFileSource(), request.plan);
  Diagnostics diagnostics;
  auto templates = load_templates(DiskFileSource(), request.templates_dir, "", diagnostics);
  std::optional<Site> site;
  if (run.plan && templates) {
    site = render_site(*run.plan, "{}\n", run.library, run.organization, *templates, request.render, diagnostics);
  }
  if (!site) return false;
  // Two floors: the pages with Chromium's header and footer templates (one rendering of each per
  // page, as the build did before print batches), and with CSS page-margin boxes (as batches draw
  // them; the cheaper way to print the same pages). The target is checked against the lower.
  auto floor_seconds = [&](bool margin_boxes, int& pages) {
    const std::string& first = site->print_documents.front().html;
    std::string one = first.substr(0, first.find("<body"));
    std::string style, body;
    for (size_t i = 0; i < site->print_documents.size(); ++i) {
      const PrintDocument& page = site->print_documents[i];
      std::string name = "floor-" + std::to_string(i);
      if (margin_boxes) {
        style += "@page " + name + " { @top-left { content: 'Title " + std::to_string(i) +
                 "'; font: 8.5pt 'Liberation Sans'; } @top-right { content: 'Program'; font: 8.5pt 'Liberation Sans'; } "
                 "@bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font: 8.5pt 'Liberation Sans'; } }\n";
      }
      body += "<div style=\"break-after: page" + (margin_boxes ? "; page: " + name : std::string()) + "\">" +
              body_of(page.html) + "</div>\n";
    }
    size_t head_end = one.find("</head>");
    if (margin_boxes) one.insert(head_end == std::string::npos ? one.size() : head_end, "<style>" + style + "</style>");
    one += "<body class=\"print-handout fit-tight\">" + body + "</body></html>";
    Site floor;
    const PrintDocument& front = site->print_documents.front();
    PrintDocument document;
    document.html = std::move(one);
    document.header_html = margin_boxes ? "" : front.header_html;
    document.footer_html = margin_boxes ? "" : front.footer_html;
    floor.print_documents.push_back(std::move(document));
    floor.pdfs.push_back({"floor.pdf", "floor", "en", {{0, 1}}});
    auto started = Clock::now();
    bool printed = print_pdfs(floor, chromium, "20270104", diagnostics);
    double seconds = seconds_since(started);
    pages = floor.files.empty() ? 0 : pdf_page_count(floor.files.back().content);
    return printed ? seconds : -1.0;
  };
  int template_pages = 0, box_pages = 0;
  double template_floor = floor_seconds(false, template_pages);
  double box_floor = floor_seconds(true, box_pages);
  ok = ok && template_floor > 0 && box_floor > 0;
  double floor = std::min(template_floor, box_floor);
  std::error_code ec;
  fs::remove_all(out, ec);  // the benchmark's own scratch folder
  std::printf("%s build, html,md,pdf:  %.2f s (%zu files, %zu distinct page sets printed)\n", program.c_str(),
              build_seconds, result.files, pages_to_print);
  std::printf("floor, one browser, one document of the same pages: %.2f s with header and footer templates, "
              "%.2f s with page-margin boxes (%d and %d pages)\n", template_floor, box_floor, template_pages, box_pages);
  bool met = ok && build_seconds < 15 && build_seconds <= 1.5 * floor;
  std::printf("target, build under 15 s and within 1.5x the lower floor (%.2fx): %s\n", build_seconds / floor,
              met ? "met" : "NOT met");
  return met;
}

}  // namespace

int main(int argc, char** argv) {
  bool pdf = false;
  int repeats = 5;
  std::string program = "iop-16-week-rolling";
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--pdf") {
      pdf = true;
    } else if (std::string(argv[i]) == "--program" && i + 1 < argc) {
      program = argv[++i];
    } else {
      repeats = std::max(1, std::atoi(argv[i]));
    }
  }
  DiskFileSource files;
  std::string root = IOPPLAN_SOURCE_DIR;
  LoadResult loaded = load_library(files, root + "/curricula");
  Diagnostics diagnostics;
  auto templates = load_templates(files, root + "/templates", "", diagnostics);
  if (has_errors(loaded.diagnostics) || !templates || loaded.library.modules.empty()) {
    std::fprintf(stderr, "iopplan_bench_render: the built-in library or templates have errors\n");
    return 1;
  }
  std::printf("iopplan_bench_render: %zu modules, built-in templates, html+md, 12 handout copies, median of %d\n",
              loaded.library.modules.size(), repeats);
  Result sixteen, year;
  if (!run(make_plan(loaded.library, 16, {0, 2, 4}), loaded.library, *templates, repeats, sixteen)) return 1;
  report("16 weeks x 3 meetings:", sixteen);
  if (!run(make_plan(loaded.library, 52, {0, 1, 2, 3, 4}), loaded.library, *templates, repeats, year)) return 1;
  report("52 weeks x 5 meetings:", year);
  std::printf("peak memory (max RSS): %.1f MiB\n", peak_mib());
  bool met = sixteen.render_seconds < 0.5;
  std::printf("target, 16 weeks rendered in under 0.5 s: %s\n", met ? "met" : "NOT met");
  if (pdf) {
    auto chromium = find_chromium();
    if (!chromium) {
      std::fprintf(stderr, "iopplan_bench_render: --pdf needs Chromium\n");
      return 1;
    }
    met = pdf_run(root, *chromium, program) && met;
  }
  return met ? 0 : 1;
}
