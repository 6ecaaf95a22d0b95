#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/plan_summary.hpp"

using namespace iopplan;

namespace {

// A rolling plan whose entry weeks 1 and 3 miss modules, with an unused module, a repeat and a
// soft goal not met.
Plan rolling_plan() {
  Plan plan;
  plan.admission = "rolling";
  plan.required = {"b-plan", "a-skills"};
  plan.journeys = {{1, {2027, 1, 4}, 8, {"b-plan"}, {}, {{"c-coping", 2}}, {}, {}},
                   {2, {2027, 1, 11}, 8, {}, {}, {}, {}, {}},
                   {3, {2027, 1, 18}, 8, {"b-plan", "a-skills"}, {}, {}, {}, {}}};
  plan.unused = {"d-sleep", "e-food"};
  plan.repeated = {{"c-coping", 2}};
  plan.score_terms = {{"track spread", 1.0, 0.5}, {"track back-to-back", 3.0, 0.0}, {"module repeats", 2.0, 4.0}};
  return plan;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_summary_parts)

BOOST_AUTO_TEST_CASE(misses_are_grouped_by_module_with_the_entry_weeks_that_miss_them) {
  PlanSummary summary = plan_summary(rolling_plan());
  BOOST_TEST(summary.rolling);
  BOOST_TEST(summary.has_required);
  BOOST_REQUIRE(summary.required_missed.size() == 2u);
  BOOST_TEST(summary.required_missed[0].id == "a-skills");
  BOOST_TEST(summary.required_missed[0].entry_weeks == std::vector<int>{3}, boost::test_tools::per_element());
  BOOST_TEST(summary.required_missed[1].id == "b-plan");
  BOOST_TEST(summary.required_missed[1].entry_weeks == (std::vector<int>{1, 3}), boost::test_tools::per_element());
  BOOST_TEST(summary.goals_missed == (std::vector<std::string>{"track spread", "module repeats"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_text_names_who_misses_what) {
  BOOST_TEST(plan_summary_text(plan_summary(rolling_plan())) ==
             "\n"
             "Required modules missed: a-skills (entry week 3); b-plan (entry weeks 1, 3)\n"
             "Never scheduled: 2 modules (d-sleep, e-food)\n"
             "Met more than once in one stay: c-coping (2 times)\n"
             "Soft goals not fully met: track spread, module repeats (--explain for the score)\n");
}

BOOST_AUTO_TEST_CASE(a_cohort_that_meets_everything) {
  Plan plan;
  plan.admission = "closed";
  plan.required = {"a-skills"};
  plan.journeys = {{1, {2027, 1, 4}, 8, {}, {}, {}, {}, {}}};
  plan.score_terms = {{"track spread", 1.0, 0.0}};
  BOOST_TEST(plan_summary_text(plan_summary(plan)) ==
             "\n"
             "Required modules: all met\n"
             "Never scheduled: none\n"
             "Met more than once: none\n"
             "Soft goals not fully met: none (--explain for the score)\n");
  plan.required.clear();
  BOOST_TEST(plan_summary_text(plan_summary(plan)).find("Required modules: none set") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
