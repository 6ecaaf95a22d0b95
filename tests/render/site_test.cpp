#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "iopplan/render/site.hpp"
#include "render/fixtures.hpp"
#include "render/view_parts.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;

namespace {

std::optional<Site> render_fixture(const RenderOptions& options, Diagnostics& diagnostics) {
  static const Library library = fixture_library();
  static const Organization org = fixture_organization();
  static const TemplateSet templates = builtin_templates();
  return render_site(fixture_plan(), kPlanJson, library, org, templates, options, diagnostics);
}

const OutputFile* find_file(const Site& site, const std::string& path) {
  for (const auto& file : site.files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

std::vector<std::string> paths_of(const Site& site) {
  std::vector<std::string> paths;
  for (const auto& file : site.files) paths.push_back(file.path);
  return paths;
}

size_t occurrences(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + part.size())) ++n;
  return n;
}

// What a reader sees in an HTML page: text without tags, styles and entities.
std::string visible_html(const std::string& html) {
  std::string text;
  size_t pos = 0;
  while (pos < html.size()) {
    if (html.compare(pos, 6, "<style") == 0) {
      pos = html.find("</style>", pos);
      pos = pos == std::string::npos ? html.size() : pos + 8;
    } else if (html[pos] == '<') {
      pos = html.find('>', pos);
      pos = pos == std::string::npos ? html.size() : pos + 1;
    } else {
      text += html[pos++];
    }
  }
  for (auto [entity, ch] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + ch.size())) {
      text.replace(at, entity.size(), ch);
    }
  }
  return text;
}

// What a reader sees in a Markdown file: the text without backslash escapes.
std::string visible_markdown(const std::string& md) {
  std::string text;
  for (size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '\\' && i + 1 < md.size() && std::ispunct(static_cast<unsigned char>(md[i + 1]))) ++i;
    text += md[i];
  }
  return text;
}

// The fixture plan with its two journeys: start week 2 follows the rotation into round 2.
Plan plan_with_journeys() {
  Plan plan = fixture_plan();
  const std::string g = plan.program;
  Journey first{1, {2027, 1, 4}, 4, {}, {}, {}, {}, {}};
  first.attended = {{{2027, 1, 4}, g, {"noticing-cravings"}},
                    {{2027, 1, 6}, g, {"sleep-basics", "saying-no"}},
                    {{2027, 1, 13}, g, {"noticing-cravings"}},
                    {{2027, 1, 15}, g, {"sleep-basics"}}};
  Journey second{2, {2027, 1, 13}, 4, {}, {}, {}, {}, {}};
  second.attended = {{{2027, 1, 13}, g, {"noticing-cravings"}},
                     {{2027, 1, 15}, g, {"sleep-basics"}},
                     {{2027, 1, 18}, g, {"noticing-cravings"}},
                     {{2027, 1, 20}, g, {"sleep-basics", "saying-no"}}};
  plan.journeys = {first, second};
  return plan;
}

std::optional<Site> render_journeys(const Plan& plan, const RenderOptions& options, Diagnostics& diagnostics) {
  static const Library library = fixture_library();
  static const Organization org = fixture_organization();
  static const TemplateSet templates = builtin_templates();
  return render_site(plan, kPlanJson, library, org, templates, options, diagnostics);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(site)

BOOST_AUTO_TEST_CASE(writes_the_documented_layout) {
  Diagnostics diagnostics;
  auto site = render_fixture({}, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  std::vector<std::string> expected = {
      "plan.json",
      "calendar.ics",
      "sessions.csv",
      "index.html",
      "index.md",
      "summary.html",
      "summary.md",
      "week-01/plan.html",
      "week-01/plan.md",
      "week-01/2027-01-04/facilitator-guide.html",
      "week-01/2027-01-04/facilitator-guide.md",
      "week-01/2027-01-04/handouts.html",
      "week-01/2027-01-04/handouts.md",
      "week-01/2027-01-06/facilitator-guide.html",
      "week-01/2027-01-06/facilitator-guide.md",
      "week-01/2027-01-06/handouts.html",
      "week-01/2027-01-06/handouts.md",
      "week-01/print-packet.html",
      "week-02/plan.html",
      "week-02/plan.md",
      "week-02/2027-01-13/facilitator-guide.html",
      "week-02/2027-01-13/facilitator-guide.md",
      "week-02/2027-01-13/handouts.html",
      "week-02/2027-01-13/handouts.md",
      "week-02/2027-01-15/facilitator-guide.html",
      "week-02/2027-01-15/facilitator-guide.md",
      "week-02/2027-01-15/handouts.html",
      "week-02/2027-01-15/handouts.md",
      "week-02/print-packet.html",
      "journey-cards/start-week-01.html",
      "journey-cards/start-week-01.md",
      "journey-cards/start-week-02.html",
      "journey-cards/start-week-02.md",
  };
  BOOST_TEST(paths_of(*site) == expected, boost::test_tools::per_element());
  BOOST_TEST(site->documents == 30);
  BOOST_TEST(site->print_documents.empty());
  BOOST_TEST(site->pdfs.empty());
  BOOST_TEST(find_file(*site, "plan.json")->content == kPlanJson);
}

BOOST_AUTO_TEST_CASE(print_packet_has_a_blank_sign_in_sheet_per_meeting_and_each_handout_times_copies) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.copies = 3;
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  const std::string& packet = find_file(*site, "week-01/print-packet.html")->content;
  BOOST_TEST(occurrences(packet, "<h1>Group sign-in sheet</h1>") == 2u);
  // group_size 4 -> 4 + 4 spare numbered blank lines per sheet, nothing filled in.
  BOOST_TEST(occurrences(packet, "<tr><td class=\"number\">8</td><td></td><td></td>") == 2u);
  BOOST_TEST(occurrences(packet, "<tr><td class=\"number\">9</td>") == 0u);
  BOOST_TEST(occurrences(packet, "<h1>Cravings Are Waves</h1>") == 3u);
  BOOST_TEST(occurrences(packet, "<h1>Better Sleep</h1>") == 3u);
  BOOST_TEST(occurrences(packet, "<h1>Saying No</h1>") == 3u);
  BOOST_TEST(occurrences(packet, "<article class=\"sheet handout") == 9u);
}

BOOST_AUTO_TEST_CASE(one_week_renders_only_its_folder_with_index_and_plan_json) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.only_week = 2;
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const auto& path : paths_of(*site)) {
    bool allowed = path == "plan.json" || path == "calendar.ics" || path == "sessions.csv" ||
                   path.rfind("index.", 0) == 0 || path.rfind("summary.", 0) == 0 || path.rfind("week-02/", 0) == 0;
    BOOST_TEST(allowed, path);
  }
  BOOST_TEST(find_file(*site, "week-02/print-packet.html") != nullptr);
  // The index is the whole program's, the same as a full build's but for the journey cards, which a
  // week build does not write.
  auto full = render_fixture({}, diagnostics);
  std::string whole = find_file(*full, "index.html")->content;
  size_t cards = whole.find("<section class=\"avoid-break\">\n<h3>Journey cards");
  BOOST_REQUIRE(cards != std::string::npos);
  whole.erase(cards, whole.find("</section>\n", cards) + 11 - cards);
  BOOST_TEST(find_file(*site, "index.html")->content == whole);
}

BOOST_AUTO_TEST_CASE(a_week_outside_the_plan_is_an_error) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.only_week = 3;
  BOOST_TEST(!render_fixture(options, diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) == "error: week 3 is not in the plan (it has 2 weeks)\n");
}

BOOST_AUTO_TEST_CASE(modules_missing_from_the_library_are_errors) {
  Plan plan = fixture_plan();
  plan.meetings[0].blocks[1].module = "no-such-module";
  plan.meetings[1].blocks[0].activity = "";
  Diagnostics diagnostics;
  auto site = render_site(plan, kPlanJson, fixture_library(), fixture_organization(), builtin_templates(), {},
                          diagnostics);
  BOOST_TEST(!site);
  std::string root = source_path("tests/render/fixtures/library");
  BOOST_TEST(diagnostics_text(diagnostics) ==
             root + ": error: the plan uses module 'no-such-module', which is not in the library (the block at "
                    "18:15 on 2027-01-04)\n"
                    "error: the block at 18:00 on 2027-01-06 must have exactly one of a module and an activity\n");
}

BOOST_AUTO_TEST_CASE(a_changed_module_version_is_a_warning) {
  Plan plan = fixture_plan();
  plan.meetings[0].blocks[1].module_version = "0.9.0";
  Diagnostics diagnostics;
  auto site = render_site(plan, kPlanJson, fixture_library(), fixture_organization(), builtin_templates(), {},
                          diagnostics);
  BOOST_TEST(site.has_value());
  BOOST_REQUIRE(diagnostics.size() == 1u);
  BOOST_TEST((diagnostics[0].severity == Severity::warning));
  BOOST_TEST(diagnostics[0].message ==
             "the plan was made with version 0.9.0 of 'noticing-cravings'; rendering version 1.0.0");
  BOOST_TEST(diagnostics[0].line == 1);
}

BOOST_AUTO_TEST_CASE(markdown_only_has_no_print_packet) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::md};
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const auto& path : paths_of(*site)) {
    BOOST_TEST(path.find(".html") == std::string::npos, path);
  }
  BOOST_TEST(find_file(*site, "index.md")->content.find("print-packet") == std::string::npos);
  BOOST_TEST(site->documents == 14);  // index, summary, 2 week plans, 4 guides, 4 handouts, 2 journey cards
}

BOOST_AUTO_TEST_CASE(pdf_prints_each_page_once_and_assembles_every_printed_document) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::html, Format::pdf};
  options.copies = 3;
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  std::vector<std::string> paths;
  for (const auto& pdf : site->pdfs) paths.push_back(pdf.path + " (" + pdf.title + ")");
  const std::vector<std::string> expected = {
      "index.pdf (Evening IOP: program at a glance)",
      "week-01/2027-01-04/facilitator-guide.pdf (Facilitator guide: Monday, January 4, 2027)",
      "week-01/2027-01-04/handouts.pdf (Handouts: Monday, January 4, 2027)",
      "week-01/2027-01-06/facilitator-guide.pdf (Facilitator guide: Wednesday, January 6, 2027)",
      "week-01/2027-01-06/handouts.pdf (Handouts: Wednesday, January 6, 2027)",
      "week-01/print-packet.pdf (Print packet: week 1)",
      "week-02/2027-01-13/facilitator-guide.pdf (Facilitator guide: Wednesday, January 13, 2027)",
      "week-02/2027-01-13/handouts.pdf (Handouts: Wednesday, January 13, 2027)",
      "week-02/2027-01-15/facilitator-guide.pdf (Facilitator guide: Friday, January 15, 2027)",
      "week-02/2027-01-15/handouts.pdf (Handouts: Friday, January 15, 2027)",
      "week-02/print-packet.pdf (Print packet: week 2)",
      "journey-cards/start-week-01.pdf (My groups)",
      "journey-cards/start-week-02.pdf (My groups)",
  };
  BOOST_TEST(paths == expected, boost::test_tools::per_element());
  // The packet: per meeting its sign-in sheet once, then each of its handout pages `copies` times;
  // the handout pages are the very pages of the meeting's handouts.pdf.
  const PdfFile& packet = site->pdfs[5];
  const PdfFile& handouts = site->pdfs[2];
  BOOST_REQUIRE(!handouts.parts.empty());
  BOOST_TEST(packet.parts[0].copies == 1);
  BOOST_TEST(site->print_documents[packet.parts[0].document].html.find("Group sign-in sheet") != std::string::npos);
  for (size_t i = 0; i < handouts.parts.size(); ++i) {
    BOOST_TEST(packet.parts[1 + i].document == handouts.parts[i].document);
    BOOST_TEST(packet.parts[1 + i].copies == 3);
    BOOST_TEST(handouts.parts[i].copies == 1);
  }
  // Every page is printed once, with its title, the program and "Page X of Y" around it.
  std::set<std::string> pages;
  for (const auto& document : site->print_documents) pages.insert(document.html);
  BOOST_TEST(pages.size() == site->print_documents.size());
  BOOST_REQUIRE(site->blank_page);
  for (size_t i = 0; i < site->print_documents.size(); ++i) {
    const PrintDocument& document = site->print_documents[i];
    if (i == *site->blank_page) {
      BOOST_TEST(document.html.find("This page is intentionally blank.") != std::string::npos);
      BOOST_TEST(document.header_html.empty());
      continue;
    }
    BOOST_TEST(document.header_html.find("<span>Evening IOP</span>") != std::string::npos);
    BOOST_TEST(document.footer_html.find(R"(Page <span class="pageNumber"></span> of <span class="totalPages"></span>)") !=
               std::string::npos);
  }
  BOOST_TEST(find_file(*site, "index.html")->content.find("href=\"week-01/print-packet.pdf\"") != std::string::npos);
  options.formats = {Format::pdf};
  auto pdf_only = render_fixture(options, diagnostics);
  BOOST_REQUIRE(pdf_only);
  BOOST_TEST(paths_of(*pdf_only) == (std::vector<std::string>{"plan.json", "calendar.ics", "sessions.csv"}),
             boost::test_tools::per_element());
  BOOST_TEST(pdf_only->pdfs.size() == site->pdfs.size());
}

BOOST_AUTO_TEST_CASE(sign_in_sheets_guides_and_journey_cards_may_print_in_batches) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::pdf};
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  std::map<std::string, int> batchable;  // by kind
  for (const auto& document : site->print_documents) {
    size_t body = document.html.find("<body class=\"");
    std::string kind = document.html.substr(body + 13, document.html.find('"', body + 13) - body - 13);
    batchable[kind + (document.batchable ? " batchable" : " alone") + (document.header_boxes ? ", header as boxes" : "")]++;
    if (!document.header_boxes) continue;
    BOOST_TEST(document.header_program == "Evening IOP");
    BOOST_TEST(!document.header_large);
    BOOST_TEST(document.header_html.find("<span>" + document.header_title + "</span>") != std::string::npos);
  }
  std::vector<std::string> counted;
  for (const auto& [kind, count] : batchable) counted.push_back(kind + ": " + std::to_string(count));
  const std::vector<std::string> expected = {"guide batchable, header as boxes: 4", "index alone: 1",
                                             "journey-card batchable: 2", "print-blank alone: 1",
                                             "print-handout fit-tight alone: 5", "print-sign-in batchable, header as boxes: 4"};
  BOOST_TEST(counted == expected, boost::test_tools::per_element());
  // Large print draws the batch header larger, as the header template does.
  options.large_print = true;
  auto large = render_fixture(options, diagnostics);
  BOOST_REQUIRE(large);
  for (const auto& document : large->print_documents) {
    if (document.header_boxes) BOOST_TEST(document.header_large);
  }
}

BOOST_AUTO_TEST_CASE(a_clinics_own_print_header_is_never_drawn_as_margin_boxes) {
  TemplateSet templates = builtin_templates();
  for (auto& file : templates.files) {
    if (file.name == "print-header.html.mustache") {
      file.text = "<div>{{title}} (our clinic)</div>";
      file.overlay = true;
    }
  }
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::pdf};
  auto site = render_site(fixture_plan(), kPlanJson, fixture_library(), fixture_organization(), templates, options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const auto& document : site->print_documents) BOOST_TEST(!document.header_boxes);
}

BOOST_AUTO_TEST_CASE(paper_size_and_large_print_reach_the_print_css) {
  Diagnostics diagnostics;
  auto site = render_fixture({}, diagnostics);
  const std::string normal = find_file(*site, "week-01/print-packet.html")->content;
  BOOST_TEST(normal.find("@page { size: letter;") != std::string::npos);
  BOOST_TEST(normal.find("--base: 12pt;") != std::string::npos);
  RenderOptions options;
  options.paper = Paper::a4;
  options.large_print = true;
  site = render_fixture(options, diagnostics);
  const std::string& large = find_file(*site, "week-01/print-packet.html")->content;
  BOOST_TEST(large.find("@page { size: A4;") != std::string::npos);
  BOOST_TEST(large.find("--base: 16pt;") != std::string::npos);
  // Large print also leaves more room to write.
  BOOST_TEST(occurrences(large, "class=\"write-line\"") == occurrences(normal, "class=\"write-line\"") / 3 * 4);
}

BOOST_AUTO_TEST_CASE(prompts_that_ask_for_a_plan_or_a_list_get_five_lines) {
  BOOST_TEST(writing_lines("My plan for Friday night:", false) == 5);
  BOOST_TEST(writing_lines("Three people I can call, and their numbers:", false) == 5);
  BOOST_TEST(writing_lines("List your early warning signs.", false) == 5);
  BOOST_TEST(writing_lines("The steps I will take when a craving starts", false) == 5);
  BOOST_TEST(writing_lines("How did your body feel during the breathing?", false) == 3);
  BOOST_TEST(writing_lines("What does a planet look like?", false) == 3);  // whole words only
  BOOST_TEST(writing_lines("My plan:", true) == 6);
  BOOST_TEST(writing_lines("One feeling I noticed:", true) == 4);
}

BOOST_AUTO_TEST_CASE(copies_default_to_the_group_size) {
  Diagnostics diagnostics;
  auto site = render_fixture({}, diagnostics);
  const std::string& packet = find_file(*site, "week-01/print-packet.html")->content;
  BOOST_TEST(occurrences(packet, "<h1>Cravings Are Waves</h1>") == 4u);
  BOOST_TEST(find_file(*site, "week-01/plan.html")->content.find("4 copies of each handout") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(handouts_carry_national_crisis_lines_without_an_organization_file) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::html, Format::md};
  options.copies = 1;
  auto site = render_site(fixture_plan(), kPlanJson, fixture_library(), Organization{}, builtin_templates(), options,
                          diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const auto& file : site->files) {
    bool handouts = file.path.find("handouts.") != std::string::npos || file.path.find("print-packet") != std::string::npos;
    if (!handouts) continue;
    BOOST_TEST_CONTEXT(file.path) {
      size_t count = occurrences(file.content, "Handout from today") + occurrences(file.content, "handout from today");
      BOOST_TEST(count > 0u);
      // Every handout (every copy) carries all three.
      BOOST_TEST(occurrences(file.content, "988 Suicide &amp; Crisis Lifeline: Call or text 988") +
                     occurrences(file.content, "988 Suicide & Crisis Lifeline: Call or text 988") ==
                 count);
      BOOST_TEST(occurrences(file.content, "SAMHSA National Helpline: 1-800-662-4357") == count);
      BOOST_TEST(occurrences(file.content, "Free, confidential, 24/7, in English and Spanish") == count);
      BOOST_TEST(occurrences(file.content, "Emergencies: Call 911") == count);
      BOOST_TEST(file.content.find("Intensive Outpatient Program") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(spanish_handouts_are_written_beside_the_english_ones) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.languages = {"en", "es"};
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const char* path : {"week-01/2027-01-04/handouts.html", "week-01/2027-01-04/handouts.md",
                           "week-01/2027-01-04/handouts.es.html", "week-01/2027-01-04/handouts.es.md",
                           "week-02/2027-01-15/handouts.es.html"}) {
    BOOST_TEST(find_file(*site, path) != nullptr, path);
  }
  BOOST_TEST(find_file(*site, "week-01/2027-01-04/facilitator-guide.es.html") == nullptr);  // guides stay English
  BOOST_TEST(site->documents == 26 + 8 + 8);

  const std::string& es = find_file(*site, "week-01/2027-01-04/handouts.es.html")->content;
  BOOST_TEST(es.find("<html lang=\"es\">") != std::string::npos);
  BOOST_TEST(es.find("<title>Hojas informativas: lunes, 4 de enero de 2027 · Riverside Recovery Center</title>") !=
             std::string::npos);
  BOOST_TEST(es.find("<article class=\"sheet handout track-0\" lang=\"es\">") != std::string::npos);
  BOOST_TEST(es.find("<h1>Los antojos son olas</h1>") != std::string::npos);
  BOOST_TEST(es.find("Hoja informativa del grupo de hoy, “Notar los antojos” · lunes, 4 de enero de 2027") !=
             std::string::npos);
  BOOST_TEST(es.find("<h2>Recuerde</h2>") != std::string::npos);
  BOOST_TEST(es.find("<h2>Su turno</h2>") != std::string::npos);
  BOOST_TEST(es.find("<h2>Antes del próximo grupo</h2>") != std::string::npos);
  BOOST_TEST(es.find("<strong>Si necesita ayuda ahora mismo</strong>") != std::string::npos);
  BOOST_TEST(es.find("Línea 988 de Prevención del Suicidio y Crisis: Llame al 988 y marque 2 para español, o envíe "
                     "la palabra AYUDA por texto al 988") != std::string::npos);
  BOOST_TEST(es.find("Línea Nacional de Ayuda de SAMHSA: 1-800-662-4357</strong>. Gratis, confidencial, las 24 "
                     "horas, todos los días, en inglés y en español.") != std::string::npos);
  BOOST_TEST(es.find("Emergencias: Llame al 911") != std::string::npos);
  BOOST_TEST(es.find("<strong>Confidencialidad.</strong>") != std::string::npos);
  BOOST_TEST(es.find("Remember") == std::string::npos);
  BOOST_TEST(es.find("If you need help") == std::string::npos);

  const std::string& es_md = find_file(*site, "week-01/2027-01-04/handouts.es.md")->content;
  BOOST_TEST(es_md.find("# Hojas informativas: lunes, 4 de enero de 2027") != std::string::npos);
  BOOST_TEST(es_md.find("### Recuerde") != std::string::npos);
  BOOST_TEST(es_md.find("**Si necesita ayuda ahora mismo**") != std::string::npos);

  const std::string& en = find_file(*site, "week-01/2027-01-04/handouts.html")->content;
  BOOST_TEST(en.find("<html lang=\"en\">") != std::string::npos);
  BOOST_TEST(en.find("<h1>Cravings Are Waves</h1>") != std::string::npos);
  BOOST_TEST(en.find("Monday, January 4, 2027") != std::string::npos);

  const std::string& guide = find_file(*site, "week-01/2027-01-04/facilitator-guide.html")->content;
  BOOST_TEST(guide.find("<html lang=\"en\">") != std::string::npos);
  BOOST_TEST(guide.find("<p>Handout languages: English, Spanish.</p>") != std::string::npos);
  BOOST_TEST(guide.find("<a href=\"handouts.es.html\">in Spanish</a>") != std::string::npos);
  const std::string& week = find_file(*site, "week-01/plan.html")->content;
  BOOST_TEST(week.find("<a href=\"2027-01-04/handouts.es.html\">Handouts in Spanish</a>") != std::string::npos);
  BOOST_TEST(week.find("4 English and 4 Spanish copies of each handout") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_spanish_only_build_links_its_spanish_handouts) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.languages = {"es"};
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  BOOST_TEST(find_file(*site, "week-01/2027-01-04/handouts.html") == nullptr);
  BOOST_TEST(find_file(*site, "week-01/2027-01-04/handouts.es.html") != nullptr);
  const std::string& packet = find_file(*site, "week-01/print-packet.html")->content;
  BOOST_TEST(packet.find("<h1>Hoja de asistencia del grupo</h1>") != std::string::npos);
  BOOST_TEST(packet.find("<th scope=\"row\">Temas</th><td>Lo básico del sueño; Decir que no a una oferta</td>") !=
             std::string::npos);
  BOOST_TEST(packet.find("<td>miércoles, 6 de enero de 2027, 6:00 p. m. – 7:30 p. m.</td>") != std::string::npos);
  BOOST_TEST(packet.find("<span>Semana 1 · paquete para imprimir</span>") != std::string::npos);
  BOOST_TEST(find_file(*site, "index.html")->content.find("week-01/2027-01-04/handouts.es.html") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(print_packets_hold_each_language_with_its_own_copies) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.languages = {"en", "es"};
  options.copies = 3;
  options.copies_by_language = {{"es", 2}};
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  const std::string& packet = find_file(*site, "week-01/print-packet.html")->content;
  BOOST_TEST(occurrences(packet, "<h1>Group sign-in sheet</h1>") == 2u);  // the first language's
  BOOST_TEST(occurrences(packet, "<h1>Cravings Are Waves</h1>") == 3u);
  BOOST_TEST(occurrences(packet, "<h1>Los antojos son olas</h1>") == 2u);
  BOOST_TEST(occurrences(packet, "lang=\"es\">") == 2u * 3u);  // three Spanish handouts, two copies each
  // The English section comes first, then the Spanish one, in every meeting.
  BOOST_TEST(packet.rfind("<h1>Cravings Are Waves</h1>") < packet.find("<h1>Los antojos son olas</h1>"));
  BOOST_TEST(packet.find("Hoja informativa del grupo de hoy, “Notar los antojos” · lunes, 4 de enero de 2027") !=
             std::string::npos);
  BOOST_TEST(find_file(*site, "week-01/plan.html")->content.find("3 English and 2 Spanish copies of each handout") !=
             std::string::npos);
}

// Issue 12 on top of issue 13: a one-copy handout PDF per meeting and language, Spanish pages with
// Spanish headers and footers, and packets that hold each language's pages with its own copies.
BOOST_AUTO_TEST_CASE(pdfs_carry_each_handout_language) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::pdf};
  options.languages = {"en", "es"};
  options.copies = 3;
  options.copies_by_language = {{"es", 2}};
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  auto pdf_at = [&](const std::string& path) -> const PdfFile* {
    for (const auto& pdf : site->pdfs) {
      if (pdf.path == path) return &pdf;
    }
    return nullptr;
  };
  const PdfFile* english = pdf_at("week-01/2027-01-04/handouts.pdf");
  const PdfFile* spanish = pdf_at("week-01/2027-01-04/handouts.es.pdf");
  const PdfFile* packet = pdf_at("week-01/print-packet.pdf");
  BOOST_REQUIRE(english && spanish && packet);
  BOOST_TEST(english->language == "en");
  BOOST_TEST(spanish->language == "es");
  BOOST_TEST(packet->language == "en");
  BOOST_TEST(spanish->title == "Hojas informativas: lunes, 4 de enero de 2027");
  BOOST_REQUIRE(spanish->parts.size() == english->parts.size());
  const PrintDocument& page = site->print_documents[spanish->parts[0].document];
  BOOST_TEST(page.html.find("<html lang=\"es\">") != std::string::npos);
  BOOST_TEST(page.html.find("<h1>Los antojos son olas</h1>") != std::string::npos);
  BOOST_TEST(page.html.find("lunes, 4 de enero de 2027") != std::string::npos);
  BOOST_TEST(page.header_html.find("<span>Los antojos son olas</span>") != std::string::npos);
  BOOST_TEST(page.footer_html.find(R"(Página <span class="pageNumber"></span> de <span class="totalPages"></span>)") !=
             std::string::npos);
  // The packet: the sign-in sheet, the English handouts 3 times each, then the Spanish ones twice.
  auto part_text = [](size_t document, int copies) { return std::to_string(document) + " x" + std::to_string(copies); };
  std::vector<std::string> want = {part_text(packet->parts[0].document, 1)};
  for (const auto& part : english->parts) want.push_back(part_text(part.document, 3));
  for (const auto& part : spanish->parts) want.push_back(part_text(part.document, 2));
  std::vector<std::string> got;
  for (size_t i = 0; i < want.size() && i < packet->parts.size(); ++i) {
    got.push_back(part_text(packet->parts[i].document, packet->parts[i].copies));
  }
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(site->print_documents[packet->parts[0].document].html.find("<h1>Group sign-in sheet</h1>") !=
             std::string::npos);
}

// --undated: a module's handout is one printed page however many meetings use it.
BOOST_AUTO_TEST_CASE(undated_handouts_are_printed_once) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::pdf};
  options.undated = true;
  auto site = render_fixture(options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  std::set<size_t> handout_pages;
  size_t placed = 0;
  for (const auto& pdf : site->pdfs) {
    if (pdf.path.find("/handouts.pdf") == std::string::npos) continue;
    for (const auto& part : pdf.parts) {
      handout_pages.insert(part.document);
      ++placed;
    }
  }
  BOOST_TEST(placed > handout_pages.size());  // some module is handed out at two meetings
  for (size_t page : handout_pages) {
    BOOST_TEST(site->print_documents[page].html.find("2027") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_module_without_a_translation_stops_a_build_that_prints_its_language) {
  Library library = fixture_library();
  for (auto& m : library.modules) {
    if (m.id == "saying-no" || m.id == "sleep-basics") m.translations.clear();
  }
  Diagnostics diagnostics;
  RenderOptions options;
  options.languages = {"en", "es"};
  auto site = render_site(fixture_plan(), kPlanJson, library, fixture_organization(), builtin_templates(), options,
                          diagnostics);
  BOOST_TEST(!site);
  std::string root = source_path("tests/render/fixtures/library");
  BOOST_TEST(diagnostics_text(diagnostics) ==
             root + "/wellness/sleep-basics.toml:1:6: error: 'sleep-basics' has no Spanish handout, and this build "
                    "prints es handouts (first on 2027-01-06); write " + root +
                    "/wellness/sleep-basics.es.toml or leave es out\n" +
             root + "/coping-skills/saying-no.toml:1:6: error: 'saying-no' has no Spanish handout, and this build "
                    "prints es handouts (first on 2027-01-06); write " + root +
                    "/coping-skills/saying-no.es.toml or leave es out\n");
}

BOOST_AUTO_TEST_CASE(copies_for_a_language_the_build_does_not_print_are_a_usage_error) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.copies_by_language = {{"es", 2}};
  BOOST_TEST(!render_fixture(options, diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) ==
             "error: copies are given for 'es', but this build prints handouts in en only\n");
  BOOST_TEST(has_error_of(diagnostics, Kind::usage));
}

BOOST_AUTO_TEST_CASE(two_builds_are_identical) {
  Diagnostics diagnostics;
  auto first = render_fixture({}, diagnostics);
  auto second = render_fixture({}, diagnostics);
  BOOST_REQUIRE(first && second);
  BOOST_REQUIRE(first->files.size() == second->files.size());
  for (size_t i = 0; i < first->files.size(); ++i) {
    BOOST_TEST(first->files[i].path == second->files[i].path);
    BOOST_TEST((first->files[i].content == second->files[i].content), first->files[i].path);
  }
}

BOOST_AUTO_TEST_CASE(a_second_meeting_on_one_day_gets_its_own_folder) {
  Plan plan = fixture_plan();
  Meeting morning = plan.meetings[0];
  morning.start -= 600;
  morning.end -= 600;
  for (auto& block : morning.blocks) block.start -= 600;
  plan.meetings.insert(plan.meetings.begin(), morning);
  Diagnostics diagnostics;
  auto site = render_site(plan, kPlanJson, fixture_library(), fixture_organization(), builtin_templates(), {},
                          diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  BOOST_TEST(find_file(*site, "week-01/2027-01-04/facilitator-guide.html") != nullptr);
  BOOST_TEST(find_file(*site, "week-01/2027-01-04-2/facilitator-guide.html") != nullptr);
  // Two meetings on one weekday: calendar columns become the week's first, second, ... day.
  BOOST_TEST(find_file(*site, "index.md")->content.find("| Week | Day 1 | Day 2 | Day 3 | Hours |") !=
             std::string::npos);
}

// With groups, each weekday has a column per group, named with its time, and a closed day fills
// every column of its weekday.
BOOST_AUTO_TEST_CASE(with_groups_the_calendar_has_a_column_per_weekday_and_group) {
  Plan plan = fixture_plan();
  plan.groups = {{"early", "Early group"}, {"main", "Main group"}};
  std::vector<Meeting> meetings;
  for (Meeting meeting : plan.meetings) {
    meeting.group = "main";
    Meeting early = meeting;
    early.group = "early";
    early.start -= 600;
    early.end -= 600;
    for (auto& block : early.blocks) block.start -= 600;
    meetings.push_back(early);
    meetings.push_back(meeting);
  }
  plan.meetings = meetings;
  BOOST_REQUIRE(!plan.skipped.empty());
  Diagnostics diagnostics;
  auto site = render_site(plan, kPlanJson, fixture_library(), fixture_organization(), builtin_templates(), {},
                          diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  const std::string& md = find_file(*site, "index.md")->content;
  std::string early = clock_time(plan.meetings[0].start), main = clock_time(plan.meetings[1].start);
  std::string day = weekday_name(weekday_of(plan.meetings[0].date));
  BOOST_TEST(md.find("| Week | " + day + " " + early + ": Early group | " + day + " " + main + ": Main group |") !=
             std::string::npos, md.substr(0, 2000));
  std::string skipped_day = weekday_name(weekday_of(plan.skipped[0].date));
  std::string closed = "**" + short_date(plan.skipped[0].date) + "** no group:";
  size_t first = md.find(closed), second = first == std::string::npos ? first : md.find(closed, first + 1);
  BOOST_TEST((second != std::string::npos), "the closed " << skipped_day << " shows in both of its columns");
}

BOOST_AUTO_TEST_CASE(names_folders_and_default_output) {
  BOOST_TEST(week_folder(3) == "week-03");
  BOOST_TEST(week_folder(52) == "week-52");
  BOOST_TEST(week_folder(104) == "week-104");
  BOOST_TEST(default_output_dir(fixture_plan()) == "output/evening-iop-2027-01-04");
}

BOOST_AUTO_TEST_CASE(markup_and_mustache_in_content_print_as_visible_text_in_every_document) {
  Library library = nasty_library();
  Organization org;
  org.name = "Org " + kNasty;
  org.crisis_lines = {{"Line " + kNasty, "Contact " + kNasty, "Note " + kNasty}};
  org.group_agreement = "Agreement " + kNasty;
  RenderOptions options;
  options.formats = {Format::html, Format::md, Format::pdf};
  Diagnostics diagnostics;
  auto site = render_site(nasty_plan(), kPlanJson, library, org, builtin_templates(), options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  std::vector<OutputFile> documents = site->files;
  for (const auto& document : site->print_documents) {
    // The one script a printed page may hold is the handout's own fitting script, which ends the body.
    size_t script = document.html.find("<script");
    BOOST_TEST((script == std::string::npos || (document.html.find("<script", script + 1) == std::string::npos &&
                                                 document.html.compare(script, 18, "<script>\n// Paper-") == 0)));
    BOOST_TEST(document.html.find("<script>alert") == std::string::npos);
    BOOST_TEST(document.header_html.find("<script") == std::string::npos);
    if (!document.header_html.empty()) {
      BOOST_TEST(visible_html(document.header_html).find("Program " + kNasty) != std::string::npos);
    }
  }
  // What each kind of document must show, plain strings and Markdown fields alike.
  std::map<std::string, std::vector<std::string>> shown = {
      {"index", {"Org", "Program", "Title", "Reason", "Warning", "Track"}},
      {"plan", {"Title", "Material", "Slot", "Check-in"}},
      {"summary", {"Org", "Title", "Goal"}},
      {"journey-card", {"Org", "Program"}},
      {"facilitator-guide", {"Summary", "Objective", "Segment", "Point", "Activity", "Step", "Question", "Safety",
                             "Trauma", "Newcomers", "Homework", "Author", "Check-in", "Line", "Note", "Guidance",
                             "Agreement"}},
      {"handouts", {"Handout", "Body", "Key", "Prompt", "Homework", "Line", "Contact"}},
      {"print-packet", {"Handout", "Body", "Key", "Prompt", "Homework", "Line", "Title"}},
  };
  int checked = 0;
  for (const auto& file : documents) {
    if (file.path == "plan.json" || file.path == "calendar.ics" || file.path == "sessions.csv") continue;
    bool html = file.path.find(".md") == std::string::npos;
    std::string kind = file.path.substr(file.path.rfind('/') + 1);
    kind = file.path.starts_with("journey-cards/") ? "journey-card" : kind.substr(0, kind.find('.'));
    BOOST_TEST_CONTEXT(file.path) {
      BOOST_REQUIRE(shown.count(kind));
      std::string text = html ? visible_html(file.content) : visible_markdown(file.content);
      for (const auto& field : shown[kind]) BOOST_TEST(text.find(field + " " + kNasty) != std::string::npos, field);
      // Body's second paragraph is a raw HTML block on its own.
      if (kind == "handouts" || kind == "print-packet") BOOST_TEST(text.find("\n" + kNasty) != std::string::npos);
      if (html) {
        BOOST_TEST(file.content.find("<script") == std::string::npos);
        BOOST_TEST(file.content.find("&lt;script&gt;alert(1)&lt;/script&gt; {{#x}}") != std::string::npos);
      }
    }
    ++checked;
  }
  BOOST_TEST(checked == 13);  // 2 index, 2 summaries, 2 week plans, 2 guides, 2 handouts, packet html, 2 journey cards
}

BOOST_AUTO_TEST_CASE(a_journey_card_per_start_week_and_language_lists_the_stay_week_by_week) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.formats = {Format::html, Format::md, Format::pdf};
  options.languages = {"en", "es"};
  auto site = render_journeys(plan_with_journeys(), options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const char* path : {"journey-cards/start-week-01.html", "journey-cards/start-week-01.md",
                           "journey-cards/start-week-01.es.html", "journey-cards/start-week-01.es.md",
                           "journey-cards/start-week-02.html", "journey-cards/start-week-02.es.md"}) {
    BOOST_TEST(find_file(*site, path) != nullptr, path);
  }
  // Weeks count from the start week's Monday (Jan 11); Jan 18 is round 2 of the rotation.
  std::string md = visible_markdown(find_file(*site, "journey-cards/start-week-02.md")->content);
  BOOST_TEST(md.find("# My groups\n\nCard for start week 2. First group: Wednesday, January 13, 2027.\n\n"
                     "These are the groups you will go to in this program. Check a box after each group.\n\n"
                     "**My start date:** ____________________\n\n"
                     "## Week 1\n\n- [ ] Wed: Noticing Cravings\n- [ ] Fri: Sleep Basics\n\n"
                     "## Week 2\n\n- [ ] Mon: Noticing Cravings\n- [ ] Wed: Sleep Basics; Saying No to an Offer\n") !=
                 std::string::npos,
             md);
  BOOST_TEST(md.find("988") != std::string::npos);
  BOOST_TEST(md.find("1-800-662-4357") != std::string::npos);

  std::string es = find_file(*site, "journey-cards/start-week-02.es.html")->content;
  BOOST_TEST(es.find("<html lang=\"es\">") != std::string::npos);
  std::string seen = visible_html(es);
  BOOST_TEST(seen.find("Mis grupos") != std::string::npos);
  BOOST_TEST(seen.find("Tarjeta para la semana de inicio 2. Primer grupo: miércoles, 13 de enero de 2027.") !=
             std::string::npos);
  BOOST_TEST(seen.find("Mi fecha de inicio:") != std::string::npos);
  BOOST_TEST(seen.find("Semana 2") != std::string::npos);
  BOOST_TEST(seen.find("mié.: Lo básico del sueño; Decir que no a una oferta") != std::string::npos, seen);
  BOOST_TEST(seen.find("Riverside Recovery Center") != std::string::npos);
  BOOST_TEST(seen.find("1-800-662-4357") != std::string::npos);
  BOOST_TEST(occurrences(es, "<span class=\"box\"") == 4u);
  BOOST_TEST(occurrences(es, "group\">") == 0u);  // one group: no group names

  // Every card prints, from its own HTML.
  std::vector<std::string> pdfs;
  for (const auto& pdf : site->pdfs) {
    if (pdf.path.rfind("journey-cards/", 0) != 0) continue;
    pdfs.push_back(pdf.path);
    std::string html_path = pdf.path.substr(0, pdf.path.size() - 4) + ".html";
    BOOST_REQUIRE_EQUAL(pdf.parts.size(), 1u);
    BOOST_TEST(site->print_documents[pdf.parts[0].document].html == find_file(*site, html_path)->content, pdf.path);
    BOOST_TEST(pdf.language == (pdf.path.ends_with(".es.pdf") ? "es" : "en"));
  }
  BOOST_TEST(pdfs == (std::vector<std::string>{"journey-cards/start-week-01.pdf", "journey-cards/start-week-01.es.pdf",
                                               "journey-cards/start-week-02.pdf", "journey-cards/start-week-02.es.pdf"}),
             boost::test_tools::per_element());

  // The index links each card in each language, and its PDF.
  const std::string& index = find_file(*site, "index.html")->content;
  BOOST_TEST(index.find("<li>Start week 2 (Wednesday, January 13, 2027, 4 sessions): "
                        "<a href=\"journey-cards/start-week-02.html\">English</a> "
                        "(<a href=\"journey-cards/start-week-02.pdf\">PDF</a>) · "
                        "<a href=\"journey-cards/start-week-02.es.html\">Spanish</a> "
                        "(<a href=\"journey-cards/start-week-02.es.pdf\">PDF</a>)</li>") != std::string::npos);
  BOOST_TEST(find_file(*site, "index.md")->content.find("[English](journey-cards/start-week-01.md)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_week_build_leaves_journey_cards_out) {
  Diagnostics diagnostics;
  RenderOptions options;
  options.only_week = 1;
  auto site = render_journeys(plan_with_journeys(), options, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const auto& path : paths_of(*site)) BOOST_TEST(path.rfind("journey-cards/", 0) != 0, path);
  BOOST_TEST(find_file(*site, "index.html")->content.find("journey-cards/") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_journey_card_names_the_group_when_the_plan_has_several) {
  Plan plan = plan_with_journeys();
  plan.groups = {{"day", "Day group"}, {"night", "Night group"}};
  plan.journeys[1].attended[0].group = "day";
  plan.journeys[1].attended[1].group = "night";
  Diagnostics diagnostics;
  auto site = render_journeys(plan, {}, diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  std::string md = visible_markdown(find_file(*site, "journey-cards/start-week-02.md")->content);
  BOOST_TEST(md.find("- [ ] Wed: Day group: Noticing Cravings\n- [ ] Fri: Night group: Sleep Basics\n") !=
                 std::string::npos,
             md);
}

BOOST_AUTO_TEST_SUITE_END()
