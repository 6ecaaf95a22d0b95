#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "iopplan/render/output_format.hpp"
#include "iopplan/render/templates.hpp"
#include "render/fixtures.hpp"
#include "render/template_engine.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;
namespace fs = std::filesystem;

namespace {

// The built-in templates under "builtin/", so tests can add a clinic's "clinic/" folder beside them.
MemoryFileSource with_builtin() {
  MemoryFileSource files;
  fs::path root = source_path("templates");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files.add("builtin/" + fs::relative(entry.path(), root).generic_string(), read_text(entry.path()));
    }
  }
  return files;
}

std::string load_errors(MemoryFileSource& files, const std::string& overlay = "clinic") {
  Diagnostics diagnostics;
  auto set = load_templates(files, "builtin", overlay, diagnostics);
  BOOST_TEST(set.has_value() == !has_errors(diagnostics));
  return diagnostics_text(diagnostics);
}

// The built-in set with the clinic's overlay; the test stops when it has errors.
TemplateSet load_overlay(MemoryFileSource& files) {
  Diagnostics diagnostics;
  auto set = load_templates(files, "builtin", "clinic", diagnostics);
  BOOST_REQUIRE_MESSAGE(set && diagnostics.empty(), diagnostics_text(diagnostics));
  return *set;
}

std::string render(const std::string& name, const std::string& text, const MustacheData& data) {
  TemplateSet set;
  set.files.push_back({name, name, text});
  TemplateRenderer renderer(set, RenderLimits{});
  Diagnostics diagnostics;
  auto out = renderer.render(name, data, diagnostics);
  BOOST_REQUIRE_MESSAGE(out, diagnostics_text(diagnostics));
  return *out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(builtin_templates_cover_every_output_format) {
  TemplateSet set = builtin_templates();
  for (const auto& format : output_formats()) {
    BOOST_TEST(find_template(set, format.template_name) != nullptr, format.template_name);
  }
  BOOST_TEST(find_template(set, "partials/footer.html.mustache") != nullptr);
  BOOST_TEST(find_template(set, "partials/footer.md.mustache") != nullptr);
}

BOOST_AUTO_TEST_CASE(overlay_replaces_files_one_by_one) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/partials/header.html.mustache", "<header>{{org.name}}, our way</header>\n");
  TemplateSet set = load_overlay(files);
  BOOST_TEST(find_template(set, "partials/header.html.mustache")->path == "clinic/partials/header.html.mustache");
  BOOST_TEST(find_template(set, "index.html.mustache")->path == "builtin/index.html.mustache");
  BOOST_TEST(find_template(set, "partials/header.html.mustache")->overlay);
  BOOST_TEST(!find_template(set, "index.html.mustache")->overlay);
}

BOOST_AUTO_TEST_CASE(overlay_may_add_partials_of_its_own) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/partials/logo.html.mustache", "<img alt=\"\" src=\"logo.png\">\n");
  files.add("clinic/partials/header.html.mustache", "<header>{{> logo}} {{org.name}}</header>\n");
  BOOST_TEST(load_errors(files) == "");
}

BOOST_AUTO_TEST_CASE(syntax_errors_name_the_file_line_and_column) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/index.html.mustache", "<h1>{{title}}</h1>\n<ul>\n  {{#weeks}}<li>{{number}}</li>\n</ul>\n");
  BOOST_TEST(load_errors(files) ==
             "clinic/index.html.mustache:3:3: error: section is never closed: \"weeks\"\n");
}

BOOST_AUTO_TEST_CASE(every_kind_of_syntax_error_has_a_position) {
  struct Case {
    std::string text;
    std::string want;
  };
  std::vector<Case> cases = {
      {"a\nb {{title\n", "t.html.mustache:2:3: error: tag is never closed (no closing delimiter)"},
      {"one\n\n   {{/x}}", "t.html.mustache:3:4: error: closing tag for a section that was never opened: \"x\""},
      {"{{=<% %>=}}\n<%#a%>\n", "t.html.mustache:2:1: error: section is never closed: \"a\""},
      {"x {{= bad=}}", "t.html.mustache:1:3: error: invalid set-delimiter tag"},
  };
  for (const auto& c : cases) {
    auto error = template_syntax_error("t.html.mustache", c.text);
    BOOST_REQUIRE(error);
    BOOST_TEST(format_diagnostic(*error) == c.want);
  }
  BOOST_TEST(!template_syntax_error("t", "{{#a}}{{b}}{{/a}} {{{c}}} {{! note}}"));
}

BOOST_AUTO_TEST_CASE(a_missing_partial_is_an_error_at_its_tag) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/week-plan.html.mustache", "{{> head}}\n<body>\n  {{> footr}}\n</body>\n");
  BOOST_TEST(load_errors(files) ==
             "clinic/week-plan.html.mustache:3:3: error: partial 'footr' not found: there is no "
             "partials/footr.html.mustache; did you mean 'footer'?\n");
}

BOOST_AUTO_TEST_CASE(markdown_templates_use_markdown_partials) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/index.md.mustache", "{{> style}}\n");  // style is an html-only partial
  BOOST_TEST(load_errors(files) ==
             "clinic/index.md.mustache:1:1: error: partial 'style' not found: there is no "
             "partials/style.md.mustache\n");
}

BOOST_AUTO_TEST_CASE(partial_cycles_are_reported_as_a_path) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/partials/header.html.mustache", "<header>{{> banner}}</header>\n");
  files.add("clinic/partials/banner.html.mustache", "<div>\n{{> header}}</div>\n");
  BOOST_TEST(load_errors(files) ==
             "clinic/partials/banner.html.mustache:2:1: error: partial cycle: partials/header.html.mustache -> "
             "partials/banner.html.mustache -> partials/header.html.mustache\n");
}

BOOST_AUTO_TEST_CASE(unknown_overlay_templates_are_warned_about) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/indx.html.mustache", "<p>{{title}}</p>\n");
  files.add("clinic/notes.txt", "not a template");
  BOOST_TEST(load_errors(files) ==
             "clinic/indx.html.mustache: warning: not used: iopplan has no template named 'indx.html.mustache'; "
             "did you mean 'index.html.mustache'?\n");
}

BOOST_AUTO_TEST_CASE(missing_folders_and_templates_are_errors) {
  MemoryFileSource files = with_builtin();
  BOOST_TEST(load_errors(files, "nowhere") == "nowhere: error: templates folder not found\n");
  MemoryFileSource partial_set;
  partial_set.add("builtin/index.html.mustache", "<p>{{title}}</p>\n");
  std::string errors = load_errors(partial_set, "");
  BOOST_TEST(errors.find("builtin/handouts.md.mustache: error: missing template\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_language_has_a_strings_table_with_the_same_keys) {
  TemplateSet set = builtin_templates();
  BOOST_REQUIRE(set.strings.size() == 2u);
  BOOST_TEST(set.strings.at("en").at("crisis.heading") == "If you need help right now");
  BOOST_TEST(set.strings.at("es").at("crisis.heading") == "Si necesita ayuda ahora mismo");
  BOOST_TEST(set.strings.at("es").at("crisis.lifeline_contact") ==
             "Llame al 988 y marque 2 para español, o envíe la palabra AYUDA por texto al 988");
  BOOST_TEST(set.strings.at("es").at("crisis.helpline_contact") == "1-800-662-4357");
  BOOST_TEST(set.strings.at("es").at("crisis.emergency_contact") == "Llame al 911");
  for (const auto& [key, unused] : set.strings.at("en")) BOOST_TEST(set.strings.at("es").count(key) == 1u, key);
  BOOST_TEST(set.strings.at("en").size() == set.strings.at("es").size());
}

BOOST_AUTO_TEST_CASE(a_clinic_overrides_strings_key_by_key) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/strings/es.toml", "[crisis]\nheading = \"¿Necesita ayuda ya?\"\n");
  TemplateSet set = load_overlay(files);
  BOOST_TEST(set.strings.at("es").at("crisis.heading") == "¿Necesita ayuda ya?");
  BOOST_TEST(set.strings.at("es").at("crisis.label") == "Recursos para crisis");  // the rest stays built-in
  BOOST_TEST(set.strings.at("en").at("crisis.heading") == "If you need help right now");
}

BOOST_AUTO_TEST_CASE(strings_problems_are_reported_at_their_line) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/strings/es.toml", "[crisis]\nhedding = \"Ayuda\"\nlabel = 3\n[sign_in]\nheading = \"\"\n");
  files.add("clinic/strings/fr.toml", "[crisis]\nheading = \"Aide\"\n");
  BOOST_TEST(load_errors(files) ==
             "clinic/strings/es.toml:3:9: error: 'crisis.label' must be a string, not an integer\n"
             "clinic/strings/es.toml:5:11: error: 'sign_in.heading' must not be empty\n"
             "clinic/strings/es.toml:2:11: error: unknown string 'crisis.hedding'; did you mean 'crisis.heading'?\n"
             "clinic/strings/fr.toml: warning: not used: there is no language 'fr'; the languages are en (English) "
             "and es (Spanish)\n");
}

BOOST_AUTO_TEST_CASE(a_builtin_strings_table_needs_every_key_of_english) {
  MemoryFileSource files = with_builtin();
  files.add("builtin/strings/es.toml", "[crisis]\nheading = \"Ayuda\"\nheadng = \"x\"\n");
  std::string errors = load_errors(files, "");
  BOOST_TEST(errors.find("builtin/strings/es.toml:3:10: error: unknown string 'crisis.headng'; did you mean "
                         "'crisis.heading'?\n") != std::string::npos, errors);
  BOOST_TEST(errors.find("builtin/strings/es.toml: error: missing string 'sign_in.time_out' (en.toml has it)\n") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(finds_partials_after_delimiter_changes) {
  auto refs = partial_references("{{> a}}\n{{{b}}} {{=<% %>=}} <%> c %> {{> not_a_tag}}");
  BOOST_REQUIRE(refs.size() == 2u);
  BOOST_TEST(refs[0].name == "a");
  BOOST_TEST(refs[0].offset == 0u);
  BOOST_TEST(refs[1].name == "c");
}

BOOST_AUTO_TEST_CASE(standalone_tag_lines_leave_no_blank_lines) {
  std::string text = "A\n{{#x}}\n- B\n{{/x}}\n{{^x}}\n- none\n{{/x}}\n- C\n\nD\n";
  MustacheData yes;
  yes["x"] = MustacheData(true);
  MustacheData no;
  no["x"] = MustacheData(false);
  BOOST_TEST(render("t.md.mustache", text, yes) == "A\n- B\n- C\n\nD\n");
  BOOST_TEST(render("t.md.mustache", text, no) == "A\n- none\n- C\n\nD\n");
  MustacheData items;
  MustacheData list(MustacheData::type::list);
  list.push_back(MustacheData("one"));
  list.push_back(MustacheData("two"));
  items["items"] = std::move(list);
  BOOST_TEST(render("t.md.mustache", "List:\n{{#items}}\n- {{.}}\n{{/items}}\nEnd\n", items) ==
             "List:\n- one\n- two\nEnd\n");
}

BOOST_AUTO_TEST_CASE(values_are_escaped_for_the_format_and_never_expanded) {
  MustacheData data;
  data["v"] = MustacheData("<b>*{{#x}}*</b>");
  BOOST_TEST(render("t.html.mustache", "{{v}}", data) == "&lt;b&gt;*{{#x}}*&lt;/b&gt;");
  BOOST_TEST(render("t.md.mustache", "{{v}}", data) == "\\<b\\>\\*{{#x}}\\*\\</b\\>");
}

// Issue 15, defect 4: the checks trimmed only space, tab, CR and LF, the engine every isspace
// character, so "{{\v> loop}}" recursed until SIGSEGV and "{{\f> nosuch}}" rendered nothing.
BOOST_AUTO_TEST_CASE(partial_tags_are_read_as_the_engine_reads_them) {
  MemoryFileSource files = with_builtin();
  files.add("clinic/partials/loop.html.mustache", "x{{\v> loop}}\n");
  files.add("clinic/index.html.mustache", "{{> loop}}{{\f> nosuch}}\n");
  BOOST_TEST(load_errors(files) ==
             "clinic/index.html.mustache:1:11: error: partial 'nosuch' not found: there is no "
             "partials/nosuch.html.mustache\n"
             "clinic/partials/loop.html.mustache:1:2: error: partial cycle: partials/loop.html.mustache -> "
             "partials/loop.html.mustache\n");
}

// Issue 15, defect 4: nesting overflowed the engine's recursion.
BOOST_AUTO_TEST_CASE(nesting_is_bounded) {
  MemoryFileSource files = with_builtin();
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "{{#staff}}";
  for (int i = 0; i < 20000; ++i) deep += "{{/staff}}";
  files.add("clinic/index.html.mustache", deep);
  files.add("clinic/week-plan.html.mustache", "{{> p1}}");
  for (int i = 1; i <= 12; ++i) {
    files.add("clinic/partials/p" + std::to_string(i) + ".html.mustache", "{{> p" + std::to_string(i + 1) + "}}");
  }
  files.add("clinic/partials/p13.html.mustache", "end");
  BOOST_TEST(load_errors(files) ==
             "clinic/index.html.mustache:1:501: error: sections are nested more than 50 deep\n"
             "clinic/week-plan.html.mustache: error: partials are nested more than 10 deep: week-plan.html.mustache "
             "-> partials/p1.html.mustache -> partials/p2.html.mustache -> partials/p3.html.mustache -> "
             "partials/p4.html.mustache -> partials/p5.html.mustache -> partials/p6.html.mustache -> "
             "partials/p7.html.mustache -> partials/p8.html.mustache -> partials/p9.html.mustache -> "
             "partials/p10.html.mustache -> partials/p11.html.mustache -> partials/p12.html.mustache -> "
             "partials/p13.html.mustache\n");
}

// Issue 15, defects 4 and 5: a fan-out overlay grew past 24 GB; huge --copies of huge modules
// filled the memory. Rendering stops at the limits with an error naming the template.
BOOST_AUTO_TEST_CASE(rendering_is_bounded) {
  MustacheData items = MustacheList{MustacheData("a"), MustacheData("b"), MustacheData("c")};
  MustacheData data;
  data["items"] = std::move(items);
  data["big"] = std::string(64 * 1024, 'x');
  std::string fan_out;
  for (int i = 0; i < 16; ++i) fan_out += "{{#items}}";
  std::string silent = fan_out + "{{! nothing}}";
  std::string one_line = fan_out + "{{{big}}}";
  fan_out += "{{.}} and some more text\n";
  for (int i = 0; i < 16; ++i) fan_out += "{{/items}}", silent += "{{/items}}", one_line += "{{/items}}";
  TemplateSet set;
  set.files.push_back({"fan.html.mustache", "clinic/fan.html.mustache", fan_out});
  set.files.push_back({"one-line.html.mustache", "clinic/one-line.html.mustache", one_line});
  set.files.push_back({"silent.html.mustache", "clinic/silent.html.mustache", silent});
  set.files.push_back({"small.html.mustache", "clinic/small.html.mustache", "{{#items}}{{.}}{{/items}}"});
  Diagnostics diagnostics;
  TemplateRenderer renderer(set, RenderLimits{1 << 20, 3 << 20, 100'000});
  BOOST_TEST(!renderer.render("fan.html.mustache", data, diagnostics));
  BOOST_TEST(!renderer.render("one-line.html.mustache", data, diagnostics));
  BOOST_TEST(!renderer.render("silent.html.mustache", data, diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) ==
             "clinic/fan.html.mustache: error: the document would be larger than 1 MiB; use fewer --copies or "
             "shorter modules, or look for sections nested over long lists\n"
             "clinic/one-line.html.mustache: error: the document would be larger than 1 MiB; use fewer --copies or "
             "shorter modules, or look for sections nested over long lists\n"
             "clinic/silent.html.mustache: error: the template does too much work (more than 100000 value lookups); "
             "look for sections nested over long lists\n");
  TemplateRenderer small_site(set, RenderLimits{1 << 20, 4, 100'000});
  diagnostics.clear();
  BOOST_TEST(*small_site.render("small.html.mustache", data, diagnostics) == "abc");
  BOOST_TEST(!small_site.render("small.html.mustache", data, diagnostics));
  BOOST_TEST(diagnostics_text(diagnostics) ==
             "clinic/small.html.mustache: error: all documents together would be larger than 0 MiB; use fewer "
             "--copies, --week N, or shorter modules\n");
}

BOOST_AUTO_TEST_SUITE_END()
