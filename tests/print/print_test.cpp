// The browser print test: a real week's print packet, printed by headless Chromium through the
// same path as `iopplan build --format pdf`, checked with pdfinfo and pdftotext.
// Usage: iopplan_print_test WORK_DIR. Exit 0 pass, 1 fail, 77 skipped (no Chromium).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/organization.hpp"
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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: iopplan_print_test WORK_DIR\n";
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

  DiskFileSource files;
  LoadResult loaded = load_library(files, std::string(IOPPLAN_SOURCE_DIR) + "/curricula");
  Diagnostics diagnostics;
  auto templates = load_templates(files, std::string(IOPPLAN_SOURCE_DIR) + "/templates", "", diagnostics);
  if (has_errors(loaded.diagnostics) || !templates) {
    report(loaded.diagnostics);
    report(diagnostics);
    return 1;
  }
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
