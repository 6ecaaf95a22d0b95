// Fuzz builds only (IOPPLAN_FUZZ, clang): qpdf 11's JSON.hh does not compile with clang 14 and
// libstdc++ 12 in C++20, so these builds leave PDF assembly and print batches out. The fuzz targets never print
// (fuzz_cli points IOPPLAN_CHROMIUM at nothing), so nothing they run reaches these functions.
#include "render/pdf_assembly.hpp"
#include "render/print_batch.hpp"

namespace iopplan {

std::optional<std::vector<std::string>> assemble_pdfs(const Site&, const std::vector<std::string>&, const std::string&,
                                                      Diagnostics& out) {
  out.push_back(error_at("", {}, "this is a fuzz build: PDF assembly (qpdf) is left out"));
  return std::nullopt;
}

std::vector<PageText> page_texts(const std::string&, int) { return {}; }

std::vector<PrintJob> plan_print_jobs(const std::vector<PrintDocument>& documents, size_t) {
  std::vector<PrintJob> jobs;
  for (size_t i = 0; i < documents.size(); ++i) jobs.push_back({{i}, std::nullopt});
  return jobs;
}

std::optional<std::vector<int>> batch_page_counts(const std::string&, size_t) { return std::nullopt; }

PrintDocument numbering_sheet(const PrintDocument& like, int) { return like; }

std::vector<std::string> split_batch(const std::string&, const std::vector<int>&, const std::map<int, std::string>&) {
  return {};
}

}  // namespace iopplan
