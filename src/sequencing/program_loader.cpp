// Reading programs/<id>.toml against its schema and the library it plans from.
#include <algorithm>
#include <cmath>
#include <set>

#include "curriculum/spelling.hpp"
#include "curriculum/toml_reader.hpp"
#include "iopplan/intensity.hpp"
#include "iopplan/loader.hpp"
#include "iopplan/program.hpp"

namespace iopplan {
namespace {

constexpr int kMaxClosures = 1000;
constexpr int kMaxGroupSize = 100;
constexpr int kMaxListedModules = 20000;

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string base_name_without_toml(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (ends_with(name, ".toml")) name.resize(name.size() - 5);
  return name;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  return list;
}

std::string key_in(const TableReader& reader, std::string_view key) {
  return "'" + std::string(key) + "'" + reader.in_where();
}

std::optional<std::string> read_choice(TableReader& reader, std::string_view key, Need need,
                                       const std::vector<std::string>& allowed) {
  auto value = reader.string(key, need);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
  reader.error(reader.pos(key), key_in(reader, key) + " is '" + *value + "'; it must be one of " +
                                    quoted_list(allowed) + did_you_mean(*value, allowed));
  return std::nullopt;
}

std::optional<int> read_int(TableReader& reader, std::string_view key, Need need, int64_t min, int64_t max) {
  auto value = reader.integer(key, need);
  if (!value) return std::nullopt;
  if (*value < min || *value > max) {
    reader.error(reader.pos(key), key_in(reader, key) + " is " + std::to_string(*value) + "; it must be between " +
                                      std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<bool> read_bool(TableReader& reader, std::string_view key) {
  const toml::node* n = reader.node(key, Need::optional);
  if (n == nullptr) return std::nullopt;
  if (!n->is_boolean()) {
    reader.error(pos_of(*n), key_in(reader, key) + " must be true or false, not " + toml_type_name(n->type()));
    return std::nullopt;
  }
  return n->as_boolean()->get();
}

// A weight: a number from 0 to 1000 (integers are fine).
std::optional<double> read_weight(TableReader& reader, std::string_view key) {
  const toml::node* n = reader.node(key, Need::optional);
  if (n == nullptr) return std::nullopt;
  double value = 0;
  if (n->is_integer()) {
    value = static_cast<double>(n->as_integer()->get());
  } else if (n->is_floating_point()) {
    value = n->as_floating_point()->get();
  } else {
    reader.error(pos_of(*n), key_in(reader, key) + " must be a number, not " + toml_type_name(n->type()));
    return std::nullopt;
  }
  if (!std::isfinite(value) || value < 0 || value > 1000) {
    reader.error(pos_of(*n), key_in(reader, key) + " must be a number from 0 to 1000");
    return std::nullopt;
  }
  return value;
}

// A TOML date (2027-01-04) or a string "2027-01-04".
std::optional<Date> date_of(const toml::node& n, const std::string& what, TableReader& reader) {
  if (const auto* d = n.as_date()) {
    const toml::date& v = d->get();
    if (auto date = parse_iso_date(to_iso({v.year, v.month, v.day}))) return date;
    reader.error(pos_of(n), what + " must be a date from 1900 to 2200");
    return std::nullopt;
  }
  if (const auto* s = n.as_string()) {
    if (auto date = parse_iso_date(s->get())) return date;
    reader.error(pos_of(n), what + " is '" + s->get() + "'; it must be a real calendar date written YYYY-MM-DD (1900-2200)");
    return std::nullopt;
  }
  reader.error(pos_of(n), what + " must be a date such as 2027-01-04, not " + toml_type_name(n.type()));
  return std::nullopt;
}

std::optional<Date> read_date(TableReader& reader, std::string_view key, Need need) {
  const toml::node* n = reader.node(key, need);  // reports the key when required and missing
  if (n == nullptr) return std::nullopt;
  return date_of(*n, key_in(reader, key), reader);
}

// "18:00" (or a TOML time 18:00:00) -> minutes after midnight.
std::optional<int> read_clock(TableReader& reader, std::string_view key) {
  const toml::node* n = reader.node(key, Need::required);
  if (n == nullptr) return std::nullopt;
  if (const auto* t = n->as_time()) {
    const toml::time& v = t->get();
    if (v.second == 0 && v.nanosecond == 0) return v.hour * 60 + v.minute;
    reader.error(pos_of(*n), key_in(reader, key) + " must be whole minutes, such as \"18:00\"");
    return std::nullopt;
  }
  if (const auto* s = n->as_string()) {
    const std::string& text = s->get();
    if (auto minutes = parse_clock_time(text)) return minutes;
    reader.error(pos_of(*n), key_in(reader, key) + " is '" + text + "'; it must be a time of day written HH:MM, from 00:00 to 23:59");
    return std::nullopt;
  }
  reader.error(pos_of(*n), key_in(reader, key) + " must be a time such as \"18:00\", not " + toml_type_name(n->type()));
  return std::nullopt;
}

// Module ids with their positions; unknown ones are reported with a suggestion.
std::vector<ModuleRef> read_module_refs(TableReader& reader, std::string_view key, const Library& library,
                                        const std::vector<std::string>& module_ids) {
  std::vector<SourcePos> positions;
  auto ids = reader.strings(key, Need::optional, &positions);
  std::vector<ModuleRef> refs;
  if (!ids) return refs;
  if (ids->size() > static_cast<size_t>(kMaxListedModules)) {
    reader.error(reader.pos(key), key_in(reader, key) + " lists too many modules");
    return refs;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < ids->size(); ++i) {
    const std::string& id = (*ids)[i];
    if (!find_module(library, id)) {
      reader.error(positions[i], "unknown module '" + id + "' in " + key_in(reader, key) + did_you_mean(id, module_ids));
      continue;
    }
    if (!seen.insert(id).second) {
      reader.error(positions[i], "module '" + id + "' is listed twice in " + key_in(reader, key));
      continue;
    }
    refs.push_back({id, positions[i]});
  }
  return refs;
}

class ProgramReader {
 public:
  ProgramReader(const std::string& path, const toml::table& table, const Library& library, bool quiet, Diagnostics& out)
      : path_(path), top_(table, path, out), library_(library), quiet_(quiet), out_(out) {
    top_.set_quiet_missing(quiet);
    for (const auto& track : library.tracks) track_ids_.push_back(track.id);
    for (const auto& m : library.modules) module_ids_.push_back(m.id);
  }

  Program read() {
    Program p;
    p.path = path_;
    read_identity(p);
    read_calendar(p);
    read_closures(p);
    read_blocks(p);
    read_rules(p);
    read_phases(p);
    read_limits(p);
    read_weights(p);
    top_.finish();
    return p;
  }

 private:
  TableReader sub(const toml::table& table, std::string where) {
    TableReader reader(table, path_, out_, std::move(where));
    reader.set_quiet_missing(quiet_);
    return reader;
  }

  void read_identity(Program& p) {
    if (auto id = top_.string("id", Need::required)) {
      p.id = *id;
      std::string file_id = base_name_without_toml(path_);
      if (!is_kebab_case(p.id)) {
        top_.error(top_.pos("id"), "id '" + p.id + "' must be lower-case kebab-case (a-z, 0-9 and single '-')");
      } else if (p.id != file_id) {
        top_.error(top_.pos("id"), "id '" + p.id + "' does not match the file name '" + file_id +
                                       ".toml'; rename one so they agree");
      }
    }
    p.name = top_.string("name", Need::required).value_or("");
    if (auto admission = read_choice(top_, "admission", Need::required, {"closed", "rolling"})) {
      p.admission = *admission == "rolling" ? Admission::rolling : Admission::closed;
    }
    p.admission_pos = top_.pos("admission");
    if (auto stay = read_choice(top_, "stay", Need::optional, {"weeks", "sessions"})) {
      p.stay = *stay == "sessions" ? Stay::sessions : Stay::weeks;
      if (p.admission != Admission::rolling) {
        top_.error(top_.pos("stay"), "'stay' applies only to rolling admission (it sets the stay coverage is measured over)");
      }
    }
    if (auto level = read_choice(top_, "level_of_care", Need::optional, level_of_care_ids())) {
      p.level_of_care = *level;
      p.level_of_care_pos = top_.pos("level_of_care");
    }
    p.group_size = read_int(top_, "group_size", Need::optional, 1, kMaxGroupSize).value_or(12);
  }

  void read_calendar(Program& p) {
    p.weeks = read_int(top_, "weeks", Need::required, 1, kMaxProgramWeeks).value_or(0);
    p.weeks_pos = top_.pos("weeks");
    if (auto date = read_date(top_, "start_date", Need::required)) p.start_date = *date;
    p.start_date_pos = top_.pos("start_date");
    p.meeting_days_pos = top_.pos("meeting_days");
    std::vector<SourcePos> positions;
    if (auto days = top_.strings("meeting_days", Need::required, &positions)) {
      const toml::node* n = top_.node("meeting_days", Need::optional);
      if (days->empty() && n && n->as_array() && n->as_array()->empty()) {
        top_.error(p.meeting_days_pos, "'meeting_days' needs at least one day, such as [\"mon\", \"wed\", \"thu\"]");
      }
      for (size_t i = 0; i < days->size(); ++i) {
        auto day = parse_weekday((*days)[i]);
        if (!day) {
          top_.error(positions[i], "'" + (*days)[i] + "' in 'meeting_days' is not a day of the week (mon, tue, wed, thu, fri, sat, sun)");
          continue;
        }
        if (std::find(p.meeting_days.begin(), p.meeting_days.end(), *day) != p.meeting_days.end()) {
          top_.error(positions[i], std::string("'meeting_days' lists ") + weekday_name(*day) + " twice");
          continue;
        }
        p.meeting_days.push_back(*day);
      }
      std::sort(p.meeting_days.begin(), p.meeting_days.end());
    }
    p.start_time = read_clock(top_, "start_time").value_or(0);
    p.meeting_minutes_pos = top_.pos("meeting_minutes");
    if (auto minutes = read_int(top_, "meeting_minutes", Need::required, 15, 24 * 60)) {
      p.meeting_minutes = *minutes;
      if (p.start_time + p.meeting_minutes > 24 * 60) {
        top_.error(p.meeting_minutes_pos, "a meeting of " + std::to_string(p.meeting_minutes) + " minutes from " +
                                              clock_time(p.start_time) + " would run past midnight");
      }
    }
  }

  void read_closures(Program& p) {
    if (auto skip = read_bool(top_, "skip_us_federal_holidays")) p.skip_us_federal_holidays = *skip;
    if (auto when = read_choice(top_, "when_closed", Need::optional, {"extend", "shorten"})) {
      p.when_closed = *when == "shorten" ? WhenClosed::shorten : WhenClosed::extend;
    }
    auto tables = top_.tables("closure", Need::optional);
    if (tables.size() > static_cast<size_t>(kMaxClosures)) {
      top_.error(top_.pos("closure"), "too many closures (" + std::to_string(tables.size()) + "; the limit is " +
                                          std::to_string(kMaxClosures) + ")");
      return;
    }
    for (size_t i = 0; i < tables.size(); ++i) {
      TableReader reader = sub(*tables[i], "closure " + std::to_string(i + 1));
      Closure closure;
      closure.pos = reader.table_pos();
      auto from = read_date(reader, "date", Need::required);
      auto through = read_date(reader, "through", Need::optional);
      closure.reason = reader.string("reason", Need::required).value_or("");
      reader.finish();
      if (!from) continue;
      closure.from = *from;
      closure.through = through.value_or(*from);
      if (closure.through < closure.from) {
        reader.error(reader.pos("through"), "'through'" + reader.in_where() + " (" + to_iso(closure.through) +
                                                ") is before 'date' (" + to_iso(closure.from) + ")");
        continue;
      }
      if (days_since_epoch(closure.through) - days_since_epoch(closure.from) > 366) {
        reader.error(reader.pos("through"), "closure" + reader.in_where() + " is longer than a year");
        continue;
      }
      p.closures.push_back(std::move(closure));
    }
  }

  void read_blocks(Program& p) {
    auto tables = top_.tables("block", Need::required);
    if (tables.size() > static_cast<size_t>(kMaxBlocks)) {
      top_.error(top_.pos("block"), "too many blocks (" + std::to_string(tables.size()) + "; the limit is " +
                                        std::to_string(kMaxBlocks) + ")");
      return;
    }
    bool all_timed = !tables.empty();
    int total = 0;
    for (size_t i = 0; i < tables.size(); ++i) {
      TableReader reader = sub(*tables[i], "block " + std::to_string(i + 1));
      Block block;
      block.pos = reader.table_pos();
      auto activity = reader.string("activity", Need::optional);
      auto slot = reader.string("slot", Need::optional);
      if (activity && slot) {
        reader.error(block.pos, "block " + std::to_string(i + 1) + " has both 'activity' and 'slot'; a block is either a fixed activity or a content slot");
      } else if (!activity && !slot && !reader.node("activity", Need::optional) && !reader.node("slot", Need::optional)) {
        reader.error(block.pos, "block " + std::to_string(i + 1) + " needs 'activity' (a fixed activity such as \"Check-in\") or 'slot' (a content slot the plan fills)");
      }
      block.activity = activity.value_or("");
      block.slot = activity ? "" : slot.value_or("");
      auto minutes = read_int(reader, "minutes", Need::required, 1, 24 * 60);
      block.minutes = minutes.value_or(0);
      all_timed = all_timed && minutes.has_value();
      total += block.minutes;
      std::vector<SourcePos> positions;
      if (auto tracks = reader.strings("tracks", Need::optional, &positions)) {
        for (size_t t = 0; t < tracks->size(); ++t) {
          if (!find_track(library_, (*tracks)[t])) {
            reader.error(positions[t], "unknown track '" + (*tracks)[t] + "'" + reader.in_where() +
                                           did_you_mean((*tracks)[t], track_ids_));
          } else {
            block.tracks.push_back((*tracks)[t]);
          }
        }
      }
      positions.clear();
      if (auto types = reader.strings("group_types", Need::optional, &positions)) {
        for (size_t t = 0; t < types->size(); ++t) {
          if (auto type = parse_group_type((*types)[t])) {
            block.group_types.push_back(*type);
          } else {
            reader.error(positions[t], "unknown group type '" + (*types)[t] + "'" + reader.in_where() + "; it must be one of " +
                                           quoted_list(group_type_names()) + did_you_mean((*types)[t], group_type_names()));
          }
        }
      }
      if (!block.is_content() && (reader.node("tracks", Need::optional) || reader.node("group_types", Need::optional))) {
        reader.error(block.pos, "'tracks' and 'group_types' belong to content slots; block " + std::to_string(i + 1) +
                                    " is a fixed activity");
      }
      reader.finish();
      p.blocks.push_back(std::move(block));
    }
    if (all_timed && p.meeting_minutes > 0 && total != p.meeting_minutes) {
      top_.error(p.meeting_minutes_pos, "the blocks add up to " + std::to_string(total) + " minutes, but 'meeting_minutes' is " +
                                            std::to_string(p.meeting_minutes));
    }
    if (!tables.empty() && content_slots_per_meeting(p) == 0) {
      top_.error(top_.pos("block"), "the meeting has no content slot to plan; add a block with 'slot'");
    }
    std::set<std::string> names;
    for (size_t i = 0; i < p.blocks.size(); ++i) {
      if (p.blocks[i].is_content() && !names.insert(p.blocks[i].slot).second) {
        top_.error(p.blocks[i].pos, "two content slots are named '" + p.blocks[i].slot + "'; give each its own name");
      }
    }
  }

  void read_rules(Program& p) {
    const toml::table* table = top_.table("rules", Need::optional);
    if (table == nullptr) return;
    TableReader reader = sub(*table, "[rules]");
    if (const toml::node* n = reader.node("no_repeat_within", Need::optional)) {
      p.no_repeat_pos = pos_of(*n);
      if (const auto* s = n->as_string(); s && s->get() == "cycle") {
        p.no_repeat_within_weeks = 0;
      } else if (const auto* i = n->as_integer(); i && i->get() >= 1 && i->get() <= kMaxProgramWeeks) {
        p.no_repeat_within_weeks = static_cast<int>(i->get());
      } else {
        reader.error(p.no_repeat_pos, "'no_repeat_within' in [rules] must be \"cycle\" (no module twice) or a number of weeks from 1 to " +
                                          std::to_string(kMaxProgramWeeks));
      }
    }
    p.required = read_module_refs(reader, "required", library_, module_ids_);
    p.excluded = read_module_refs(reader, "excluded", library_, module_ids_);
    p.core_modules = read_module_refs(reader, "core_modules", library_, module_ids_);
    if (!p.core_modules.empty() && p.admission != Admission::rolling) {
      reader.error(reader.pos("core_modules"), "'core_modules' in [rules] applies only to rolling admission (coverage)");
    }
    reader.finish();
  }

  void read_phases(Program& p) {
    auto tables = top_.tables("phase", Need::optional);
    for (size_t i = 0; i < tables.size(); ++i) {
      TableReader reader = sub(*tables[i], "phase " + std::to_string(i + 1));
      PhaseRule rule;
      rule.pos = reader.table_pos();
      bool ok = true;
      if (const toml::node* n = reader.node("weeks", Need::required)) {
        const toml::array* a = n->as_array();
        bool shape = a && a->size() == 2 && a->get(0)->is_integer() && a->get(1)->is_integer();
        int64_t first = shape ? a->get(0)->as_integer()->get() : 0;
        int64_t last = shape ? a->get(1)->as_integer()->get() : 0;
        if (!shape) {
          reader.error(pos_of(*n), "'weeks'" + reader.in_where() + " must be a range of two week numbers, such as [1, 4]");
          ok = false;
        } else if (first < 1 || last < first || (p.weeks > 0 && last > p.weeks)) {
          reader.error(pos_of(*n), "'weeks'" + reader.in_where() + " is [" + std::to_string(first) + ", " +
                                       std::to_string(last) + "]; it must run from week 1 or later to a week no later than " +
                                       std::to_string(p.weeks) + ", first to last");
          ok = false;
        } else {
          rule.first_week = static_cast<int>(first);
          rule.last_week = static_cast<int>(last);
        }
      } else {
        ok = false;
      }
      std::vector<SourcePos> positions;
      if (auto phases = reader.strings("phases", Need::required, &positions)) {
        for (size_t k = 0; k < phases->size(); ++k) {
          auto phase = parse_phase((*phases)[k]);
          if (!phase) {
            reader.error(positions[k], "unknown phase '" + (*phases)[k] + "'" + reader.in_where() + "; it must be one of " +
                                           quoted_list(phase_names()) + did_you_mean((*phases)[k], phase_names()));
            ok = false;
          } else {
            rule.phases.push_back(*phase);
          }
        }
        if (phases->empty()) {
          reader.error(reader.pos("phases"), "'phases'" + reader.in_where() + " needs at least one phase");
          ok = false;
        }
      } else {
        ok = false;
      }
      reader.finish();
      if (!ok) continue;
      for (const auto& earlier : p.phases) {
        if (rule.first_week <= earlier.last_week && earlier.first_week <= rule.last_week) {
          reader.error(rule.pos, "phase " + std::to_string(i + 1) + " (weeks " + std::to_string(rule.first_week) + "-" +
                                     std::to_string(rule.last_week) + ") overlaps the phase at line " +
                                     std::to_string(earlier.pos.line) + " (weeks " + std::to_string(earlier.first_week) +
                                     "-" + std::to_string(earlier.last_week) + ")");
          ok = false;
          break;
        }
      }
      if (ok) p.phases.push_back(std::move(rule));
    }
  }

  void read_limits(Program& p) {
    const toml::table* table = top_.table("limits", Need::optional);
    if (table == nullptr) return;
    for (const auto& [key, value] : *table) {
      std::string track(key.str());
      SourcePos key_pos{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
      if (key_pos.line <= 0) key_pos = pos_of(value);
      if (!find_track(library_, track)) {
        top_.error(key_pos, "unknown track '" + track + "' in [limits]" + did_you_mean(track, track_ids_));
        continue;
      }
      const toml::table* limits = value.as_table();
      if (limits == nullptr) {
        top_.error(key_pos, "[limits] " + track + " must be a table such as [limits." + track + "], not " +
                                toml_type_name(value.type()));
        continue;
      }
      TableReader reader = sub(*limits, "[limits." + track + "]");
      TrackLimit limit;
      limit.track = track;
      limit.pos = key_pos;
      constexpr int kMax = kMaxProgramWeeks * 7 * kMaxBlocks;
      limit.min_per_week = read_int(reader, "min_per_week", Need::optional, 0, 7 * kMaxBlocks).value_or(-1);
      limit.max_per_week = read_int(reader, "max_per_week", Need::optional, 0, 7 * kMaxBlocks).value_or(-1);
      limit.min_per_cycle = read_int(reader, "min_per_cycle", Need::optional, 0, kMax).value_or(-1);
      limit.max_per_cycle = read_int(reader, "max_per_cycle", Need::optional, 0, kMax).value_or(-1);
      limit.min_per_week_pos = reader.pos("min_per_week");
      limit.max_per_week_pos = reader.pos("max_per_week");
      limit.min_per_cycle_pos = reader.pos("min_per_cycle");
      limit.max_per_cycle_pos = reader.pos("max_per_cycle");
      reader.finish();
      auto order = [&](int min, int max, const char* min_key, const char* max_key, SourcePos pos) {
        if (min >= 0 && max >= 0 && min > max) {
          reader.error(pos, std::string("'") + min_key + "' (" + std::to_string(min) + ") is larger than '" + max_key +
                                "' (" + std::to_string(max) + ")" + reader.in_where());
        }
      };
      order(limit.min_per_week, limit.max_per_week, "min_per_week", "max_per_week", limit.min_per_week_pos);
      order(limit.min_per_cycle, limit.max_per_cycle, "min_per_cycle", "max_per_cycle", limit.min_per_cycle_pos);
      p.limits.push_back(std::move(limit));
    }
  }

  void read_weights(Program& p) {
    const toml::table* table = top_.table("weights", Need::optional);
    if (table == nullptr) return;
    TableReader reader = sub(*table, "[weights]");
    Weights& w = p.weights;
    w.track_spread = read_weight(reader, "track_spread").value_or(w.track_spread);
    w.back_to_back = read_weight(reader, "back_to_back").value_or(w.back_to_back);
    w.group_type_variety = read_weight(reader, "group_type_variety").value_or(w.group_type_variety);
    w.prerequisite_distance = read_weight(reader, "prerequisite_distance").value_or(w.prerequisite_distance);
    w.repeats = read_weight(reader, "repeats").value_or(w.repeats);
    w.changes = read_weight(reader, "changes").value_or(w.changes);
    reader.finish();
  }

  std::string path_;
  TableReader top_;
  const Library& library_;
  bool quiet_;
  Diagnostics& out_;
  std::vector<std::string> track_ids_;
  std::vector<std::string> module_ids_;
};

}  // namespace

std::string program_file(const std::string& root, const std::string& id_or_path) {
  if (id_or_path.find('/') != std::string::npos || ends_with(id_or_path, ".toml")) return id_or_path;
  return join_path(join_path(root, "programs"), id_or_path + ".toml");
}

std::vector<std::string> program_ids(const FileSource& files, const std::string& root) {
  std::vector<std::string> ids;
  for (const auto& name : files.list(join_path(root, "programs"))) {
    if (name.back() != '/' && name.front() != '.' && ends_with(name, ".toml")) ids.push_back(name.substr(0, name.size() - 5));
  }
  return ids;
}

std::optional<Program> parse_program(const std::string& path, const std::string& text, const Library& library,
                                     Diagnostics& out) {
  size_t errors_before = static_cast<size_t>(count(out, Severity::error));
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return std::nullopt;
  Program program = ProgramReader(path, *parsed.table, library, parsed.had_syntax_errors, out).read();
  if (static_cast<size_t>(count(out, Severity::error)) > errors_before) return std::nullopt;
  return program;
}

std::optional<Diagnostic> missing_program(const FileSource& files, const std::string& root,
                                          const std::string& id_or_path) {
  std::string path = program_file(root, id_or_path);
  if (files.read(path)) return std::nullopt;
  if (path == id_or_path) return error_at(path, {}, "cannot read program file");
  return error_at("", {}, "unknown program '" + id_or_path + "'" + did_you_mean(id_or_path, program_ids(files, root)));
}

std::optional<Program> load_program(const FileSource& files, const std::string& library_root,
                                    const std::string& id_or_path, const Library& library, Diagnostics& out) {
  std::string path = program_file(library_root, id_or_path);
  auto text = files.read(path);
  if (!text) {
    if (auto missing = missing_program(files, library_root, id_or_path)) out.push_back(std::move(*missing));
    return std::nullopt;
  }
  Diagnostics found;
  auto program = parse_program(path, *text, library, found);
  sort_diagnostics(found);
  out.insert(out.end(), found.begin(), found.end());
  return program;
}

std::vector<Program> load_programs(const FileSource& files, const std::string& root, const Library& library,
                                   Diagnostics& out) {
  std::vector<Program> programs;
  for (const auto& id : program_ids(files, root)) {
    if (auto program = load_program(files, root, id, library, out)) programs.push_back(std::move(*program));
  }
  return programs;
}

}  // namespace iopplan
