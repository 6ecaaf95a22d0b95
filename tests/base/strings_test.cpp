#include <boost/test/unit_test.hpp>

#include "iopplan/base/strings.hpp"

using namespace iopplan;

BOOST_AUTO_TEST_SUITE(strings)

BOOST_AUTO_TEST_CASE(trims_blank_edges) {
  BOOST_TEST(trim("\n\n  text here \n") == "text here");
  BOOST_TEST(trim(" \n ") == "");
  BOOST_TEST(trim("\tx y\r\n") == "x y");
}

BOOST_AUTO_TEST_CASE(lower_plural_and_colors) {
  BOOST_TEST(lower("Mon-FRI") == "mon-fri");
  BOOST_TEST(plural(1, "module") == "1 module");
  BOOST_TEST(plural(0, "error") == "0 errors");
  BOOST_TEST(is_hex_color("#1f5f8B"));
  BOOST_TEST(!is_hex_color("#1f5f8"));
  BOOST_TEST(!is_hex_color("1f5f8b0"));
  BOOST_TEST(!is_hex_color("#1f5f8g"));
}

// One way to write hours everywhere: the terminal, plan JSON's text and the documents.
BOOST_AUTO_TEST_CASE(hours_as_people_write_them) {
  BOOST_TEST(hours_text(9) == "9");
  BOOST_TEST(hours_text(7.5) == "7.5");
  BOOST_TEST(hours_text(2.0 + 1.0 / 3) == "2.33");
  BOOST_TEST(rounded(0.123456) == 0.1235);
}

BOOST_AUTO_TEST_SUITE_END()
