#include <boost/test/unit_test.hpp>

#include "iopplan/render/output_format.hpp"

using namespace iopplan;

BOOST_AUTO_TEST_SUITE(output_format)

BOOST_AUTO_TEST_CASE(every_printed_document_has_a_pdf_and_the_packet_has_no_markdown) {
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
      BOOST_TEST(html == 1);
      BOOST_TEST(md == (document == Document::print_packet ? 0 : 1));
      BOOST_TEST(pdf == (document == Document::week_plan || document == Document::summary ? 0 : 1));
    }
  }
}

BOOST_AUTO_TEST_CASE(pdf_prints_html_templates_one_page_each) {
  std::vector<std::string> templates;
  for (const auto& format : output_formats()) {
    if (format.format == Format::pdf) templates.push_back(format.template_name);
  }
  const std::vector<std::string> expected = {"index.html.mustache", "facilitator-guide.html.mustache",
                                             "print-handout.html.mustache", "print-sign-in.html.mustache",
                                             "journey-card.html.mustache"};
  BOOST_TEST(templates == expected, boost::test_tools::per_element());
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
