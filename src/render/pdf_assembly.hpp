// Packets from printed pages: PDFs put together with qpdf, page objects copied, never laid out again.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/render/site.hpp"

class QPDF;

namespace iopplan {

// qpdf read and written the same way everywhere: a PDF from `bytes` (`name` for its messages,
// warnings off; throws when unreadable), and a PDF's bytes with a deterministic ID, with object
// streams where the file is final.
std::unique_ptr<QPDF> open_pdf(const std::string& bytes, const std::string& name);
std::string pdf_bytes(QPDF& pdf, bool object_streams);

// The contents of every `site.pdfs` file, in order, from `printed` (the PDF of each of
// `site.print_documents`). Parts follow each other; in a file of more than one copy, a copy with an
// odd number of pages is followed by `printed[*site.blank_page]`, so every copy starts on an odd
// page. Each file gets its title, its language (/Lang) and `fixed_date` (YYYYMMDD) as creation and modification date.
// nullopt, with errors in `out`, when a printed PDF cannot be read.
std::optional<std::vector<std::string>> assemble_pdfs(const Site& site, const std::vector<std::string>& printed,
                                                      const std::string& fixed_date, Diagnostics& out);

// The text on one printed page: its lines (distinct baselines, as pdftotext would show them; a
// printed header and footer count as a line each) and how far down the paper the lowest line
// above the footer sits (0 at the top edge, 1 at the bottom).
struct PageText {
  int lines = 0;
  double reach = 0;
};
// Each page of `pdf`, the last `read_last` of them read (reading a page costs tens of ms) and the
// others left at lines -1; empty when the bytes are not a readable PDF.
constexpr int kEveryPage = 1 << 20;
std::vector<PageText> page_texts(const std::string& pdf, int read_last = kEveryPage);

}  // namespace iopplan
