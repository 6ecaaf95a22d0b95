#include <boost/test/unit_test.hpp>

#include "iopplan/render/output_format.hpp"

using namespace iopplan;

BOOST_AUTO_TEST_SUITE(output_format)

BOOST_AUTO_TEST_CASE(every_document_has_html_and_only_the_printed_ones_have_pdf) {
  for (Document document : {Document::index, Document::summary, Document::week_plan, Document::facilitator_guide,
                            Document::handouts, Document::print_packet, Document::journey_card}) {
    int html = 0, md = 0, pdf = 0;
    for (const auto& format : output_formats()) {
      if (format.document != document) continue;
      html += format.format == Format::html;
      md += format.format == Format::md;
      pdf += format.format == Format::pdf;
    }
    BOOST_TEST_CONTEXT(document_stem(document)) {
      bool printed = document == Document::print_packet || document == Document::journey_card;
      BOOST_TEST(html == 1);
      BOOST_TEST(md == (document == Document::print_packet ? 0 : 1));
      BOOST_TEST(pdf == (printed ? 1 : 0));
    }
  }
}

BOOST_AUTO_TEST_CASE(pdf_prints_the_documents_html_template) {
  for (const auto& format : output_formats()) {
    if (format.format != Format::pdf) continue;
    for (const auto& other : output_formats()) {
      if (other.document == format.document && other.format == Format::html) {
        BOOST_TEST(std::string(format.template_name) == other.template_name);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(parses_format_lists) {
  std::string error;
  auto formats = parse_formats("md,html,md", error);
  BOOST_REQUIRE(formats);
  BOOST_TEST((*formats == std::vector<Format>{Format::md, Format::html}));
  BOOST_TEST(!parse_formats("html,docx", error));
  BOOST_TEST(error == "unknown format 'docx'; use html, md or pdf, separated by commas");
  BOOST_TEST(!parse_formats("", error));
}

BOOST_AUTO_TEST_SUITE_END()
