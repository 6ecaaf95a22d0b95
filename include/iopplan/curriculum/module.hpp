// Module: one group session, what the facilitator runs and what patients take home.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

enum class GroupType { psychoeducation, skills, process, support, family };
enum class Phase { early, middle, late, any };

const char* group_type_name(GroupType type);
const char* phase_name(Phase phase);
std::optional<GroupType> parse_group_type(const std::string& text);
std::optional<Phase> parse_phase(const std::string& text);
const std::vector<std::string>& group_type_names();
const std::vector<std::string>& phase_names();
const std::vector<std::string>& activity_kind_names();

struct Activity {
  std::string name;
  std::string kind;  // one of activity_kind_names()
  std::vector<std::string> steps;
};

struct AgendaSegment {
  std::string title;
  int minutes = 0;
  std::vector<std::string> talking_points;
  std::optional<Activity> activity;
};

// Markdown text for the facilitator.
struct FacilitatorNotes {
  std::string safety;
  std::string trauma_informed;
  std::string newcomers;
};

struct Handout {
  std::string title;
  std::string body;  // Markdown
  std::vector<std::string> key_points;
  std::vector<std::string> worksheet;
  std::string homework;  // Markdown
  SourcePos pos;         // of the [handout] table
  SourcePos key_points_pos, worksheet_pos;
};

// A module's patient-facing text in another language, from <id>.<lang>.toml beside the module.
struct Translation {
  std::string language;    // "es"
  std::string translates;  // the module version this text matches, "MAJOR.MINOR.PATCH"
  std::string title;       // the module title as patients see it (sign-in sheet, handout header)
  Handout handout;
  std::string path;
  SourcePos translates_pos;
};

struct Reference {
  std::string authors;
  int year = 0;
  std::string title;
  std::string publisher;  // may be empty
};

struct Module {
  std::string id;
  std::string title;
  std::string track;
  std::string version;  // "MAJOR.MINOR.PATCH"
  std::string summary;
  int duration_minutes = 0;
  GroupType group_type = GroupType::psychoeducation;
  Phase phase = Phase::any;
  std::vector<std::string> prerequisites;
  std::vector<std::string> objectives;
  std::vector<std::string> materials;
  std::vector<std::string> discussion_questions;
  std::vector<std::string> tags;
  // Published session topics this module covers, "set:topic" (curricula/COVERAGE.md).
  std::vector<std::string> anchors;
  std::vector<AgendaSegment> agenda;
  FacilitatorNotes facilitator_notes;
  Handout handout;
  std::vector<Reference> references;
  std::vector<Translation> translations;  // sorted by language; English is the module itself

  // Where it came from, so later checks can point at the exact value.
  std::string path;
  SourcePos id_pos;
  SourcePos track_pos;
  std::vector<SourcePos> prerequisite_pos;  // parallel to prerequisites
};

// The module's translation into `language`; nullptr when it has none.
const Translation* find_translation(const Module& module, const std::string& language);

// "en" then the languages of its translations: the languages its handout exists in.
std::vector<std::string> handout_languages(const Module& module);

// Compares "MAJOR.MINOR.PATCH" versions part by part as numbers: <0, 0 or >0.
// REQUIRES: both are well-formed versions.
int compare_versions(const std::string& a, const std::string& b);

}  // namespace iopplan
