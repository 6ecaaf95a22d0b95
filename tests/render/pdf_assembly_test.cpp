#include <boost/test/unit_test.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "render/pdf_assembly.hpp"

using namespace iopplan;

namespace {

// A PDF of `pages` Letter pages, each with `lines` lines of text (baselines 14 pt apart).
// A PDF whose page i holds lines[i] lines of text.
std::string text_pdf(const std::vector<int>& lines_per_page) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  QPDFPageDocumentHelper helper(pdf);
  for (int lines : lines_per_page) {
    std::string content = "q 1 0 0 1 0 0 cm BT /F1 12 Tf 72 720 Td 14 TL";
    for (int l = 0; l < lines; ++l) content += " (Line " + std::to_string(l) + ") Tj T*";
    content += " ET Q";
    QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 612 792] >>"));
    page.replaceKey("/Resources", QPDFObjectHandle::parse("<< /Font << >> >>"));
    page.getKey("/Resources").getKey("/Font").replaceKey("/F1", font);
    page.replaceKey("/Contents", pdf.newStream(content));
    helper.addPage(QPDFPageObjectHelper(page), false);
  }
  return pdf_bytes(pdf, false);
}

std::string text_pdf(int pages, int lines) { return text_pdf(std::vector<int>(pages, lines)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_assembly)

BOOST_AUTO_TEST_CASE(copies_start_on_odd_pages_with_blank_backs_between_them) {
  Site site;
  site.print_documents.resize(3);
  std::vector<std::string> printed = {text_pdf(1, 20), text_pdf(3, 20), text_pdf(1, 1)};
  site.blank_page = 2;
  // A one-page sign-in sheet, then a three-page handout twice: 1 | blank | 3 | blank | 3.
  site.pdfs.push_back({"week-01/print-packet.pdf", "Print packet: week 1", "en", {{0, 1}, {1, 2}}});
  site.pdfs.push_back({"week-01/2027-01-04/handouts.es.pdf", "Hojas informativas", "es", {{1, 1}}});
  Diagnostics diagnostics;
  auto files = assemble_pdfs(site, printed, "20270104", diagnostics);
  BOOST_REQUIRE(files);
  BOOST_TEST(page_texts((*files)[0]).size() == 1u + 1 + 3 + 1 + 3);
  BOOST_TEST(page_texts((*files)[1]).size() == 3u);  // one part: no blank backs
  QPDF packet;
  packet.processMemoryFile("packet", (*files)[0].data(), (*files)[0].size());
  QPDFObjectHandle info = packet.getTrailer().getKey("/Info");
  BOOST_TEST(info.getKey("/Title").getUTF8Value() == "Print packet: week 1");
  BOOST_TEST(info.getKey("/CreationDate").getUTF8Value() == "D:20270104000000Z");
  BOOST_TEST(info.getKey("/ModDate").getUTF8Value() == "D:20270104000000Z");
  BOOST_TEST(packet.getRoot().getKey("/Lang").getUTF8Value() == "en");
  QPDF spanish;
  spanish.processMemoryFile("spanish", (*files)[1].data(), (*files)[1].size());
  BOOST_TEST(spanish.getRoot().getKey("/Lang").getUTF8Value() == "es");
  // Same input, same bytes.
  BOOST_TEST(assemble_pdfs(site, printed, "20270104", diagnostics)->at(0) == (*files)[0]);
}

BOOST_AUTO_TEST_CASE(counts_the_lines_of_text_on_each_page_and_how_far_down_they_reach) {
  auto pages = page_texts(text_pdf({30, 4, 12}));
  BOOST_REQUIRE(pages.size() == 3u);
  BOOST_TEST(pages[0].lines == 30);
  BOOST_TEST(pages[1].lines == 4);
  BOOST_TEST(pages[2].lines == 12);
  // Lines 14 pt apart from a baseline 720 pt up a 792 pt page; the lowest is the footer, so the
  // lowest line above it is the third: 720 - 2 * 14 = 692 pt up.
  BOOST_TEST(pages[1].reach == (792.0 - 692) / 792, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(pages[2].reach == (792.0 - (720 - 10 * 14)) / 792, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(page_texts(text_pdf(2, 5)).size() == 2u);
  // Only the last pages asked for are read; the others are counted.
  auto last = page_texts(text_pdf({30, 4, 12}), 1);
  BOOST_REQUIRE(last.size() == 3u);
  BOOST_TEST(last[0].lines == -1);
  BOOST_TEST(last[1].lines == -1);
  BOOST_TEST(last[2].lines == 12);
  BOOST_TEST(page_texts("not a pdf").empty());
}

BOOST_AUTO_TEST_CASE(an_unreadable_printed_page_is_an_output_error) {
  Site site;
  site.print_documents.resize(1);
  site.pdfs.push_back({"index.pdf", "At a glance", "en", {{0, 1}}});
  Diagnostics diagnostics;
  BOOST_TEST(!assemble_pdfs(site, {"%PDF-1.4 broken"}, "20270104", diagnostics));
  BOOST_REQUIRE(diagnostics.size() == 1u);
  BOOST_TEST(format_diagnostic(diagnostics[0]).rfind("index.pdf: error: cannot assemble the PDF: ", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
