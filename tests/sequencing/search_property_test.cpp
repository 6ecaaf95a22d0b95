// Property tests over generated instances: no hard rule is ever broken; on tiny instances a plan
// is found whenever exhaustive search finds one, and its score is close to the exhaustive optimum.
#include <boost/test/unit_test.hpp>

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/sequencing/plan_json.hpp"
#include "iopplan/sequencing/sequencer.hpp"
#include "sequencing/problem.hpp"
#include "sequencing/random.hpp"
#include "sequencing/state.hpp"
#include "sequencing/plan_oracle.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

struct Instance {
  Library library;
  Program program;
};

int pick(SplitMix64& rng, int low, int high) { return low + static_cast<int>(rng.below(high - low + 1)); }

// A random library and program; `max_slots` bounds the content slots of the nominal calendar.
Instance generate(uint64_t seed, int max_modules, int max_weeks, int max_slots) {
  SplitMix64 rng(seed);
  Instance in;
  int tracks = pick(rng, 2, 3);
  std::vector<std::string> track_ids;
  for (int t = 0; t < tracks; ++t) track_ids.push_back(std::string(1, static_cast<char>('a' + t)));
  std::vector<Module> modules;
  int n = pick(rng, 3, max_modules);
  const int minutes[] = {30, 45, 60};
  const Phase phases[] = {Phase::early, Phase::middle, Phase::late, Phase::any};
  for (int i = 0; i < n; ++i) {
    std::vector<std::string> prerequisites;
    if (i > 0 && rng.below(10) < 3) prerequisites.push_back("m" + std::to_string(rng.below(i)));
    modules.push_back(make_module("m" + std::to_string(i), track_ids[rng.below(tracks)], minutes[rng.below(3)],
                                  static_cast<GroupType>(rng.below(3)), phases[rng.below(4)], prerequisites));
  }
  in.library = make_library(track_ids, modules);

  Program& p = in.program;
  p.id = "generated";
  p.name = "Generated";
  p.path = "gen.toml";
  p.start_date = {2027, 3, 1};  // a Monday, with no federal holiday for weeks
  p.start_time = 9 * 60;
  p.admission = rng.below(2) ? Admission::rolling : Admission::closed;
  int slots_per_meeting;
  do {
    p.weeks = pick(rng, 1, max_weeks);
    p.meeting_days = rng.below(2) ? std::vector<Weekday>{Weekday::monday} : std::vector<Weekday>{Weekday::monday, Weekday::thursday};
    slots_per_meeting = pick(rng, 1, 2);
  } while (p.weeks * static_cast<int>(p.meeting_days.size()) * slots_per_meeting > max_slots);
  p.blocks.push_back({"Check-in", "", 15, {}, {}, "", "", {}});
  for (int s = 0; s < slots_per_meeting; ++s) {
    Block block{"", "Slot " + std::to_string(s + 1), rng.below(3) ? 60 : 45, {}, {}, "", "", {}};
    if (rng.below(4) == 0) block.tracks = {track_ids[rng.below(tracks)], track_ids[rng.below(tracks)]};
    if (rng.below(5) == 0) block.group_types = {static_cast<GroupType>(rng.below(3)), static_cast<GroupType>(rng.below(3))};
    p.blocks.push_back(block);
  }
  p.meeting_minutes = 0;
  for (const auto& b : p.blocks) p.meeting_minutes += b.minutes;
  p.no_repeat_within_weeks = rng.below(5) < 3 ? 0 : pick(rng, 1, 2);
  for (const auto& t : track_ids) {
    if (rng.below(2)) continue;
    TrackLimit limit;
    limit.track = t;
    if (rng.below(2)) limit.min_per_cycle = pick(rng, 0, 2);
    if (rng.below(2)) limit.max_per_cycle = pick(rng, 1, 4);
    if (rng.below(3) == 0) limit.max_per_week = pick(rng, 1, 2);
    if (rng.below(4) == 0) limit.min_per_week = 1;
    if (limit.min_per_cycle > limit.max_per_cycle && limit.max_per_cycle >= 0) limit.min_per_cycle = limit.max_per_cycle;
    p.limits.push_back(limit);
  }
  if (rng.below(10) < 3) p.required.push_back({"m" + std::to_string(rng.below(n)), {}});
  if (rng.below(10) < 2) {
    std::string id = "m" + std::to_string(rng.below(n));
    if (p.required.empty() || p.required.front().id != id) p.excluded.push_back({id, {}});
  }
  if (rng.below(10) < 3) p.phases.push_back({1, 1, {Phase::early}, {}});
  if (rng.below(5) == 0) p.closures.push_back({{2027, 3, 1}, {2027, 3, 1}, "Closed", {}});
  return in;
}

struct Exhaustive {
  bool feasible = false;
  double best = 0;
  long plans = 0;
};

// Tries every module in every content slot of the program's calendar.
Exhaustive exhaustive(const Library& library, const Program& program) {
  Exhaustive result;
  Plan plan;
  plan.start = program.start_date;
  plan.weeks = program.weeks;
  plan.admission = admission_name(program.admission);
  for (const auto& day : meeting_calendar(program, program.start_date)) {
    if (!day.held()) continue;
    Meeting meeting;
    meeting.week = day.week;
    meeting.date = day.date;
    for (const auto& block : program.blocks) {
      PlannedBlock planned;
      planned.minutes = block.minutes;
      if (block.is_content()) planned.module = "?";
      else planned.activity = block.activity;
      meeting.blocks.push_back(planned);
    }
    plan.meetings.push_back(meeting);
  }
  std::vector<PlannedBlock*> slots;
  for (auto& meeting : plan.meetings) {
    for (auto& block : meeting.blocks) {
      if (!block.module.empty()) slots.push_back(&block);
    }
  }
  size_t n = library.modules.size();
  std::vector<size_t> choice(slots.size(), 0);
  while (true) {
    for (size_t i = 0; i < slots.size(); ++i) slots[i]->module = library.modules[choice[i]].id;
    ++result.plans;
    if (oracle_violation(library, program, plan).empty()) {
      double score = oracle_score(library, program, plan);
      if (!result.feasible || score < result.best) result.best = score;
      result.feasible = true;
    }
    size_t i = 0;
    while (i < choice.size() && ++choice[i] == n) choice[i++] = 0;
    if (i == choice.size()) break;
  }
  return result;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_properties)

BOOST_AUTO_TEST_CASE(tiny_instances_match_exhaustive_search) {
  int feasible = 0, infeasible = 0, optimal = 0;
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    Instance in = generate(seed, 6, 3, 5);
    Exhaustive best = exhaustive(in.library, in.program);
    PlanResult result = make_plan(in.library, in.program, PlanOptions{});
    BOOST_TEST_CONTEXT("instance " << seed << ": " << diagnostics_text(result.diagnostics)) {
      BOOST_TEST(result.plan.has_value() == best.feasible);
      if (!result.plan || !best.feasible) {
        ++infeasible;
        BOOST_TEST(has_errors(result.diagnostics));
        continue;
      }
      ++feasible;
      BOOST_TEST(oracle_violation(in.library, in.program, *result.plan) == "");
      double score = oracle_score(in.library, in.program, *result.plan);
      BOOST_TEST(std::abs(score - result.plan->score) < 1e-3);
      BOOST_TEST(score >= best.best - 1e-6);
      // "Within a few percent": 3 % of the optimum, plus a hair for the rounding of each term.
      BOOST_TEST(score <= best.best * 1.03 + 1e-3);
      optimal += score <= best.best + 1e-6 ? 1 : 0;
    }
  }
  BOOST_TEST_MESSAGE("tiny instances: " << feasible << " feasible (" << optimal << " at the optimum), " << infeasible
                                        << " infeasible");
  // The generator must exercise both outcomes to mean anything.
  BOOST_TEST(feasible > 100);
  BOOST_TEST(infeasible > 20);
}

BOOST_AUTO_TEST_CASE(larger_instances_never_break_a_rule_and_repeat_exactly) {
  int planned = 0;
  for (uint64_t seed = 1000; seed < 1080; ++seed) {
    Instance in = generate(seed, 40, 8, 40);
    PlanOptions options;
    options.seed = seed;
    PlanResult first = make_plan(in.library, in.program, options);
    PlanResult second = make_plan(in.library, in.program, options);
    BOOST_TEST_CONTEXT("instance " << seed << ": " << diagnostics_text(first.diagnostics)) {
      BOOST_TEST(first.plan.has_value() == second.plan.has_value());
      if (!first.plan) {
        BOOST_TEST(has_errors(first.diagnostics));
        continue;
      }
      ++planned;
      BOOST_TEST(oracle_violation(in.library, in.program, *first.plan) == "");
      BOOST_TEST(std::abs(oracle_score(in.library, in.program, *first.plan) - first.plan->score) < 1e-3);
      BOOST_TEST(plan_to_json(*first.plan) == plan_to_json(*second.plan));
    }
  }
  BOOST_TEST(planned > 30);
}

// When one seed finds a plan, every seed must: the search restarts and repairs rather than give up.
BOOST_AUTO_TEST_CASE(when_one_seed_finds_a_plan_every_seed_does) {
  int shapes = 0;
  for (uint64_t seed = 3000; seed < 3030; ++seed) {
    Instance in = generate(seed, 40, 8, 40);
    int found = 0;
    for (uint64_t s = 1; s <= 20; ++s) {
      PlanOptions options;
      options.seed = s;
      PlanResult result = make_plan(in.library, in.program, options);
      if (!result.plan) continue;
      ++found;
      BOOST_TEST(oracle_violation(in.library, in.program, *result.plan) == "");
    }
    BOOST_TEST_CONTEXT("instance " << seed) { BOOST_TEST((found == 0 || found == 20)); }
    shapes += found == 20 ? 1 : 0;
  }
  BOOST_TEST(shapes > 10);
}

// The score the search keeps up move by move must match the score counted from scratch.
BOOST_AUTO_TEST_CASE(incremental_score_matches_a_full_count) {
  for (uint64_t seed = 2000; seed < 2020; ++seed) {
    Instance in = generate(seed, 30, 6, 30);
    PlanResult result = make_plan(in.library, in.program, PlanOptions{});
    if (!result.plan) continue;
    auto days = meeting_calendar(in.program, in.program.start_date);
    Problem problem = build_problem(in.library, in.program, in.program.start_date, KeptPart{}, days, nullptr);
    State state(problem);
    size_t k = 0;
    std::vector<std::string> ids;
    for (const auto& meeting : result.plan->meetings) {
      for (const auto& block : meeting.blocks) {
        if (!block.module.empty()) state.set(problem.free_slots[k++], problem.module_index.at(block.module));
      }
    }
    BOOST_REQUIRE(broken_rule(problem, state.assignment()) == "");
    double score = weighted(state.score(), problem.weights);
    SplitMix64 rng(seed);
    int applied = 0;
    for (int i = 0; i < 3000; ++i) {
      Move move;
      move.a = problem.free_slots[rng.below(problem.free_slots.size())];
      if (rng.below(2)) {
        move.b = problem.free_slots[rng.below(problem.free_slots.size())];
        if (move.b == move.a) continue;
      } else {
        move.module = static_cast<int>(rng.below(problem.modules.size()));
        if (move.module == state.at(move.a)) continue;
      }
      auto delta = state.apply(move);
      if (!delta) continue;
      ++applied;
      score += *delta;
      BOOST_REQUIRE(broken_rule(problem, state.assignment()) == "");
      if (rng.below(3) == 0) {
        state.undo();
        score -= *delta;
      }
    }
    BOOST_TEST(std::abs(score - weighted(evaluate(problem, state.assignment()), problem.weights)) < 1e-6);
    BOOST_TEST_MESSAGE("instance " << seed << ": " << applied << " moves applied");
  }
}

BOOST_AUTO_TEST_SUITE_END()
