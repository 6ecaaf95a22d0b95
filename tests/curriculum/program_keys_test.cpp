#include <boost/test/unit_test.hpp>

#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

BOOST_AUTO_TEST_SUITE(program_keys)

BOOST_AUTO_TEST_CASE(timezone_and_location_are_read) {
  Diagnostics out;
  std::string text = replace_line(small_program_text(), 3, "admission = \"closed\"\ntimezone = \"America/Chicago\"\nlocation = \"Room 2\"");
  auto program = parse_program("p/x.toml", text, small_library(), out);
  BOOST_REQUIRE_MESSAGE(program, diagnostics_text(out));
  BOOST_TEST(program->timezone == "America/Chicago");
  BOOST_TEST(program->location == "Room 2");
}

BOOST_AUTO_TEST_CASE(a_timezone_that_is_not_an_iana_name_is_an_error) {
  Diagnostics out;
  std::string text = replace_line(small_program_text(), 3, "admission = \"closed\"\ntimezone = \"central time\"");
  BOOST_TEST(!parse_program("p/x.toml", text, small_library(), out).has_value());
  BOOST_TEST(diagnostics_text(out) ==
             "p/x.toml:4:12: error: timezone 'central time' must be an IANA time zone name such as \"America/Chicago\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
