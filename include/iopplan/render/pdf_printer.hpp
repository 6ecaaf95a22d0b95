// Printing to PDF with one headless Chromium per build: the same path for `build --format pdf`
// and the print test.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/render/site.hpp"

namespace iopplan {

// The Chromium executable: $IOPPLAN_CHROMIUM when set, else the first of chromium,
// chromium-browser, google-chrome and google-chrome-stable on $PATH. nullopt when none is found.
std::optional<std::string> find_chromium();

// What to tell a user who asked for PDFs without Chromium.
std::string chromium_install_hint();

// Called after each printed page set: how many of `total` are printed.
using PrintProgress = std::function<void(size_t printed, size_t total)>;

// A browser started ahead of print_pdfs, in the background: a start takes most of a second, which
// then overlaps planning and rendering. Stopped when destroyed, used or not.
class PrintWarmup {
 public:
  explicit PrintWarmup(const std::string& chromium);
  ~PrintWarmup();
  PrintWarmup(const PrintWarmup&) = delete;
  PrintWarmup& operator=(const PrintWarmup&) = delete;

  struct State;  // the browser being started; only print_pdfs looks inside
  std::unique_ptr<State> state;
};

// Prints each of `site.print_documents` once, in one browser with a few pages in flight (its
// profile in a private temporary folder, never in the output folder), then assembles every
// `site.pdfs` entry from those pages (copies and blank backs without laying pages out again) and
// adds the PDFs to `site.files`. PDF dates are `fixed_date` (YYYYMMDD) so that two builds give the
// same bytes. False, with errors in `out`, when anything fails; `site.files` is then unchanged.
// When interrupted() (base/interrupt.hpp) turns true, printing stops: the browser's process group
// is killed and its folder removed before this returns false.
// `warmup`, when given, is the browser to print with (started for `chromium`).
bool print_pdfs(Site& site, const std::string& chromium, const std::string& fixed_date, Diagnostics& out,
                const PrintProgress& progress = {}, PrintWarmup* warmup = nullptr);

// How many pages a PDF has; 0 when it cannot be read.
int pdf_page_count(const std::string& pdf);

}  // namespace iopplan
