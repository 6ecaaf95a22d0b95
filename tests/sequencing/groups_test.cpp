// Programs with several groups ([[group]]) and pins: the schema's diagnostics, plans merged on one
// calendar, journeys across groups, and an independent check of long stretches of the rotations.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "iopplan/sequencing/plan_json.hpp"
#include "iopplan/sequencing/sequencer.hpp"
#include "sequencing/plan_oracle.hpp"
#include "sequencing/random.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::seqtest;

namespace {

constexpr const char* kPath = "input/programs/x.toml";

// Two groups for small_library(): one for weeks 1-2 of the stay, one for the whole stay.
std::string grouped_text() {
  return "id = \"x\"\n"                           // 1
         "name = \"Test program\"\n"              // 2
         "admission = \"rolling\"\n"              // 3
         "weeks = 4\n"                            // 4
         "start_date = 2027-03-01\n"              // 5
         "\n"                                     // 6
         "[[group]]\n"                            // 7
         "id = \"early\"\n"                       // 8
         "name = \"Early group\"\n"               // 9
         "weeks = [1, 2]\n"                       // 10
         "meeting_days = [\"mon\"]\n"             // 11
         "start_time = \"17:00\"\n"               // 12
         "meeting_minutes = 60\n"                 // 13
         "\n"                                     // 14
         "[[group.block]]\n"                      // 15
         "slot = \"Topic\"\n"                     // 16
         "minutes = 60\n"                         // 17
         "\n"                                     // 18
         "[[group]]\n"                            // 19
         "id = \"main\"\n"                        // 20
         "name = \"Main group\"\n"                // 21
         "weeks = [1, 4]\n"                       // 22
         "meeting_days = [\"mon\", \"thu\"]\n"    // 23
         "start_time = \"18:00\"\n"               // 24
         "meeting_minutes = 60\n"                 // 25
         "\n"                                     // 26
         "[[group.block]]\n"                      // 27
         "slot = \"Topic\"\n"                     // 28
         "minutes = 60\n";                        // 29
}

struct Case {
  int line;  // the line of grouped_text() to replace; 0 appends
  const char* text;
  const char* expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.text; }

const Case kCases[] = {
    {22, "weeks = [1, 6]",
     "input/programs/x.toml:22:9: error: 'weeks' in group 2 is [1, 6]; it must lie within weeks 1-4 of the stay, first "
     "to last\n"},
    {10, "weks = [1, 2]", "input/programs/x.toml:10:1: error: unknown key 'weks' in group 1; did you mean 'weeks'?\n"},
    {12, "start_time = \"17:30\"",
     "input/programs/x.toml:24:14: error: group 'main' (Monday 18:00-19:00) overlaps group 'early' (17:30-18:30, line "
     "7)\n"},
    {16, "slot = \"Topic\"\ngroup_types = [\"family\"]",
     "input/programs/x.toml:15:1: error: block 1 of group 'early' takes family sessions, but the group's attendees are "
     "patients only; set attendees = \"patients-and-family\" or drop \"family\"\n"},
    {6, "meeting_days = [\"mon\"]",
     "input/programs/x.toml:6:16: error: 'meeting_days' belongs in each [[group]] when the program has groups\n"},
    {20, "id = \"early\"",
     "input/programs/x.toml:20:6: error: two groups have the id 'early' (the other at line 7)\n"},
    {21, "name = \"Main group\"\nattendees = \"family\"",
     "input/programs/x.toml:22:13: error: 'attendees' in group 2 is 'family'; it must be one of patients, "
     "patients-and-family\n"},
    {0, "[group.rules]\nno_repeat_within = 5",
     "input/programs/x.toml:32:20: error: 'no_repeat_within' is 5 weeks, longer than the 4-week rotation of group 'main', "
     "which brings every module back each round; use \"cycle\" or at most 4\n"},
    {0, "[[group.pin]]\nmodule = \"a1\"\nweek = 1",
     "input/programs/x.toml:33:8: error: 'week' in pin 1 pins to a program week, which a rolling program has not; use "
     "'stay_weeks', such as [1, 2]\n"},
    {0, "[[group.pin]]\nmodule = \"a9\"\nstay_weeks = [1, 5]",
     "input/programs/x.toml:32:10: error: unknown module 'a9' in pin 1; did you mean 'a1'?\n"
     "input/programs/x.toml:33:14: error: 'stay_weeks' in pin 1 is [1, 5]; it must lie within weeks 1-4 of the stay, "
     "first to last\n"},
};

std::string load_errors(const std::string& text) {
  Diagnostics out;
  auto program = parse_program(kPath, text, small_library(), out);
  sort_diagnostics(out);
  BOOST_TEST(!program.has_value());
  return diagnostics_text(out);
}

Program parse_ok(const std::string& text, const Library& library = small_library()) {
  Diagnostics out;
  auto program = parse_program(kPath, text, library, out);
  if (!program) throw std::runtime_error(diagnostics_text(out));
  return *program;
}

Plan plan_weeks(const Library& library, const Program& program, int weeks, uint64_t seed = 1) {
  PlanOptions options;
  options.seed = seed;
  options.from = program.start_date;
  options.window_weeks = weeks;
  PlanResult result = make_plan(library, program, options);
  if (!result.plan) throw std::runtime_error(diagnostics_text(result.diagnostics));
  return *result.plan;
}

const Meeting* meeting_at(const Plan& plan, const Date& date, const std::string& group) {
  for (const auto& meeting : plan.meetings) {
    if (meeting.date == date && meeting.group == group) return &meeting;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(groups)

BOOST_DATA_TEST_CASE(group_schema_errors_are_exact, boost::unit_test::data::make(kCases), c) {
  std::string text = grouped_text();
  text = c.line == 0 ? text + "\n" + c.text + "\n" : replace_line(text, c.line, c.text);
  BOOST_TEST(load_errors(text) == c.expected);
}

BOOST_AUTO_TEST_CASE(parallel_groups_for_different_weeks_of_the_stay_may_share_a_time) {
  Program program = parse_ok(replace_line(replace_line(grouped_text(), 22, "weeks = [3, 4]"), 24, "start_time = \"17:00\""));
  BOOST_TEST(program.groups.size() == 2u);
  BOOST_TEST(program.groups[1].audience_first == 3);
  BOOST_TEST(program.groups[1].weeks == 2);  // planned as a rotation of two weeks
}

// Both groups meet on Mondays, back to back; each module is planned in one group only.
BOOST_AUTO_TEST_CASE(groups_meet_on_one_calendar) {
  Program program = parse_ok(grouped_text());
  PlanResult result = make_plan(small_library(), program, PlanOptions{});
  BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
  const Plan& plan = *result.plan;
  BOOST_REQUIRE(plan.meetings.size() >= 3u);
  BOOST_TEST(to_iso(plan.meetings[0].date) == "2027-03-01");
  BOOST_TEST(plan.meetings[0].group == "early");
  BOOST_TEST(clock_time(plan.meetings[0].start) == "17:00");
  BOOST_TEST(plan.meetings[1].group == "main");
  BOOST_TEST(clock_time(plan.meetings[1].start) == "18:00");
  BOOST_TEST(to_iso(plan.meetings[2].date) == "2027-03-04");
  // Four weeks: the early group's two-week rotation runs twice, the main group's once.
  int early = 0, main = 0;
  for (const auto& meeting : plan.meetings) (meeting.group == "early" ? early : main) += 1;
  BOOST_TEST(early == 4);
  BOOST_TEST(main == 8);
  BOOST_TEST(grouped_violation(small_library(), program, plan_weeks(small_library(), program, 52)) == "");
  // A participant joining in week 2 attends the early group in their weeks 1-2 only: Mondays of
  // weeks 2 and 3.
  const Journey& second = plan.journeys[1];
  BOOST_TEST(second.entry_week == 2);
  std::vector<std::string> early_dates;
  for (const auto& session : second.attended) {
    if (session.group == "early") early_dates.push_back(to_iso(session.date));
  }
  BOOST_TEST(early_dates == (std::vector<std::string>{"2027-03-08", "2027-03-15"}), boost::test_tools::per_element());
  BOOST_TEST(second.sessions == 10);
  BOOST_TEST((second.group_sessions == std::vector<std::pair<std::string, int>>{{"early", 2}, {"main", 8}}));
  std::string json = plan_to_json(plan);
  BOOST_TEST(json.find("\"groups\": {\n        \"early\": 2,\n        \"main\": 8\n      }") != std::string::npos);
}

// separate_days holds across groups: the main group's track-a sessions never share a day with a
// track-b session of the early group, nor its track-b sessions with track a, over a year of
// rotations of different lengths; without the rule they do.
BOOST_AUTO_TEST_CASE(separate_days_keeps_tracks_apart_across_groups) {
  std::string apart = grouped_text() + "\n[group.rules]\nno_repeat_within = 2\nseparate_days = [[\"a\", \"b\"]]\n";
  Program program = parse_ok(apart);
  Program without = parse_ok(grouped_text());
  int conflicts_without = 0;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Plan year = plan_weeks(small_library(), program, 52, seed);
      BOOST_TEST(grouped_violation(small_library(), program, year) == "");
      Plan free = plan_weeks(small_library(), without, 52, seed);
      conflicts_without += grouped_violation(small_library(), program, free).empty() ? 0 : 1;
    }
  }
  BOOST_TEST(conflicts_without > 0);
}

// A slot that takes only a track kept off its days by another group's sessions is named, before any search.
BOOST_AUTO_TEST_CASE(separate_days_across_groups_that_leave_a_slot_empty_is_an_error) {
  std::string text = replace_line(grouped_text(), 17, "minutes = 60\ntracks = [\"b\"]");  // the early group: b only
  text = replace_line(text, 30, "minutes = 60\ntracks = [\"a\"]") + "\n[group.rules]\nno_repeat_within = 2\nseparate_days = [[\"a\", \"b\"]]\n";
  PlanResult result = make_plan(small_library(), parse_ok(text), PlanOptions{});
  BOOST_TEST(!result.plan.has_value());
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             "input/programs/x.toml:15:1: error: content slot 'Topic' (60 minutes; tracks b) fits no module on some days "
             "of weeks 1-2: another group holds a track there that separate_days keeps apart from 'b', and the slot "
             "takes nothing else\n");
}

// A generated program of two or three groups on a library of three tracks (ten 60-minute modules
// each): random weeks of the stay (or of the program), days, repeat rules, weekly limits, pins and
// separate_days pairs; US holidays closed. Groups meet at different times, so none overlap.
std::string generated_grouped_text(uint64_t seed) {
  SplitMix64 rng(seed);
  auto pick = [&](int low, int high) { return low + static_cast<int>(rng.below(static_cast<uint64_t>(high - low + 1))); };
  bool rolling = rng.below(2) == 0;
  int weeks = pick(4, 8);
  std::string text = "id = \"x\"\nname = \"Generated\"\nadmission = \"" + std::string(rolling ? "rolling" : "closed") +
                     "\"\nweeks = " + std::to_string(weeks) + "\nstart_date = 2027-05-03\nskip_us_federal_holidays = true\n";
  const char* days[] = {"\"mon\"", "\"tue\"", "\"wed\"", "\"thu\"", "\"fri\""};
  const char* tracks[] = {"a", "b", "c"};
  int groups = pick(2, 3);
  std::set<int> pinned;
  for (int g = 0; g < groups; ++g) {
    int first = pick(1, weeks), last = pick(first, weeks);
    int day = pick(0, 4), second = pick(0, 4);
    text += "\n[[group]]\nid = \"g" + std::to_string(g) + "\"\nname = \"Group " + std::to_string(g) + "\"\nweeks = [" +
            std::to_string(first) + ", " + std::to_string(last) + "]\nmeeting_days = [" + days[day] +
            (second != day ? std::string(", ") + days[second] : "") + "]\nstart_time = \"" + std::to_string(10 + 2 * g) +
            ":00\"\nmeeting_minutes = 60\n\n[[group.block]]\nslot = \"Topic\"\nminutes = 60\n";
    if (rng.below(3) == 0) text += std::string("tracks = [\"") + tracks[g % 3] + "\", \"" + tracks[(g + 1) % 3] + "\"]\n";
    int rotation = rolling ? last - first + 1 : weeks;
    text += "\n[group.rules]\nno_repeat_within = " +
            std::string(rng.below(2) ? "\"cycle\"" : std::to_string(pick(1, std::min(3, rotation)))) + "\n";
    if (rng.below(2) == 0) {
      int x = pick(0, 2), y = (x + pick(1, 2)) % 3;
      text += std::string("separate_days = [[\"") + tracks[x] + "\", \"" + tracks[y] + "\"]]\n";
    }
    if (rng.below(3) == 0) text += std::string("\n[group.limits.") + tracks[pick(0, 2)] + "]\nmax_per_week = 1\n";
    if (rolling && rng.below(3) == 0) {
      int module = pick(0, 29);
      if (pinned.insert(module).second) {
        text += std::string("\n[[group.pin]]\nmodule = \"") + tracks[module / 10] + std::to_string(module % 10 + 1) +
                "\"\nstay_weeks = [" + std::to_string(first) + ", " + std::to_string(last) + "]\n";
      }
    }
  }
  return text;
}

Library generated_library() {
  std::vector<Module> modules;
  for (const char* t : {"a", "b", "c"}) {
    for (int i = 1; i <= 10; ++i) modules.push_back(make_module(std::string(t) + std::to_string(i), t));
  }
  return make_library({"a", "b", "c"}, modules);
}

// Over generated programs of groups: whenever one plans, a year of it breaks no rule (repeats,
// weekly limits and separate_days across the groups and the seams of their rotations), and when
// seed 1 plans, seeds 2 and 3 do too.
BOOST_AUTO_TEST_CASE(generated_grouped_programs_never_break_a_rule) {
  Library library = generated_library();
  int planned = 0, unplannable = 0, invalid = 0;
  for (uint64_t instance = 1; instance <= 30; ++instance) {
    std::string text = generated_grouped_text(instance);
    Diagnostics out;
    auto program = parse_program(kPath, text, library, out);
    if (!program) {
      ++invalid;
      BOOST_TEST_MESSAGE(diagnostics_text(out));
      continue;
    }
    BOOST_TEST_CONTEXT("instance " << instance << ":\n" << text) {
      bool first = false;
      for (uint64_t seed = 1; seed <= 3; ++seed) {
        PlanOptions options;
        options.seed = seed;
        PlanResult result = make_plan(library, *program, options);
        if (seed == 1) first = result.plan.has_value();
        BOOST_TEST(result.plan.has_value() == first, "seed " << seed << ": " << diagnostics_text(result.diagnostics));
        if (!result.plan) continue;
        Plan year = plan_weeks(library, *program, 52, seed);
        std::string violation = grouped_violation(library, *program, year);
        BOOST_TEST(violation == "", "seed " << seed << ": " << violation);
      }
      (first ? planned : unplannable) += 1;
    }
  }
  BOOST_TEST_MESSAGE(planned << " planned, " << unplannable << " with no plan, " << invalid << " invalid");
  BOOST_TEST(planned >= 20);
  BOOST_TEST(invalid <= 5);
}

// Explanations of a later round name the round-1 meeting they were planned for.
BOOST_AUTO_TEST_CASE(later_rounds_say_which_round_their_reasons_come_from) {
  Program program = parse_ok(grouped_text());
  Plan plan = plan_weeks(small_library(), program, 8);
  const Meeting* first = meeting_at(plan, Date{2027, 3, 1}, "main");
  const Meeting* second = meeting_at(plan, Date{2027, 3, 29}, "main");  // round 2 begins in week 5
  BOOST_REQUIRE(first && second);
  BOOST_TEST(second->blocks[0].module == first->blocks[0].module);
  BOOST_TEST(second->blocks[0].reason == "round 2 repeats round 1's 2027-03-01: " + first->blocks[0].reason);
}

// A rolling pin recurs every window: a module pinned to weeks 1-2 of the stay is held in weeks 1 and
// 3 of the main group's four-week rotation, and every entry week meets it in its first two weeks.
BOOST_AUTO_TEST_CASE(a_rolling_pin_recurs_so_every_stay_meets_it_early) {
  Program program = parse_ok(grouped_text() + "\n[[group.pin]]\nmodule = \"b2\"\nstay_weeks = [1, 2]\n");
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Plan year = plan_weeks(small_library(), program, 52, seed);
      BOOST_TEST(grouped_violation(small_library(), program, year) == "");
      PlanOptions options;
      options.seed = seed;
      PlanResult result = make_plan(small_library(), program, options);
      BOOST_REQUIRE(result.plan);
      for (const auto& journey : result.plan->journeys) {
        bool met = false;
        for (const auto& session : journey.attended) {
          if (session.date < add_days(journey.entry_date, 14) && session.group == "main") {
            const Meeting* meeting = meeting_at(year, session.date, "main");
            BOOST_REQUIRE(meeting);
            for (const auto& block : meeting->blocks) met = met || block.module == "b2";
          }
        }
        BOOST_TEST(met, "entry week " << journey.entry_week << " meets b2 in its first two weeks");
        BOOST_TEST(journey.required_missed.empty());
      }
    }
  }
}

// Closed: a pin to a week takes that week's first slot; "last" the plan's closing session.
BOOST_AUTO_TEST_CASE(closed_pins_take_their_week_and_the_closing_session) {
  std::string text = small_program_text() + "\n[[pin]]\nmodule = \"c3\"\nweek = 2\n\n[[pin]]\nmodule = \"a4\"\nweek = \"last\"\n";
  Program program = parse_ok(text);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    PlanOptions options;
    options.seed = seed;
    PlanResult result = make_plan(small_library(), program, options);
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    const Plan& plan = *result.plan;
    BOOST_TEST(plan.meetings[2].blocks[1].module == "c3");  // week 2's first meeting
    BOOST_TEST(plan.meetings.back().blocks[1].module == "a4");
    BOOST_TEST(plan.meetings.back().blocks[1].reason == "pinned (input/programs/x.toml:22)");
    BOOST_TEST(oracle_violation(small_library(), program, plan) == "");
  }
}

// A pin ignores the slot's tracks, but not its length.
BOOST_AUTO_TEST_CASE(a_pin_that_fits_no_slot_is_reported_at_the_pin) {
  std::vector<Module> modules;
  for (int i = 1; i <= 6; ++i) modules.push_back(make_module("a" + std::to_string(i), "a", 45));
  modules.push_back(make_module("b1", "b", 45));
  modules.push_back(make_module("long", "b", 90));
  Library library = make_library({"a", "b"}, modules);
  std::string text = replace_line(small_program_text(), 16, "minutes = 60\ntracks = [\"a\"]");
  Program program = parse_ok(text + "\n[[pin]]\nmodule = \"b1\"\nweek = 2\n", library);
  PlanResult result = make_plan(library, program, PlanOptions{});
  BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
  BOOST_TEST(result.plan->meetings[2].blocks[1].module == "b1");
  program = parse_ok(text + "\n[[pin]]\nmodule = \"long\"\nweek = 2\n", library);
  result = make_plan(library, program, PlanOptions{});
  BOOST_TEST(!result.plan);
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             "input/programs/x.toml:19:1: error: pinned module 'long' (90 minutes, track b, skills) fits no content "
             "slot of week 2\n");
}

// A pinned module's prerequisites come before its first session; none can come before week 1.
BOOST_AUTO_TEST_CASE(a_pinned_module_s_prerequisites_come_first) {
  std::vector<Module> modules;
  for (int i = 1; i <= 6; ++i) modules.push_back(make_module("a" + std::to_string(i), "a"));
  modules.push_back(make_module("plan", "a", 60, GroupType::skills, Phase::any, {"a1", "a2"}));
  Library library = make_library({"a"}, modules);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    Program program = parse_ok(small_program_text() + "\n[[pin]]\nmodule = \"plan\"\nweek = \"last\"\n", library);
    PlanOptions options;
    options.seed = seed;
    PlanResult result = make_plan(library, program, options);
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    BOOST_TEST(oracle_violation(library, program, *result.plan) == "");
  }
  Program early = parse_ok(small_program_text() + "\n[[pin]]\nmodule = \"plan\"\nweek = 1\n", library);
  PlanResult result = make_plan(library, early, PlanOptions{});
  BOOST_TEST(!result.plan);
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             "input/programs/x.toml:18:1: error: pinned module 'plan' needs 'a1' first, but no slot before its first "
             "session (week 1) can take 'a1'\n"
             "input/programs/x.toml:18:1: error: pinned module 'plan' needs 'a2' first, but no slot before its first "
             "session (week 1) can take 'a2'\n");
}

// Family-type modules go only to groups with relatives.
BOOST_AUTO_TEST_CASE(family_modules_stay_out_of_patient_groups) {
  std::vector<Module> modules;
  for (int i = 1; i <= 6; ++i) modules.push_back(make_module("f" + std::to_string(i), "a", 60, GroupType::family));
  for (int i = 1; i <= 6; ++i) modules.push_back(make_module("s" + std::to_string(i), "a", 60, GroupType::skills));
  Library library = make_library({"a"}, modules);
  Program program = parse_ok(replace_line(grouped_text(), 21, "name = \"Main group\"\nattendees = \"patients-and-family\""),
                             library);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    PlanOptions options;
    options.seed = seed;
    PlanResult result = make_plan(library, program, options);
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    for (const auto& meeting : result.plan->meetings) {
      if (meeting.group == "early") BOOST_TEST(meeting.blocks[0].module[0] == 's');
    }
  }
}

// Two tracks kept on separate days never share a meeting, for any seed.
BOOST_AUTO_TEST_CASE(separate_days_keep_two_tracks_apart) {
  std::string text = replace_line(small_program_text(), 8, "meeting_minutes = 150") +
                     "\n[[block]]\nslot = \"Second topic\"\nminutes = 60\n\n[rules]\nseparate_days = [[\"a\", \"b\"]]\n";
  Program program = parse_ok(text);
  BOOST_REQUIRE(program.separate_days.size() == 1u);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    PlanOptions options;
    options.seed = seed;
    PlanResult result = make_plan(small_library(), program, options);
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    BOOST_TEST(oracle_violation(small_library(), program, *result.plan) == "");
  }
}

BOOST_AUTO_TEST_CASE(separate_days_errors_are_exact) {
  std::string text = small_program_text() + "\n[rules]\nseparate_days = [[\"a\", \"d\"], [\"b\", \"b\"], \"c\"]\n";
  BOOST_TEST(load_errors(text) ==
             "input/programs/x.toml:19:24: error: unknown track 'd' in 'separate_days' in [rules]; did you mean 'a'?\n"
             "input/programs/x.toml:19:30: error: 'separate_days' in [rules] pairs track 'b' with itself\n"
             "input/programs/x.toml:19:42: error: each entry of 'separate_days' in [rules] must be a pair of track ids, "
             "such as [\"twelve-step\", \"cbt-coping-skills\"]\n");
}

// Groups are planned in file order, each without what earlier ones used; a group that fails for
// lack of modules is planned first in another attempt. Here the early group takes track a or b and
// the main group needs all four a modules: planned first, the early group takes a modules (seed 1
// failed before the second attempt existed).
BOOST_AUTO_TEST_CASE(a_group_left_short_by_an_earlier_one_is_planned_first) {
  std::string text = replace_line(grouped_text(), 29, "minutes = 60\ntracks = [\"a\"]");
  text = replace_line(text, 22, "weeks = [3, 4]");
  text = replace_line(text, 17, "minutes = 60\ntracks = [\"a\", \"b\"]");
  Program program = parse_ok(text);
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      PlanOptions options;
      options.seed = seed;
      PlanResult result = make_plan(small_library(), program, options);
      BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
      std::set<std::string> main;
      for (const auto& meeting : result.plan->meetings) {
        if (meeting.group == "main") main.insert(meeting.blocks[0].module);
        if (meeting.group == "early") BOOST_TEST(meeting.blocks[0].module[0] == 'b');
      }
      BOOST_TEST(main == (std::set<std::string>{"a1", "a2", "a3", "a4"}), boost::test_tools::per_element());
      BOOST_TEST(result.plan->groups[0].id == "early");  // the plan lists groups in file order
    }
  }
  // A group that cannot be planned in any order (six sessions, four a modules): its errors, once.
  Program impossible = parse_ok(replace_line(text, 24, "meeting_days = [\"mon\", \"tue\", \"thu\"]"));
  PlanResult result = make_plan(small_library(), impossible, PlanOptions{});
  BOOST_TEST(!result.plan);
  BOOST_TEST(diagnostics_text(result.diagnostics) ==
             "input/programs/x.toml:23:9: error: group 'main' has 6 content slots to fill but only 4 modules fit them, "
             "and repeats are off (the default; set no_repeat_within in the group's [group.rules] to allow them)\n");
}

// A replan of a grouped program keeps every group's delivered weeks, date for date, and replans
// the rest by the same rules (matrix-16-week: the early-recovery rotation is 4 weeks long, so
// keeping 6 weeks keeps all of its first round, and its second round repeats it).
BOOST_AUTO_TEST_CASE(a_replan_keeps_each_group_s_delivered_weeks) {
  Program program = builtin_program("matrix-16-week");
  PlanResult first = make_plan(builtin_library(), program, PlanOptions{});
  BOOST_REQUIRE(first.plan);
  Diagnostics read;
  auto earlier = plan_from_json(plan_to_json(*first.plan), "plan.json", read);  // as --previous reads it
  BOOST_REQUIRE_MESSAGE(earlier, diagnostics_text(read));
  for (uint64_t seed = 2; seed <= 6; ++seed) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      PlanOptions options;
      options.seed = seed;
      options.keep = &*earlier;
      options.keep_through_week = 6;
      PlanResult replan = make_plan(builtin_library(), program, options);
      BOOST_REQUIRE_MESSAGE(replan.plan, diagnostics_text(replan.diagnostics));
      int kept = 0, changed_later = 0;
      for (const auto& meeting : earlier->meetings) {
        const Meeting* now = meeting_at(*replan.plan, meeting.date, meeting.group);
        BOOST_REQUIRE(now);
        for (size_t b = 0; b < meeting.blocks.size(); ++b) {
          if (meeting.week <= 6) {
            BOOST_TEST(now->blocks[b].module == meeting.blocks[b].module);
            if (!meeting.blocks[b].module.empty()) {
              ++kept;
              BOOST_TEST(now->blocks[b].reason.find("kept as delivered (weeks 1-6 of the earlier plan)") != std::string::npos);
            }
          } else {
            changed_later += now->blocks[b].module != meeting.blocks[b].module ? 1 : 0;
          }
        }
      }
      // Weeks 1-6 (2027-01-18 closed): early recovery 8 sessions of round 1 (one moved into week 5)
      // and 3 of round 2, relapse prevention 11, family education 6, social support 6 (rounds 1-2).
      BOOST_TEST(kept == 34);
      BOOST_TEST(changed_later > 0);  // another seed: the future is replanned
      BOOST_TEST(grouped_violation(builtin_library(), program, *replan.plan) == "");
      for (const auto& journey : replan.plan->journeys) BOOST_TEST(journey.required_missed.empty());
    }
  }
}

// A closed program's later group keeps nothing before its first week; errors name the mismatch.
BOOST_AUTO_TEST_CASE(a_closed_replan_keeps_a_group_only_from_its_first_week) {
  Program program = parse_ok(replace_line(replace_line(grouped_text(), 3, "admission = \"closed\""), 22, "weeks = [3, 4]"));
  PlanResult first = make_plan(small_library(), program, PlanOptions{});
  BOOST_REQUIRE_MESSAGE(first.plan, diagnostics_text(first.diagnostics));
  PlanOptions options;
  options.seed = 7;
  options.keep = &*first.plan;
  options.keep_through_week = 2;
  PlanResult replan = make_plan(small_library(), program, options);
  BOOST_REQUIRE_MESSAGE(replan.plan, diagnostics_text(replan.diagnostics));
  for (const auto& meeting : first.plan->meetings) {
    const Meeting* now = meeting_at(*replan.plan, meeting.date, meeting.group);
    BOOST_REQUIRE(now);
    BOOST_TEST(now->week == meeting.week);
    if (meeting.group == "early") {
      BOOST_TEST(now->blocks[0].module == meeting.blocks[0].module);
      BOOST_TEST(now->blocks[0].reason == "kept as delivered (weeks 1-2 of the earlier plan)");
    } else {
      BOOST_TEST(meeting.week >= 3);
      BOOST_TEST(now->blocks[0].reason.find("kept") == std::string::npos);
    }
  }
  options.keep_through_week = 5;
  BOOST_TEST(diagnostics_text(make_plan(small_library(), program, options).diagnostics) ==
             "error: --keep-through-week 5 is past the earlier plan's last week (4)\n");
  Plan other = *first.plan;
  other.program = "y";
  options.keep = &other;
  options.keep_through_week = 2;
  BOOST_TEST(diagnostics_text(make_plan(small_library(), program, options).diagnostics) ==
             "error: the earlier plan is for program 'y', not 'x'\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(matrix_16_week)

// Every entry week attends early-recovery skills only in its first 4 weeks and family education only
// in weeks 1-12 (a closed day moves a session on by up to a week: the program extends), attends each
// group's nominal sessions, and meets every required and pinned module.
BOOST_AUTO_TEST_CASE(journeys_follow_each_group_s_weeks_of_the_stay) {
  Program program = builtin_program("matrix-16-week");
  PlanResult result = make_plan(builtin_library(), program, PlanOptions{});
  BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
  BOOST_TEST(result.plan->journeys.size() == 16u);
  for (const auto& journey : result.plan->journeys) {
    BOOST_TEST_CONTEXT("entry week " << journey.entry_week) {
      Date joins = add_days(program.start_date, 7L * (journey.entry_week - 1));
      // Closed days on a group's meeting days from `from` through its weeks plus one.
      auto closed = [&](const Date& from, int weeks, std::vector<Weekday> days) {
        int n = 0;
        for (Date d = from; d < add_days(from, 7L * (weeks + 1)); d = add_days(d, 1)) {
          bool meets = std::find(days.begin(), days.end(), weekday_of(d)) != days.end();
          n += meets && !closure_reason(program.groups[0], d).empty() ? 1 : 0;
        }
        return n;
      };
      int ers_slack = 7 * closed(joins, 4, {Weekday::monday, Weekday::friday});
      int family_slack = 7 * closed(joins, 12, {Weekday::wednesday});
      std::map<std::string, int> sessions;
      for (const auto& session : journey.attended) {
        long day_of_stay = days_between(joins, session.date);
        ++sessions[session.group];
        if (session.group == "early-recovery") BOOST_TEST(day_of_stay < 28 + ers_slack);
        if (session.group == "family-education") BOOST_TEST(day_of_stay < 84 + family_slack);
        if (session.group == "social-support") BOOST_TEST(day_of_stay >= 84);
        BOOST_TEST(day_of_stay < 16 * 7 + 14);
      }
      BOOST_TEST(sessions["early-recovery"] == 8);
      BOOST_TEST(sessions["relapse-prevention"] == 32);
      BOOST_TEST(sessions["family-education"] == 12);
      BOOST_TEST(sessions["social-support"] == 4);
      BOOST_TEST(journey.required_missed.empty());
    }
  }
  // The summary knows the groups' required modules: not "none set".
  const auto& required = result.plan->required;
  BOOST_TEST(std::count(required.begin(), required.end(), "relapse-prevention-plan") == 1);
  BOOST_TEST(std::count(required.begin(), required.end(), "overdose-prevention-and-naloxone") == 1);
}

BOOST_AUTO_TEST_CASE(no_rule_breaks_over_a_year_for_any_seed) {
  for (const char* id : {"matrix-16-week", "iop-16-week-rolling"})
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    Program program = builtin_program(id);
    BOOST_TEST_CONTEXT(id << " seed " << seed) {
      Plan year = plan_weeks(builtin_library(), program, 60, seed);
      std::string json = plan_to_json(year);  // what other tools read
      Diagnostics out;
      auto back = plan_from_json(json, "plan.json", out);
      BOOST_REQUIRE_MESSAGE(back, diagnostics_text(out));
      BOOST_TEST(grouped_violation(builtin_library(), program, *back) == "");
    }
  }
}

// Any four weeks equal, date for date and group for group, the same dates of a year's plan.
BOOST_AUTO_TEST_CASE(a_window_matches_a_year_s_plan) {
  for (const char* id : {"matrix-16-week", "iop-16-week-rolling"}) {
  Program program = builtin_program(id);
  Plan year = plan_weeks(builtin_library(), program, 60);
  std::map<std::string, std::string> by_key;  // date and group -> the meeting's JSON
  Plan one;
  for (const auto& meeting : year.meetings) {
    one.meetings = {meeting};
    by_key[to_iso(meeting.date) + " " + meeting.group] = plan_to_json(one);
  }
  for (int day = 0; day < 364; day += 11) {  // every weekday, through the year
    Date from = add_days(program.start_date, day);
    PlanOptions options;
    options.from = from;
    options.window_weeks = 4;
    PlanResult window = make_plan(builtin_library(), program, options);
    BOOST_REQUIRE(window.plan);
    size_t expected = 0;
    for (const auto& meeting : year.meetings) expected += (from <= meeting.date && meeting.date < add_days(from, 28)) ? 1 : 0;
    BOOST_TEST_CONTEXT(id << " from " << to_iso(from)) {
      BOOST_TEST(window.plan->meetings.size() == expected);
      for (const auto& meeting : window.plan->meetings) {
        one.meetings = {meeting};
        BOOST_TEST(by_key[to_iso(meeting.date) + " " + meeting.group] == plan_to_json(one));
      }
    }
  }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(iop_16_week_rolling)

// Every entry week attends the early-recovery skills group only in its first 4 weeks (a closed
// Monday moves a session on by up to a week), 8 sessions of it with the three core skills among
// them; 48 evening sessions with overdose prevention in its first 4 weeks; and every required module.
BOOST_AUTO_TEST_CASE(every_stay_meets_the_early_recovery_skills_in_its_first_4_weeks) {
  Program program = builtin_program("iop-16-week-rolling");
  for (uint64_t seed : {1, 2, 3}) {
    PlanOptions options;
    options.seed = seed;
    PlanResult result = make_plan(builtin_library(), program, options);
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    BOOST_TEST(result.plan->journeys.size() == 16u);
    // (date, group) -> module, over the later rounds that the last entry weeks attend too
    std::map<std::pair<std::string, std::string>, std::string> module_at;
    for (const auto& meeting : plan_weeks(builtin_library(), program, 40, seed).meetings) {
      for (const auto& block : meeting.blocks) {
        if (!block.module.empty()) module_at[{to_iso(meeting.date), meeting.group}] = block.module;
      }
    }
    for (const auto& journey : result.plan->journeys) {
      BOOST_TEST_CONTEXT("seed " << seed << " entry week " << journey.entry_week) {
        Date joins = add_days(program.start_date, 7L * (journey.entry_week - 1));
        int slack = 0;  // closed Mondays and Thursdays in the first 4 weeks
        for (Date d = joins; d < add_days(joins, 28); d = add_days(d, 1)) {
          Weekday day = weekday_of(d);
          slack += (day == Weekday::monday || day == Weekday::thursday) && !closure_reason(program, d).empty() ? 7 : 0;
        }
        std::map<std::string, int> sessions;
        std::set<std::string> early;
        bool overdose_early = false;
        for (const auto& session : journey.attended) {
          long day_of_stay = days_between(joins, session.date);
          ++sessions[session.group];
          std::string module = module_at[{to_iso(session.date), session.group}];
          if (session.group == "early-recovery") {
            BOOST_TEST(day_of_stay < 28 + slack);
            early.insert(module);
          }
          if (module == "overdose-prevention-and-naloxone" && day_of_stay < 28 + slack) overdose_early = true;
        }
        BOOST_TEST(sessions["early-recovery"] == 8);
        BOOST_TEST(sessions["evening"] == 48);
        BOOST_TEST(early.size() == 8u);
        for (const char* core : {"ers-trigger-thought-craving-use", "ers-external-triggers", "ers-internal-triggers"}) {
          BOOST_TEST(early.count(core) == 1u, core);
        }
        BOOST_TEST(overdose_early);
        BOOST_TEST(journey.required_missed.empty());
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
