// The build's plan summary page: the same parts as `iopplan plan`'s summary, with module titles.
#include <boost/test/unit_test.hpp>

#include "iopplan/render/site.hpp"
#include "render/fixtures.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;

namespace {

// The page's own part, between the header partial and the footer's rule.
std::string summary_md(const Plan& plan) {
  RenderOptions options;
  options.formats = {Format::md};
  Diagnostics diagnostics;
  auto site = render_site(plan, kPlanJson, fixture_library(), fixture_organization(), builtin_templates(), options,
                          diagnostics);
  BOOST_REQUIRE_MESSAGE(site, diagnostics_text(diagnostics));
  for (const auto& file : site->files) {
    if (file.path != "summary.md") continue;
    size_t begin = file.content.find("# Plan summary");
    size_t end = file.content.find("\n---\n");
    BOOST_REQUIRE(begin != std::string::npos && end != std::string::npos);
    return file.content.substr(begin, end - begin);
  }
  BOOST_FAIL("no summary.md");
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(summary_view)

BOOST_AUTO_TEST_CASE(a_rolling_plan_says_who_misses_what_and_what_is_never_used) {
  Plan plan = fixture_plan();
  plan.journeys[0].required_missed = {"saying-no"};
  plan.unused = {"sleep-basics"};
  BOOST_TEST(summary_md(plan) ==
             "# Plan summary\n"
             "\n"
             "[Program at a glance](index.md)\n"
             "\n"
             "What this plan leaves out or repeats, for a participant joining in any week and staying the full program.\n"
             "\n"
             "## Required modules\n"
             "\n"
             "| Module | Missed by |\n"
             "|---|---|\n"
             "| Saying No to an Offer (saying-no) | entry weeks 1 and 2 |\n"
             "\n"
             "## Never scheduled\n"
             "\n"
             "The plan never schedules 1 module of the library:\n"
             "\n"
             "- Sleep Basics (sleep-basics)\n"
             "\n"
             "## Met more than once in one stay\n"
             "\n"
             "- Noticing Cravings (noticing-cravings): 2 times\n"
             "\n"
             "## Soft goals not fully met\n"
             "\n"
             "- track spread\n"
             "\n"
             "The score behind these goals: `iopplan plan evening-iop --explain`.\n");
}

BOOST_AUTO_TEST_CASE(a_cohort_that_meets_everything_says_so) {
  Plan plan = fixture_plan();
  plan.admission = "closed";
  plan.journeys = {{1, {2027, 1, 4}, 4, {}, {}, {}, {}, {}}};
  plan.repeated.clear();
  plan.score_terms.clear();
  std::string text = summary_md(plan);
  BOOST_TEST(text.find("What this plan leaves out or repeats, for the cohort.\n") != std::string::npos);
  BOOST_TEST(text.find("## Required modules\n\nAll met.\n") != std::string::npos);
  BOOST_TEST(text.find("## Never scheduled\n\nNone: the plan uses every module it may.\n") != std::string::npos);
  BOOST_TEST(text.find("## Met more than once\n\nNone: no participant meets a module twice.\n") != std::string::npos);
  BOOST_TEST(text.find("## Soft goals not fully met\n\nNone.\n") != std::string::npos);
  plan.required.clear();
  BOOST_TEST(summary_md(plan).find("None set: the program names no `required` or `core_modules` in its rules.") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
