// The browser print test: a real week's PDFs (calendar, facilitator guides, one-copy handouts, the
// packet), printed by headless Chromium through the same path as `iopplan build --format pdf` and
// checked with pdfinfo and pdftotext; and no browser process or temporary folder left after a failed
// print, SIGINT or SIGTERM.
// With es: one Spanish meeting, from the renderer's fixture library, printed and read back.
// With journeys: every journey card of the rolling programs, in English and Spanish, one Letter page each.
// With --line-floor (--line-floor-large): every handout of the built-in library, in normal (large)
// print, against the line floor instead.
// Usage: iopplan_print_test WORK_DIR IOPPLAN [es|journeys|--line-floor|--line-floor-large]. Exit 0 pass, 1 fail, 77 skipped (no Chromium).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <thread>
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

#include <qpdf/QPDF.hh>

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

// The /Lang of a PDF's catalog ("" when it has none), read with qpdf: the catalog may sit in a
// compressed object stream.
std::string pdf_language(const fs::path& path) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processFile(path.c_str());
    QPDFObjectHandle lang = pdf.getRoot().getKey("/Lang");
    return lang.isString() ? lang.getUTF8Value() : "";
  } catch (const std::exception&) {
    return "";
  }
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

// Renders, prints and writes the site to `dir`; false (after reporting why) on failure.
bool build(const Plan& plan, const Library& library, const TemplateSet& templates, RenderOptions options,
           const std::string& chromium, const fs::path& dir) {
  Diagnostics diagnostics;
  auto site = render_site(plan, "{}\n", library, Organization{}, templates, options, diagnostics);
  if (!site || !print_pdfs(*site, chromium, "20270104", diagnostics) || !write_site(*site, dir.string(), diagnostics)) {
    report(diagnostics);
    return false;
  }
  return true;
}


// The text of every page of `pdf`, in layout order.
std::vector<std::string> page_texts(const fs::path& pdf) {
  std::string all = run("pdftotext -layout '" + pdf.string() + "' - 2>&1");
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t ff = all.find('\f'); ff != std::string::npos; ff = all.find('\f', start)) {
    pages.push_back(all.substr(start, ff - start));
    start = ff + 1;
  }
  return pages;
}

// How far down the paper each page's text reaches (0 top, 1 bottom), the footer line left out:
// from the word boxes of `pdftotext -bbox`, a reading independent of the printer's own (qpdf).
std::vector<double> page_reach(const fs::path& pdf) {
  static const std::regex page_box(R"re(<page width="[\d.]+" height="([\d.]+)">)re");
  static const std::regex word_box(R"re(<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">)re");
  std::string all = run("pdftotext -bbox '" + pdf.string() + "' - 2>&1");
  std::vector<double> reach;
  std::smatch page;
  std::string rest = all;
  while (std::regex_search(rest, page, page_box)) {
    double height = std::stod(page[1]);
    std::string body = page.suffix();
    size_t end = body.find("</page>");
    std::string words = body.substr(0, end);
    std::vector<double> bottoms;
    for (std::sregex_iterator w(words.begin(), words.end(), word_box), none; w != none; ++w) {
      bottoms.push_back(std::stod((*w)[1]));
    }
    std::sort(bottoms.begin(), bottoms.end());
    double footer = bottoms.empty() ? 0 : bottoms.back();
    double lowest = 0;
    for (double b : bottoms) {
      if (b < footer - 3) lowest = b;
    }
    reach.push_back(height > 0 ? lowest / height : 0);
    rest = end == std::string::npos ? std::string() : body.substr(end);
  }
  return reach;
}

int text_lines(const std::string& page) {
  int lines = 0;
  size_t start = 0;
  while (start < page.size()) {
    size_t nl = page.find('\n', start);
    std::string line = page.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (line.find_first_not_of(" \t") != std::string::npos) ++lines;
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

const std::string kBlank = "This page is intentionally blank.";
constexpr int kLineFloor = 8;  // lines of text on a page besides the header and footer

struct PageCheck {
  int pages = 0;
  int copies = 0;               // pages that start a copy ("Page 1 of N")
  int starts_on_even_page = 0;  // copies that would print on the back of the previous one
  int without_header = 0;
  int under_floor = 0;
  int worksheet_pages = 0;  // large print: under the floor, but text reaches a third of the way down
  int blank = 0;
  std::string paths;  // file paths or URLs found in the text
  std::string first_problem;
};

// Every page has the header (`header`, the program name) and "Page X of Y", or is a blank back
// page; no page shows a path; no page of a multi-page document is near empty.
// Large print: a page under the floor whose text reaches a third of the way down the paper is not
// near-empty (a worksheet page: prompts and writing space).
PageCheck check_pages(const fs::path& pdf, const std::string& program, bool large_print = false) {
  static const std::regex page_of(R"(Page (\d+) of (\d+))");
  PageCheck check;
  auto texts = page_texts(pdf);
  std::vector<double> reach = large_print ? page_reach(pdf) : std::vector<double>{};
  check.pages = static_cast<int>(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string& text = texts[i];
    std::string where = pdf.filename().string() + " page " + std::to_string(i + 1);
    if (text.find(kBlank) != std::string::npos) {
      ++check.blank;
      continue;
    }
    std::smatch m;
    bool numbered = std::regex_search(text, m, page_of);
    if (!numbered || text.find(program) == std::string::npos) {
      ++check.without_header;
      if (check.first_problem.empty()) check.first_problem = where + " has no header or page number";
      continue;
    }
    if (m[1] == "1") {
      ++check.copies;
      if (i % 2 == 1) ++check.starts_on_even_page;
    }
    // The header line and the footer line are not content.
    bool used = large_print && i < reach.size() && reach[i] >= 1.0 / 3;
    if (m[2] != "1" && text_lines(text) - 2 < kLineFloor && used) ++check.worksheet_pages;
    if (m[2] != "1" && text_lines(text) - 2 < kLineFloor && !used) {
      ++check.under_floor;
      if (check.first_problem.empty()) check.first_problem = where + " holds " + std::to_string(text_lines(text) - 2) + " lines";
    }
    for (const char* path : {"file:", "/tmp", "iopplan-print", ".html"}) {
      if (text.find(path) != std::string::npos) check.paths += where + ": " + path + "\n";
    }
  }
  return check;
}

// Processes whose command line mentions `needle` (the test's temporary folder): browsers left behind.
int processes_mentioning(const std::string& needle) {
  int found = 0;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = read_file(entry.path() / "cmdline");
    if (cmdline.find(needle) != std::string::npos) ++found;
  }
  return found;
}

int print_folders(const fs::path& tmp) {
  int found = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tmp, ec)) {
    // Chromium's own org.chromium.Chromium.* folders were left by every build before they moved
    // into iopplan's folder.
    std::string name = entry.path().filename().string();
    if (name.rfind("iopplan-print-", 0) == 0 || name.rfind("org.chromium.Chromium.", 0) == 0) ++found;
  }
  return found;
}

// The iopplan-print-* folders in /tmp, where the browser's own TMPDIR goes when $TMPDIR is deep.
std::set<std::string> tmp_print_folders() {
  std::set<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/tmp", ec)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("iopplan-print-", 0) == 0) found.insert(name);
  }
  return found;
}

// Runs `iopplan build` with --format pdf and sends `sig` once the browser runs; true when it ended
// by that signal (or exited non-zero), with no browser and no temporary folder left.
void interrupt_build(const std::string& iopplan, const fs::path& work, const fs::path& tmp, int sig) {
  std::string name = sig == SIGINT ? "SIGINT" : "SIGTERM";
  std::set<std::string> short_folders_before = tmp_print_folders();
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string out = (work / ("interrupted-" + name)).string();
    ::execl(iopplan.c_str(), iopplan.c_str(), "build", "iop-16-week-rolling", "--format", "pdf", "--quiet", "--out",
            out.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool browsing = false;
  while (std::chrono::steady_clock::now() < deadline && !(browsing = processes_mentioning(tmp.string()) >= 3)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // well into printing
  ::kill(pid, sig);
  int status = 0;
  ::waitpid(pid, &status, 0);
  check(browsing, name + ": the build started a browser");
  check(WIFSIGNALED(status) && WTERMSIG(status) == sig, name + ": the build ended by the signal");
  check(processes_mentioning(tmp.string()) == 0, name + ": no browser process is left");
  check(print_folders(tmp) == 0, name + ": no iopplan-print-* or org.chromium.Chromium.* folder is left in TMPDIR");
  check(tmp_print_folders() == short_folders_before, name + ": no iopplan-print-* folder is left in /tmp");
  check(!fs::exists(work / ("interrupted-" + name)), name + ": nothing was written");
}

Meeting one_module(int week, Date date, const std::string& module) {
  Meeting m = evening(date, module, module);
  m.week = week;
  m.blocks.erase(m.blocks.begin() + 3);  // one module, not two
  return m;
}

// Every module's handout, printed alone through the real templates: no near-empty page.
void check_library_handouts(const Library& library, const TemplateSet& templates, const std::string& chromium,
                            const fs::path& dir, bool large_print) {
  Plan plan;
  plan.program = "library";
  plan.program_name = "Every handout";
  plan.weeks = 1;
  plan.group_size = 12;
  plan.start = {2027, 1, 4};
  for (size_t i = 0; i < library.modules.size(); ++i) {
    plan.meetings.push_back(one_module(1, add_days(plan.start, static_cast<long>(i)), library.modules[i].id));
  }
  RenderOptions options;
  options.formats = {Format::pdf};
  options.large_print = large_print;
  Diagnostics diagnostics;
  auto site = render_site(plan, "{}\n", library, Organization{}, templates, options, diagnostics);
  if (!site) {
    report(diagnostics);
    check(false, "the library's handouts render");
    return;
  }
  // Only the handouts: one PDF per module.
  Site handouts;
  for (const auto& pdf : site->pdfs) {
    if (pdf.path.find("/handouts.pdf") == std::string::npos) continue;
    PdfFile only{pdf.path, pdf.title, pdf.language, {}};
    for (const auto& part : pdf.parts) {
      only.parts.push_back({handouts.print_documents.size(), 1});
      handouts.print_documents.push_back(site->print_documents[part.document]);
    }
    handouts.pdfs.push_back(only);
  }
  auto started = std::chrono::steady_clock::now();
  if (!print_pdfs(handouts, chromium, "20270104", diagnostics) || !write_site(handouts, dir.string(), diagnostics)) {
    report(diagnostics);
    check(false, "the library's handouts print");
    return;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int pages = 0, under = 0, over_two = 0, worksheet_pages = 0;
  std::string problems;
  for (const auto& pdf : handouts.pdfs) {
    PageCheck c = check_pages(dir / pdf.path, "Every handout", large_print);
    pages += c.pages;
    under += c.under_floor + c.without_header;
    worksheet_pages += c.worksheet_pages;
    if (!c.first_problem.empty()) problems += "  " + pdf.path + ": " + c.first_problem + "\n";
    if (c.pages > 2) {
      ++over_two;
      if (!large_print) std::cout << "  " << pdf.path << ": " << c.pages << " sides\n";
    }
  }
  std::string kind = large_print ? "large-print " : "";
  std::cout << problems;
  std::string floor = large_print ? "none near-empty (under " + std::to_string(kLineFloor) +
                                        " lines of text ending in the top third; " + std::to_string(worksheet_pages) +
                                        " pages under " + std::to_string(kLineFloor) + " lines reach further)"
                                  : "none under the line floor of " + std::to_string(kLineFloor);
  check(under == 0, std::to_string(handouts.pdfs.size()) + " " + kind + "handouts, " + std::to_string(pages) +
                        " pages printed in " + std::to_string(seconds).substr(0, 4) + " s: " + floor +
                        " and all with header and page number");
  // A typical handout fits 2 sides: at most 1 in 50 may take more (today the safety plan, whose six
  // steps need room to write).
  if (!large_print) {
    check(over_two * 50 <= static_cast<int>(handouts.pdfs.size()),
          std::to_string(over_two) + " of " + std::to_string(handouts.pdfs.size()) +
              " handouts run past 2 sides (at most 1 in 50 may)");
  }
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
  std::string pdf = (work / "es" / "week-01" / "print-packet.pdf").string();
  bool built = build(plan, loaded.library, *templates, options, chromium, work / "es");
  check(built, "the Spanish print packet was printed to " + pdf);
  if (!built) return 1;
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
  check(pdf_language(pdf) == "es", "the packet says its language is es (/Lang (es))");
  // The meeting's one-copy Spanish handout PDF: Spanish header and footer, its language in the PDF.
  fs::path handouts = work / "es" / "week-01" / "2027-01-04" / "handouts.es.pdf";
  std::string one = run("pdftotext -layout '" + handouts.string() + "' - 2>&1");
  check(one.find("Los antojos son olas") != std::string::npos && one.find("Programa intensivo de tarde") != std::string::npos,
        "handouts.es.pdf has the Spanish title and the program in its header");
  check(one.find("Página 1 de ") != std::string::npos && one.find("Page ") == std::string::npos,
        "handouts.es.pdf numbers its pages in Spanish (\"Página 1 de N\")");
  check(pdf_language(handouts) == "es", "handouts.es.pdf says its language is es");
  check(text.find("Página 1 de ") != std::string::npos, "the packet's Spanish handout is numbered in Spanish");
  std::cout << (failures == 0 ? "Spanish print test passed\n" : "Spanish print test FAILED\n");
  return failures == 0 ? 0 : 1;
}

// True when the header line at the top of the first page of `pdf` stays clear of the text below
// it (the Chromium header drawn into a margin too small for it overlapped a card's first line).
bool header_clear(const std::string& pdf) {
  static const std::regex word_box(R"re(<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">)re");
  std::string all = run("pdftotext -f 1 -l 1 -bbox '" + pdf + "' - 2>&1");
  std::vector<std::pair<double, double>> words;
  for (std::sregex_iterator it(all.begin(), all.end(), word_box), end; it != end; ++it) {
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2])});
  }
  if (words.empty()) return false;
  double top = std::min_element(words.begin(), words.end())->first;
  double header_bottom = 0, below = 1e9;
  for (const auto& [y_min, y_max] : words) {
    if (y_min - top < 1) header_bottom = std::max(header_bottom, y_max);
    else below = std::min(below, y_min);
  }
  return header_bottom <= below;
}

// The built-in 16-week rolling program's journey cards (16 start weeks of up to 48 sessions), printed
// in English and Spanish: each must fit one Letter page and keep its last week.
// Every card of one rolling program, in English and Spanish: one Letter page each.
void print_program_journeys(const std::string& chromium, const fs::path& work, const std::string& program) {
  DiskFileSource files;
  PlanRequest request;
  request.library_dir = std::string(IOPPLAN_SOURCE_DIR) + "/curricula";
  request.program = program;
  PlanRun planned = plan_program(files, request);
  report(planned.diagnostics);
  Diagnostics diagnostics;
  auto templates = load_templates(files, std::string(IOPPLAN_SOURCE_DIR) + "/templates", "", diagnostics);
  if (!planned.plan || !templates) {
    check(false, program + " plans");
    return;
  }
  RenderOptions options;
  options.formats = {Format::html, Format::pdf};
  options.languages = {"en", "es"};
  auto site = render_site(*planned.plan, "{}\n", planned.library, planned.organization, *templates, options, diagnostics);
  if (!site) {
    report(diagnostics);
    check(false, program + " prints");
    return;
  }
  std::erase_if(site->pdfs, [](const PdfFile& pdf) { return pdf.path.rfind("journey-cards/", 0) != 0; });
  check(planned.plan->journeys.size() == 16u, program + ": " + std::to_string(planned.plan->journeys.size()) + " start weeks");
  check(site->pdfs.size() == 32u, std::to_string(site->pdfs.size()) + " cards to print");
  if (!print_pdfs(*site, chromium, "20270104", diagnostics) || !write_site(*site, (work / program).string(), diagnostics)) {
    report(diagnostics);
    check(false, program + " prints");
    return;
  }
  size_t most = 0;
  for (const auto& journey : planned.plan->journeys) most = std::max(most, journey.attended.size());
  check(most >= 48u, "the longest stay has " + std::to_string(most) + " sessions");
  for (size_t i = 0; i < site->pdfs.size(); ++i) {
    const PdfFile& job = site->pdfs[i];
    const Journey& journey = planned.plan->journeys[i / 2];  // English, then Spanish, per start week
    std::string pdf = (work / program / job.path).string();
    std::string info = run("pdfinfo '" + pdf + "' 2>&1");
    check(field(info, "Page size").rfind("612 x 792 pts", 0) == 0 && field(info, "Pages") == "1",
          job.path + ": " + field(info, "Pages") + " Letter page(s)");
    bool spanish = job.path.ends_with(".es.pdf");
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
    // Cards print in batches with their shared header template; the footer is laid over each.
    std::string program_name = planned.plan->program_name;
    for (const std::string& part : {std::string(spanish ? "Página 1 de 1" : "Page 1 of 1"), program_name}) {
      check(text.find(part) != std::string::npos, job.path + " has the header and footer \"" + part + "\"");
    }
    check(read_file(pdf).find("iopplan.invalid") == std::string::npos, job.path + " has no batch mark");
    check(header_clear(pdf), job.path + ": the header stays clear of the card's first line");
    for (const std::string& part : {std::string(spanish ? "Semana 16" : "Week 16"),
                                    std::string(spanish ? "Mi fecha de inicio" : "My start date"), std::string("988"),
                                    std::string("1-800-662-4357"), last_title}) {
      check(text.find(part) != std::string::npos, job.path + " reads \"" + part + "\"");
    }
  }
}

int print_journeys(const std::string& chromium, const fs::path& work) {
  for (const char* program : {"iop-16-week-rolling", "matrix-16-week"}) print_program_journeys(chromium, work, program);
  std::cout << (failures == 0 ? "journey card print test passed\n" : "journey card print test FAILED\n");
  return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc == 4 ? argv[3] : "";
  bool line_floor = mode == "--line-floor";
  if (argc != 3 && !line_floor && mode != "--line-floor-large" && mode != "es" && mode != "journeys") {
    std::cerr << "usage: iopplan_print_test WORK_DIR IOPPLAN [es|journeys|--line-floor|--line-floor-large]\n";
    return 2;
  }
  auto chromium = find_chromium();
  if (!chromium) {
    std::cout << "SKIPPED: the browser print test needs Chromium, which was not found; install it with "
                 "'apt-get install chromium poppler-utils'\n";
    return 77;
  }
  fs::path work = fs::absolute(argv[1]);
  std::string iopplan = fs::absolute(argv[2]).string();
  std::error_code ec;
  fs::remove_all(work, ec);  // the test's own scratch folder from an earlier run
  // Printing must not depend on what the temporary folder is called (issue 15, defect 8: a '#'
  // in TMPDIR broke the file:// URL of the old printer).
  fs::path tmp = work / "tmp #1 %20 ?x";
  fs::create_directories(tmp);
  ::setenv("TMPDIR", tmp.c_str(), 1);
  auto nothing_left = [&](int rc) {
    bool clean = print_folders(tmp) == 0;
    if (!clean) std::cout << "FAILED: an iopplan-print-* or org.chromium.Chromium.* folder is left in TMPDIR\n";
    return clean ? rc : 1;
  };
  if (mode == "es") return nothing_left(print_spanish(*chromium, work));
  if (mode == "journeys") return nothing_left(print_journeys(*chromium, work));

  LoadResult loaded;
  std::optional<TemplateSet> templates;
  if (!load_inputs("curricula", loaded, templates)) return 1;
  if (line_floor || mode == "--line-floor-large") {  // every handout of the library, in normal or large print
    if (line_floor) check_library_handouts(loaded.library, *templates, *chromium, work / "library", false);
    else check_library_handouts(loaded.library, *templates, *chromium, work / "library-large", true);
    std::cout << (failures == 0 ? "line floor test passed\n" : "line floor test FAILED\n");
    return nothing_left(failures == 0 ? 0 : 1);
  }

  // The week's build runs with a TMPDIR too deep for Chromium's singleton socket (107 bytes with
  // its suffix): the browser then died at start-up, which CI's deeper checkout path showed.
  tmp /= std::string(std::max<int>(1, 110 - static_cast<int>(tmp.string().size())), 'd');
  fs::create_directories(tmp);
  ::setenv("TMPDIR", tmp.c_str(), 1);
  std::set<std::string> short_folders_before = tmp_print_folders();

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
  const std::string program = "Evening Intensive Outpatient Program";

  RenderOptions options;
  options.formats = {Format::html, Format::pdf};
  options.copies = kCopies;
  auto started = std::chrono::steady_clock::now();
  bool built = build(plan, loaded.library, *templates, options, *chromium, work / "letter");
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  check(built, "a week's PDFs printed in " + std::to_string(seconds).substr(0, 4) + " s with TMPDIR " + tmp.string());
  if (!built) return 1;
  check(print_folders(tmp) == 0, "after the week's print no iopplan-print-* or org.chromium.Chromium.* folder is left in TMPDIR");
  check(tmp_print_folders() == short_folders_before, "after the week's print no iopplan-print-* folder is left in /tmp");
  fs::path letter = work / "letter";
  fs::path packet = letter / "week-01" / "print-packet.pdf";
  std::string info = run("pdfinfo '" + packet.string() + "' 2>&1");
  std::cout << info;
  check(field(info, "Page size").rfind("612 x 792 pts", 0) == 0, "Letter paper (612 x 792 pts)");
  check(field(info, "Title") == "Print packet: week 1", "the packet's title is \"Print packet: week 1\"");

  // The packet: sign-in sheets and handout copies, each starting on a right-hand page.
  PageCheck c = check_pages(packet, program);
  std::cout << c.first_problem << (c.first_problem.empty() ? "" : "\n");
  check(c.copies == sign_ins + handouts * kCopies,
        std::to_string(c.copies) + " copies start a page: " + std::to_string(sign_ins) + " sign-in sheets and " +
            std::to_string(handouts * kCopies) + " handout copies");
  check(c.starts_on_even_page == 0, "every copy starts on an odd page (" + std::to_string(c.blank) + " blank backs)");
  check(c.without_header == 0, "every page has the header and \"Page X of Y\"");
  check(c.under_floor == 0, "no page holds fewer than " + std::to_string(kLineFloor) + " lines");
  check(c.paths.empty(), "no page shows a file path" + (c.paths.empty() ? "" : ":\n" + c.paths));
  int sign_in_pages = 0;
  for (const auto& text : page_texts(packet)) {
    if (text.find("Group sign-in sheet") != std::string::npos) ++sign_in_pages;
  }
  check(sign_in_pages == sign_ins, std::to_string(sign_in_pages) + " pages are sign-in sheets");
  std::string first_sheet = page_texts(packet).front();
  auto row = [&](int n) { return std::regex_search(first_sheet, std::regex("(^|\n)\\s*" + std::to_string(n) + "\\s*(\n|$)")); };
  check(row(16) && !row(17), "the sign-in sheet has group size + 4 = 16 rows");

  // The calendar, each meeting's guide and its one-copy handouts.
  std::vector<std::pair<fs::path, std::string>> documents = {{letter / "index.pdf", "program at a glance"}};
  for (const char* day : {"2027-01-04", "2027-01-06", "2027-01-08"}) {
    documents.push_back({letter / "week-01" / day / "facilitator-guide.pdf", "Run of show"});
    documents.push_back({letter / "week-01" / day / "handouts.pdf", "Your turn"});
  }
  for (const auto& [pdf, text] : documents) {
    PageCheck d = check_pages(pdf, program);
    std::string all = run("pdftotext '" + pdf.string() + "' - 2>&1");
    std::string name = pdf.lexically_relative(letter).string();
    check(d.pages >= 1 && d.without_header == 0 && d.paths.empty() && all.find(text) != std::string::npos,
          name + ": " + std::to_string(d.pages) + " pages with header and page numbers, showing \"" + text + "\"");
    check(header_clear(pdf.string()), name + ": the header stays clear of the text below it");
    if (name.find("handouts") != std::string::npos) {
      check(d.copies == 2 && d.starts_on_even_page == 0, name + ": 2 handouts, each from an odd page");
    }
  }

  // Sign-in sheets and guides print in batches: the same text in the same places as each printed
  // on its own (header and "Page X of Y" included), and no batch mark left in any PDF.
  {
    Diagnostics diagnostics;
    auto batched = render_site(plan, "{}\n", loaded.library, Organization{}, *templates, options, diagnostics);
    std::optional<Site> alone = batched;
    int batchable = 0;
    for (auto& document : alone->print_documents) {
      batchable += document.batchable ? 1 : 0;
      document.batchable = false;
    }
    bool printed = batched && print_pdfs(*batched, *chromium, "20270104", diagnostics) &&
                   print_pdfs(*alone, *chromium, "20270104", diagnostics);
    report(diagnostics);
    check(printed && batchable == 6, "the week printed with and without batches (" + std::to_string(batchable) +
                                         " batchable documents: 3 sign-in sheets, 3 guides; the journey cards are "
                                         "checked in print_journey_cards)");
    auto squeezed = [](const std::string& text) {
      std::string out;
      for (char c : text) {
        if ((c == ' ' || c == '\n') && !out.empty() && out.back() == c) continue;
        out += c;
      }
      return out;
    };
    int compared = 0, same = 0, marked = 0;
    for (size_t i = 0; printed && i < batched->files.size(); ++i) {
      const OutputFile& file = batched->files[i];
      if (file.path.size() < 4 || file.path.substr(file.path.size() - 4) != ".pdf") continue;
      auto other = std::find_if(alone->files.begin(), alone->files.end(), [&](const OutputFile& f) { return f.path == file.path; });
      if (other == alone->files.end()) continue;
      fs::path a = work / "batched" / file.path, b = work / "alone" / file.path;
      fs::create_directories(a.parent_path());
      fs::create_directories(b.parent_path());
      std::ofstream(a, std::ios::binary) << file.content;
      std::ofstream(b, std::ios::binary) << other->content;
      ++compared;
      if (squeezed(run("pdftotext -layout '" + a.string() + "' - 2>&1")) == squeezed(run("pdftotext -layout '" + b.string() + "' - 2>&1"))) {
        ++same;
      } else {
        std::cout << "differs: " << file.path << "\n";
      }
      if (file.content.find("iopplan.invalid") != std::string::npos) ++marked;
    }
    check(compared >= 8 && same == compared, std::to_string(same) + " of " + std::to_string(compared) +
                                                  " PDFs show the same text batched as printed one by one");
    check(marked == 0, "no batch mark is left in a PDF");
  }

  // A browser that crashes once, while starting or while printing, is replaced: the same PDFs as
  // from a browser that did not crash. The wrapper counts its starts in a file.
  auto crash_once = [&](const std::string& name, const std::string& first_start) {
    fs::path wrapper = work / (name + ".sh");
    fs::path starts = work / (name + ".starts");
    {
      std::ofstream script(wrapper);
      script << "#!/bin/sh\necho start >> '" << starts.string() << "'\n"
             << "if [ \"$(wc -l < '" << starts.string() << "')\" -eq 1 ]; then\n" << first_start << "\nfi\n"
             << "exec " << *chromium << " \"$@\"\n";
    }
    fs::permissions(wrapper, fs::perms::owner_all);
    RenderOptions again = options;
    again.copies = 1;
    bool ok = build(plan, loaded.library, *templates, again, wrapper.string(), work / name / "out") &&
              build(plan, loaded.library, *templates, again, *chromium, work / name / "plain");
    std::string started = read_file(starts);
    int count = static_cast<int>(std::count(started.begin(), started.end(), '\n'));
    std::string packet = "week-01/print-packet.pdf";
    check(ok && count == 2 && read_file(work / name / "out" / packet) == read_file(work / name / "plain" / packet) &&
              read_file(work / name / "out" / "week-01/2027-01-04/handouts.pdf") ==
                  read_file(work / name / "plain" / "week-01/2027-01-04/handouts.pdf"),
          name + ": printed after " + std::to_string(count) + " browser starts, the same PDFs as without the crash");
  };
  // Exits before answering; then dies while printing (killed 1.5 s after its start; the shell lets
  // go of the pipe, so its end is seen).
  crash_once("crashing-at-start", "exit 1");
  crash_once("crashing-while-printing",
             *chromium + " \"$@\" &\nexec 3<&- 4>&-\nsleep 1.5\nkill -9 $!\nwait\nexit 1");
  check(processes_mentioning(tmp.string()) == 0, "after the replaced browsers no browser process is left");

  // A4, and byte-identical PDFs from two builds.
  plan.meetings.resize(1);
  options.paper = Paper::a4;
  options.copies = 1;
  options.undated = true;
  bool first = build(plan, loaded.library, *templates, options, *chromium, work / "a4-first");
  bool second = build(plan, loaded.library, *templates, options, *chromium, work / "a4-second");
  check(first && second, "A4 packets printed twice");
  if (!first || !second) return 1;
  fs::path a4 = work / "a4-first" / "week-01" / "print-packet.pdf";
  check(run("pdfinfo '" + a4.string() + "'").find("(A4)") != std::string::npos, "--paper a4 prints on A4");
  check(read_file(a4) == read_file(work / "a4-second" / "week-01" / "print-packet.pdf"),
        "two builds give byte-identical PDFs");
  std::string undated = run("pdftotext '" + (work / "a4-first" / "week-01" / "2027-01-04" / "handouts.pdf").string() + "' -");
  check(undated.find("Handout from today's group") != std::string::npos && undated.find("January 4") == std::string::npos,
        "--undated leaves the meeting date off the handouts");

  // A browser that dies every time in the middle of printing: an error, and nothing left behind.
  fs::path wrapper = work / "dying-chromium";
  {
    std::ofstream script(wrapper);
    script << "#!/bin/sh\n" << *chromium << " \"$@\" &\nsleep 3\nkill -9 $!\nwait\n";
  }
  fs::permissions(wrapper, fs::perms::owner_all);
  plan.meetings.resize(1);
  Diagnostics failed;
  auto site = render_site(plan, "{}\n", loaded.library, Organization{}, *templates, options, failed);
  // More than two browsers (the first and its replacement, 3 s each) can print.
  for (int i = 0; i < 200 && site; ++i) site->print_documents.push_back(site->print_documents.front());
  bool printed = site && print_pdfs(*site, wrapper.string(), "20270104", failed);
  check(!printed && !failed.empty(), "a browser killed while printing fails the print: " +
                                         (failed.empty() ? std::string() : format_diagnostic(failed.front())));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  check(processes_mentioning(tmp.string()) == 0, "after the failed print no browser process is left");
  check(print_folders(tmp) == 0, "after the failed print no iopplan-print-* or org.chromium.Chromium.* folder is left");

  // Ctrl-C and SIGTERM during a real build.
  interrupt_build(iopplan, work, tmp, SIGINT);
  interrupt_build(iopplan, work, tmp, SIGTERM);

  std::cout << (failures == 0 ? "print test passed\n" : "print test FAILED\n");
  return failures == 0 ? 0 : 1;
}
