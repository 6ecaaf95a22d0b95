// The pipeline as library calls: where a run stops, with which kind of error, and what it writes.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "iopplan/pipeline/build.hpp"
#include "iopplan/pipeline/check.hpp"
#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/sequencing/plan_json.hpp"
#include "test_support.hpp"

using namespace iopplan;
using testing::diagnostics_text;
namespace fs = std::filesystem;

namespace {

// One 45-minute slot twice a week fits the renderer's three-module fixture library.
const char* const kProgram =
    "id = \"tiny\"\n"
    "name = \"Tiny program\"\n"
    "admission = \"closed\"\n"
    "weeks = 1\n"
    "start_date = 2027-03-01\n"
    "meeting_days = [\"mon\", \"thu\"]\n"
    "start_time = \"09:00\"\n"
    "meeting_minutes = 45\n"
    "[[block]]\n"
    "slot = \"Topic\"\n"
    "minutes = 45\n";

// A copy of the fixture library with a program, in a folder of its own.
struct TempLibrary {
  fs::path root = fs::temp_directory_path() / ("iopplan-pipeline-" + std::to_string(::getpid()));
  TempLibrary() {
    fs::remove_all(root);
    fs::create_directories(root);
    fs::copy(fs::path(IOPPLAN_SOURCE_DIR) / "tests/render/fixtures/library", root / "library",
             fs::copy_options::recursive);
    fs::create_directories(root / "library/programs");
    std::ofstream(root / "library/programs/tiny.toml") << kProgram;
  }
  ~TempLibrary() { fs::remove_all(root); }
  std::string library() const { return (root / "library").string(); }
};

PlanRequest request_for(const TempLibrary& temp, const std::string& program) {
  PlanRequest request;
  request.library_dir = temp.library();
  request.program = program;
  return request;
}

BuildRequest build_request_for(const TempLibrary& temp) {
  BuildRequest request;
  request.plan = request_for(temp, "tiny");
  request.templates_dir = (fs::path(IOPPLAN_SOURCE_DIR) / "templates").string();
  request.out_dir = (temp.root / "out").string();
  return request;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pipeline)

BOOST_AUTO_TEST_CASE(plan_program_runs_load_then_plan) {
  TempLibrary temp;
  PlanRun run = plan_program(DiskFileSource(), request_for(temp, "tiny"));
  BOOST_TEST(diagnostics_text(run.diagnostics) == "");
  BOOST_TEST((run.stopped == Stop::none));
  BOOST_REQUIRE(run.plan.has_value());
  BOOST_TEST(run.plan->meetings.size() == 2u);
  BOOST_TEST(run.program->id == "tiny");
}

BOOST_AUTO_TEST_CASE(an_unknown_program_is_a_usage_error_before_loading) {
  TempLibrary temp;
  PlanRun run = plan_program(DiskFileSource(), request_for(temp, "tinny"));
  BOOST_TEST(diagnostics_text(run.diagnostics) == "error: unknown program 'tinny'; did you mean 'tiny'?\n");
  BOOST_TEST((run.stopped == Stop::request));
  BOOST_TEST(has_error_of(run.diagnostics, Kind::usage));
  BOOST_TEST(run.library.modules.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_earlier_plan_is_a_usage_error) {
  TempLibrary temp;
  PlanRequest request = request_for(temp, "tiny");
  request.previous = (temp.root / "nowhere.json").string();
  request.keep_through_week = 1;
  PlanRun run = plan_program(DiskFileSource(), request);
  BOOST_TEST((run.stopped == Stop::request));
  BOOST_TEST(has_error_of(run.diagnostics, Kind::usage));
}

// Issue 15, defect 10: an earlier plan of another program ended in "the rules above cannot all hold".
BOOST_AUTO_TEST_CASE(an_earlier_plan_of_another_program_is_a_usage_error) {
  TempLibrary temp;
  std::string other = kProgram;
  other.replace(other.find("\"tiny\""), 6, "\"other\"");
  std::ofstream(temp.root / "library/programs/other.toml") << other;
  PlanRun first = plan_program(DiskFileSource(), request_for(temp, "other"));
  BOOST_REQUIRE(first.plan.has_value());
  std::ofstream(temp.root / "other.json") << plan_to_json(*first.plan);
  PlanRequest request = request_for(temp, "tiny");
  request.previous = (temp.root / "other.json").string();
  request.keep_through_week = 1;
  PlanRun run = plan_program(DiskFileSource(), request);
  BOOST_TEST((run.stopped == Stop::request));
  BOOST_TEST(diagnostics_text(run.diagnostics) ==
             request.previous + ": error: the earlier plan is of program 'other', not 'tiny': --previous takes a plan "
                                "of the same program\n");
  BOOST_TEST(has_error_of(run.diagnostics, Kind::usage));
}

// Issue 15, defect 2: a library path that is not UTF-8 aborted build and plan --format json
// (nlohmann type_error.316) when it reached the plan's JSON.
BOOST_AUTO_TEST_CASE(a_path_that_is_not_utf8_is_written_escaped) {
  TempLibrary temp;
  fs::path odd = temp.root / "lib\xff\xfe";
  fs::rename(temp.root / "library", odd);
  BuildRequest request = build_request_for(temp);
  request.plan.library_dir = odd.string();
  BuildResult result = build(DiskFileSource(), request);
  BOOST_TEST((result.run.stopped == Stop::none));
  Plan plan = *result.run.plan;
  Diagnostic warning = warning_at(odd.string() + "/x.toml", {1, 1}, "caf\xe9 \x1b[2J");
  plan.warnings.push_back(warning);
  std::string json = plan_to_json(plan);
  BOOST_TEST(json.find("\"file\": \"" + (temp.root / "lib").string() + "\\\\xff\\\\xfe/x.toml\"") != std::string::npos);
  BOOST_TEST(json.find("\"message\": \"caf\\\\xe9 \\\\x1b[2J\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_library_with_errors_is_not_planned) {
  TempLibrary temp;
  std::ofstream(temp.root / "library/wellness/broken.toml") << "id = \"broken\"\n";
  PlanRun run = plan_program(DiskFileSource(), request_for(temp, "tiny"));
  BOOST_TEST((run.stopped == Stop::library));
  BOOST_TEST(has_error_of(run.diagnostics, Kind::input));
  BOOST_TEST(!run.program.has_value());
}

BOOST_AUTO_TEST_CASE(build_writes_every_document_and_reports_them) {
  TempLibrary temp;
  BuildRequest request = build_request_for(temp);
  BuildResult result = build(DiskFileSource(), request);
  BOOST_TEST(diagnostics_text(result.run.diagnostics) == "");
  BOOST_TEST((result.run.stopped == Stop::none));
  BOOST_TEST(result.out_dir == request.out_dir);
  BOOST_TEST(fs::exists(temp.root / "out/index.html"));
  BOOST_TEST(fs::exists(temp.root / "out/week-01/2027-03-01/facilitator-guide.md"));
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(temp.root / "out")) files += entry.is_regular_file();
  BOOST_TEST(result.files == files);
}

BOOST_AUTO_TEST_CASE(build_of_a_week_outside_the_plan_is_a_usage_error_and_writes_nothing) {
  TempLibrary temp;
  BuildRequest request = build_request_for(temp);
  request.render.only_week = 5;
  BuildResult result = build(DiskFileSource(), request);
  BOOST_TEST((result.run.stopped == Stop::render));
  BOOST_TEST(diagnostics_text(result.run.diagnostics) == "error: week 5 is not in the plan (it has 1 week)\n");
  BOOST_TEST(has_error_of(result.run.diagnostics, Kind::usage));
  BOOST_TEST(!fs::exists(temp.root / "out"));
}

BOOST_AUTO_TEST_CASE(a_pdf_build_without_a_browser_stops_before_any_work) {
  TempLibrary temp;
  BuildRequest request = build_request_for(temp);
  request.render.formats = {Format::pdf};
  request.chromium = (temp.root / "no-such-browser").string();
  BuildResult result = build(DiskFileSource(), request);
  BOOST_TEST((result.run.stopped == Stop::print));
  BOOST_TEST(has_error_of(result.run.diagnostics, Kind::output));
  BOOST_TEST(!fs::exists(temp.root / "out"));
}

BOOST_AUTO_TEST_CASE(check_counts_and_sorts_what_it_finds) {
  TempLibrary temp;
  CheckResult result = check_library_folder(DiskFileSource(), temp.library(), {});
  BOOST_TEST(diagnostics_text(result.diagnostics) == "");
  BOOST_TEST(result.modules == 3u);
  BOOST_TEST(result.tracks == 2u);
  BOOST_TEST(result.programs == 1u);
}

BOOST_AUTO_TEST_CASE(build_prints_the_handout_languages_of_the_program_or_the_request) {
  TempLibrary temp;
  std::string text = kProgram;
  text.insert(text.find("admission"), "languages = [\"en\", \"es\"]\n");
  std::ofstream(temp.root / "library/programs/tiny.toml") << text;
  BuildRequest request = build_request_for(temp);
  BuildResult result = build(DiskFileSource(), request);
  BOOST_TEST(diagnostics_text(result.run.diagnostics) == "");
  BOOST_TEST(fs::exists(temp.root / "out/week-01/2027-03-01/handouts.html"));
  BOOST_TEST(fs::exists(temp.root / "out/week-01/2027-03-01/handouts.es.html"));
  BOOST_TEST(fs::exists(temp.root / "out/week-01/2027-03-01/handouts.es.md"));

  request.languages = {"en"};  // --languages en
  request.out_dir = (temp.root / "out-en").string();
  result = build(DiskFileSource(), request);
  BOOST_TEST(diagnostics_text(result.run.diagnostics) == "");
  BOOST_TEST(fs::exists(temp.root / "out-en/week-01/2027-03-01/handouts.html"));
  BOOST_TEST(!fs::exists(temp.root / "out-en/week-01/2027-03-01/handouts.es.html"));
}

BOOST_AUTO_TEST_CASE(check_reports_missing_and_stale_translations_for_the_languages_programs_print) {
  TempLibrary temp;
  std::string lib = temp.library();
  CheckResult before = check_library_folder(DiskFileSource(), lib, {});
  BOOST_REQUIRE(before.languages.size() == 1u);
  BOOST_TEST(completeness_text(before.languages[0]) ==
             "es (Spanish): 3 of 3 modules translated, 0 missing, 0 stale; no program prints it");

  std::string text = kProgram;
  text.insert(text.find("admission"), "languages = [\"en\", \"es\"]\n");
  std::ofstream(temp.root / "library/programs/tiny.toml") << text;
  fs::remove(temp.root / "library/wellness/sleep-basics.es.toml");
  std::ifstream in(temp.root / "library/coping-skills/noticing-cravings.es.toml");
  std::string translation((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  translation.replace(translation.find("1.0.0"), 5, "0.9.0");
  std::ofstream(temp.root / "library/coping-skills/noticing-cravings.es.toml") << translation;

  CheckResult result = check_library_folder(DiskFileSource(), lib, {});
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             lib + "/coping-skills/noticing-cravings.es.toml:2:14: warning: stale translation: it translates version "
                   "0.9.0 of 'noticing-cravings', which is now version 1.0.0 (" + lib +
                   "/coping-skills/noticing-cravings.toml); update the text, then 'translates'\n" +
             lib + "/wellness/sleep-basics.toml:1:6: warning: no Spanish handout: program 'tiny' prints Spanish "
                   "handouts; write " + lib + "/wellness/sleep-basics.es.toml\n");
  BOOST_REQUIRE(result.languages.size() == 1u);
  BOOST_TEST(completeness_text(result.languages[0]) ==
             "es (Spanish): 1 of 3 modules translated, 1 missing, 1 stale; printed by tiny");
}

BOOST_AUTO_TEST_SUITE_END()
