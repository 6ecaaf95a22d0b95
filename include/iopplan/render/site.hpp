// Site: every document of a build, rendered in memory before anything is written.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/render/output_format.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/render/templates.hpp"

namespace iopplan {

struct OutputFile {
  std::string path;  // relative to the output folder, '/'-separated: "week-01/plan.html"
  std::string content;
};

// A page to print to PDF once (print_pdfs does it, in a browser), with Chromium's header and
// footer templates (the document's title, the program and "Page X of Y").
struct PrintDocument {
  std::string html;
  std::string header_html;
  std::string footer_html;
  // A handout: its page fits itself to the paper before printing (print-handout.html.mustache);
  // when the printed result still has a near-empty page, or runs past `most_pages`, it is fitted
  // again, more cautiously and then with each candidate spacing, and the best print kept (pdf_printer.cpp).
  bool fit = false;
  int most_pages = 0;  // 0: any number (large print)
  // A document that may print in one job with others of its kind (print_batch.hpp). Chromium's
  // header template is one per job: a batch whose members' headers differ draws them as CSS
  // page-margin boxes from these, in the built-in header's look, when every member has
  // `header_boxes`; "Page X of Y" always comes from the footer template.
  bool batchable = false;
  bool header_boxes = false;
  std::string header_title;
  std::string header_program;
  bool header_large = false;
};

// One copy (or `copies` copies) of a printed document inside a PDF file.
struct PdfPart {
  size_t document = 0;  // index into Site::print_documents
  int copies = 1;
};

// A PDF file assembled from printed documents without laying them out again. When it has more
// than one part, every copy starts on a right-hand (odd) page: a copy that ends on an odd page is
// followed by the blank back page, so a double-sided printout comes apart copy by copy.
struct PdfFile {
  std::string path;   // "week-01/print-packet.pdf"
  std::string title;  // the PDF's Title
  std::string language = "en";  // the PDF's /Lang: the handouts' language, a packet's first one
  std::vector<PdfPart> parts;
};

struct Site {
  std::vector<OutputFile> files;                // in the order they were rendered
  std::vector<PrintDocument> print_documents;   // each distinct page once; empty unless pdf was asked for
  std::vector<PdfFile> pdfs;                    // what to assemble from them
  std::optional<size_t> blank_page;             // the "intentionally blank" back page, when a PDF needs one
  int documents = 0;                            // html and md documents rendered (plan.json not counted)
};

enum class Paper { letter, a4 };

// What rendering may cost: an overlay template is user input, and --copies multiplies modules.
struct RenderLimits {
  size_t document_bytes = size_t{256} << 20;  // one rendered document
  size_t site_bytes = size_t{1} << 30;        // all documents of a build together
  size_t lookups = 2'000'000;                 // template value lookups per document (a real one needs < 100,000)
};

struct RenderOptions {
  std::vector<Format> formats = {Format::html, Format::md};
  // Handout languages, the first also that of sign-in sheets (codes from language.hpp). Each
  // module of the plan needs a translation for each language other than English.
  std::vector<std::string> languages = {"en"};
  int copies = 0;            // handout copies per meeting and language in print packets; 0: the plan's group size
  std::map<std::string, int> copies_by_language;  // overrides `copies` for the languages it names
  Paper paper = Paper::letter;
  bool large_print = false;  // handouts and sign-in sheets at 16 pt instead of 12 pt
  int only_week = 0;         // 0: every week; N: only week-NN/ (index and plan.json are always written)
  bool undated = false;      // patient handouts without meeting dates, so spare copies can be reused
  RenderLimits limits;
};

// The plan's documents (layout in docs/output-layout.md). `plan_json` is written as plan.json
// unchanged (the CLI passes plan_to_json(plan)). nullopt, with errors in `out`, when the plan
// names modules the library lacks or modules without a translation for one of the languages,
// `only_week` is not a week of the plan, or a template fails.
std::optional<Site> render_site(const Plan& plan, const std::string& plan_json, const Library& library,
                                const Organization& organization, const TemplateSet& templates,
                                const RenderOptions& options, Diagnostics& out);

// "handouts.html" for English, "handouts.es.html" for Spanish: a document's file name in a language.
std::string language_file_name(const std::string& stem, const std::string& language, const std::string& extension);

// "week-01": the folder of a week (at least two digits, so folders sort in week order).
std::string week_folder(int week);

// "output/<program>-<start>": where a build goes when --out is not given.
std::string default_output_dir(const Plan& plan);

}  // namespace iopplan
