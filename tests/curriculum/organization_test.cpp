#include <boost/test/unit_test.hpp>

#include "iopplan/curriculum/organization.hpp"
#include "test_support.hpp"

using namespace iopplan;
using iopplan::testing::diagnostics_text;

namespace {

std::vector<std::string> contacts(const std::vector<CrisisLine>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) out.push_back(line.contact);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(organization)

BOOST_AUTO_TEST_CASE(reads_every_key) {
  Diagnostics diagnostics;
  Organization org = load_organization("lib/organization.toml",
                                       "name = \"Riverside\"\n"
                                       "address = \"1 Main St\"\n"
                                       "phone = \"555-0100\"\n"
                                       "confidentiality = \"Keep it here.\"\n"
                                       "group_agreement = \"Arrive on time; one voice at a time.\"\n"
                                       "[[crisis_line]]\n"
                                       "name = \"Night line\"\n"
                                       "contact = \"555-0199\"\n"
                                       "note = \"After 5 PM\"\n",
                                       diagnostics);
  BOOST_TEST(diagnostics_text(diagnostics) == "");
  BOOST_TEST(org.name == "Riverside");
  BOOST_TEST(org.address == "1 Main St");
  BOOST_TEST(org.phone == "555-0100");
  BOOST_TEST(confidentiality_reminder(org, "default") == "Keep it here.");
  BOOST_TEST(org.group_agreement == "Arrive on time; one voice at a time.");
  BOOST_REQUIRE(org.crisis_lines.size() == 1u);
  BOOST_TEST(org.crisis_lines[0].note == "After 5 PM");
  BOOST_TEST(org.path == "lib/organization.toml");
}

BOOST_AUTO_TEST_CASE(reports_exact_positions_and_suggestions) {
  Diagnostics diagnostics;
  load_organization("org.toml",
                    "adress = \"1 Main St\"\n"
                    "phone = 5550100\n"
                    "[[crisis_line]]\n"
                    "name = \"Night line\"\n",
                    diagnostics);
  sort_diagnostics(diagnostics);
  BOOST_TEST(diagnostics_text(diagnostics) ==
             "org.toml:1:1: error: unknown key 'adress'; did you mean 'address'?\n"
             "org.toml:1:1: error: missing required key 'name'\n"
             "org.toml:2:9: error: 'phone' must be a string, not an integer\n"
             "org.toml:3:1: error: missing required key 'contact' in crisis line 1\n");
}

BOOST_AUTO_TEST_CASE(syntax_errors_point_at_the_line) {
  Diagnostics diagnostics;
  Organization org = load_organization("org.toml", "name = \"Riverside\"\nphone = \n", diagnostics);
  BOOST_REQUIRE(diagnostics.size() == 1u);
  BOOST_TEST(diagnostics[0].line == 2);
  BOOST_TEST(org.name == "Riverside");
}

BOOST_AUTO_TEST_CASE(defaults_when_the_library_has_no_file) {
  MemoryFileSource files;
  files.add("lib/tracks.toml", "");
  Diagnostics diagnostics;
  Organization org = load_library_organization(files, "lib", diagnostics);
  BOOST_TEST(diagnostics.empty());
  BOOST_TEST(org.name == "Intensive Outpatient Program");
  BOOST_TEST(org.path == "");
  BOOST_TEST(confidentiality_reminder(org, "default") == "default");
  // The default agreement asks people to arrive free of alcohol and unprescribed drugs, welcomes
  // prescribed medicines, and says where privacy ends.
  BOOST_TEST(org.group_agreement.starts_with("Come to group free of alcohol and of drugs not prescribed to you. "));
  BOOST_TEST(org.group_agreement.find("including medication for opioid use disorder, are welcome here.") != std::string::npos);
  BOOST_TEST(org.group_agreement.find("staff must act to keep people safe.") != std::string::npos);
}

// The national lines as a document's strings table gives them.
const std::vector<CrisisLine> kNational = {{"988 Suicide & Crisis Lifeline", "Call or text 988", ""},
                                           {"SAMHSA National Helpline", "1-800-662-4357", ""},
                                           {"Emergencies", "Call 911", ""}};

BOOST_AUTO_TEST_CASE(national_crisis_lines_always_come_first) {
  Organization org;
  org.crisis_lines = {{"Night line", "(217) 555-0199", ""}};
  std::vector<std::string> want = {"Call or text 988", "1-800-662-4357", "Call 911", "(217) 555-0199"};
  BOOST_TEST(contacts(crisis_resources(org, kNational)) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(own_lines_follow_without_repeating_national_numbers) {
  Organization org;
  org.crisis_lines = {{"Lifeline", "988", ""}, {"Night line", "(217) 555-0199", ""}, {"SAMHSA", "1 800 662 4357", ""}};
  std::vector<std::string> want = {"Call or text 988", "1-800-662-4357", "Call 911", "(217) 555-0199"};
  BOOST_TEST(contacts(crisis_resources(org, kNational)) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
