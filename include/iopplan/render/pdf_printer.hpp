// Printing to PDF with headless Chromium: the same path for `build --format pdf` and the print test.
#pragma once

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

// Prints every job of `site.print_jobs` (in a private temporary folder, never in the output
// folder) and adds the PDFs to `site.files`. PDF dates are set to `fixed_date` (YYYYMMDD) so that
// two builds give the same bytes. False, with errors in `out`, when any job fails; `site.files`
// is then unchanged.
bool print_pdfs(Site& site, const std::string& chromium, const std::string& fixed_date, Diagnostics& out);

}  // namespace iopplan
