// The browser print test: a real week's print packet, printed by headless Chromium through the
// same path as `iopplan build --format pdf`, checked with pdfinfo and pdftotext.
// Usage: iopplan_print_test WORK_DIR [es|journeys]. Exit 0 pass, 1 fail, 77 skipped (no Chromium).
// With "es": one Spanish handout, from the renderer's fixture library, printed and read back.
// With "journeys": every journey card of iop-16-week-rolling, in English and Spanish, one Letter page each.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/render/pdf_printer.hpp"
#include "iopplan/render/site.hpp"
#include "iopplan/render/site_writer.hpp"
#include "iopplan/render/templates.hpp"

namespace fs = std::filesystem;
using namespace iopplan;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::cout << (ok ? "ok: " : "FAILED: ") << what << '\n';
  if (!ok) ++failures;
}

std::string run(const std::string& command) {
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
    ::pclose(pipe);
  }
  return output;
}

std::string field(const std::string& pdfinfo, const std::string& name) {
  size_t at = pdfinfo.find(name + ":");
  if (at == std::string::npos) return "";
  size_t start = pdfinfo.find_first_not_of(' ', at + name.size() + 1);
  return pdfinfo.substr(start, pdfinfo.find('\n', start) - start);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void report(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::cout << format_diagnostic(d) << '\n';
}

PlannedBlock block(int start, int minutes, const std::string& activity, const std::string& module = "") {
  PlannedBlock b;
  b.start = start;
  b.minutes = minutes;
  b.activity = module.empty() ? activity : "";
  b.module = module;
  return b;
}

Meeting evening(Date date, const std::string& first, const std::string& second) {
  constexpr int kSix = 18 * 60;
  Meeting m;
  m.week = 1;
  m.date = date;
  m.start = kSix;
  m.end = kSix + 165;
  m.blocks = {block(kSix, 15, "Check-in"), block(kSix + 15, 60, "", first), block(kSix + 75, 15, "Break"),
              block(kSix + 90, 60, "", second), block(kSix + 150, 15, "Wrap-up")};
  return m;
}

// Prints the site's packets and writes the site to `dir`; the PDF of week 1, or "" on failure.
std::string build(const Plan& plan, const Library& library, const TemplateSet& templates, RenderOptions options,
                  const std::string& chromium, const fs::path& dir) {
  Diagnostics diagnostics;
  auto site = render_site(plan, "{}\n", library, Organization{}, templates, options, diagnostics);
  if (!site || !print_pdfs(*site, chromium, "20270104", diagnostics) || !write_site(*site, dir.string(), diagnostics)) {
    report(diagnostics);
    return "";
  }
  return (dir / "week-01" / "print-packet.pdf").string();
}

// A library from the source tree and the built-in templates; false after reporting their errors.
bool load_inputs(const std::string& library_dir, LoadResult& loaded, std::optional<TemplateSet>& templates) {
  DiskFileSource files;
  loaded = load_library(files, std::string(IOPPLAN_SOURCE_DIR) + "/" + library_dir);
  Diagnostics diagnostics;
  templates = load_templates(files, std::string(IOPPLAN_SOURCE_DIR) + "/templates", "", diagnostics);
  report(loaded.diagnostics);
  report(diagnostics);
  return !has_errors(loaded.diagnostics) && templates.has_value();
}

// One meeting of the fixture library printed in Spanish only: the packet holds a Spanish sign-in
// sheet and one Spanish handout.
int print_spanish(const std::string& chromium, const fs::path& work) {
  LoadResult loaded;
  std::optional<TemplateSet> templates;
  if (!load_inputs("tests/render/fixtures/library", loaded, templates)) return 1;
  constexpr int kSix = 18 * 60;
  Plan plan;
  plan.program = "print-test-es";
  plan.program_name = "Programa intensivo de tarde";
  plan.weeks = 1;
  plan.group_size = 8;
  plan.start = {2027, 1, 4};
  Meeting meeting;
  meeting.week = 1;
  meeting.date = {2027, 1, 4};
  meeting.start = kSix;
  meeting.end = kSix + 60;
  meeting.blocks = {block(kSix, 60, "", "noticing-cravings")};
  plan.meetings = {meeting};
  RenderOptions options;
  options.formats = {Format::html, Format::pdf};
  options.languages = {"es"};
  options.copies = 1;
  std::string pdf = build(plan, loaded.library, *templates, options, chromium, work / "es");
  check(!pdf.empty(), "the Spanish print packet was printed to " + pdf);
  if (pdf.empty()) return 1;
  std::string html = read_file(work / "es" / "week-01" / "2027-01-04" / "handouts.es.html");
  check(html.find("<html lang=\"es\">") != std::string::npos, "handouts.es.html is <html lang=\"es\">");
  check(html.find("lang=\"es\">") != html.rfind("lang=\"es\">"), "its handout carries lang=\"es\" too");
  int pages = std::atoi(field(run("pdfinfo '" + pdf + "' 2>&1"), "Pages").c_str());
  check(pages >= 2, std::to_string(pages) + " pages: the sign-in sheet, then the handout");
  std::string text = run("pdftotext -layout -f 2 -l " + std::to_string(pages) + " '" + pdf + "' - 2>&1");
  std::cout << text;
  for (const char* part : {"Los antojos son olas", "Si necesita ayuda ahora mismo", "marque 2 para español", "AYUDA",
                           "1-800-662-4357", "Llame al 911", "lunes, 4 de enero de 2027", "Recuerde", "Su turno",
                           "Antes del próximo grupo"}) {
    check(text.find(part) != std::string::npos, std::string("the printed handout reads \"") + part + "\"");
  }
  check(text.find("Remember") == std::string::npos && text.find("If you need help") == std::string::npos,
        "no English heading is left on the Spanish handout");
  std::string first = run("pdftotext -layout -f 1 -l 1 '" + pdf + "' - 2>&1");
  check(first.find("Hoja de asistencia del grupo") != std::string::npos, "the sign-in sheet is in Spanish");
  // Chromium writes the document's language into the PDF's catalog of a tagged PDF.
  std::string bytes = read_file(pdf);
  check(bytes.find("/Lang (es)") != std::string::npos, "the PDF says its language is es (/Lang (es))");
  std::cout << (failures == 0 ? "Spanish print test passed\n" : "Spanish print test FAILED\n");
  return failures == 0 ? 0 : 1;
}

// The built-in 16-week rolling program's journey cards (16 start weeks of up to 48 sessions), printed
// in English and Spanish: each must fit one Letter page and keep its last week.
int print_journeys(const std::string& chromium, const fs::path& work) {
  DiskFileSource files;
  PlanRequest request;
  request.library_dir = std::string(IOPPLAN_SOURCE_DIR) + "/curricula";
  request.program = "iop-16-week-rolling";
  PlanRun planned = plan_program(files, request);
  report(planned.diagnostics);
  Diagnostics diagnostics;
  auto templates = load_templates(files, std::string(IOPPLAN_SOURCE_DIR) + "/templates", "", diagnostics);
  if (!planned.plan || !templates) return 1;
  RenderOptions options;
  options.formats = {Format::html, Format::pdf};
  options.languages = {"en", "es"};
  auto site = render_site(*planned.plan, "{}\n", planned.library, planned.organization, *templates, options, diagnostics);
  if (!site) {
    report(diagnostics);
    return 1;
  }
  std::erase_if(site->print_jobs, [](const PrintJob& job) { return job.pdf_path.rfind("journey-cards/", 0) != 0; });
  check(planned.plan->journeys.size() == 16u, std::to_string(planned.plan->journeys.size()) + " start weeks");
  check(site->print_jobs.size() == 32u, std::to_string(site->print_jobs.size()) + " cards to print");
  if (!print_pdfs(*site, chromium, "20270104", diagnostics) || !write_site(*site, (work / "out").string(), diagnostics)) {
    report(diagnostics);
    return 1;
  }
  size_t most = 0;
  for (const auto& journey : planned.plan->journeys) most = std::max(most, journey.attended.size());
  check(most >= 48u, "the longest stay has " + std::to_string(most) + " sessions");
  for (size_t i = 0; i < site->print_jobs.size(); ++i) {
    const PrintJob& job = site->print_jobs[i];
    const Journey& journey = planned.plan->journeys[i / 2];  // English, then Spanish, per start week
    std::string pdf = (work / "out" / job.pdf_path).string();
    std::string info = run("pdfinfo '" + pdf + "' 2>&1");
    check(field(info, "Page size").rfind("612 x 792 pts", 0) == 0 && field(info, "Pages") == "1",
          job.pdf_path + ": " + field(info, "Pages") + " Letter page(s)");
    bool spanish = job.pdf_path.ends_with(".es.pdf");
    // The text in reading order, with line breaks as spaces: labels and titles may wrap.
    std::string text;
    for (char c : run("pdftotext '" + pdf + "' - 2>&1")) {
      bool space = c == '\n' || c == ' ' || c == '\f';
      if (!space) text += c;
      else if (!text.empty() && text.back() != ' ') text += ' ';
    }
    const Module* last = find_module(planned.library, journey.attended.back().modules.front());
    const Translation* translated = last && spanish ? find_translation(*last, "es") : nullptr;
    std::string last_title = translated ? translated->title : last ? last->title : "?";
    for (const std::string& part : {std::string(spanish ? "Semana 16" : "Week 16"),
                                    std::string(spanish ? "Mi fecha de inicio" : "My start date"), std::string("988"),
                                    std::string("1-800-662-4357"), last_title}) {
      check(text.find(part) != std::string::npos, job.pdf_path + " reads \"" + part + "\"");
    }
  }
  std::cout << (failures == 0 ? "journey card print test passed\n" : "journey card print test FAILED\n");
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 3 && (std::string(argv[2]) == "es" || std::string(argv[2]) == "journeys"))) {
    std::cerr << "usage: iopplan_print_test WORK_DIR [es|journeys]\n";
    return 2;
  }
  auto chromium = find_chromium();
  if (!chromium) {
    std::cout << "SKIPPED: the browser print test needs Chromium, which was not found; install it with "
                 "'apt-get install chromium poppler-utils'\n";
    return 77;
  }
  fs::path work = argv[1];
  std::error_code ec;
  fs::remove_all(work, ec);  // the test's own scratch folder from an earlier run
  if (argc == 3) return std::string(argv[2]) == "es" ? print_spanish(*chromium, work) : print_journeys(*chromium, work);

  LoadResult loaded;
  std::optional<TemplateSet> templates;
  if (!load_inputs("curricula", loaded, templates)) return 1;
  Plan plan;
  plan.program = "print-test";
  plan.program_name = "Evening Intensive Outpatient Program";
  plan.admission = "rolling";
  plan.weeks = 1;
  plan.group_size = 12;
  plan.start = {2027, 1, 4};
  plan.meetings = {evening({2027, 1, 4}, "ers-external-triggers", "high-risk-situations"),
                   evening({2027, 1, 6}, "calming-breath", "coping-with-craving"),
                   evening({2027, 1, 8}, "why-nutrition-matters-in-recovery", "what-happens-at-a-meeting")};
  constexpr int kCopies = 2;
  const int sign_ins = 3;
  const int handouts = 6;

  RenderOptions options;
  options.formats = {Format::html, Format::pdf};
  options.copies = kCopies;
  std::string pdf = build(plan, loaded.library, *templates, options, *chromium, work / "letter");
  check(!pdf.empty(), "the week's print packet was printed to " + pdf);
  if (pdf.empty()) return 1;
  std::string info = run("pdfinfo '" + pdf + "' 2>&1");
  std::cout << info;
  check(field(info, "Page size").rfind("612 x 792 pts", 0) == 0, "Letter paper (612 x 792 pts)");
  int pages = std::atoi(field(info, "Pages").c_str());
  check(pages >= sign_ins + handouts * kCopies,
        std::to_string(pages) + " pages cover " + std::to_string(sign_ins) + " sign-in sheets and " +
            std::to_string(handouts * kCopies) + " handout copies");
  int sign_in_pages = 0;
  int handout_starts = 0;
  for (int page = 1; page <= pages; ++page) {
    std::string text = run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
                           pdf + "' - 2>&1");
    if (text.find("Group sign-in sheet") != std::string::npos) ++sign_in_pages;
    if (text.find("Handout from today's group") != std::string::npos) ++handout_starts;
  }
  check(sign_in_pages == sign_ins, std::to_string(sign_in_pages) + " pages are sign-in sheets");
  check(handout_starts == handouts * kCopies, std::to_string(handout_starts) + " handout copies each start a page");

  // A4, and byte-identical PDFs from two builds.
  plan.meetings.resize(1);
  options.paper = Paper::a4;
  options.copies = 1;
  std::string first = build(plan, loaded.library, *templates, options, *chromium, work / "a4-first");
  std::string second = build(plan, loaded.library, *templates, options, *chromium, work / "a4-second");
  check(!first.empty() && !second.empty(), "A4 packets printed twice");
  if (first.empty() || second.empty()) return 1;
  check(run("pdfinfo '" + first + "'").find("(A4)") != std::string::npos, "--paper a4 prints on A4");
  check(read_file(first) == read_file(second), "two builds give byte-identical PDFs");

  std::cout << (failures == 0 ? "print test passed\n" : "print test FAILED\n");
  return failures == 0 ? 0 : 1;
}
