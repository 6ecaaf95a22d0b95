#include "iopplan/render/pdf_printer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>


#include "render/browser.hpp"
#include "render/pdf_assembly.hpp"

namespace fs = std::filesystem;

namespace iopplan {
namespace {

// Pages in flight at once, one renderer process each: on the 2-core machine the 16-week build
// took 11.9-13.3 s with 2, 13.2-14.0 s with 3 and 15.5 s with 4 (each page's fitting script keeps
// its renderer busy, so more tabs only contend).
constexpr size_t kTabs = 2;

// No printed page of a document longer than one page holds fewer lines of text than this,
// besides its header and footer.
constexpr int kLineFloor = 8;

// A handout fits itself to the paper before printing (print-handout.html.mustache); when its
// estimate was off, these more cautious fittings are tried in order.
const char* const kFits[] = {"iopplanFit(1)", "iopplanFit(2)"};

// A printed handout that ends on a near-empty page or runs past its sides.
bool unfit(const PrintDocument& document, const std::string& pdf) {
  LastPage last = last_page_of(pdf);
  if (document.most_pages > 0 && last.pages > document.most_pages) return true;
  return last.pages > 1 && last.lines - 2 < kLineFloor;
}

bool is_executable(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

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

int pdf_page_count(const std::string& pdf) { return last_page_of(pdf).pages; }

bool print_pdfs(Site& site, const std::string& chromium, const std::string& fixed_date, Diagnostics& out,
                const PrintProgress& progress) {
  if (site.pdfs.empty()) return true;
  const std::string& first_path = site.pdfs.front().path;
  std::vector<std::string> printed(site.print_documents.size());
  {
    BrowserError error;
    auto browser = Browser::start(chromium, static_cast<int>(std::min(kTabs, site.print_documents.size())), error);
    const auto& requests = site.print_documents;
    size_t done = 0;
    bool ok = browser && browser->print_all(requests, [&](size_t index, std::string&& pdf) {
      printed[index] = std::move(pdf);
      if (progress) progress(++done, requests.size());
    }, error);
    // Handouts whose fitting was off, laid out again (a few in a build of hundreds).
    std::vector<size_t> again_ids;
    for (size_t i = 0; ok && i < printed.size(); ++i) {
      if (requests[i].fit && unfit(requests[i], printed[i])) again_ids.push_back(i);
    }
    for (const char* fit : kFits) {
      if (!ok || again_ids.empty()) break;
      std::vector<PrintDocument> again;
      for (size_t i : again_ids) again.push_back(requests[i]);
      std::vector<size_t> still;
      ok = browser->print_all(again, [&](size_t index, std::string&& pdf) {
        if (unfit(again[index], pdf)) {
          still.push_back(again_ids[index]);
        } else {
          printed[again_ids[index]] = std::move(pdf);
        }
      }, error, fit);
      std::sort(still.begin(), still.end());
      again_ids = still;
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
