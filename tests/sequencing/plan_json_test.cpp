#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/plan_json.hpp"
#include "sequencing/plan_output_fixture.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

struct BadJson {
  const char* text;
  const char* expected;
};

std::ostream& operator<<(std::ostream& out, const BadJson& c) { return out << c.text; }

const BadJson kBad[] = {
    {"{\n  \"program\": \"x\",\n  \"start\": 2027\n", "in.json:4:1: error: not valid JSON: syntax error while parsing object - unexpected end of input; expected '}'\n"},
    {"{\n  \"seed\": 1e999\n}", "in.json:2:11: error: not valid JSON: the number 1e999 is too large\n"},
    {"[]", "in.json: error: the file: must hold a JSON object (a plan written by 'iopplan plan --format json')\n"},
    {"{\"program\": \"x\"}", "in.json: error: start: missing\nin.json: error: meetings: missing\n"},
    {"{\"format\": \"other\", \"program\": \"x\", \"start\": \"2027-02-30\", \"meetings\": {}}",
     "in.json: error: format: is 'other', not 'iopplan-plan'\n"
     "in.json: error: start: '2027-02-30' is not a date written YYYY-MM-DD\n"
     "in.json: error: meetings: must be an array\n"},
    {"{\"program\": \"x\", \"start\": \"2027-03-01\", \"seed\": -1, \"meetings\": [{\"week\": 1, \"date\": \"2027-03-01\", "
     "\"start\": \"25:00\", \"end\": \"10:00\", \"blocks\": [{\"start\": \"09:00\", \"minutes\": 0, \"module\": \"a1\", "
     "\"activity\": \"Check-in\"}, 7]}]}",
     "in.json: error: seed: must be a whole number of 0 or more\n"
     "in.json: error: meetings[0].start: '25:00' is not a time written HH:MM\n"
     "in.json: error: meetings[0].blocks[0].minutes: must be between 1 and 1440\n"
     "in.json: error: meetings[0].blocks[0]: needs exactly one of 'module' and 'activity'\n"
     "in.json: error: meetings[0].blocks[1]: must be an object\n"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_json)

BOOST_AUTO_TEST_CASE(the_documented_shape) {
  SmallPlan s = small_plan();
  std::string json = plan_to_json(s.plan);
  std::string head =
             "{\n"
             "  \"format\": \"iopplan-plan\",\n"
             "  \"version\": 1,\n"
             "  \"program\": \"x\",\n"
             "  \"program_name\": \"Test program\",\n"
             "  \"admission\": \"rolling\",\n"
             "  \"weeks\": 2,\n"
             "  \"group_size\": 12,\n"
             "  \"start\": \"2027-03-01\",\n"
             "  \"seed\": 1,\n"
             "  \"meetings\": [\n"
             "    {\n"
             "      \"group\": \"x\",\n"
             "      \"week\": 1,\n"
             "      \"date\": \"2027-03-01\",\n";
  BOOST_TEST(json.substr(0, head.size()) == head);
  BOOST_TEST(json.find("        {\n"
                       "          \"start\": \"09:30\",\n"
                       "          \"minutes\": 60,\n"
                       "          \"slot\": \"Topic\",\n"
                       "          \"module\": \"a3\",\n"
                       "          \"module_version\": \"1.0.0\",\n"
                       "          \"track\": \"a\",\n"
                       "          \"reason\": \"a 1 of 1 in the cycle, not back to back; 60 of 60 minutes\"\n"
                       "        }\n") != std::string::npos);
  BOOST_TEST(json.find("  \"skipped\": [\n"
                       "    {\n"
                       "      \"week\": 2,\n"
                       "      \"date\": \"2027-03-08\",\n"
                       "      \"reason\": \"Snow day\"\n"
                       "    }\n"
                       "  ],\n"
                       "  \"coverage\": [\n"
                       "    {\n"
                       "      \"entry_week\": 1,\n"
                       "      \"modules_seen\": 3,\n"
                       "      \"core_missing\": [\n"
                       "        \"c2\"\n"
                       "      ],\n"
                       "      \"out_of_order\": []\n"
                       "    },\n") != std::string::npos);
  BOOST_TEST(json.find("  \"score\": {\n"
                       "    \"total\": 0.0,\n"
                       "    \"terms\": [\n"
                       "      {\n"
                       "        \"name\": \"track spread\",\n"
                       "        \"weight\": 1.0,\n"
                       "        \"value\": 0.0\n"
                       "      },\n") != std::string::npos);
  BOOST_TEST(json.find("  \"min_weekly_hours\": 6.0,\n"
                       "  \"warnings\": [\n"
                       "    {\n"
                       "      \"severity\": \"note\",\n") != std::string::npos);
  BOOST_TEST(json.back() == '\n');
}

BOOST_AUTO_TEST_CASE(a_plan_reads_back_exactly) {
  SmallPlan s = small_plan();
  Diagnostics out;
  auto back = plan_from_json(plan_to_json(s.plan), "in.json", out);
  BOOST_TEST(diagnostics_text(out) == "");
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(plan_to_json(*back) == plan_to_json(s.plan));
  // And a real plan, with every field in use.
  PlanResult result = make_plan(builtin_library(), builtin_program("iop-16-week-rolling"), PlanOptions{});
  BOOST_REQUIRE(result.plan);
  back = plan_from_json(plan_to_json(*result.plan), "in.json", out);
  BOOST_REQUIRE(back.has_value());
  BOOST_TEST(plan_to_json(*back) == plan_to_json(*result.plan));
}

BOOST_DATA_TEST_CASE(bad_files_are_reported_by_path, boost::unit_test::data::make(kBad), c) {
  Diagnostics out;
  BOOST_TEST(!plan_from_json(c.text, "in.json", out).has_value());
  BOOST_TEST(diagnostics_text(out) == c.expected);
}

BOOST_AUTO_TEST_CASE(a_file_over_16_mib_is_refused_before_parsing) {
  std::string text = "{\"meetings\": []" + std::string(16 * 1024 * 1024, ' ') + "}";
  Diagnostics out;
  BOOST_TEST(!plan_from_json(text, "in.json", out).has_value());
  BOOST_TEST(diagnostics_text(out) == "in.json: error: file is too large (16777232 bytes; the limit is 16777216 bytes)\n");
}

BOOST_AUTO_TEST_SUITE_END()
