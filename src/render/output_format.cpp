#include "iopplan/render/output_format.hpp"

#include <algorithm>

namespace iopplan {

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {Document::index, Format::html, "index.html.mustache", ".html"},
      {Document::index, Format::md, "index.md.mustache", ".md"},
      {Document::index, Format::pdf, "index.html.mustache", ".pdf"},
      {Document::summary, Format::html, "summary.html.mustache", ".html"},
      {Document::summary, Format::md, "summary.md.mustache", ".md"},
      {Document::week_plan, Format::html, "week-plan.html.mustache", ".html"},
      {Document::week_plan, Format::md, "week-plan.md.mustache", ".md"},
      {Document::facilitator_guide, Format::html, "facilitator-guide.html.mustache", ".html"},
      {Document::facilitator_guide, Format::md, "facilitator-guide.md.mustache", ".md"},
      {Document::facilitator_guide, Format::pdf, "facilitator-guide.html.mustache", ".pdf"},
      {Document::handouts, Format::html, "handouts.html.mustache", ".html"},
      {Document::handouts, Format::md, "handouts.md.mustache", ".md"},
      {Document::handouts, Format::pdf, "print-handout.html.mustache", ".pdf"},
      {Document::print_packet, Format::html, "print-packet.html.mustache", ".html"},
      {Document::print_packet, Format::pdf, "print-sign-in.html.mustache", ".pdf"},
      {Document::journey_card, Format::html, "journey-card.html.mustache", ".html"},
      {Document::journey_card, Format::md, "journey-card.md.mustache", ".md"},
      {Document::journey_card, Format::pdf, "journey-card.html.mustache", ".pdf"},
  };
  return formats;
}

const char* document_stem(Document document) {
  switch (document) {
    case Document::index: return "index";
    case Document::summary: return "summary";
    case Document::week_plan: return "plan";
    case Document::facilitator_guide: return "facilitator-guide";
    case Document::handouts: return "handouts";
    case Document::print_packet: return "print-packet";
    case Document::journey_card: return "journey-card";
  }
  return "index";
}

const char* format_name(Format format) {
  switch (format) {
    case Format::html: return "html";
    case Format::md: return "md";
    case Format::pdf: return "pdf";
  }
  return "html";
}

std::optional<std::vector<Format>> parse_formats(const std::string& text, std::string& error) {
  std::vector<Format> formats;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::optional<Format> format;
    for (Format each : {Format::html, Format::md, Format::pdf}) {
      if (name == format_name(each)) format = each;
    }
    if (!format) {
      error = "unknown format '" + name + "'; use html, md or pdf, separated by commas";
      return std::nullopt;
    }
    if (std::find(formats.begin(), formats.end(), *format) == formats.end()) formats.push_back(*format);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return formats;
}

}  // namespace iopplan
