// Print batches: many documents of one kind in one print job, split back into one PDF each.
// Chromium's cost is per job as much as per page (a one-page sign-in sheet took as long as three
// pages of a guide), so sign-in sheets and facilitator guides print a batch at a time.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/render/site.hpp"

namespace iopplan {

// What the printer sends the browser: one of the site's print documents (`members` holds its
// index), or a batch of them (`members` in order, `batch` the one document they print as).
struct PrintJob {
  std::vector<size_t> members;
  std::optional<PrintDocument> batch;
};

// The jobs that print `documents`: batchable documents of one kind (same head, body and footer)
// in batches of at most `most_per_batch`, the batches first; every other document on its own. A
// batch prints with its members' header template when they share one, else with their headers as
// page-margin boxes (every member must have header_boxes, else they print on their own); a batch
// of one is a document on its own.
std::vector<PrintJob> plan_print_jobs(const std::vector<PrintDocument>& documents, size_t most_per_batch);

// The pages of a printed batch of `members` documents, as each member's page count, read from the
// marks the batch puts on each member's first page; nullopt when they are not all there in order
// (then the members print on their own).
std::optional<std::vector<int>> batch_page_counts(const std::string& pdf, size_t members);

// A document of `pages` empty pages in the size and margins of `like`, to be printed with its
// footer template: page k then carries exactly the footer `like` shows on its own page k of `pages`.
PrintDocument numbering_sheet(const PrintDocument& like, int pages);

// Each member's PDF from the printed batch: its pages, the batch's marks taken off, and on each page
// k of n the footer of page k of the numbering sheet of n pages (`sheets`, by page count).
std::vector<std::string> split_batch(const std::string& pdf, const std::vector<int>& counts,
                                     const std::map<int, std::string>& sheets);

}  // namespace iopplan
