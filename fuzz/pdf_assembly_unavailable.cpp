// Fuzz builds only (IOPPLAN_FUZZ, clang): qpdf 11's JSON.hh does not compile with clang 14 and
// libstdc++ 12 in C++20, so these builds leave PDF assembly out. The fuzz targets never print
// (fuzz_cli points IOPPLAN_CHROMIUM at nothing), so nothing they run reaches these functions.
#include "render/pdf_assembly.hpp"

namespace iopplan {

std::optional<std::vector<std::string>> assemble_pdfs(const Site&, const std::vector<std::string>&, const std::string&,
                                                      Diagnostics& out) {
  out.push_back(error_at("", {}, "this is a fuzz build: PDF assembly (qpdf) is left out"));
  return std::nullopt;
}

std::vector<PageText> page_texts(const std::string&, int) { return {}; }

}  // namespace iopplan
