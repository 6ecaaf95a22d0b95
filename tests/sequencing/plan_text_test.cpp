#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/plan_text.hpp"
#include "sequencing/plan_output_fixture.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

BOOST_AUTO_TEST_SUITE(plan_text)

BOOST_AUTO_TEST_CASE(a_week_by_week_table) {
  SmallPlan s = small_plan();
  BOOST_TEST(plan_to_text(s.plan, s.program, s.library, false) ==
             "Test program (x)\n"
             "Rolling admission | 2 weeks from Monday, March 1, 2027 | Mon/Thu 09:00-10:30 | group size 12 | seed 1\n"
             "Each meeting: 09:00 Check-in (30) | 09:30 Topic (60)\n"
             "\n"
             "Week  Day  Date        Topic  Title\n"
             "----  ---  ----------  -----  -----\n"
             "   1  Mon  2027-03-01  a  a3  Title of a3\n"
             "      Thu  2027-03-04  c  c1  Title of c1\n"
             "   2  Mon  2027-03-08  closed: Snow day\n"
             "      Thu  2027-03-11  b  b4  Title of b4\n"
             "   3  Mon  2027-03-15  c  c2  Title of c2\n"
             "\n"
             "4 meetings, 1 closed day (content moved on: 1 past week 2); last meeting Monday, March 15, 2027\n"
             "Scheduled hours: 3 a week (week 2: 1.5); asam-2.1-adolescent asks for at least 6\n"
             "\n"
             "Coverage: a patient joining in each week and staying 2 weeks (core: every module of the cycle, 4)\n"
             "Entry week  Seen  Core missing  Out of order\n"
             "         1     3             1             0\n"
             "         2     3             1             0\n"
             "0 of 2 entry weeks see every core module\n"
             "\n"
             "Required modules: none set (required and core_modules in [rules])\n"
             "Never scheduled: 8 modules (a1, a2, a4, b1, b2, b3, c3, c4)\n"
             "Met more than once in one stay: none\n"
             "Soft goals not fully met: none (--explain for the score)\n");
}

BOOST_AUTO_TEST_CASE(explain_adds_reasons_missing_modules_and_the_score_terms) {
  SmallPlan s = small_plan();
  std::string text = plan_to_text(s.plan, s.program, s.library, true);
  BOOST_TEST(text.find("   1  Mon  2027-03-01  a  a3  Title of a3\n"
                       "                        Topic: a 1 of 1 in the cycle, not back to back; 60 of 60 minutes\n") !=
             std::string::npos);
  BOOST_TEST(text.find("         1     3             1             0\n"
                       "            missing: c2\n") != std::string::npos);
  BOOST_TEST(text.find("Score: 0.0000 (lower is better)\n"
                       "  track spread           weight 1         0.0000\n"
                       "  track back-to-back     weight 3         0.0000\n"
                       "  group type variety     weight 2         0.0000\n"
                       "  prerequisite distance  weight 0.5       0.0000\n"
                       "  module repeats         weight 2         0.0000\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_slots_make_two_columns) {
  Program program = builtin_program("iop-8-week-cohort");
  PlanResult result = make_plan(builtin_library(), program, PlanOptions{});
  BOOST_REQUIRE(result.plan);
  std::string text = plan_to_text(*result.plan, program, builtin_library(), false);
  BOOST_TEST(text.find("Week  Day  Date        Skills group ") != std::string::npos);
  BOOST_TEST(text.find("   5  Mon  2027-03-29  ") != std::string::npos);
  BOOST_TEST(text.find("      Thu  2027-04-01  closed: Staff training\n") != std::string::npos);
  BOOST_TEST(text.find("Coverage") == std::string::npos);  // a closed cohort has no entry weeks
}

BOOST_AUTO_TEST_SUITE_END()
