// Fixed dates in printed PDFs, so the same build gives the same bytes.
#pragma once

#include <string>

namespace iopplan {

// Replaces the /CreationDate and /ModDate values of a PDF in place (same length, so offsets hold).
void normalize_pdf_dates(std::string& pdf, const std::string& fixed_date);

}  // namespace iopplan
