// Output formats as data: which document is written in which format, from which template.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

enum class Document { index, summary, week_plan, facilitator_guide, handouts, print_packet, journey_card };
enum class Format { html, md, pdf };

struct OutputFormat {
  Document document;
  Format format;
  // Under templates/. A pdf prints html pages once each and assembles them: the document's html
  // template for the index and the guides; for handouts and packets, one page per handout
  // (print-handout) and per sign-in sheet (print-sign-in), so copies are never laid out twice.
  const char* template_name;
  const char* extension;      // ".html", ".md", ".pdf"
};

// Every document x format iopplan writes, in the order they are written.
const std::vector<OutputFormat>& output_formats();

// "index", "summary", "plan", "facilitator-guide", "handouts", "print-packet", "journey-card": the file name
// before the extension (journey cards are named by their start week instead: see site.cpp).
const char* document_stem(Document document);
const char* format_name(Format format);

// "html,md,pdf" -> formats, without repeats; nullopt (with a message in `error`) for an unknown name.
std::optional<std::vector<Format>> parse_formats(const std::string& text, std::string& error);

}  // namespace iopplan
