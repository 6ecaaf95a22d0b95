#include <boost/test/unit_test.hpp>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"

using namespace iopplan;

BOOST_AUTO_TEST_SUITE(diagnostic)

BOOST_AUTO_TEST_CASE(format_leaves_out_unknown_positions) {
  BOOST_TEST(format_diagnostic(error_at("a.toml", {3, 7}, "bad")) == "a.toml:3:7: error: bad");
  BOOST_TEST(format_diagnostic(warning_at("a.toml", {3, 0}, "odd")) == "a.toml:3: warning: odd");
  BOOST_TEST(format_diagnostic(error_at("a.toml", {}, "big")) == "a.toml: error: big");
  BOOST_TEST(format_diagnostic(error_at("", {}, "no file")) == "error: no file");
}

BOOST_AUTO_TEST_CASE(source_line_and_caret) {
  std::string source = "id = \"a\"\ntitel = \"A\"\n";
  std::string shown = format_with_source(error_at("a.toml", {2, 1}, "unknown key 'titel'"), &source);
  BOOST_TEST(shown == "a.toml:2:1: error: unknown key 'titel'\n  titel = \"A\"\n  ^\n");
  std::string caret = format_with_source(error_at("a.toml", {1, 6}, "x"), &source);
  BOOST_TEST(caret == "a.toml:1:6: error: x\n  id = \"a\"\n       ^\n");
  // Past the end of the last line, as toml++ reports an unclosed string at the end of a file.
  std::string last = "title = \"Relapse";
  BOOST_TEST(format_with_source(error_at("a.toml", {1, 18}, "string: encountered end-of-file"), &last) ==
             "a.toml:1:18: error: string: encountered end-of-file\n  title = \"Relapse\n" + std::string(2 + 17, ' ') + "^\n");
}

BOOST_AUTO_TEST_CASE(sorted_by_file_line_column) {
  Diagnostics ds = {error_at("b", {1, 1}, "4"), error_at("a", {2, 1}, "2"), error_at("a", {1, 5}, "1"),
                    error_at("a", {2, 1}, "3")};
  sort_diagnostics(ds);
  std::string order;
  for (const auto& d : ds) order += d.message;
  BOOST_TEST(order == "1234");
  BOOST_TEST(has_errors(ds));
  BOOST_TEST(count(ds, Severity::warning) == 0);
}

BOOST_AUTO_TEST_CASE(memory_file_source_lists_like_a_folder) {
  MemoryFileSource files;
  files.add("lib/tracks.toml", "x");
  files.add("lib/rp/a.toml", "y");
  files.add("lib/rp/b.toml", "z");
  BOOST_TEST(files.list("lib") == (std::vector<std::string>{"rp/", "tracks.toml"}), boost::test_tools::per_element());
  BOOST_TEST(files.is_directory("lib/rp"));
  BOOST_TEST(!files.is_directory("lib/nope"));
  BOOST_TEST(files.read("lib/rp/a.toml").value() == "y");
  BOOST_TEST(!files.read("lib/rp/c.toml").has_value());
  BOOST_TEST(join_path("lib", "a.toml") == "lib/a.toml");
  BOOST_TEST(join_path("lib/", "a.toml") == "lib/a.toml");
}

BOOST_AUTO_TEST_SUITE_END()
