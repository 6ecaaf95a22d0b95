// A small in-memory library shared by the fuzz targets: two tracks, eight short modules.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan::fuzz {

inline std::string module_toml(const std::string& id, const std::string& track, const std::string& phase,
                               const std::string& group_type, int minutes, const std::string& prerequisite) {
  std::string prerequisites = prerequisite.empty() ? "[]" : "[\"" + prerequisite + "\"]";
  return "id = \"" + id + "\"\ntitle = \"Module " + id + "\"\ntrack = \"" + track +
         "\"\nversion = \"1.0.0\"\nsummary = \"People practise one short skill.\"\nduration_minutes = " +
         std::to_string(minutes) + "\ngroup_type = \"" + group_type + "\"\nphase = \"" + phase +
         "\"\nprerequisites = " + prerequisites +
         "\nobjectives = [\"Name one skill.\"]\nmaterials = []\ndiscussion_questions = [\"What helps?\"]\n"
         "[[agenda]]\ntitle = \"Practice\"\nminutes = " +
         std::to_string(minutes) +
         "\ntalking_points = [\"Try it once.\"]\n"
         "[facilitator_notes]\nsafety = \"Check in.\"\ntrauma_informed = \"Passing is fine.\"\nnewcomers = "
         "\"Welcome.\"\n"
         "[handout]\ntitle = \"A skill\"\nbody = \"Try the skill. It helps.\"\nkey_points = [\"Try it.\"]\n"
         "worksheet = []\nhomework = \"\"\n"
         "[[references]]\nauthors = \"Carroll, K. M.\"\nyear = 1998\ntitle = \"A Cognitive-Behavioral Approach\"\n";
}

// The library under lib/; loaded once per process (a fuzz run must not pay for it per input).
inline const LoadResult& fuzz_library() {
  static const LoadResult result = [] {
    MemoryFileSource files;
    files.add("lib/tracks.toml",
              "[[track]]\nid = \"coping\"\ntitle = \"Coping\"\nabbreviation = \"CS\"\ncolour = \"#1f5f8b\"\n"
              "description = \"Coping skills.\"\n[[track]]\nid = \"wellness\"\ntitle = \"Wellness\"\n"
              "abbreviation = \"WE\"\ncolour = \"#2e7d32\"\ndescription = \"Sleep and food.\"\n");
    const char* phases[] = {"early", "middle", "late", "any"};
    const char* types[] = {"skills", "psychoeducation", "process", "support"};
    for (int i = 0; i < 4; ++i) {
      std::string c = "coping-" + std::to_string(i + 1);
      std::string w = "wellness-" + std::to_string(i + 1);
      files.add("lib/coping/" + c + ".toml",
                module_toml(c, "coping", phases[i], types[i], 60, i == 0 ? "" : "coping-" + std::to_string(i)));
      files.add("lib/wellness/" + w + ".toml", module_toml(w, "wellness", phases[3 - i], types[i], 45, ""));
    }
    LoadResult loaded = load_library(files, "lib");
    if (has_errors(loaded.diagnostics)) __builtin_trap();  // the fixture itself must be valid
    return loaded;
  }();
  return result;
}

// One meeting on 2027-01-04: a check-in and coping-1 of fuzz_library().
inline Plan one_meeting_plan() {
  Plan plan;
  plan.program = "fuzz";
  plan.program_name = "Fuzz IOP";
  plan.admission = "closed";
  plan.weeks = 1;
  plan.group_size = 2;
  plan.start = {2027, 1, 4};
  Meeting meeting;
  meeting.date = plan.start;
  meeting.start = 18 * 60;
  meeting.end = 18 * 60 + 75;
  PlannedBlock check_in;
  check_in.start = meeting.start;
  check_in.minutes = 15;
  check_in.activity = "Check-in";
  PlannedBlock topic;
  topic.start = meeting.start + 15;
  topic.minutes = 60;
  topic.module = "coping-1";
  topic.module_version = "1.0.0";
  topic.track = "coping";
  topic.slot = "Topic group";
  meeting.blocks = {check_in, topic};
  plan.meetings = {meeting};
  return plan;
}

// The input cut at every `separator` byte (at least one part).
inline std::vector<std::string> split_input(const std::string& text, char separator) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace iopplan::fuzz
