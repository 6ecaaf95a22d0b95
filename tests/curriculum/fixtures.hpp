// Small in-memory libraries for loader tests: one valid module whose lines tests can replace.
#pragma once

#include <string>

#include <map>

#include "iopplan/curriculum/loader.hpp"
#include "test_support.hpp"

namespace iopplan::testing {

inline const char* kTracks = R"([[track]]
id = "rp"
title = "Relapse prevention"
abbreviation = "RP"
colour = "#1f5f8b"
description = "Warning signs and plans."
)";

// A valid module, id "alpha" in track "rp". Line numbers matter: tests replace whole lines.
inline std::string valid_module(const std::string& id = "alpha") {
  return "id = \"" + id + "\"\n"                       // 1
         "title = \"Alpha\"\n"                         // 2
         "track = \"rp\"\n"                            // 3
         "version = \"1.0.0\"\n"                       // 4
         "summary = \"A test module.\"\n"              // 5
         "duration_minutes = 30\n"                     // 6
         "group_type = \"skills\"\n"                   // 7
         "phase = \"early\"\n"                         // 8
         "prerequisites = []\n"                        // 9
         "objectives = [\"Name one trigger.\"]\n"      // 10
         "materials = [\"Pens\"]\n"                    // 11
         "discussion_questions = [\"What helps?\"]\n"  // 12
         "\n"                                          // 13
         "[[agenda]]\n"                                // 14
         "title = \"Check-in\"\n"                      // 15
         "minutes = 10\n"                              // 16
         "talking_points = [\"Welcome everyone.\"]\n"  // 17
         "\n"                                          // 18
         "[[agenda]]\n"                                // 19
         "title = \"Practice\"\n"                      // 20
         "minutes = 20\n"                              // 21
         "talking_points = [\"Practice the skill.\"]\n"  // 22
         "\n"                                          // 23
         "[facilitator_notes]\n"                       // 24
         "safety = \"Follow the crisis plan.\"\n"      // 25
         "trauma_informed = \"Offer choices.\"\n"      // 26
         "newcomers = \"Greet them first.\"\n"         // 27
         "\n"                                          // 28
         "[handout]\n"                                 // 29
         "title = \"Alpha\"\n"                         // 30
         "body = \"Short words help. So do short lines.\"\n"  // 31
         "key_points = [\"Keep it short.\"]\n"         // 32
         "worksheet = [\"My plan:\"]\n"                // 33
         "homework = \"Try it once.\"\n"               // 34
         "\n"                                          // 35
         "[[references]]\n"                            // 36
         "authors = \"Marlatt, G. A.\"\n"              // 37
         "year = 1985\n"                               // 38
         "title = \"Relapse Prevention\"\n";           // 39
}

// A library "lib" of tracks.toml and `files` (path -> text), loaded from memory.
inline LoadResult load_with(const std::map<std::string, std::string>& files) {
  MemoryFileSource source;
  source.add("lib/tracks.toml", kTracks);
  for (const auto& [path, text] : files) source.add(path, text);
  return load_library(source, "lib");
}

// A valid Spanish translation of valid_module(): same version, same list lengths. Line numbers matter.
inline std::string valid_translation(const std::string& language = "es") {
  return "language = \"" + language + "\"\n"                   // 1
         "translates = \"1.0.0\"\n"                             // 2
         "title = \"Alfa\"\n"                                   // 3
         "\n"                                                    // 4
         "[handout]\n"                                           // 5
         "title = \"Alfa\"\n"                                   // 6
         "body = \"Las palabras cortas ayudan. Las frases cortas, también.\"\n"  // 7
         "key_points = [\"Sea breve.\"]\n"                      // 8
         "worksheet = [\"Mi plan:\"]\n"                         // 9
         "homework = \"Pruébelo una vez.\"\n";                  // 10
}

}  // namespace iopplan::testing
