// In-memory libraries and programs for sequencing tests.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/program.hpp"
#include "test_support.hpp"

namespace iopplan::seqtest {

inline Module make_module(const std::string& id, const std::string& track, int minutes = 60,
                          GroupType type = GroupType::skills, Phase phase = Phase::any,
                          std::vector<std::string> prerequisites = {}) {
  Module m;
  m.id = id;
  m.title = "Title of " + id;
  m.track = track;
  m.version = "1.0.0";
  m.duration_minutes = minutes;
  m.group_type = type;
  m.phase = phase;
  m.prerequisites = std::move(prerequisites);
  m.path = "lib/" + track + "/" + id + ".toml";
  return m;
}

inline Library make_library(const std::vector<std::string>& tracks, std::vector<Module> modules) {
  Library library;
  library.root = "lib";
  library.tracks_path = "lib/tracks.toml";
  for (const auto& id : tracks) {
    Track track;
    track.id = id;
    track.title = "Track " + id;
    track.abbreviation = id.substr(0, 2);
    library.tracks.push_back(track);
  }
  library.modules = std::move(modules);
  return library;
}

// Three tracks of four 60-minute modules each: a1..a4, b1..b4, c1..c4.
inline Library small_library() {
  std::vector<Module> modules;
  for (const char* t : {"a", "b", "c"}) {
    for (int i = 1; i <= 4; ++i) modules.push_back(make_module(std::string(t) + std::to_string(i), t));
  }
  return make_library({"a", "b", "c"}, modules);
}

// A valid program file for small_library(): 2 weeks, Mon/Thu, one 60-minute slot. Tests replace
// or add lines; line numbers are in the comments.
inline std::string small_program_text() {
  return "id = \"x\"\n"                            // 1
         "name = \"Test program\"\n"               // 2
         "admission = \"closed\"\n"                // 3
         "weeks = 2\n"                             // 4
         "start_date = 2027-03-01\n"               // 5
         "meeting_days = [\"mon\", \"thu\"]\n"     // 6
         "start_time = \"09:00\"\n"                // 7
         "meeting_minutes = 90\n"                  // 8
         "\n"                                      // 9
         "[[block]]\n"                             // 10
         "activity = \"Check-in\"\n"               // 11
         "minutes = 30\n"                          // 12
         "\n"                                      // 13
         "[[block]]\n"                             // 14
         "slot = \"Topic\"\n"                      // 15
         "minutes = 60\n";                         // 16
}


using testing::diagnostics_text;
using testing::replace_line;

// The built-in library, read from the source tree.
inline const Library& builtin_library() {
  static const Library library = [] {
    DiskFileSource files;
    return load_library(files, std::string(IOPPLAN_SOURCE_DIR) + "/curricula").library;
  }();
  return library;
}

inline Program builtin_program(const std::string& id) {
  DiskFileSource files;
  Diagnostics out;
  auto program = load_program(files, std::string(IOPPLAN_SOURCE_DIR) + "/curricula", id, builtin_library(), out);
  if (!program) throw std::runtime_error("cannot load program " + id + ": " + diagnostics_text(out));
  return *program;
}

// One rolling group with pins and a stay counted in sessions (the shipped 16-week program before it
// had an early-recovery group): the single-group rotations, pins and replans are tested on it.
inline Program one_group_program() {
  return builtin_program(std::string(IOPPLAN_SOURCE_DIR) + "/tests/sequencing/fixtures/evening-one-group.toml");
}

}  // namespace iopplan::seqtest
