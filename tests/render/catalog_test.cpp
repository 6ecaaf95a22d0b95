// The library catalog: its files, escaping of everything an author writes, and determinism.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "iopplan/render/catalog.hpp"
#include "iopplan/render/prerequisite_graph.hpp"
#include "render/fixtures.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;

namespace {

std::vector<std::string> paths(const Site& site) {
  std::vector<std::string> out;
  for (const auto& file : site.files) out.push_back(file.path);
  return out;
}

const OutputFile* file_named(const Site& site, const std::string& path) {
  for (const auto& file : site.files) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog)

BOOST_AUTO_TEST_CASE(writes_index_module_pages_coverage_and_programs) {
  AnchorMap anchors{"lib/COVERAGE.md", {{"nida-cbt", "NIDA CBT", {{"nida-cbt:coping-with-craving", "Coping with craving",
                                                                     "noticing-cravings", ""},
                                                                    {"nida-cbt:hiv", "HIV risk", "", "not covered: elsewhere"}}}}};
  Diagnostics out;
  auto site = render_catalog(fixture_library(), {}, fixture_organization(), anchors, builtin_templates(), out);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(out));
  auto names = paths(*site);
  for (const char* expected : {"index.html", "modules/noticing-cravings.html", "modules/saying-no.html",
                               "modules/sleep-basics.html", "coverage.html", "programs.html"}) {
    BOOST_TEST((std::find(names.begin(), names.end(), expected) != names.end()), expected);
  }
  const std::string& index = file_named(*site, "index.html")->content;
  BOOST_TEST(index.find("<tr data-track=\"coping-skills\"") != std::string::npos);
  BOOST_TEST(index.find("<option value=\"wellness\">Wellness</option>") != std::string::npos);
  BOOST_TEST(index.find("href=\"modules/saying-no.html\"") != std::string::npos);
  const std::string& coverage = file_named(*site, "coverage.html")->content;
  BOOST_TEST(coverage.find("1 of 2 covered") != std::string::npos);
  BOOST_TEST(coverage.find("not covered: elsewhere") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(author_text_is_escaped_everywhere) {
  Diagnostics out;
  auto site = render_catalog(nasty_library(), {}, Organization{}, std::nullopt, builtin_templates(), out);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(out));
  for (const auto& file : site->files) {
    if (file.path.ends_with(".svg")) continue;
    BOOST_TEST_CONTEXT(file.path) {
      BOOST_TEST(file.content.find("<script>alert") == std::string::npos);
    }
  }
  const std::string& page = file_named(*site, "modules/nasty.html")->content;
  BOOST_TEST(page.find("Title &lt;script&gt;alert(1)&lt;/script&gt; {{#x}}") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(program_pages_show_a_fixed_blocks_guidance_as_safe_markdown) {
  Program program;
  program.id = "evening";
  program.name = "Evening";
  Block group;
  group.activity = "Process group";
  group.minutes = 60;
  group.guidance = "Keep it **here and now**. " + kNasty;
  Block topic;
  topic.slot = "Topic";
  topic.minutes = 60;
  program.blocks = {group, topic};
  Diagnostics out;
  auto site = render_catalog(fixture_library(), {program}, Organization{}, std::nullopt, builtin_templates(), out);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(out));
  const std::string& page = file_named(*site, "programs.html")->content;
  BOOST_TEST(page.find("<li>Process group (60 min)\n    <details class=\"guidance\"><summary>Guidance for facilitators</summary>\n"
                       "<p>Keep it <strong>here and now</strong>. &lt;script&gt;alert(1)&lt;/script&gt; {{#x}}</p>\n") !=
             std::string::npos);
  BOOST_TEST(page.find("<li>Topic (60 min): a content slot</li>") != std::string::npos);
  BOOST_TEST(page.find("<script>alert") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_library_gives_the_same_bytes) {
  Diagnostics out;
  auto a = render_catalog(fixture_library(), {}, fixture_organization(), std::nullopt, builtin_templates(), out);
  auto b = render_catalog(fixture_library(), {}, fixture_organization(), std::nullopt, builtin_templates(), out);
  BOOST_REQUIRE(a && b);
  BOOST_REQUIRE(a->files.size() == b->files.size());
  for (size_t i = 0; i < a->files.size(); ++i) BOOST_TEST(a->files[i].content == b->files[i].content, a->files[i].path);
}

BOOST_AUTO_TEST_CASE(dot_labels_are_escaped) {
  Library library = fixture_library();
  library.modules[1].prerequisites = {library.modules[0].id};
  library.modules[0].title = "Say \"no\" \\ now";
  std::string dot = prerequisite_dot(library);
  BOOST_TEST(dot.find("label=\"Say \\\"no\\\" \\\\ now\"") != std::string::npos, dot);
  BOOST_TEST(dot.find("\"" + library.modules[0].id + "\" -> \"" + library.modules[1].id + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
