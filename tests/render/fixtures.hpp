// Shared inputs for the renderer's tests: a tiny library on disk, a hand-made plan, the built-in
// templates, and a module whose every text tries to inject markup.
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/render/templates.hpp"
#include "test_support.hpp"

namespace iopplan::fixtures {

inline std::string source_path(const std::string& relative) { return std::string(IOPPLAN_SOURCE_DIR) + "/" + relative; }

using testing::diagnostics_text;

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline Library fixture_library() {
  DiskFileSource files;
  LoadResult result = load_library(files, source_path("tests/render/fixtures/library"));
  BOOST_REQUIRE_MESSAGE(!has_errors(result.diagnostics), diagnostics_text(result.diagnostics));
  return result.library;
}

inline Organization fixture_organization() {
  DiskFileSource files;
  Diagnostics diagnostics;
  Organization org = load_library_organization(files, source_path("tests/render/fixtures/library"), diagnostics);
  BOOST_REQUIRE_MESSAGE(diagnostics.empty(), diagnostics_text(diagnostics));
  return org;
}

inline TemplateSet builtin_templates() {
  DiskFileSource files;
  Diagnostics diagnostics;
  auto templates = load_templates(files, source_path("templates"), "", diagnostics);
  BOOST_REQUIRE_MESSAGE(templates.has_value() && diagnostics.empty(), diagnostics_text(diagnostics));
  return *templates;
}

inline PlannedBlock activity_block(int start, int minutes, const std::string& name) {
  PlannedBlock block;
  block.start = start;
  block.minutes = minutes;
  block.activity = name;
  return block;
}

inline PlannedBlock module_block(int start, int minutes, const std::string& id, const std::string& version,
                                 const std::string& track, const std::string& slot) {
  PlannedBlock block;
  block.start = start;
  block.minutes = minutes;
  block.module = id;
  block.module_version = version;
  block.track = track;
  block.slot = slot;
  return block;
}

inline Meeting meeting(int week, Date date, int start, int end, std::vector<PlannedBlock> blocks) {
  Meeting m;
  m.week = week;
  m.date = date;
  m.start = start;
  m.end = end;
  m.blocks = std::move(blocks);
  return m;
}

// Two weeks of an evening program over the fixture library, with a closure and a short week.
inline Plan fixture_plan() {
  constexpr int kSix = 18 * 60;
  Plan plan;
  plan.program = "evening-iop";
  plan.program_name = "Evening IOP";
  plan.admission = "rolling";
  plan.weeks = 2;
  plan.group_size = 4;
  plan.start = {2027, 1, 4};
  plan.meetings = {
      meeting(1, {2027, 1, 4}, kSix, kSix + 90,
              {activity_block(kSix, 15, "Check-in"),
               module_block(kSix + 15, 60, "noticing-cravings", "1.0.0", "coping-skills", "Skills group"),
               activity_block(kSix + 75, 15, "Wrap-up")}),
      meeting(1, {2027, 1, 6}, kSix, kSix + 90,
              {activity_block(kSix, 10, "Check-in"),
               module_block(kSix + 10, 30, "sleep-basics", "1.0.0", "wellness", "Education"),
               activity_block(kSix + 40, 5, "Break"),
               module_block(kSix + 45, 45, "saying-no", "1.1.0", "coping-skills", "Skills group")}),
      meeting(2, {2027, 1, 13}, kSix, kSix + 90,
              {activity_block(kSix, 15, "Check-in"),
               module_block(kSix + 15, 60, "noticing-cravings", "1.0.0", "coping-skills", "Skills group"),
               activity_block(kSix + 75, 15, "Wrap-up")}),
      meeting(2, {2027, 1, 15}, kSix, kSix + 60,
              {activity_block(kSix, 15, "Check-in"),
               module_block(kSix + 15, 45, "sleep-basics", "1.0.0", "wellness", "Education")}),
  };
  // The program's wrap-up carries guidance (a block's `guidance`), with markup cmark must keep as text.
  for (auto& m : plan.meetings) {
    for (auto& block : m.blocks) {
      if (block.activity == "Wrap-up") {
        block.guidance = "### Closing\n\nAsk each person for **one word** about how they leave.\n\n<em>raw</em> HTML shows as text.\n";
      }
    }
  }
  plan.skipped = {{2, {2027, 1, 11}, "closure: staff training"}};
  plan.coverage = {{1, 5, {}, {}}, {2, 2, {"saying-no"}, {}}};
  plan.required = {"noticing-cravings", "saying-no"};
  plan.journeys = {{1, {2027, 1, 4}, 4, {}, {}, {{"noticing-cravings", 2}}, {}, {}},
                   {2, {2027, 1, 13}, 2, {"saying-no"}, {}, {}, {}, {}}};
  plan.repeated = {{"noticing-cravings", 2}};
  plan.score_terms = {{"track spread", 1.0, 0.25}, {"module repeats", 2.0, 0.0}};
  plan.hours = {{1, 3.0}, {2, 2.5}};
  plan.min_weekly_hours = 3.0;
  plan.warnings = {warning_at("", {}, "week 2 has 2.5 group hours; the level of care asks for at least 3")};
  return plan;
}

inline const std::string kPlanJson = "{\"program\": \"evening-iop\"}\n";

// Both attacks in one string: markup that must not run, and a tag that must not be expanded.
inline const std::string kNasty = "<script>alert(1)</script> {{#x}}";

// A library whose one module (and track) carries kNasty in every text a document shows.
inline Library nasty_library() {
  Library library;
  library.root = "nasty";
  Track track;
  track.id = "nasty-track";
  track.title = "Track " + kNasty;
  track.abbreviation = "NT";
  track.colour = "#123456";
  track.description = "Description " + kNasty;
  library.tracks.push_back(track);
  Module m;
  m.id = "nasty";
  m.title = "Title " + kNasty;
  m.track = track.id;
  m.version = "1.0.0";
  m.summary = "Summary " + kNasty;
  m.duration_minutes = 30;
  m.objectives = {"Objective " + kNasty};
  m.materials = {"Material " + kNasty};
  m.discussion_questions = {"Question " + kNasty};
  AgendaSegment segment;
  segment.title = "Segment " + kNasty;
  segment.minutes = 30;
  segment.talking_points = {"Point " + kNasty};
  segment.activity = Activity{"Activity " + kNasty, "discussion", {"Step " + kNasty}};
  m.agenda = {segment};
  m.facilitator_notes = {"Safety " + kNasty, "Trauma " + kNasty, "Newcomers " + kNasty};
  m.handout.title = "Handout " + kNasty;
  m.handout.body = "Body " + kNasty + "\n\n" + kNasty + "\n";
  m.handout.key_points = {"Key " + kNasty};
  m.handout.worksheet = {"Prompt " + kNasty};
  m.handout.homework = "Homework " + kNasty;
  m.references = {{"Author " + kNasty, 2020, "Reference " + kNasty, "Publisher " + kNasty}};
  library.modules.push_back(m);
  return library;
}

inline Plan nasty_plan() {
  Plan plan;
  plan.program = "nasty";
  plan.program_name = "Program " + kNasty;
  plan.admission = "rolling";
  plan.weeks = 1;
  plan.group_size = 2;
  plan.start = {2027, 1, 4};
  plan.meetings = {meeting(1, {2027, 1, 4}, 600, 640,
                           {activity_block(600, 10, "Check-in " + kNasty),
                            module_block(610, 30, "nasty", "1.0.0", "nasty-track", "Slot " + kNasty)})};
  plan.meetings[0].blocks[0].guidance = "Guidance " + kNasty;
  plan.skipped = {{1, {2027, 1, 6}, "Reason " + kNasty}};
  plan.required = {"nasty"};
  plan.journeys = {{1, {2027, 1, 4}, 1, {"nasty"}, {}, {{"nasty", 2}}, {}, {}}};
  plan.unused = {"nasty"};
  plan.repeated = {{"nasty", 2}};
  plan.score_terms = {{"Goal " + kNasty, 1.0, 1.0}};
  plan.coverage = {{1, 1, {"nasty"}, {"nasty <- nasty"}}};
  plan.warnings = {warning_at("", {}, "Warning " + kNasty)};
  return plan;
}

}  // namespace iopplan::fixtures
