// Translations: <id>.<lang>.toml beside a module, read with the library and checked against it.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "curriculum/fixtures.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/readability.hpp"

using namespace iopplan;
using iopplan::testing::diagnostics_text;
using iopplan::testing::kTracks;
using iopplan::testing::load_with;
using iopplan::testing::replace_line;
using iopplan::testing::valid_module;
using iopplan::testing::valid_translation;

namespace {

struct Case {
  const char* name;
  int line;  // line of valid_translation() to replace
  const char* replacement;
  const char* expected;  // every diagnostic, one a line
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

const Case kCases[] = {
    {"misspelled key", 3, "titel = \"Alfa\"", "lib/rp/alpha.es.toml:3:1: error: unknown key 'titel'; did you mean 'title'?\n"},
    {"missing key", 10, "", "lib/rp/alpha.es.toml:5:1: error: missing required key 'homework' in [handout]\n"},
    {"unknown handout key", 9, "worksheets = [\"Mi plan:\"]",
     "lib/rp/alpha.es.toml:9:1: error: unknown key 'worksheets' in [handout]; did you mean 'worksheet'?\n"},
    {"language against file name", 1, "language = \"en\"",
     "lib/rp/alpha.es.toml:1:12: error: language 'en' does not match the file name, which says 'es'; rename one so they agree\n"},
    {"bad version", 2, "translates = \"1.0\"",
     "lib/rp/alpha.es.toml:2:14: error: translates '1.0' must be the module version this text matches, MAJOR.MINOR.PATCH, e.g. \"1.0.0\"\n"},
    {"stale", 2, "translates = \"0.9.12\"",
     "lib/rp/alpha.es.toml:2:14: warning: stale translation: it translates version 0.9.12 of 'alpha', which is now version 1.0.0 (lib/rp/alpha.toml); update the text, then 'translates'\n"},
    {"newer than the module", 2, "translates = \"1.0.10\"",
     "lib/rp/alpha.es.toml:2:14: error: translates version 1.0.10 of 'alpha', but the module is only at version 1.0.0 (lib/rp/alpha.toml)\n"},
    {"missing key point", 8, "key_points = []",
     "lib/rp/alpha.es.toml:8:14: error: 'key_points' in [handout] needs at least 1 item\n"
     "lib/rp/alpha.es.toml:8:14: warning: 'key_points' in [handout] has 0 items but the module has 1 item (lib/rp/alpha.toml:32:14): 1 missing\n"},
    {"extra worksheet prompts", 9, "worksheet = [\"Mi plan:\", \"Mi apoyo:\", \"Mi día:\"]",
     "lib/rp/alpha.es.toml:9:13: warning: 'worksheet' in [handout] has 3 items but the module has 1 item (lib/rp/alpha.toml:33:13): 2 extra\n"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(translations)

BOOST_AUTO_TEST_CASE(a_translation_belongs_to_the_module_beside_it) {
  LoadResult r = load_with({{"lib/rp/alpha.toml", valid_module()}, {"lib/rp/alpha.es.toml", valid_translation()}});
  BOOST_TEST(diagnostics_text(r.diagnostics) == "");
  BOOST_REQUIRE(r.library.modules.size() == 1u);  // never read as a module
  const Module& m = r.library.modules[0];
  const Translation* es = find_translation(m, "es");
  BOOST_REQUIRE(es != nullptr);
  BOOST_TEST(es->title == "Alfa");
  BOOST_TEST(es->translates == "1.0.0");
  BOOST_TEST(es->handout.homework == "Pruébelo una vez.");
  BOOST_TEST(es->path == "lib/rp/alpha.es.toml");
  BOOST_TEST(handout_languages(m) == (std::vector<std::string>{"en", "es"}), boost::test_tools::per_element());
  BOOST_TEST(find_translation(m, "fr") == nullptr);
}

BOOST_DATA_TEST_CASE(problems_are_reported_at_their_line, boost::unit_test::data::make(kCases), c) {
  LoadResult r = load_with({{"lib/rp/alpha.toml", valid_module()},
                            {"lib/rp/alpha.es.toml", replace_line(valid_translation(), c.line, c.replacement)}});
  BOOST_TEST(diagnostics_text(r.diagnostics) == c.expected);
}

BOOST_AUTO_TEST_CASE(a_translation_without_its_module) {
  LoadResult r = load_with({{"lib/rp/alpha.toml", valid_module()}, {"lib/rp/alpah.es.toml", valid_translation()}});
  BOOST_TEST(diagnostics_text(r.diagnostics) ==
             "lib/rp/alpah.es.toml:1:1: error: translation of 'alpah', but there is no module 'alpah' in this folder; "
             "did you mean 'alpha'?\n");
}

BOOST_AUTO_TEST_CASE(a_translation_in_another_folder_is_pointed_home) {
  MemoryFileSource source;
  source.add("lib/tracks.toml", std::string(kTracks) + "\n[[track]]\nid = \"cbt\"\ntitle = \"CBT\"\nabbreviation = \"CBT\"\n"
                                                       "colour = \"#333333\"\ndescription = \"Thoughts.\"\n");
  source.add("lib/rp/alpha.toml", valid_module());
  source.add("lib/cbt/alpha.es.toml", valid_translation());
  LoadResult r = load_library(source, "lib");
  BOOST_TEST(diagnostics_text(r.diagnostics) ==
             "lib/cbt/alpha.es.toml:1:1: error: translation of 'alpha', but there is no module 'alpha' in this folder; "
             "it belongs beside lib/rp/alpha.toml\n");
}

BOOST_AUTO_TEST_CASE(file_names_name_a_supported_language_other_than_english) {
  LoadResult r = load_with({{"lib/rp/alpha.toml", valid_module()},
                            {"lib/rp/alpha.en.toml", valid_translation("en")},
                            {"lib/rp/alpha.fr.toml", valid_translation("fr")}});
  BOOST_TEST(diagnostics_text(r.diagnostics) ==
             "lib/rp/alpha.en.toml: error: English text belongs in the module itself (alpha.toml); a translation "
             "file is named <module-id>.<language>.toml\n"
             "lib/rp/alpha.fr.toml: error: not a translation iopplan can read: translation files are named "
             "<module-id>.<language>.toml, and the languages are en (English) and es (Spanish)\n");
}

BOOST_AUTO_TEST_CASE(hard_spanish_is_warned_below_70) {
  std::string hard = replace_line(valid_translation(), 7,
                                  "body = \"Las intervenciones psicoeducativas multidisciplinarias proporcionan "
                                  "conocimientos fundamentales sobre consideraciones fisiológicas.\"");
  LoadResult r = load_with({{"lib/rp/alpha.toml", valid_module()}, {"lib/rp/alpha.es.toml", hard}});
  BOOST_TEST(diagnostics_text(r.diagnostics) ==
             "lib/rp/alpha.es.toml:5:1: warning: Spanish handout scores -0.2 on the Fernandez Huerta scale; the "
             "target is 70 or more: use shorter words and sentences\n");
  LoadResult easy = load_with({{"lib/rp/alpha.toml", valid_module()}, {"lib/rp/alpha.es.toml", valid_translation()}});
  const Translation& t = easy.library.modules[0].translations[0];
  BOOST_TEST(fernandez_huerta(handout_stats(t.handout, "es")) >= kMinFernandezHuerta);
}

BOOST_AUTO_TEST_CASE(versions_compare_part_by_part_as_numbers) {
  BOOST_TEST(compare_versions("1.0.9", "1.0.10") < 0);
  BOOST_TEST(compare_versions("2.0.0", "1.9.9") > 0);
  BOOST_TEST(compare_versions("1.01.0", "1.1.0") == 0);
  BOOST_TEST(compare_versions("1.1.0", "1.1.0") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
