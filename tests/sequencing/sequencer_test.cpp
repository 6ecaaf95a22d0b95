// The engine on the shipped library and programs, and on small in-memory ones.
#include <boost/test/unit_test.hpp>

#include <map>

#include <set>

#include "iopplan/sequencing/plan_json.hpp"
#include "iopplan/sequencing/sequencer.hpp"
#include "sequencing/plan_oracle.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

std::vector<std::string> modules_of(const Plan& plan, int from_week = 1, int to_week = 1000) {
  std::vector<std::string> ids;
  for (const auto& meeting : plan.meetings) {
    if (meeting.week < from_week || meeting.week > to_week) continue;
    for (const auto& block : meeting.blocks) {
      if (!block.module.empty()) ids.push_back(block.module);
    }
  }
  return ids;
}

PlanResult plan_for(const Program& program, uint64_t seed = 1, std::optional<Date> start = std::nullopt) {
  PlanOptions options;
  options.seed = seed;
  options.start = start;
  return make_plan(builtin_library(), program, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sequencer)

BOOST_AUTO_TEST_CASE(the_16_week_rolling_program_from_2027_01_04) {
  Program program = one_group_program();
  PlanResult result = plan_for(program, 1, Date{2027, 1, 4});
  BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
  const Plan& plan = *result.plan;
  BOOST_TEST(plan.meetings.size() == 48u);
  std::set<std::string> dates;
  for (const auto& meeting : plan.meetings) dates.insert(to_iso(meeting.date));
  BOOST_TEST(!dates.count("2027-01-18"));
  BOOST_TEST(!dates.count("2027-02-15"));
  BOOST_TEST(plan.skipped.size() == 2u);
  auto ids = modules_of(plan);
  BOOST_TEST(ids.size() == 48u);
  // No repeat in the cycle but the pins: 3 early-recovery modules and overdose prevention 4 times each.
  BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == 36u);
  std::map<std::string, int> times;
  for (const auto& id : ids) ++times[id];
  BOOST_TEST(times["ers-trigger-thought-craving-use"] == 4);
  BOOST_TEST(times["ers-internal-triggers"] == 4);
  BOOST_TEST(times["overdose-prevention-and-naloxone"] == 4);
  BOOST_TEST(oracle_violation(builtin_library(), program, plan) == "");
  BOOST_TEST(plan.coverage.size() == 16u);
  for (const auto& row : plan.coverage) {
    BOOST_TEST_CONTEXT("entry week " << row.entry_week) {
      BOOST_TEST(row.core_missing.empty());
      BOOST_TEST(row.modules_seen == 36);
    }
  }
  BOOST_TEST(std::abs(oracle_score(builtin_library(), program, plan) - plan.score) < 1e-3);
  BOOST_TEST(plan.min_weekly_hours == 9);
  BOOST_TEST(plan.hours.size() == 17u);
  BOOST_TEST(plan.hours[2].hours == 6);      // week 3: Martin Luther King Jr. Day
  BOOST_TEST(plan.hours[16].hours == 9);     // the run-over week, filled out by the next round
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             program.path + ": note: 2 meeting days are closed (2027-01-18 Martin Luther King Jr. Day; 2027-02-15 "
                            "Washington's Birthday); their content moves on to the next meetings, so the plan runs 2 "
                            "meetings past week 16 and ends Wednesday, April 28, 2027\n" +
                 program.path + ":4:17: warning: 2 weeks fall below the 9 scheduled hours a week asam-2.1-adult "
                                "asks for: week 3 has 6 (2027-01-18 Martin Luther King Jr. Day); week 7 has 6 "
                                "(2027-02-15 Washington's Birthday)\n");
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_plan_byte_for_byte) {
  for (const char* id : {"iop-16-week-rolling", "iop-8-week-cohort"}) {
    Program program = builtin_program(id);
    PlanResult a = plan_for(program, 7), b = plan_for(program, 7), c = plan_for(program, 8);
    BOOST_REQUIRE(a.plan && b.plan && c.plan);
    BOOST_TEST(plan_to_json(*a.plan) == plan_to_json(*b.plan));
    BOOST_TEST(plan_to_json(*a.plan) != plan_to_json(*c.plan));  // the seed field differs at least
  }
}

BOOST_AUTO_TEST_CASE(the_8_week_cohort_holds_every_rule) {
  Program program = builtin_program("iop-8-week-cohort");
  for (uint64_t seed : {1, 2, 3}) {
    PlanResult result = plan_for(program, seed);
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    BOOST_TEST(oracle_violation(builtin_library(), program, *result.plan) == "");
    BOOST_TEST(result.plan->coverage.empty());
    BOOST_TEST(result.plan->meetings.size() == 32u);
    BOOST_TEST(to_iso(result.plan->skipped.at(0).date) == "2027-04-01");
    // More slots than modules forces some repeats; the search should not need many more than that.
    auto ids = modules_of(*result.plan);
    size_t repeats = ids.size() - std::set<std::string>(ids.begin(), ids.end()).size();
    size_t forced = ids.size() > builtin_library().modules.size() ? ids.size() - builtin_library().modules.size() : 0;
    BOOST_TEST(repeats >= forced);
    BOOST_TEST(repeats <= forced + 3);
  }
}

BOOST_AUTO_TEST_CASE(a_track_that_cannot_fill_its_quota_is_explained) {
  Library library = builtin_library();
  std::erase_if(library.modules, [](const Module& m) {
    return m.id == "hydration" || m.id == "movement-and-exercise" || m.id == "eating-well-when-time-is-short";
  });
  Program program = one_group_program();
  PlanResult result = make_plan(library, program, PlanOptions{});
  BOOST_TEST(!result.plan.has_value());
  const TrackLimit& nutrition = *std::find_if(program.limits.begin(), program.limits.end(),
                                              [](const TrackLimit& l) { return l.track == "nutrition"; });
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             program.path + ":" + std::to_string(nutrition.min_per_cycle_pos.line) +
                 ":17: error: track 'nutrition' needs 6 slots in the cycle (min_per_cycle) but has 5 modules that fit "
                 "the plan's content slots, and repeats are off (no_repeat_within = \"cycle\", " +
                 program.path + ":" + std::to_string(program.no_repeat_pos.line) + ")\n");
}

BOOST_AUTO_TEST_CASE(keeping_delivered_weeks_changes_as_little_as_possible) {
  Program program = one_group_program();
  PlanResult first = plan_for(program, 1);
  BOOST_REQUIRE(first.plan);
  // The first module from week 10 on that is neither pinned nor a prerequisite is withdrawn from the
  // library after weeks 1-4 were delivered.
  Library library = builtin_library();
  std::string withdrawn;
  for (const auto& id : modules_of(*first.plan, 10, 16)) {
    bool pinned = std::any_of(program.pins.begin(), program.pins.end(), [&](const Pin& pin) { return pin.module.id == id; });
    bool needed = std::any_of(library.modules.begin(), library.modules.end(), [&](const Module& m) {
      return std::find(m.prerequisites.begin(), m.prerequisites.end(), id) != m.prerequisites.end();
    });
    if (withdrawn.empty() && !pinned && !needed) withdrawn = id;
  }
  BOOST_REQUIRE(!withdrawn.empty());
  std::erase_if(library.modules, [&](const Module& m) { return m.id == withdrawn; });
  Plan earlier = *plan_from_json(plan_to_json(*first.plan), "earlier.json", first.diagnostics);
  PlanOptions options;
  options.seed = 99;
  options.keep = &earlier;
  options.keep_through_week = 4;
  PlanResult second = make_plan(library, program, options);
  BOOST_REQUIRE_MESSAGE(second.plan, diagnostics_text(second.diagnostics));
  const Plan& plan = *second.plan;
  // Weeks 1-4 exactly as delivered.
  for (size_t i = 0; i < first.plan->meetings.size() && first.plan->meetings[i].week <= 4; ++i) {
    const Meeting& a = first.plan->meetings[i];
    const Meeting& b = plan.meetings[i];
    BOOST_TEST(to_iso(a.date) == to_iso(b.date));
    for (size_t k = 0; k < a.blocks.size(); ++k) {
      BOOST_TEST(a.blocks[k].module == b.blocks[k].module);
      BOOST_TEST(a.blocks[k].module_version == b.blocks[k].module_version);
      BOOST_TEST(a.blocks[k].start == b.blocks[k].start);
      // The plan JSON holds no guidance; kept fixed blocks still carry the program's.
      BOOST_TEST(a.blocks[k].guidance == b.blocks[k].guidance);
    }
  }
  BOOST_TEST(plan.meetings.front().blocks.back().guidance.find("### ") == 0u);
  BOOST_TEST(oracle_violation(library, program, plan) == "");
  auto before = modules_of(*first.plan, 5), after = modules_of(plan, 5);
  BOOST_REQUIRE(before.size() == after.size());
  int changed = 0;
  for (size_t i = 0; i < before.size(); ++i) changed += before[i] != after[i] ? 1 : 0;
  BOOST_TEST(changed >= 1);
  BOOST_TEST(changed <= 3);  // the withdrawn module's slot, and at most a swap to keep the rules
  auto term = std::find_if(plan.score_terms.begin(), plan.score_terms.end(),
                           [](const ScoreTerm& t) { return t.name == "changes from the earlier plan"; });
  BOOST_REQUIRE(term != plan.score_terms.end());
  BOOST_TEST(term->value == 10.0 * changed);
}

BOOST_AUTO_TEST_CASE(keeping_weeks_checks_the_earlier_plan) {
  Program program = one_group_program();
  PlanResult first = plan_for(program);
  BOOST_REQUIRE(first.plan);
  Plan other = *first.plan;
  other.program = "iop-8-week-cohort";
  PlanOptions options;
  options.keep = &other;
  options.keep_through_week = 2;
  BOOST_TEST(diagnostics_text(make_plan(builtin_library(), program, options).diagnostics) ==
             "error: the earlier plan is for program 'iop-8-week-cohort', not 'evening-one-group'\n");
  options.keep = &*first.plan;
  options.keep_through_week = 30;
  BOOST_TEST(diagnostics_text(make_plan(builtin_library(), program, options).diagnostics) ==
             "error: --keep-through-week 30 is past the earlier plan's last week (17)\n");
  options.keep_through_week = 2;
  options.start = Date{2027, 2, 1};
  BOOST_TEST(diagnostics_text(make_plan(builtin_library(), program, options).diagnostics) ==
             "error: the earlier plan starts 2027-01-04; a kept plan cannot move to 2027-02-01\n");
  // Keeping every week leaves nothing to plan, and the plan is the earlier one.
  options.start.reset();
  options.keep_through_week = 17;
  PlanResult all = make_plan(builtin_library(), program, options);
  BOOST_REQUIRE_MESSAGE(all.plan, diagnostics_text(all.diagnostics));
  BOOST_TEST(modules_of(*all.plan) == modules_of(*first.plan));
}

BOOST_AUTO_TEST_CASE(shorten_plans_only_the_meetings_held) {
  Program program = one_group_program();
  program.when_closed = WhenClosed::shorten;
  PlanResult result = plan_for(program, 1, Date{2027, 1, 4});
  BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
  BOOST_TEST(result.plan->meetings.size() == 46u);
  BOOST_TEST(to_iso(result.plan->meetings.back().date) == "2027-04-22");
  BOOST_TEST(diagnostics_text({result.plan->warnings.front()}) ==
             program.path + ": note: 2 meeting days are closed (2027-01-18 Martin Luther King Jr. Day; 2027-02-15 "
                            "Washington's Birthday); the plan keeps its end date and holds 46 of 48 meetings "
                            "(when_closed = \"shorten\")\n");
}

BOOST_AUTO_TEST_CASE(stay_in_weeks_reports_what_closed_days_cost) {
  Program program = one_group_program();
  program.stay = Stay::weeks;
  PlanResult result = plan_for(program, 1, Date{2027, 1, 4});
  BOOST_REQUIRE(result.plan);
  const auto& coverage = result.plan->coverage;
  // Entry week 1 stays 16 calendar weeks: 46 sessions, so the 2 of the run-over week are missed
  // (36 different modules in the cycle, the pinned ones recurring).
  BOOST_TEST(coverage.at(0).modules_seen == 34);
  BOOST_TEST(coverage.at(0).core_missing == modules_of(*result.plan, 17, 17));
  for (const auto& row : coverage) BOOST_TEST(row.modules_seen + row.core_missing.size() == 36u);
}

BOOST_AUTO_TEST_CASE(an_impossible_arrangement_is_explained_at_the_rule) {
  Library library = make_library({"a"}, {make_module("a1", "a", 60, GroupType::skills, Phase::any),
                                         make_module("a2", "a", 60, GroupType::skills, Phase::any, {"a1"}),
                                         make_module("a3", "a", 60, GroupType::skills, Phase::any)});
  std::string text = replace_line(small_program_text(), 6, "meeting_days = [\"mon\"]") +
                     "\n[rules]\nrequired = [\"a2\"]\n"     // 18-19
                     "[[phase]]\nweeks = [1, 1]\nphases = [\"early\"]\n"
                     "[[phase]]\nweeks = [2, 2]\nphases = [\"late\"]\n";
  // Every module is "any", so phases do not bind; make a2 early-only and a1 late-only instead.
  library.modules[0].phase = Phase::late;
  library.modules[1].phase = Phase::early;
  Diagnostics out;
  auto program = parse_program("input/programs/x.toml", text, library, out);
  BOOST_REQUIRE_MESSAGE(program, diagnostics_text(out));
  PlanResult result = make_plan(library, *program, PlanOptions{});
  BOOST_TEST(!result.plan.has_value());
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             "input/programs/x.toml:19:13: error: no plan holds every rule: from content slot 'Topic' on Mon "
             "2027-03-01 (week 1) on, no slot is left in time for 'a1', which the required modules need (the slots "
             "and phases a module fits, and its prerequisites coming first, leave it no place)\n");
}

BOOST_AUTO_TEST_CASE(a_search_that_runs_dry_names_the_rules_that_kept_modules_out) {
  Library library = make_library({"a", "b"}, {make_module("a1", "a"), make_module("a2", "a", 60, GroupType::skills,
                                                                                  Phase::any, {"a1"}),
                                               make_module("b1", "b")});
  std::string text = replace_line(replace_line(small_program_text(), 4, "weeks = 1"), 16, "minutes = 60\n") +
                     "[rules]\nrequired = [\"a2\"]\n"  // 18-19
                     "[limits.a]\nmax_per_week = 1\n";   // 20-21
  Diagnostics out;
  auto program = parse_program("input/programs/x.toml", text, library, out);
  BOOST_REQUIRE_MESSAGE(program, diagnostics_text(out));
  PlanResult result = make_plan(library, *program, PlanOptions{});
  BOOST_TEST(!result.plan.has_value());
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             "input/programs/x.toml:21:16: error: no plan holds every rule: no module can take content slot 'Topic' on "
             "Thu 2027-03-04 (week 1) in any arrangement of the meetings before it: of the 3 modules that fit it, 1 "
             "belongs to a track at its max_per_week: a (input/programs/x.toml:21); 1 would leave too few slots for the "
             "required modules; 1 is in the cycle already (repeats are off)\n");
}

BOOST_AUTO_TEST_SUITE_END()
