#include "iopplan/base/spelling.hpp"
#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "curriculum/library_parts.hpp"

namespace iopplan {
namespace {

constexpr int kMinDuration = 15;
constexpr int kMaxDuration = 240;

Activity read_activity(TableReader& segment, const toml::table& table, const std::string& where) {
  TableReader reader = segment.child(table, where);
  Activity activity;
  activity.name = reader.string("name", Need::required).value_or("");
  activity.kind = reader.choice("kind", Need::required, activity_kind_names()).value_or("");
  activity.steps = reader.list("steps", Need::required, 1);
  reader.finish();
  return activity;
}

std::vector<AgendaSegment> read_agenda(TableReader& top) {
  std::vector<AgendaSegment> agenda;
  top.for_each_table("agenda", Need::required, {.min = 1, .noun = "segment", .item = "agenda segment"},
                     [&](TableReader& reader, size_t) {
                       AgendaSegment segment;
                       segment.title = reader.string("title", Need::required).value_or("");
                       segment.minutes = reader.integer_in("minutes", Need::required, 1, kMaxDuration).value_or(0);
                       segment.talking_points = reader.list("talking_points", Need::required, 1);
                       if (const toml::table* activity = reader.table("activity", Need::optional)) {
                         segment.activity = read_activity(reader, *activity, "the activity of " + reader.where());
                       }
                       agenda.push_back(std::move(segment));
                     });
  return agenda;
}

FacilitatorNotes read_notes(TableReader& top) {
  FacilitatorNotes notes;
  const toml::table* table = top.table("facilitator_notes", Need::required);
  if (table == nullptr) return notes;
  TableReader reader = top.child(*table, "[facilitator_notes]");
  notes.safety = reader.string("safety", Need::required).value_or("");
  notes.trauma_informed = reader.string("trauma_informed", Need::required).value_or("");
  notes.newcomers = reader.string("newcomers", Need::required).value_or("");
  reader.finish();
  return notes;
}

}  // namespace

Handout read_handout(TableReader& top) {
  Handout handout;
  const toml::table* table = top.table("handout", Need::required);
  if (table == nullptr) return handout;
  TableReader reader = top.child(*table, "[handout]");
  handout.pos = reader.table_pos();
  handout.title = reader.string("title", Need::required).value_or("");
  handout.body = reader.string("body", Need::required).value_or("");
  handout.key_points = reader.list("key_points", Need::required, 1);
  handout.key_points_pos = reader.pos("key_points");
  handout.worksheet = reader.list("worksheet", Need::required, 0);
  handout.worksheet_pos = reader.pos("worksheet");
  handout.homework = reader.string("homework", Need::required, true).value_or("");
  if (handout.key_points.size() > 8) {
    reader.warning(reader.pos("key_points"), "'key_points' in [handout] has " +
                                                 std::to_string(handout.key_points.size()) +
                                                 " items; more than 8 is hard to remember");
  }
  reader.finish();
  return handout;
}

namespace {

std::vector<Reference> read_references(TableReader& top) {
  std::vector<Reference> references;
  top.for_each_table("references", Need::required, {.min = 1, .noun = "citation", .item = "reference"},
                     [&](TableReader& reader, size_t) {
                       Reference ref;
                       ref.authors = reader.string("authors", Need::required).value_or("");
                       ref.year = reader.integer_in("year", Need::required, 1900, 2100).value_or(0);
                       ref.title = reader.string("title", Need::required).value_or("");
                       ref.publisher = reader.string("publisher", Need::optional).value_or("");
                       references.push_back(std::move(ref));
                     });
  return references;
}

}  // namespace

bool is_version(const std::string& text) {
  int parts = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
    if (digits == 0) return false;
    ++parts;
    if (i == text.size()) break;
    if (text[i] != '.') return false;
    ++i;
    if (i == text.size()) return false;
  }
  return parts == 3;
}

bool is_kebab_case(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

std::optional<Module> load_module(const std::string& path, const std::string& text, const std::string& folder,
                                  Diagnostics& out) {
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return std::nullopt;
  bool quiet = parsed.had_syntax_errors;
  TableReader reader(*parsed.table, path, out);
  reader.set_quiet_missing(quiet);

  Module m;
  m.path = path;
  if (auto id = reader.string("id", Need::required)) {
    m.id = *id;
    m.id_pos = reader.pos("id");
    std::string file_id = file_stem(path);
    if (!is_kebab_case(m.id)) {
      reader.error(m.id_pos, "id '" + m.id + "' must be lower-case kebab-case (a-z, 0-9 and single '-')");
    } else if (m.id != file_id) {
      reader.error(m.id_pos, "id '" + m.id + "' does not match the file name '" + file_id +
                                 ".toml'; rename one so they agree");
    }
  }
  m.title = reader.string("title", Need::required).value_or("");
  if (auto track = reader.string("track", Need::required)) {
    m.track = *track;
    m.track_pos = reader.pos("track");
    if (!folder.empty() && m.track != folder) {
      reader.error(m.track_pos, "track '" + m.track + "' does not match the folder '" + folder +
                                    "' the module is in");
    }
  }
  if (auto version = reader.string("version", Need::required)) {
    m.version = *version;
    if (!is_version(m.version)) {
      reader.error(reader.pos("version"), "version '" + m.version + "' must look like MAJOR.MINOR.PATCH, e.g. \"1.0.0\"");
    }
  }
  m.summary = reader.string("summary", Need::required).value_or("");
  m.duration_minutes = reader.integer_in("duration_minutes", Need::required, kMinDuration, kMaxDuration).value_or(0);
  if (auto type = parse_group_type(reader.choice("group_type", Need::required, group_type_names()).value_or(""))) {
    m.group_type = *type;
  }
  if (auto phase = parse_phase(reader.choice("phase", Need::required, phase_names()).value_or(""))) m.phase = *phase;
  m.prerequisites = reader.list("prerequisites", Need::required, 0, &m.prerequisite_pos);
  m.objectives = reader.list("objectives", Need::required, 1);
  m.materials = reader.list("materials", Need::required, 0);
  m.discussion_questions = reader.list("discussion_questions", Need::required, 1);
  m.tags = reader.list("tags", Need::optional, 0);
  std::vector<SourcePos> anchor_pos;
  m.anchors = reader.list("anchors", Need::optional, 0, &anchor_pos);
  for (size_t i = 0; i < m.anchors.size() && i < anchor_pos.size(); ++i) {
    const std::string& anchor = m.anchors[i];
    size_t colon = anchor.find(':');
    if (colon == std::string::npos || !is_kebab_case(anchor.substr(0, colon)) ||
        !is_kebab_case(anchor.substr(colon + 1))) {
      reader.error(anchor_pos[i], "anchor '" + anchor +
                                      "' must be a source and a topic in kebab-case, e.g. \"matrix-rp:work-and-recovery\"");
    }
  }
  m.agenda = read_agenda(reader);
  m.facilitator_notes = read_notes(reader);
  m.handout = read_handout(reader);
  m.references = read_references(reader);

  if (m.duration_minutes > 0 && !m.agenda.empty()) {
    int total = 0;
    bool all_timed = true;
    for (const auto& segment : m.agenda) {
      total += segment.minutes;
      all_timed = all_timed && segment.minutes > 0;
    }
    if (all_timed && total != m.duration_minutes) {
      reader.error(reader.pos("duration_minutes"), "agenda minutes add up to " + std::to_string(total) +
                                                       ", but duration_minutes is " +
                                                       std::to_string(m.duration_minutes));
    }
  }
  reader.finish();
  return m;
}

}  // namespace iopplan
