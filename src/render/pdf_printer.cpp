#include "iopplan/render/pdf_printer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <map>


#include "render/browser.hpp"
#include "render/pdf_assembly.hpp"
#include "render/print_batch.hpp"

namespace fs = std::filesystem;

namespace iopplan {
namespace {

// Pages in flight at once, one renderer process each: on the 2-core machine the 16-week build
// took 11.9-13.3 s with 2, 13.2-14.0 s with 3 and 15.5 s with 4 (each page's fitting script keeps
// its renderer busy, so more tabs only contend).
constexpr size_t kTabs = 2;

// Documents in one print batch (print_batch.hpp).
constexpr size_t kBatchDocuments = 10;

// No printed page of a document longer than one page holds fewer lines of text than this,
// besides its header and footer.
constexpr int kLineFloor = 8;

// A handout fits itself to the paper before printing (print-handout.html.mustache); when its
// estimate was off, more cautious fittings are tried, then each candidate spacing as it is, and
// the best print is kept. Each retry prints only the handouts that still miss (a few per build).
std::vector<std::string> refits() {
  std::vector<std::string> fits = {"iopplanFit(1)", "iopplanFit(2)"};
  // The most candidates a handout has (large print); one with fewer prints as fitted again.
  constexpr int kCandidates = 17;
  for (int k = 0; k < kCandidates; ++k) fits.push_back("iopplanUse(" + std::to_string(k) + ")");
  return fits;
}

// How far a printed handout is from fitting: lines missing under the floor on its pages, and far
// more for each side past `most_pages`. 0 when it fits. In large print (no most_pages) a page whose
// text reaches a third of the way down is used, whatever its lines (a worksheet's writing space).
int misfit(const PrintDocument& document, const std::string& pdf) {
  // Within 2 sides only the last page can run short (the fitting never breaks the first page early),
  // so only it is read; large print reads every page.
  std::vector<PageText> pages = page_texts(pdf, document.most_pages > 0 ? 1 : kEveryPage);
  int count = static_cast<int>(pages.size());
  int missing = 0;
  if (document.most_pages > 0 && count > document.most_pages) missing += 1000 * (count - document.most_pages);
  if (count > 1) {
    for (const PageText& page : pages) {
      if (page.lines < 0 || (document.most_pages == 0 && page.reach >= 1.0 / 3)) continue;
      // The header and footer print as a line each.
      missing += std::max(0, kLineFloor - (page.lines - 2));
    }
  }
  return missing;
}

bool is_executable(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// A browser that dies (or hangs) while printing is replaced this many times in a build; the
// documents it had already printed are kept.
constexpr int kRestarts = 1;

// Prints `documents` with `browser`, replacing it when it fails, at most `restarts_left` times in
// all; `done(i, pdf)` as in Browser::print_all.
bool print_resuming(std::optional<Browser>& browser, const std::string& chromium, int& restarts_left,
                    const std::vector<PrintDocument>& documents,
                    const std::function<void(size_t, std::string&&)>& done, BrowserError& error,
                    const std::string& fit = "") {
  std::vector<size_t> left(documents.size());
  for (size_t i = 0; i < left.size(); ++i) left[i] = i;
  std::string replaced_after;  // why the browser was last replaced
  while (true) {
    std::vector<PrintDocument> batch;
    for (size_t i : left) batch.push_back(documents[i]);
    std::vector<bool> printed(batch.size(), false);
    bool ok = browser->print_all(batch, [&](size_t index, std::string&& pdf) {
      printed[index] = true;
      done(left[index], std::move(pdf));
    }, error, fit);
    if (ok || error.signal != 0) return ok;
    if (restarts_left == 0) {
      if (!replaced_after.empty()) error.message += " (it had been started again after: " + replaced_after + ")";
      return false;
    }
    --restarts_left;
    replaced_after = error.message;
    std::vector<size_t> still;
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!printed[i]) still.push_back(left[i]);
    }
    left = std::move(still);
    int tabs = browser->tabs();
    browser.reset();  // the old one's processes and profile go first
    BrowserError restart_error;
    auto fresh = Browser::start(chromium, tabs, restart_error);
    if (!fresh) {
      error.message += "; starting it again failed: " + restart_error.message;
      error.signal = restart_error.signal;
      return false;
    }
    browser.emplace(std::move(*fresh));
    error = {};
  }
}

}  // namespace

struct PrintWarmup::State {
  BrowserError error;
  std::future<std::optional<Browser>> browser;
};

PrintWarmup::PrintWarmup(const std::string& chromium) : state(std::make_unique<State>()) {
  State* started = state.get();
  started->browser = std::async(std::launch::async, [started, chromium] {
    return Browser::start(chromium, static_cast<int>(kTabs), started->error);
  });
}

PrintWarmup::~PrintWarmup() = default;  // the future waits for the start; the browser then stops

std::optional<std::string> find_chromium() {
  if (const char* configured = std::getenv("IOPPLAN_CHROMIUM"); configured && *configured) {
    if (is_executable(configured)) return std::string(configured);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t colon = dirs.find(':', start);
      std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
      if (is_executable(candidate)) return candidate.string();
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return std::nullopt;
}

std::string chromium_install_hint() {
  return "PDF output needs the Chromium browser, which was not found; install it with "
         "'apt-get install chromium' (or set IOPPLAN_CHROMIUM to a Chrome or Chromium executable), "
         "or leave pdf out of --format";
}

int pdf_page_count(const std::string& pdf) { return static_cast<int>(page_texts(pdf, 0).size()); }

bool print_pdfs(Site& site, const std::string& chromium, const std::string& fixed_date, Diagnostics& out,
                const PrintProgress& progress, PrintWarmup* warmup) {
  if (site.pdfs.empty()) return true;
  const std::string& first_path = site.pdfs.front().path;
  const auto& documents = site.print_documents;
  std::vector<std::string> printed(documents.size());
  {
    BrowserError error;
    std::vector<PrintJob> jobs = plan_print_jobs(documents, kBatchDocuments);
    std::optional<Browser> browser = [&] {
      if (!warmup || !warmup->state || !warmup->state->browser.valid()) {
        return Browser::start(chromium, static_cast<int>(std::min(kTabs, jobs.size())), error);
      }
      std::optional<Browser> started = warmup->state->browser.get();
      error = warmup->state->error;
      return started;
    }();
    int restarts_left = kRestarts;
    auto print = [&](const std::vector<PrintDocument>& requests, const std::function<void(size_t, std::string&&)>& done,
                     const std::string& fit = "") {
      return browser && print_resuming(browser, chromium, restarts_left, requests, done, error, fit);
    };
    std::vector<PrintDocument> requests;
    for (const PrintJob& job : jobs) requests.push_back(job.batch ? *job.batch : documents[job.members.front()]);
    size_t done = 0;
    std::vector<std::string> batch_pdfs(jobs.size());
    // Each printed handout is read back while the browser prints the rest (about 60 ms each with
    // qpdf; one after another they added 3 s to a 16-week build).
    std::vector<std::future<int>> checks(printed.size());
    bool ok = print(requests, [&](size_t j, std::string&& pdf) {
      if (jobs[j].batch) {
        batch_pdfs[j] = std::move(pdf);
      } else {
        size_t index = jobs[j].members.front();
        printed[index] = std::move(pdf);
        if (documents[index].fit) {
          checks[index] = std::async(std::launch::async, misfit, std::cref(documents[index]), std::cref(printed[index]));
        }
      }
      done += jobs[j].members.size();
      if (progress) progress(done, documents.size());
    });
    // Handouts whose fitting was off, laid out again (a few in a build of hundreds); the best
    // printed version of each is kept.
    std::vector<size_t> again_ids;
    std::vector<int> missing(printed.size(), 0);
    for (size_t i = 0; i < printed.size(); ++i) {
      if (checks[i].valid()) missing[i] = checks[i].get();
      if (ok && missing[i] > 0) again_ids.push_back(i);
    }
    for (const std::string& fit : refits()) {
      if (!ok || again_ids.empty()) break;
      std::vector<PrintDocument> again;
      for (size_t i : again_ids) again.push_back(documents[i]);
      ok = print(again, [&](size_t index, std::string&& pdf) {
        size_t id = again_ids[index];
        int now = misfit(again[index], pdf);
        if (now < missing[id]) {
          missing[id] = now;
          printed[id] = std::move(pdf);
        }
      }, fit);
      std::erase_if(again_ids, [&](size_t id) { return missing[id] == 0; });
    }
    // Batches: each member's pages, with the footer its own print would have (a numbering sheet
    // of its page count laid over them). A batch whose marks are not all found prints member by member.
    std::vector<size_t> alone;
    std::vector<std::optional<std::vector<int>>> counts(jobs.size());
    std::vector<PrintDocument> sheets;
    std::map<std::string, size_t> sheet_of;  // by the sheet's html and footer
    std::vector<std::map<int, size_t>> batch_sheets(jobs.size());
    for (size_t j = 0; ok && j < jobs.size(); ++j) {
      if (!jobs[j].batch) continue;
      counts[j] = batch_page_counts(batch_pdfs[j], jobs[j].members.size());
      if (!counts[j]) {
        alone.insert(alone.end(), jobs[j].members.begin(), jobs[j].members.end());
        continue;
      }
      for (int count : *counts[j]) {
        PrintDocument sheet = numbering_sheet(documents[jobs[j].members.front()], count);
        std::string key = sheet.html + '\0' + sheet.footer_html;
        auto [it, added] = sheet_of.emplace(key, sheets.size());
        if (added) sheets.push_back(std::move(sheet));
        batch_sheets[j][count] = it->second;
      }
    }
    std::vector<std::string> sheet_pdfs(sheets.size());
    ok = ok && (sheets.empty() || print(sheets, [&](size_t s, std::string&& pdf) { sheet_pdfs[s] = std::move(pdf); }));
    // Batches split side by side (about 60 ms of qpdf each).
    std::vector<std::future<std::vector<std::string>>> splits(jobs.size());
    for (size_t j = 0; ok && j < jobs.size(); ++j) {
      if (!counts[j]) continue;
      std::map<int, std::string> numbering;
      for (const auto& [count, s] : batch_sheets[j]) numbering[count] = sheet_pdfs[s];
      splits[j] = std::async(std::launch::async, split_batch, std::cref(batch_pdfs[j]), std::cref(*counts[j]),
                             std::move(numbering));
    }
    for (size_t j = 0; j < jobs.size(); ++j) {
      if (!splits[j].valid()) continue;
      try {
        std::vector<std::string> members = splits[j].get();
        for (size_t m = 0; m < members.size(); ++m) printed[jobs[j].members[m]] = std::move(members[m]);
      } catch (const std::exception&) {
        alone.insert(alone.end(), jobs[j].members.begin(), jobs[j].members.end());
      }
    }
    if (ok && !alone.empty()) {
      std::vector<PrintDocument> each;
      for (size_t i : alone) each.push_back(documents[i]);
      ok = print(each, [&](size_t k, std::string&& pdf) { printed[alone[k]] = std::move(pdf); });
    }
    if (!ok) {
      out.push_back(output_error(first_path, error.message));
      return false;  // the browser stops here, before anything else happens
    }
  }
  auto files = assemble_pdfs(site, printed, fixed_date, out);
  if (!files) return false;
  for (size_t i = 0; i < files->size(); ++i) site.files.push_back({site.pdfs[i].path, std::move((*files)[i])});
  return true;
}

}  // namespace iopplan
