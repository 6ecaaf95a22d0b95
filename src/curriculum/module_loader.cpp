#include "curriculum/spelling.hpp"
#include "curriculum/toml_reader.hpp"
#include "iopplan/loader.hpp"

namespace iopplan {
namespace {

constexpr int kMinDuration = 15;
constexpr int kMaxDuration = 240;

std::string base_name_without_toml(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.size() > 5 && name.compare(name.size() - 5, 5, ".toml") == 0) name.resize(name.size() - 5);
  return name;
}

// Reads an enumerated string; reports the allowed values (and the likely one) when it is off.
std::string read_choice(TableReader& reader, std::string_view key, const std::vector<std::string>& allowed) {
  auto value = reader.string(key, Need::required);
  if (!value) return "";
  for (const auto& name : allowed) {
    if (name == *value) return *value;
  }
  std::string list;
  for (const auto& name : allowed) list += (list.empty() ? "" : ", ") + name;
  reader.error(reader.pos(key), "'" + std::string(key) + "'" + reader.in_where() + " is '" + *value +
                                    "'; it must be one of " + list + did_you_mean(*value, allowed));
  return "";
}

// An array of non-empty strings with at least `min_count` items.
std::vector<std::string> read_list(TableReader& reader, std::string_view key, Need need, size_t min_count,
                                   std::vector<SourcePos>* positions = nullptr) {
  const toml::node* present = nullptr;
  auto values = reader.strings(key, need, positions);
  if (values) present = reader.node(key, Need::optional);
  bool all_items_fine = present && present->as_array() && present->as_array()->size() == values->size();
  if (values && all_items_fine && values->size() < min_count) {
    reader.error(reader.pos(key), "'" + std::string(key) + "'" + reader.in_where() + " needs at least " +
                                      std::to_string(min_count) + (min_count == 1 ? " item" : " items"));
  }
  return values.value_or(std::vector<std::string>{});
}

std::optional<int> read_int_in_range(TableReader& reader, std::string_view key, Need need, int64_t min,
                                     int64_t max) {
  auto value = reader.integer(key, need);
  if (!value) return std::nullopt;
  if (*value < min || *value > max) {
    reader.error(reader.pos(key), "'" + std::string(key) + "'" + reader.in_where() + " is " +
                                      std::to_string(*value) + "; it must be between " + std::to_string(min) +
                                      " and " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

Activity read_activity(const toml::table& table, const std::string& path, const std::string& where,
                       bool quiet, Diagnostics& out) {
  TableReader reader(table, path, out, where);
  reader.set_quiet_missing(quiet);
  Activity activity;
  activity.name = reader.string("name", Need::required).value_or("");
  activity.kind = read_choice(reader, "kind", activity_kind_names());
  activity.steps = read_list(reader, "steps", Need::required, 1);
  reader.finish();
  return activity;
}

std::vector<AgendaSegment> read_agenda(TableReader& top, bool quiet, Diagnostics& out) {
  std::vector<AgendaSegment> agenda;
  auto tables = top.tables("agenda", Need::required);
  const toml::node* present = top.node("agenda", Need::optional);
  if (present && present->is_array() && present->as_array()->empty()) {
    top.error(top.pos("agenda"), "'agenda' needs at least one segment");
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    std::string where = "agenda segment " + std::to_string(i + 1);
    TableReader reader(*tables[i], top.path(), out, where);
    reader.set_quiet_missing(quiet);
    AgendaSegment segment;
    segment.title = reader.string("title", Need::required).value_or("");
    segment.minutes = read_int_in_range(reader, "minutes", Need::required, 1, kMaxDuration).value_or(0);
    segment.talking_points = read_list(reader, "talking_points", Need::required, 1);
    if (const toml::table* activity = reader.table("activity", Need::optional)) {
      segment.activity = read_activity(*activity, top.path(), "the activity of " + where, quiet, out);
    }
    reader.finish();
    agenda.push_back(std::move(segment));
  }
  return agenda;
}

FacilitatorNotes read_notes(TableReader& top, bool quiet, Diagnostics& out) {
  FacilitatorNotes notes;
  const toml::table* table = top.table("facilitator_notes", Need::required);
  if (table == nullptr) return notes;
  TableReader reader(*table, top.path(), out, "[facilitator_notes]");
  reader.set_quiet_missing(quiet);
  notes.safety = reader.string("safety", Need::required).value_or("");
  notes.trauma_informed = reader.string("trauma_informed", Need::required).value_or("");
  notes.newcomers = reader.string("newcomers", Need::required).value_or("");
  reader.finish();
  return notes;
}

Handout read_handout(TableReader& top, bool quiet, Diagnostics& out) {
  Handout handout;
  const toml::table* table = top.table("handout", Need::required);
  if (table == nullptr) return handout;
  TableReader reader(*table, top.path(), out, "[handout]");
  reader.set_quiet_missing(quiet);
  handout.pos = reader.table_pos();
  handout.title = reader.string("title", Need::required).value_or("");
  handout.body = reader.string("body", Need::required).value_or("");
  handout.key_points = read_list(reader, "key_points", Need::required, 1);
  handout.worksheet = read_list(reader, "worksheet", Need::required, 0);
  handout.homework = reader.string("homework", Need::required, true).value_or("");
  if (handout.key_points.size() > 8) {
    reader.warning(reader.pos("key_points"), "'key_points' in [handout] has " +
                                                 std::to_string(handout.key_points.size()) +
                                                 " items; more than 8 is hard to remember");
  }
  reader.finish();
  return handout;
}

std::vector<Reference> read_references(TableReader& top, bool quiet, Diagnostics& out) {
  std::vector<Reference> references;
  auto tables = top.tables("references", Need::required);
  const toml::node* present = top.node("references", Need::optional);
  if (present && present->is_array() && present->as_array()->empty()) {
    top.error(top.pos("references"), "'references' needs at least one citation");
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    TableReader reader(*tables[i], top.path(), out, "reference " + std::to_string(i + 1));
    reader.set_quiet_missing(quiet);
    Reference ref;
    ref.authors = reader.string("authors", Need::required).value_or("");
    ref.year = read_int_in_range(reader, "year", Need::required, 1900, 2100).value_or(0);
    ref.title = reader.string("title", Need::required).value_or("");
    ref.publisher = reader.string("publisher", Need::optional).value_or("");
    reader.finish();
    references.push_back(std::move(ref));
  }
  return references;
}

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

}  // namespace

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
    std::string file_id = base_name_without_toml(path);
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
  m.duration_minutes = read_int_in_range(reader, "duration_minutes", Need::required, kMinDuration, kMaxDuration).value_or(0);
  if (auto type = parse_group_type(read_choice(reader, "group_type", group_type_names()))) m.group_type = *type;
  if (auto phase = parse_phase(read_choice(reader, "phase", phase_names()))) m.phase = *phase;
  m.prerequisites = read_list(reader, "prerequisites", Need::required, 0, &m.prerequisite_pos);
  m.objectives = read_list(reader, "objectives", Need::required, 1);
  m.materials = read_list(reader, "materials", Need::required, 0);
  m.discussion_questions = read_list(reader, "discussion_questions", Need::required, 1);
  m.tags = read_list(reader, "tags", Need::optional, 0);
  std::vector<SourcePos> anchor_pos;
  m.anchors = read_list(reader, "anchors", Need::optional, 0, &anchor_pos);
  for (size_t i = 0; i < m.anchors.size() && i < anchor_pos.size(); ++i) {
    const std::string& anchor = m.anchors[i];
    size_t colon = anchor.find(':');
    if (colon == std::string::npos || !is_kebab_case(anchor.substr(0, colon)) ||
        !is_kebab_case(anchor.substr(colon + 1))) {
      reader.error(anchor_pos[i], "anchor '" + anchor +
                                      "' must be a source and a topic in kebab-case, e.g. \"matrix-rp:work-and-recovery\"");
    }
  }
  m.agenda = read_agenda(reader, quiet, out);
  m.facilitator_notes = read_notes(reader, quiet, out);
  m.handout = read_handout(reader, quiet, out);
  m.references = read_references(reader, quiet, out);

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
