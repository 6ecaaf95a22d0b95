#include <boost/test/unit_test.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "render/pdf_assembly.hpp"
#include "render/print_batch.hpp"

using namespace iopplan;

namespace {

const std::string kHead = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>TITLE</title><style>p{}</style></head>\n";

PrintDocument guide(const std::string& title, const std::string& body, const std::string& footer = "<div>F</div>") {
  PrintDocument document;
  std::string head = kHead;
  head.replace(head.find("TITLE"), 5, title);
  document.html = head + "<body class=\"guide\">\n" + body + "\n</body>\n</html>\n";
  document.header_html = "<div>" + title + "</div>";
  document.footer_html = footer;
  document.batchable = true;
  document.header_boxes = true;
  document.header_title = title;
  document.header_program = "Evening IOP";
  return document;
}

// A PDF whose page i carries a link to uris[i] (none when empty) and one line of text, `y` pt up.
std::string linked_pdf(const std::vector<std::string>& uris, const std::string& text = "Body", int y = 700) {
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle font = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  QPDFPageDocumentHelper helper(pdf);
  for (size_t i = 0; i < uris.size(); ++i) {
    QPDFObjectHandle page = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Page /MediaBox [0 0 612 792] >>"));
    page.replaceKey("/Resources", QPDFObjectHandle::parse("<< /Font << >> >>"));
    page.getKey("/Resources").getKey("/Font").replaceKey("/F1", font);
    page.replaceKey("/Contents", pdf.newStream("BT /F1 12 Tf 72 " + std::to_string(y) + " Td (" + text + " " + std::to_string(i) + ") Tj ET"));
    QPDFObjectHandle annotations = QPDFObjectHandle::newArray();
    // Every page also has a link of its own, which must stay.
    annotations.appendItem(QPDFObjectHandle::parse("<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] "
                                                   "/A << /S /URI /URI (https://988lifeline.org/) >> >>"));
    if (!uris[i].empty()) {
      QPDFObjectHandle link = QPDFObjectHandle::parse("<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /URI >> >>");
      link.getKey("/A").replaceKey("/URI", QPDFObjectHandle::newString(uris[i]));
      annotations.appendItem(link);
    }
    page.replaceKey("/Annots", annotations);
    helper.addPage(QPDFPageObjectHelper(page), false);
  }
  return pdf_bytes(pdf, false);
}

std::string mark(int member) { return "https://iopplan.invalid/batch/" + std::to_string(member); }

}  // namespace

BOOST_AUTO_TEST_SUITE(print_batch)

BOOST_AUTO_TEST_CASE(documents_of_one_kind_print_in_batches_and_the_rest_on_their_own) {
  std::vector<PrintDocument> documents;
  for (int i = 0; i < 5; ++i) documents.push_back(guide("Guide " + std::to_string(i), "<p>guide " + std::to_string(i) + "</p>"));
  documents.push_back(guide("Other footer", "<p>x</p>", "<div>Seite</div>"));  // a kind of its own: alone
  PrintDocument handout = guide("Handout", "<p>h</p>");
  handout.fit = true;  // fits itself with a script: never batched
  documents.push_back(handout);
  PrintDocument scripted = guide("Scripted", "<p>s</p><script>go()</script>");
  documents.push_back(scripted);
  PrintDocument plain = guide("Plain", "<p>p</p>");
  plain.batchable = false;
  documents.push_back(plain);

  std::vector<PrintJob> jobs = plan_print_jobs(documents, 2);
  BOOST_REQUIRE(jobs.size() == 2u + 5);
  // Batches first, in order, at most 2 a batch.
  BOOST_TEST(jobs[0].members == std::vector<size_t>({0, 1}));
  BOOST_TEST(jobs[1].members == std::vector<size_t>({2, 3}));
  for (int j = 0; j < 2; ++j) BOOST_TEST(jobs[j].batch.has_value());
  for (size_t j = 2; j < jobs.size(); ++j) BOOST_TEST(!jobs[j].batch.has_value());
  BOOST_TEST(jobs[2].members == std::vector<size_t>({6}));
  BOOST_TEST(jobs[3].members == std::vector<size_t>({7}));
  BOOST_TEST(jobs[4].members == std::vector<size_t>({8}));
  BOOST_TEST(jobs[5].members == std::vector<size_t>({4}));  // the rest of a kind, one: alone
  BOOST_TEST(jobs[6].members == std::vector<size_t>({5}));  // a kind of one: alone

  const PrintDocument& batch = *jobs[0].batch;
  // No header or footer template: the header is drawn by margin boxes, the footer laid over later.
  BOOST_TEST(batch.header_html.empty());
  BOOST_TEST(batch.footer_html.empty());
  BOOST_TEST(batch.html.find("<title>") == std::string::npos);
  BOOST_TEST(batch.html.find("<body class=\"guide\">") != std::string::npos);
  BOOST_TEST(batch.html.find("@page iopplan-doc-0 { @top-left { content: \"Guide 0\";") != std::string::npos);
  BOOST_TEST(batch.html.find("@top-right { content: \"Evening IOP\"; text-align: right;") != std::string::npos);
  BOOST_TEST(batch.html.find("<div class=\"iopplan-batch-doc\" style=\"page: iopplan-doc-0\"><a class=\"iopplan-batch-mark\" "
                             "href=\"https://iopplan.invalid/batch/0\"") != std::string::npos);
  BOOST_TEST(batch.html.find("<div class=\"iopplan-batch-doc\" style=\"break-before: page; page: iopplan-doc-1\"><a class=\"iopplan-batch-mark\" "
                             "href=\"https://iopplan.invalid/batch/1\" aria-hidden=\"true\" tabindex=\"-1\"></a>\n<p>guide 1</p>\n</div>") !=
             std::string::npos);
  // The head's own style stays, and the batch's comes after it, inside <head>.
  BOOST_TEST(batch.html.find("<style>p{}</style><style>") != std::string::npos);
  BOOST_TEST(batch.html.find("</style>\n</head>") != std::string::npos);

  BOOST_TEST(plan_print_jobs(documents, 1).size() == documents.size());  // batches of one: none
}

BOOST_AUTO_TEST_CASE(members_with_one_header_share_its_template_and_others_need_margin_boxes) {
  // Journey cards: one title, and a named page of their own that margin boxes would replace.
  std::vector<PrintDocument> cards = {guide("My groups", "<p>week 1</p>"), guide("My groups", "<p>week 2</p>")};
  for (auto& card : cards) card.header_boxes = false;
  std::vector<PrintJob> jobs = plan_print_jobs(cards, 10);
  BOOST_REQUIRE(jobs.size() == 1u);
  BOOST_TEST(jobs[0].batch->header_html == "<div>My groups</div>");
  BOOST_TEST(jobs[0].batch->footer_html.empty());
  BOOST_TEST(jobs[0].batch->html.find("@page") == std::string::npos);
  BOOST_TEST(jobs[0].batch->html.find("<div class=\"iopplan-batch-doc\"><a ") != std::string::npos);
  BOOST_TEST(jobs[0].batch->html.find("<div class=\"iopplan-batch-doc\" style=\"break-before: page\"><a ") != std::string::npos);
  // Different headers that cannot be boxes (a clinic's own header): each on its own.
  cards[1].header_html = "<div>Other</div>";
  jobs = plan_print_jobs(cards, 10);
  BOOST_REQUIRE(jobs.size() == 2u);
  BOOST_TEST(!jobs[0].batch.has_value());
  BOOST_TEST(!jobs[1].batch.has_value());
}

BOOST_AUTO_TEST_CASE(an_authors_title_cannot_leave_the_css_string_or_the_style_element) {
  std::vector<PrintDocument> documents = {guide("A \"quoted\" \\ title</style><script>x()</script>\n", "<p>a</p>"),
                                          guide("B", "<p>b</p>")};
  std::vector<PrintJob> jobs = plan_print_jobs(documents, 10);
  BOOST_REQUIRE(jobs.size() == 1u);
  const std::string& html = jobs[0].batch->html;
  BOOST_TEST(html.find("content: \"A \\\"quoted\\\" \\\\ title\\3C /style\\3E \\3C script\\3E x()\\3C /script\\3E \\A \";") !=
             std::string::npos);
  BOOST_TEST(html.find("</style><script>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_marks_tell_each_members_pages) {
  // Members of 2, 1 and 3 pages.
  std::string pdf = linked_pdf({mark(0), "", mark(1), mark(2), "", ""});
  auto counts = batch_page_counts(pdf, 3);
  BOOST_REQUIRE(counts);
  BOOST_TEST(*counts == std::vector<int>({2, 1, 3}));
  // A mark missing, out of order, not on the first page, or a member without pages: no counts.
  BOOST_TEST(!batch_page_counts(linked_pdf({mark(0), "", mark(2)}), 3));
  BOOST_TEST(!batch_page_counts(linked_pdf({mark(0), mark(2), mark(1)}), 3));
  BOOST_TEST(!batch_page_counts(linked_pdf({"", mark(0), mark(1)}), 2));
  BOOST_TEST(!batch_page_counts(linked_pdf({mark(0), mark(1)}), 3));
  BOOST_TEST(!batch_page_counts("not a pdf", 1));
  // Another link to the same host is not a mark.
  BOOST_TEST(!batch_page_counts(linked_pdf({mark(0), "https://iopplan.invalid/batch/1x"}), 2));
}

BOOST_AUTO_TEST_CASE(each_member_gets_its_pages_without_marks_and_the_footer_of_its_page_count) {
  std::string pdf = linked_pdf({mark(0), "", mark(1)});
  std::map<int, std::string> sheets = {{1, linked_pdf({""}, "Page 1 of 1", 40)}, {2, linked_pdf({"", ""}, "Page of 2", 40)}};
  std::vector<std::string> members = split_batch(pdf, {2, 1}, sheets);
  BOOST_REQUIRE(members.size() == 2u);
  BOOST_TEST(page_texts(members[0]).size() == 2u);
  BOOST_TEST(page_texts(members[1]).size() == 1u);
  for (const std::string& member : members) {
    BOOST_TEST(member.find("iopplan.invalid") == std::string::npos);
    QPDF read;
    read.processMemoryFile("member", member.data(), member.size());
    for (auto& page : QPDFPageDocumentHelper(read).getAllPages()) {
      QPDFObjectHandle object = page.getObjectHandle();
      // The page's own link stays; the footer is a form XObject drawn over the page.
      BOOST_TEST(object.getKey("/Annots").getArrayNItems() == 1);
      BOOST_TEST(object.getKey("/Resources").getKey("/XObject").hasKey("/IopplanFooter"));
      BOOST_TEST(object.getKey("/Resources").getKey("/Font").hasKey("/F1"));
    }
  }
  // Page k of a member of n pages shows page k of the sheet of n pages, drawn after the page's own content.
  auto footer_text = [](const std::string& member, size_t page_number) {
    QPDF read;
    read.processMemoryFile("member", member.data(), member.size());
    QPDFObjectHandle page = QPDFPageDocumentHelper(read).getAllPages().at(page_number).getObjectHandle();
    std::string contents;
    for (auto& stream : page.getKey("/Contents").aitems()) {
      auto data = stream.getStreamData();
      contents.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
    }
    auto form = page.getKey("/Resources").getKey("/XObject").getKey("/IopplanFooter").getStreamData();
    std::string text(reinterpret_cast<const char*>(form->getBuffer()), form->getSize());
    bool drawn_last = contents.rfind("/IopplanFooter Do") > contents.rfind("(Body");
    return drawn_last ? text.substr(text.find('(')) : "not drawn last";
  };
  BOOST_TEST(footer_text(members[0], 0) == "(Page of 2 0) Tj ET");
  BOOST_TEST(footer_text(members[0], 1) == "(Page of 2 1) Tj ET");
  BOOST_TEST(footer_text(members[1], 0) == "(Page 1 of 1 0) Tj ET");
  // A missing or short numbering sheet is an error, not a wrong footer.
  BOOST_CHECK_THROW(split_batch(pdf, {2, 1}, {{1, sheets[1]}}), std::exception);
  BOOST_CHECK_THROW(split_batch(pdf, {2, 1}, {{1, sheets[1]}, {2, sheets[1]}}), std::exception);
  // Same input, same bytes.
  BOOST_TEST(split_batch(pdf, {2, 1}, sheets) == members);
}

BOOST_AUTO_TEST_CASE(a_numbering_sheet_has_the_documents_head_and_footer_and_nothing_to_print) {
  PrintDocument sheet = numbering_sheet(guide("Guide", "<p>visible text</p>", "<div>Page X</div>"), 3);
  BOOST_TEST(sheet.footer_html == "<div>Page X</div>");
  BOOST_TEST(sheet.header_html.empty());
  BOOST_TEST(sheet.html.find("visible text") == std::string::npos);
  BOOST_TEST(sheet.html.find("<style>p{}</style>") != std::string::npos);  // the same page size and margins
  size_t breaks = 0;
  for (size_t at = sheet.html.find("break-after: page"); at != std::string::npos; at = sheet.html.find("break-after: page", at + 1)) ++breaks;
  BOOST_TEST(breaks == 2u);
  BOOST_TEST(sheet.html.find("background: transparent !important") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
