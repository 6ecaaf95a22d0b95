#include <boost/test/unit_test.hpp>

#include "iopplan/curriculum/anchor_map.hpp"

using namespace iopplan;

BOOST_AUTO_TEST_SUITE(anchor_map)

BOOST_AUTO_TEST_CASE(reads_sections_and_rows) {
  MemoryFileSource files;
  files.add("lib/COVERAGE.md",
            "# Coverage\n\nIntro | with a bar.\n\n"
            "## matrix-rp: Matrix Model: relapse-prevention group\n\n"
            "| anchor | topic | module |\n|---|---|---|\n"
            "| matrix-rp:work-and-recovery | Work and Recovery | work-and-recovery |\n"
            "| matrix-rp:illness | Illness | not covered: handled in individual sessions |\n\n"
            "## tip47: TIP 47 topics\n\n"
            "| tip47:drug-testing | Drug testing | not covered: a program service |\n");
  auto map = load_anchor_map(files, "lib");
  BOOST_REQUIRE(map.has_value());
  BOOST_TEST(map->path == "lib/COVERAGE.md");
  BOOST_REQUIRE(map->sources.size() == 2u);
  BOOST_TEST(map->sources[0].id == "matrix-rp");
  BOOST_TEST(map->sources[0].title == "Matrix Model: relapse-prevention group");
  BOOST_REQUIRE(map->sources[0].rows.size() == 2u);
  BOOST_TEST(map->sources[0].rows[0].module == "work-and-recovery");
  BOOST_TEST(map->sources[0].rows[1].module == "");
  BOOST_TEST(map->sources[0].rows[1].note == "not covered: handled in individual sessions");
  BOOST_TEST(map->sources[1].rows.size() == 1u);
}

BOOST_AUTO_TEST_CASE(absent_file_is_no_map) {
  MemoryFileSource files;
  BOOST_TEST(!load_anchor_map(files, "lib").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
