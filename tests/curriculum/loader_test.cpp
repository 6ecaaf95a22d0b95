#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "curriculum/fixtures.hpp"
#include "iopplan/base/utf8.hpp"
#include "iopplan/curriculum/loader.hpp"

using namespace iopplan;
using iopplan::testing::kTracks;
using iopplan::testing::load_with;
using iopplan::testing::replace_line;
using iopplan::testing::valid_module;

namespace {

std::vector<std::string> lines_of(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& d : diagnostics) lines.push_back(format_diagnostic(d));
  return lines;
}

struct Case {
  const char* name;
  int line;                  // line of valid_module() to replace
  const char* replacement;
  const char* expected;      // the one diagnostic expected
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

const Case kCases[] = {
    {"syntax error", 2, "title = \"Alpha", "lib/rp/alpha.toml:2:15: error: string: unescaped control characters other than TAB (U+0009) are explicitly prohibited"},
    {"misspelled key", 2, "titel = \"Alpha\"", "lib/rp/alpha.toml:2:1: error: unknown key 'titel'; did you mean 'title'?"},
    {"missing key", 5, "", "lib/rp/alpha.toml:1:1: error: missing required key 'summary'"},
    {"wrong type", 6, "duration_minutes = \"thirty\"", "lib/rp/alpha.toml:6:20: error: 'duration_minutes' must be an integer, not a string"},
    {"id vs file name", 1, "id = \"beta\"", "lib/rp/alpha.toml:1:6: error: id 'beta' does not match the file name 'alpha.toml'; rename one so they agree"},
    {"id not kebab-case", 1, "id = \"Alpha_1\"", "lib/rp/alpha.toml:1:6: error: id 'Alpha_1' must be lower-case kebab-case (a-z, 0-9 and single '-')"},
    {"unknown prerequisite", 9, "prerequisites = [\"omega\"]", "lib/rp/alpha.toml:9:18: error: unknown prerequisite 'omega'"},
    {"self prerequisite", 9, "prerequisites = [\"alpha\"]", "lib/rp/alpha.toml:9:18: error: prerequisite cycle: alpha -> alpha"},
    {"agenda minutes", 6, "duration_minutes = 45", "lib/rp/alpha.toml:6:20: error: agenda minutes add up to 30, but duration_minutes is 45"},
    {"empty objectives", 10, "objectives = []", "lib/rp/alpha.toml:10:14: error: 'objectives' needs at least 1 item"},
    {"empty handout body", 31, "body = \"  \"", "lib/rp/alpha.toml:31:8: error: 'body' in [handout] must not be empty"},
    {"empty key points", 32, "key_points = []", "lib/rp/alpha.toml:32:14: error: 'key_points' in [handout] needs at least 1 item"},
    {"bad group type", 7, "group_type = \"skill\"", "lib/rp/alpha.toml:7:14: error: 'group_type' is 'skill'; it must be one of psychoeducation, skills, process, support, family; did you mean 'skills'?"},
    {"bad phase", 8, "phase = \"later\"", "lib/rp/alpha.toml:8:9: error: 'phase' is 'later'; it must be one of early, middle, late, any; did you mean 'late'?"},
    {"bad version", 4, "version = \"1.0\"", "lib/rp/alpha.toml:4:11: error: version '1.0' must look like MAJOR.MINOR.PATCH, e.g. \"1.0.0\""},
    {"absurd duration", 6, "duration_minutes = -30", "lib/rp/alpha.toml:6:20: error: 'duration_minutes' is -30; it must be between 15 and 240"},
    {"non-string item", 12, "discussion_questions = [\"Why?\", 3]", "lib/rp/alpha.toml:12:33: error: 'discussion_questions' must hold only strings; item 2 is an integer"},
    {"unknown agenda key", 17, "talking_point = [\"x\"]", "lib/rp/alpha.toml:17:1: error: unknown key 'talking_point' in agenda segment 1; did you mean 'talking_points'?"},
    {"missing notes key", 27, "", "lib/rp/alpha.toml:24:1: error: missing required key 'newcomers' in [facilitator_notes]"},
    {"reference year", 38, "year = 85", "lib/rp/alpha.toml:38:8: error: 'year' in reference 1 is 85; it must be between 1900 and 2100"},
    {"bad activity kind", 22, "talking_points = [\"x\"]\n[agenda.activity]\nname = \"A\"\nkind = \"roleplay\"\nsteps = [\"s\"]",
     "lib/rp/alpha.toml:25:8: error: 'kind' in the activity of agenda segment 2 is 'roleplay'; it must be one of role-play, worksheet, skill-practice, discussion, mindfulness, game; did you mean 'role-play'?"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(valid_module_loads_clean) {
  LoadResult result = load_with({{"lib/rp/alpha.toml", valid_module()}});
  BOOST_TEST(lines_of(result.diagnostics) == std::vector<std::string>{}, boost::test_tools::per_element());
  BOOST_REQUIRE_EQUAL(result.library.modules.size(), 1u);
  const Module& m = result.library.modules[0];
  BOOST_TEST(m.id == "alpha");
  BOOST_TEST(m.duration_minutes == 30);
  BOOST_TEST(m.agenda.size() == 2u);
  BOOST_TEST(m.handout.key_points.front() == "Keep it short.");
  BOOST_TEST(m.references.front().year == 1985);
}

BOOST_DATA_TEST_CASE(each_problem_gives_one_exact_diagnostic, boost::unit_test::data::make(kCases), c) {
  LoadResult result = load_with({{"lib/rp/alpha.toml", replace_line(valid_module(), c.line, c.replacement)}});
  std::vector<std::string> expected = {c.expected};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(syntax_error_misspelling_and_unknown_prerequisite_all_reported) {
  std::string text = valid_module();
  text = replace_line(text, 9, "prerequisites = [\"omgea\"]");
  text = replace_line(text, 11, "matrials = [\"Pens\"]");
  text = replace_line(text, 20, "title = = \"Practice\"");
  LoadResult result = load_with({{"lib/rp/alpha.toml", text}, {"lib/rp/omega.toml", valid_module("omega")}});
  std::vector<std::string> expected = {
      "lib/rp/alpha.toml:9:18: error: unknown prerequisite 'omgea'; did you mean 'omega'?",
      "lib/rp/alpha.toml:11:1: error: unknown key 'matrials'; did you mean 'materials'?",
      "lib/rp/alpha.toml:20:9: error: value: could not determine value type",
  };
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(duplicate_ids_name_both_files) {
  MemoryFileSource source;
  source.add("lib/tracks.toml", std::string(kTracks) + "\n[[track]]\nid = \"sm\"\ntitle = \"Stress\"\nabbreviation = \"SM\"\n"
                                                     "colour = \"#2e7d32\"\ndescription = \"Calm.\"\n");
  source.add("lib/rp/alpha.toml", valid_module());
  source.add("lib/sm/alpha.toml", replace_line(valid_module(), 3, "track = \"sm\""));
  LoadResult result = load_library(source, "lib");
  std::vector<std::string> expected = {
      "lib/sm/alpha.toml:1:6: error: duplicate module id 'alpha'; also defined in lib/rp/alpha.toml:1:6"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_track_suggests_the_close_one) {
  LoadResult result = load_with({{"lib/rpp/alpha.toml", replace_line(valid_module(), 3, "track = \"rpp\"")}});
  std::vector<std::string> expected = {
      "lib/rpp/alpha.toml:3:9: error: unknown track 'rpp'; did you mean 'rp'? (tracks are listed in lib/tracks.toml)"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(track_must_match_its_folder) {
  MemoryFileSource source;
  source.add("lib/tracks.toml", std::string(kTracks) + "\n[[track]]\nid = \"sm\"\ntitle = \"Stress\"\nabbreviation = \"SM\"\n"
                                                     "colour = \"#2e7d32\"\ndescription = \"Calm.\"\n");
  source.add("lib/rp/alpha.toml", replace_line(valid_module(), 3, "track = \"sm\""));
  std::vector<std::string> expected = {
      "lib/rp/alpha.toml:3:9: error: track 'sm' does not match the folder 'rp' the module is in"};
  BOOST_TEST(lines_of(load_library(source, "lib").diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cycle_is_printed_as_a_path) {
  LoadResult result = load_with({
      {"lib/rp/alpha.toml", replace_line(valid_module("alpha"), 9, "prerequisites = [\"beta\"]")},
      {"lib/rp/beta.toml", replace_line(valid_module("beta"), 9, "prerequisites = [\"gamma\"]")},
      {"lib/rp/gamma.toml", replace_line(valid_module("gamma"), 9, "prerequisites = [\"alpha\"]")},
  });
  std::vector<std::string> expected = {
      "lib/rp/gamma.toml:9:18: error: prerequisite cycle: alpha -> beta -> gamma -> alpha"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_at_its_position) {
  std::string text = replace_line(valid_module(), 5, "summary = \"caf\xE9\"");
  LoadResult result = load_with({{"lib/rp/alpha.toml", text}});
  std::vector<std::string> expected = {"lib/rp/alpha.toml:5:15: error: file is not valid UTF-8 (byte 0xE9)"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(nul_byte_is_reported) {
  std::string text = replace_line(valid_module(), 2, std::string("title = \"A\0\"", 12));
  LoadResult result = load_with({{"lib/rp/alpha.toml", text}});
  std::vector<std::string> expected = {"lib/rp/alpha.toml:2:11: error: file contains a NUL byte"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(over_large_file_is_refused) {
  std::string text = valid_module() + "# " + std::string(1024 * 1024, 'x') + "\n";
  LoadResult result = load_with({{"lib/rp/alpha.toml", text}});
  std::vector<std::string> expected = {"lib/rp/alpha.toml: error: file is too large (" + std::to_string(text.size()) +
                                       " bytes; the limit is 1048576 bytes)"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

// Issue 15, defect 5: a 20 GB sparse module was read in full before its size was checked.
BOOST_AUTO_TEST_CASE(a_file_over_the_limit_is_never_read) {
  struct CountingSource : MemoryFileSource {
    mutable std::vector<std::string> reads;
    std::optional<std::string> read(const std::string& path) const override {
      reads.push_back(path);
      return MemoryFileSource::read(path);
    }
  };
  CountingSource source;
  source.add("lib/tracks.toml", kTracks);
  source.add("lib/rp/alpha.toml", valid_module() + "# " + std::string(2 * 1024 * 1024, 'x') + "\n");
  LoadResult result = load_library(source, "lib");
  BOOST_TEST(lines_of(result.diagnostics).front().find("lib/rp/alpha.toml: error: file is too large (") == 0u);
  std::vector<std::string> read = {"lib/tracks.toml"};
  BOOST_TEST(source.reads == read, boost::test_tools::per_element());

  // On disk: a sparse 20 GB file costs a stat(), not 20 GB of memory.
  std::string dir = (std::filesystem::temp_directory_path() / ("iopplan-sparse-" + std::to_string(::getpid()))).string();
  std::filesystem::create_directories(dir + "/rp");
  { std::ofstream(dir + "/tracks.toml") << kTracks; }
  { std::ofstream(dir + "/rp/alpha.toml") << valid_module(); }
  BOOST_REQUIRE(::truncate((dir + "/rp/alpha.toml").c_str(), 20LL << 30) == 0);
  LoadResult sparse = load_library(DiskFileSource(), dir);
  std::vector<std::string> expected = {dir + "/rp/alpha.toml: error: file is too large (21474836480 bytes; the limit is 1048576 bytes)"};
  BOOST_TEST(lines_of(sparse.diagnostics) == expected, boost::test_tools::per_element());
  BOOST_TEST(!DiskFileSource().read(dir + "/rp/alpha.toml"));  // over kMaxReadBytes: not read at all
  std::filesystem::remove_all(dir);
}

// Issue 15, defect 6: "\u001b]0;...\u0007" in a title reached the terminal through list and show.
BOOST_AUTO_TEST_CASE(control_characters_in_text_are_errors) {
  std::string text = replace_line(valid_module(), 2, "title = \"A\\u001b]0;owned\\u0007\\u001b[2J\"");
  text = replace_line(text, 5, "summary = \"\"\"Tab\tand\nline break are fine\"\"\"");
  LoadResult result = load_with({{"lib/rp/alpha.toml", text}});
  std::vector<std::string> expected = {
      "lib/rp/alpha.toml:2:9: error: text contains the control character U+001B; only line breaks and tabs are allowed"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
  BOOST_TEST(printable("A\x1b]0;x\x07 caf\xE9 \xC2\x9B ok\t\n") == "A\\x1b]0;x\\x07 caf\\xe9 \\u{9b} ok\t\n");
}

// Issue 15, defect 7: a module linked to a file outside the library was read, and its lines were
// printed in diagnostics.
BOOST_AUTO_TEST_CASE(links_that_leave_the_library_are_not_read) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("iopplan-links-" + std::to_string(::getpid()));
  fs::create_directories(root / "lib" / "rp");
  fs::create_directories(root / "outside" / "track");
  { std::ofstream(root / "lib" / "tracks.toml") << kTracks; }
  { std::ofstream(root / "outside" / "secret.toml") << "password = \"hunter2\"\n"; }
  { std::ofstream(root / "lib" / "rp" / "alpha.toml") << valid_module(); }
  fs::create_symlink(root / "outside" / "secret.toml", root / "lib" / "rp" / "beta.toml");
  fs::create_directories(root / "lib" / ".shared");
  { std::ofstream(root / "lib" / ".shared" / "gamma.toml") << valid_module("gamma"); }
  fs::create_symlink("../.shared/gamma.toml", root / "lib" / "rp" / "gamma.toml");  // inside: followed
  fs::create_directory_symlink(root / "outside" / "track", root / "lib" / "elsewhere");
  std::string lib = (root / "lib").string();
  LoadResult result = load_library(DiskFileSource(), lib);
  std::vector<std::string> expected = {
      lib + "/elsewhere: error: not read: a symbolic link that leads outside the library folder",
      lib + "/rp/beta.toml: error: not read: a symbolic link that leads outside the library folder"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
  BOOST_TEST(result.library.modules.size() == 2u);  // alpha, and gamma through its link
  fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(more_than_20000_modules_are_refused) {
  MemoryFileSource source;
  source.add("lib/tracks.toml", kTracks);
  for (int i = 0; i <= 20000; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "m%05d", i);
    source.add(std::string("lib/rp/") + id + ".toml", valid_module(id));
  }
  LoadResult result = load_library(source, "lib");
  std::vector<std::string> expected = {
      "lib/rp/m20000.toml: error: too many modules: the limit is 20000 per library; the rest were not read"};
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
  BOOST_TEST(result.library.modules.size() == 20000u);
}

BOOST_AUTO_TEST_CASE(hard_to_read_handout_warns) {
  std::string text = replace_line(valid_module(), 31,
                                  "body = \"Comprehensive psychoeducational interventions facilitate "
                                  "understanding of physiological dependency considerations.\"");
  MemoryFileSource source;
  source.add("lib/tracks.toml", kTracks);
  source.add("lib/rp/alpha.toml", text);
  LoadResult result = load_library(source, "lib");
  BOOST_REQUIRE_EQUAL(result.diagnostics.size(), 1u);
  std::string line = format_diagnostic(result.diagnostics[0]);
  BOOST_TEST(line.rfind("lib/rp/alpha.toml:29:1: warning: handout reads at grade ", 0) == 0u);
  BOOST_TEST(line.find("; the limit is 8: use shorter sentences and words") != std::string::npos);
  LoadOptions lenient;
  lenient.max_grade = 20;
  BOOST_TEST(load_library(source, "lib", lenient).diagnostics.empty());
}

BOOST_AUTO_TEST_CASE(missing_tracks_file_and_folder) {
  MemoryFileSource source;
  source.add("lib/rp/alpha.toml", valid_module());
  std::vector<std::string> expected = {
      "lib/tracks.toml: error: missing tracks.toml: every library lists its tracks there"};
  BOOST_TEST(lines_of(load_library(source, "lib").diagnostics) == expected, boost::test_tools::per_element());
  std::vector<std::string> none = {"nowhere: error: library folder not found"};
  BOOST_TEST(lines_of(load_library(source, "nowhere").diagnostics) == none, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(track_file_problems) {
  MemoryFileSource source;
  source.add("lib/tracks.toml",
             "[[track]]\nid = \"rp\"\ntitle = \"A\"\nabbreviation = \"RELAPSE\"\ncolour = \"blue\"\ndescription = \"d\"\n"
             "[[track]]\nid = \"rp\"\ntitle = \"B\"\nabbreviation = \"B\"\ncolour = \"#000000\"\ndescripton = \"d\"\n");
  std::vector<std::string> expected = {
      "lib/tracks.toml:4:16: error: abbreviation 'RELAPSE' is longer than 4 characters",
      "lib/tracks.toml:5:10: error: colour 'blue' must look like \"#1f5f8b\"",
      "lib/tracks.toml:8:6: error: duplicate track id 'rp' (first defined at line 1)",
      "lib/tracks.toml:12:1: error: unknown key 'descripton' in track 2; did you mean 'description'?",
  };
  BOOST_TEST(lines_of(load_library(source, "lib").diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(diagnostics_are_sorted_by_file_and_line) {
  LoadResult result = load_with({
      {"lib/rp/beta.toml", replace_line(valid_module("beta"), 2, "titel = \"B\"")},
      {"lib/rp/alpha.toml", replace_line(replace_line(valid_module(), 12, "discussion_questions = 3"), 2, "titel = \"A\"")},
  });
  std::vector<std::string> expected = {
      "lib/rp/alpha.toml:2:1: error: unknown key 'titel'; did you mean 'title'?",
      "lib/rp/alpha.toml:12:24: error: 'discussion_questions' must be an array of strings, not an integer",
      "lib/rp/beta.toml:2:1: error: unknown key 'titel'; did you mean 'title'?",
  };
  BOOST_TEST(lines_of(result.diagnostics) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
