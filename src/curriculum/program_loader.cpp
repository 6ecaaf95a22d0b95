// Reading programs/<id>.toml against its schema and the library it plans from.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "iopplan/base/spelling.hpp"
#include "iopplan/base/strings.hpp"
#include "iopplan/base/utf8.hpp"
#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/language.hpp"
#include "iopplan/curriculum/level_of_care.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/program.hpp"
#include "curriculum/library_parts.hpp"

namespace iopplan {
namespace {

constexpr int kMaxClosures = 1000;
constexpr int kMaxGroupSize = 100;
constexpr int kMaxListedModules = 20000;
constexpr uint64_t kMaxGuidanceBytes = 64 * 1024;
constexpr int kMaxGroups = 12;

// "America/Chicago", "America/Argentina/Buenos_Aires", "UTC": the shape of IANA zone names.
bool is_iana_zone_name(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
  if (name.find("..") != std::string::npos || name.find("//") != std::string::npos) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
              c == '-' || c == '+';
    if (!ok) return false;
  }
  return std::isupper(static_cast<unsigned char>(name.front())) != 0;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string list;
  for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
  return list;
}

// Module ids with their positions; unknown ones are reported with a suggestion.
std::vector<ModuleRef> read_module_refs(TableReader& reader, std::string_view key, const Library& library,
                                        const std::vector<std::string>& module_ids) {
  std::vector<SourcePos> positions;
  auto ids = reader.strings(key, Need::optional, &positions);
  std::vector<ModuleRef> refs;
  if (!ids) return refs;
  if (ids->size() > static_cast<size_t>(kMaxListedModules)) {
    reader.error(reader.pos(key), reader.named(key) + " lists too many modules");
    return refs;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < ids->size(); ++i) {
    const std::string& id = (*ids)[i];
    if (!find_module(library, id)) {
      reader.error(positions[i], "unknown module '" + id + "' in " + reader.named(key) + did_you_mean(id, module_ids));
      continue;
    }
    if (!seen.insert(id).second) {
      reader.error(positions[i], "module '" + id + "' is listed twice in " + reader.named(key));
      continue;
    }
    refs.push_back({id, positions[i]});
  }
  return refs;
}

class ProgramReader {
 public:
  ProgramReader(const std::string& path, const toml::table& table, const Library& library, bool quiet, Diagnostics& out,
                const FileSource* files)
      : path_(path), top_(table, path, out), library_(library), out_(out), files_(files) {
    top_.set_quiet_missing(quiet);
    for (const auto& track : library.tracks) track_ids_.push_back(track.id);
    for (const auto& m : library.modules) module_ids_.push_back(m.id);
  }

  Program read() {
    Program p;
    p.path = path_;
    read_identity(p);
    read_languages(p);
    read_calendar(p);
    read_closures(p);
    read_weights(p);
    if (top_.node("group", Need::optional) == nullptr) {
      read_schedule(p);
    } else {
      read_groups(p);
    }
    top_.finish();
    return p;
  }

 private:
  TableReader sub(const toml::table& table, std::string where) { return top_.child(table, std::move(where)); }

  // What a group holds, read through r_: the file's top level, or one [[group]] table.
  void read_schedule(Program& p) {
    read_meetings(p);
    read_blocks(p);
    read_rules(p);
    read_phases(p);
    read_limits(p);
    read_pins(p);
  }

  void read_groups(Program& p) {
    for (const char* key : {"meeting_days", "start_time", "meeting_minutes", "block", "rules", "phase", "limits", "pin"}) {
      if (top_.node(key, Need::optional)) {
        top_.error(top_.pos(key), std::string("'") + key + "' belongs in each [[group]] when the program has groups");
      }
    }
    if (p.stay == Stay::sessions && top_.node("stay", Need::optional)) {
      top_.error(top_.pos("stay"), "'stay = \"sessions\"' does not apply to a program with groups: a group's 'weeks' count weeks of the stay");
    }
    top_.for_each_table("group", Need::optional, {.max = kMaxGroups, .noun = "group"}, [&](TableReader& reader, size_t i) {
      Program g = p;
      g.groups.clear();
      g.attendees = Attendees::patients;
      g.group_pos = reader.table_pos();
      g.group = reader.string("id", Need::required).value_or("");
      if (!g.group.empty() && !is_kebab_case(g.group)) {
        reader.error(reader.pos("id"), "group id '" + g.group + "' must be lower-case kebab-case (a-z, 0-9 and single '-')");
      }
      for (const auto& other : p.groups) {
        if (!g.group.empty() && other.group == g.group) {
          reader.error(reader.pos("id"), "two groups have the id '" + g.group + "' (the other at line " +
                                             std::to_string(other.group_pos.line) + ")");
        }
      }
      g.name = reader.string("name", Need::required).value_or("");
      if (auto attendees = reader.choice("attendees", Need::optional, {"patients", "patients-and-family"})) {
        g.attendees = *attendees == "patients" ? Attendees::patients : Attendees::patients_and_family;
      }
      g.audience_pos = reader.pos("weeks");
      if (auto range = read_range(reader, "weeks", p.weeks, p.admission == Admission::rolling ? "of the stay" : "of the program")) {
        g.audience_first = range->first;
        g.audience_last = range->second;
      }
      // A group is planned as a program of the weeks it serves: a rotation of that length (rolling),
      // or the cohort's weeks first..last.
      g.weeks = g.audience_last > 0 ? g.audience_last - g.audience_first + 1 : p.weeks;
      r_ = &reader;
      read_schedule(g);
      r_ = &top_;
      if (g.attendees == Attendees::patients) {
        for (size_t b = 0; b < g.blocks.size(); ++b) {
          const auto& types = g.blocks[b].group_types;
          if (std::find(types.begin(), types.end(), GroupType::family) != types.end()) {
            reader.error(g.blocks[b].pos, "block " + std::to_string(b + 1) + " of group '" + g.group +
                                              "' takes family sessions, but the group's attendees are patients only; "
                                              "set attendees = \"patients-and-family\" or drop \"family\"");
          }
        }
      }
      (void)i;
      p.groups.push_back(std::move(g));
    });
    check_group_times(p);
  }

  // Two groups one participant may attend (their weeks overlap) must not meet at the same time of
  // the same day; back to back is fine, and so are parallel groups for different weeks of the stay.
  void check_group_times(const Program& p) {
    for (size_t j = 0; j < p.groups.size(); ++j) {
      const Program& b = p.groups[j];
      for (size_t i = 0; i < j; ++i) {
        const Program& a = p.groups[i];
        if (a.audience_last < b.audience_first || b.audience_last < a.audience_first) continue;
        for (Weekday day : b.meeting_days) {
          if (std::find(a.meeting_days.begin(), a.meeting_days.end(), day) == a.meeting_days.end()) continue;
          if (b.start_time < a.start_time + a.meeting_minutes && a.start_time < b.start_time + b.meeting_minutes) {
            top_.error(b.start_time_pos, "group '" + b.group + "' (" + weekday_name(day) + " " + clock_time(b.start_time) +
                                             "-" + clock_time(b.start_time + b.meeting_minutes) + ") overlaps group '" +
                                             a.group + "' (" + clock_time(a.start_time) + "-" +
                                             clock_time(a.start_time + a.meeting_minutes) + ", line " +
                                             std::to_string(a.group_pos.line) + ")");
            break;
          }
        }
      }
    }
  }

  // `key = [first, last]`, weeks within 1..weeks; nullopt (reported) when absent or malformed.
  std::optional<std::pair<int, int>> read_range(TableReader& reader, std::string_view key, int weeks, const std::string& of) {
    const toml::node* n = reader.node(key, Need::required);
    if (n == nullptr) return std::nullopt;
    const toml::array* a = n->as_array();
    bool shape = a && a->size() == 2 && a->get(0)->is_integer() && a->get(1)->is_integer();
    if (!shape) {
      reader.error(pos_of(*n), reader.named(key) + " must be a range of two week numbers, such as [1, 4]");
      return std::nullopt;
    }
    int64_t first = a->get(0)->as_integer()->get(), last = a->get(1)->as_integer()->get();
    if (first < 1 || last < first || (weeks > 0 && last > weeks)) {
      reader.error(pos_of(*n), reader.named(key) + " is [" + std::to_string(first) + ", " + std::to_string(last) +
                                   "]; it must lie within weeks 1-" + std::to_string(weeks) + " " + of + ", first to last");
      return std::nullopt;
    }
    return std::make_pair(static_cast<int>(first), static_cast<int>(last));
  }

  void read_pins(Program& p) {
    bool rolling = p.admission == Admission::rolling;
    int first = p.audience_first, last = p.audience_last > 0 ? p.audience_last : p.weeks;
    r_->for_each_table("pin", Need::optional, {.max = kMaxBlocks, .noun = "pin"}, [&](TableReader& reader, size_t) {
      Pin pin;
      pin.pos = reader.table_pos();
      auto id = reader.string("module", Need::required);
      bool ok = id.has_value();
      if (id && !find_module(library_, *id)) {
        reader.error(reader.pos("module"), "unknown module '" + *id + "'" + reader.in_where() + did_you_mean(*id, module_ids_));
        ok = false;
      }
      for (const auto& other : p.pins) {
        if (id && other.module.id == *id) {
          reader.error(reader.pos("module"), "module '" + *id + "' is pinned twice (the other pin at line " +
                                                 std::to_string(other.pos.line) + ")");
          ok = false;
        }
      }
      if (id) pin.module = {*id, reader.pos("module")};
      if (rolling) {
        if (reader.node("week", Need::optional)) {
          reader.error(reader.pos("week"), "'week'" + reader.in_where() + " pins to a program week, which a rolling program has not; use 'stay_weeks', such as [1, 2]");
          ok = false;
        } else if (auto range = read_range(reader, "stay_weeks", last, "of the stay")) {
          if (range->first < first) {
            reader.error(reader.pos("stay_weeks"), reader.named("stay_weeks") + " starts in week " + std::to_string(range->first) +
                                                       " of the stay, before the group's weeks " + std::to_string(first) + "-" +
                                                       std::to_string(last));
            ok = false;
          }
          pin.first_stay_week = range->first;
          pin.last_stay_week = range->second;
        } else {
          ok = false;
        }
      } else if (reader.node("stay_weeks", Need::optional)) {
        reader.error(reader.pos("stay_weeks"), "'stay_weeks'" + reader.in_where() + " applies to rolling admission; a closed program pins to a 'week' (a number, or \"last\")");
        ok = false;
      } else if (const toml::node* n = reader.node("week", Need::required)) {
        if (const auto* text = n->as_string(); text && text->get() == "last") {
          pin.last = true;
        } else if (const auto* week = n->as_integer(); week && week->get() >= 1 && week->get() <= p.weeks) {
          pin.week = static_cast<int>(week->get());
        } else {
          reader.error(pos_of(*n), "'week'" + reader.in_where() + " must be a week of the plan from 1 to " +
                                       std::to_string(p.weeks) + ", or \"last\" (the closing session)");
          ok = false;
        }
      } else {
        ok = false;
      }
      if (ok) p.pins.push_back(std::move(pin));
    });
  }

  void read_identity(Program& p) {
    if (auto id = top_.string("id", Need::required)) {
      p.id = *id;
      std::string file_id = file_stem(path_);
      if (!is_kebab_case(p.id)) {
        top_.error(top_.pos("id"), "id '" + p.id + "' must be lower-case kebab-case (a-z, 0-9 and single '-')");
      } else if (p.id != file_id) {
        top_.error(top_.pos("id"), "id '" + p.id + "' does not match the file name '" + file_id +
                                       ".toml'; rename one so they agree");
      }
    }
    p.name = top_.string("name", Need::required).value_or("");
    if (auto admission = top_.choice("admission", Need::required, {"closed", "rolling"})) {
      p.admission = *admission == "rolling" ? Admission::rolling : Admission::closed;
    }
    p.admission_pos = top_.pos("admission");
    if (auto stay = top_.choice("stay", Need::optional, {"weeks", "sessions"})) {
      p.stay = *stay == "sessions" ? Stay::sessions : Stay::weeks;
      if (p.admission != Admission::rolling) {
        top_.error(top_.pos("stay"), "'stay' applies only to rolling admission (it sets the stay coverage is measured over)");
      }
    }
    if (auto level = top_.choice("level_of_care", Need::optional, level_of_care_ids())) {
      p.level_of_care = *level;
      p.level_of_care_pos = top_.pos("level_of_care");
    }
    p.group_size = top_.integer_in("group_size", Need::optional, 1, kMaxGroupSize).value_or(12);
    p.location = top_.string("location", Need::optional).value_or("");
    if (auto zone = top_.string("timezone", Need::optional)) {
      p.timezone_pos = top_.pos("timezone");
      if (is_iana_zone_name(*zone)) {
        p.timezone = *zone;
      } else {
        top_.error(p.timezone_pos, "timezone '" + *zone +
                                       "' must be an IANA time zone name such as \"America/Chicago\"");
      }
    }
  }

  void read_languages(Program& p) {
    std::vector<SourcePos> positions;
    auto codes = top_.strings("languages", Need::optional, &positions);
    if (!codes) return;
    if (top_.node("languages", Need::optional)->as_array()->empty()) {
      top_.error(top_.pos("languages"), "'languages' needs at least one language, such as [\"en\", \"es\"]");
      return;
    }
    std::vector<std::string> languages;
    for (size_t i = 0; i < codes->size() && i < positions.size(); ++i) {
      std::string problem = language_problem((*codes)[i], languages);
      if (problem.empty()) {
        languages.push_back((*codes)[i]);
      } else {
        top_.error(positions[i], "'languages': " + problem);
      }
    }
    if (!languages.empty()) p.languages = languages;
    p.languages_pos = top_.pos("languages");
  }

  void read_calendar(Program& p) {
    p.weeks = top_.integer_in("weeks", Need::required, 1, kMaxProgramWeeks).value_or(0);
    p.weeks_pos = top_.pos("weeks");
    if (auto date = top_.date("start_date", Need::required)) p.start_date = *date;
    p.start_date_pos = top_.pos("start_date");
  }

  // When and how long the meetings are: the program's, or one group's.
  void read_meetings(Program& p) {
    p.meeting_days_pos = r_->pos("meeting_days");
    std::vector<SourcePos> positions;
    if (auto days = r_->strings("meeting_days", Need::required, &positions)) {
      const toml::node* n = r_->node("meeting_days", Need::optional);
      if (days->empty() && n && n->as_array() && n->as_array()->empty()) {
        r_->error(p.meeting_days_pos, "'meeting_days' needs at least one day, such as [\"mon\", \"wed\", \"thu\"]");
      }
      for (size_t i = 0; i < days->size(); ++i) {
        auto day = parse_weekday((*days)[i]);
        if (!day) {
          r_->error(positions[i], "'" + (*days)[i] + "' in 'meeting_days' is not a day of the week (mon, tue, wed, thu, fri, sat, sun)");
          continue;
        }
        if (std::find(p.meeting_days.begin(), p.meeting_days.end(), *day) != p.meeting_days.end()) {
          r_->error(positions[i], std::string("'meeting_days' lists ") + weekday_name(*day) + " twice");
          continue;
        }
        p.meeting_days.push_back(*day);
      }
      std::sort(p.meeting_days.begin(), p.meeting_days.end());
    }
    p.start_time = r_->clock("start_time", Need::required).value_or(0);
    p.start_time_pos = r_->pos("start_time");
    p.meeting_minutes_pos = r_->pos("meeting_minutes");
    if (auto minutes = r_->integer_in("meeting_minutes", Need::required, 15, 24 * 60)) {
      p.meeting_minutes = *minutes;
      if (p.start_time + p.meeting_minutes > 24 * 60) {
        r_->error(p.meeting_minutes_pos, "a meeting of " + std::to_string(p.meeting_minutes) + " minutes from " +
                                              clock_time(p.start_time) + " would run past midnight");
      }
    }
  }

  void read_closures(Program& p) {
    if (auto skip = top_.boolean("skip_us_federal_holidays")) p.skip_us_federal_holidays = *skip;
    if (auto when = top_.choice("when_closed", Need::optional, {"extend", "shorten"})) {
      p.when_closed = *when == "shorten" ? WhenClosed::shorten : WhenClosed::extend;
    }
    auto tables = top_.tables("closure", Need::optional, {.max = kMaxClosures, .noun = "closure"});
    for (size_t i = 0; i < tables.size(); ++i) {
      TableReader reader = sub(*tables[i], "closure " + std::to_string(i + 1));
      Closure closure;
      closure.pos = reader.table_pos();
      auto from = reader.date("date", Need::required);
      auto through = reader.date("through", Need::optional);
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
      if (days_between(closure.from, closure.through) > 366) {
        reader.error(reader.pos("through"), "closure" + reader.in_where() + " is longer than a year");
        continue;
      }
      p.closures.push_back(std::move(closure));
    }
  }

  void read_blocks(Program& p) {
    bool all_timed = true;
    int total = 0;
    r_->for_each_table("block", Need::required, {.max = kMaxBlocks, .noun = "block"}, [&](TableReader& reader, size_t i) {
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
      auto minutes = reader.integer_in("minutes", Need::required, 1, 24 * 60);
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
      read_guidance(reader, block);
      p.blocks.push_back(std::move(block));
    });
    all_timed = all_timed && !p.blocks.empty();
    if (all_timed && p.meeting_minutes > 0 && total != p.meeting_minutes) {
      r_->error(p.meeting_minutes_pos, "the blocks add up to " + std::to_string(total) + " minutes, but 'meeting_minutes' is " +
                                            std::to_string(p.meeting_minutes));
    }
    if (!p.blocks.empty() && content_slots_per_meeting(p) == 0) {
      r_->error(r_->pos("block"), "the meeting has no content slot to plan; add a block with 'slot'");
    }
    std::set<std::string> names;
    for (size_t i = 0; i < p.blocks.size(); ++i) {
      if (p.blocks[i].is_content() && !names.insert(p.blocks[i].slot).second) {
        r_->error(p.blocks[i].pos, "two content slots are named '" + p.blocks[i].slot + "'; give each its own name");
      }
    }
  }

  // A fixed block's guidance: Markdown inline ('guidance') or in a file inside the library
  // ('guidance_file', relative to its root), checked like any text an author writes.
  void read_guidance(TableReader& reader, Block& block) {
    auto text = reader.string("guidance", Need::optional);
    auto file = reader.string("guidance_file", Need::optional);
    SourcePos at = reader.pos(file ? "guidance_file" : "guidance");
    if (!text && !file) return;
    if (block.is_content()) {
      reader.error(at, "guidance belongs to fixed activities; " + reader.where() +
                           " is a content slot, and each module brings its own facilitator guide");
      return;
    }
    if (text && file) {
      reader.error(at, "'guidance' and 'guidance_file'" + reader.in_where() + " are both set; keep one");
      return;
    }
    if (text) {
      block.guidance = *text;
      return;
    }
    bool inside = is_safe_relative_path(*file) && file->ends_with(".md");
    std::string path = join_path(library_.root, *file);
    if (!inside || (files_ && !files_->stays_inside(path, library_.root))) {
      reader.error(at, "'guidance_file'" + reader.in_where() + " must name a Markdown file inside the library, such as " +
                           "\"guidance/process-group.md\", not '" + *file + "'");
      return;
    }
    if (files_ && too_large(*files_, path, kMaxGuidanceBytes, out_)) return;
    auto content = files_ ? files_->read(path) : std::nullopt;
    if (!content) {
      reader.error(at, "cannot read guidance file '" + path + "'" + reader.in_where());
      return;
    }
    size_t offset = 0;
    if (auto bad = find_invalid_utf8(*content)) {
      out_.push_back(error_at(path, {bad->line, bad->column}, "file is not valid UTF-8"));
    } else if (auto c = first_control_character(*content, &offset)) {
      out_.push_back(error_at(path, position_of_offset(*content, offset), control_character_message(*c)));
    } else if (trim(*content).empty()) {
      reader.error(at, "guidance file '" + path + "'" + reader.in_where() + " is empty");
    } else {
      block.guidance = std::move(*content);
      block.guidance_file = *file;
    }
  }

  void read_rules(Program& p) {
    const toml::table* table = r_->table("rules", Need::optional);
    if (table == nullptr) return;
    TableReader reader = sub(*table, "[rules]");
    if (const toml::node* n = reader.node("no_repeat_within", Need::optional)) {
      p.no_repeat_pos = pos_of(*n);
      if (const auto* s = n->as_string(); s && s->get() == "cycle") {
        p.no_repeat_within_weeks = 0;
      } else if (const auto* i = n->as_integer(); i && i->get() >= 1 && i->get() <= kMaxProgramWeeks) {
        p.no_repeat_within_weeks = static_cast<int>(i->get());
        // A rotation of W weeks brings every module back W weeks later, whatever the plan.
        if (p.admission == Admission::rolling && p.weeks > 0 && p.no_repeat_within_weeks > p.weeks) {
          std::string weeks = std::to_string(p.weeks);
          std::string rotation = p.group.empty() ? "the program's " + weeks + "-week rotation"
                                                 : "the " + weeks + "-week rotation of group '" + p.group + "'";
          reader.error(p.no_repeat_pos, "'no_repeat_within' is " + plural(static_cast<size_t>(p.no_repeat_within_weeks), "week") +
                                            ", longer than " + rotation +
                                            ", which brings every module back each round; use \"cycle\" or at most " + weeks);
        }
      } else {
        reader.error(p.no_repeat_pos, "'no_repeat_within' in [rules] must be \"cycle\" (no module twice) or a number of weeks from 1 to " +
                                          std::to_string(kMaxProgramWeeks));
      }
    }
    p.required = read_module_refs(reader, "required", library_, module_ids_);
    p.excluded = read_module_refs(reader, "excluded", library_, module_ids_);
    p.core_modules = read_module_refs(reader, "core_modules", library_, module_ids_);
    read_separate_days(reader, p);
    if (!p.core_modules.empty() && p.admission != Admission::rolling) {
      reader.error(reader.pos("core_modules"), "'core_modules' in [rules] applies only to rolling admission (coverage)");
    }
    reader.finish();
  }

  // separate_days = [["twelve-step", "cbt-coping-skills"], ...]: pairs of known, different tracks.
  void read_separate_days(TableReader& reader, Program& p) {
    const toml::node* n = reader.node("separate_days", Need::optional);
    if (n == nullptr) return;
    const toml::array* pairs = n->as_array();
    if (pairs == nullptr) {
      reader.error(pos_of(*n), "'separate_days' in [rules] must be a list of track pairs, such as [[\"twelve-step\", \"cbt-coping-skills\"]]");
      return;
    }
    for (const auto& item : *pairs) {
      const toml::array* pair = item.as_array();
      if (pair == nullptr || pair->size() != 2 || !pair->get(0)->is_string() || !pair->get(1)->is_string()) {
        reader.error(pos_of(item), "each entry of 'separate_days' in [rules] must be a pair of track ids, such as [\"twelve-step\", \"cbt-coping-skills\"]");
        continue;
      }
      TrackPair tracks{pair->get(0)->as_string()->get(), pair->get(1)->as_string()->get(), pos_of(item)};
      bool ok = true;
      for (size_t k = 0; k < 2; ++k) {
        const std::string& id = k == 0 ? tracks.first : tracks.second;
        if (!find_track(library_, id)) {
          reader.error(pos_of(*pair->get(k)), "unknown track '" + id + "' in 'separate_days' in [rules]" + did_you_mean(id, track_ids_));
          ok = false;
        }
      }
      if (ok && tracks.first == tracks.second) {
        reader.error(tracks.pos, "'separate_days' in [rules] pairs track '" + tracks.first + "' with itself");
        ok = false;
      }
      if (ok) p.separate_days.push_back(std::move(tracks));
    }
  }

  void read_phases(Program& p) {
    auto tables = r_->tables("phase", Need::optional);
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
    const toml::table* table = r_->table("limits", Need::optional);
    if (table == nullptr) return;
    for (const auto& [key, value] : *table) {
      std::string track(key.str());
      SourcePos key_pos{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
      if (key_pos.line <= 0) key_pos = pos_of(value);
      if (!find_track(library_, track)) {
        r_->error(key_pos, "unknown track '" + track + "' in [limits]" + did_you_mean(track, track_ids_));
        continue;
      }
      const toml::table* limits = value.as_table();
      if (limits == nullptr) {
        r_->error(key_pos, "[limits] " + track + " must be a table such as [limits." + track + "], not " +
                                toml_type_name(value.type()));
        continue;
      }
      TableReader reader = sub(*limits, "[limits." + track + "]");
      TrackLimit limit;
      limit.track = track;
      limit.pos = key_pos;
      constexpr int kMax = kMaxProgramWeeks * 7 * kMaxBlocks;
      limit.min_per_week = reader.integer_in("min_per_week", Need::optional, 0, 7 * kMaxBlocks).value_or(-1);
      limit.max_per_week = reader.integer_in("max_per_week", Need::optional, 0, 7 * kMaxBlocks).value_or(-1);
      limit.min_per_cycle = reader.integer_in("min_per_cycle", Need::optional, 0, kMax).value_or(-1);
      limit.max_per_cycle = reader.integer_in("max_per_cycle", Need::optional, 0, kMax).value_or(-1);
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
    for (const SoftGoal& goal : soft_goals()) {
      double& weight = p.weights.*goal.weight;
      weight = reader.weight(goal.key).value_or(weight);
    }
    reader.finish();
  }

  std::string path_;
  TableReader top_;
  TableReader* r_ = &top_;  // the table a group's keys are read from
  const Library& library_;
  Diagnostics& out_;
  const FileSource* files_;  // for guidance files; nullptr: none can be read
  std::vector<std::string> track_ids_;
  std::vector<std::string> module_ids_;
};

}  // namespace

std::string program_file(const std::string& root, const std::string& id_or_path) {
  if (id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".toml")) return id_or_path;
  return join_path(join_path(root, "programs"), id_or_path + ".toml");
}

std::vector<std::string> program_ids(const FileSource& files, const std::string& root) {
  std::vector<std::string> ids;
  for (const auto& name : files.list(join_path(root, "programs"))) {
    if (name.back() != '/' && name.front() != '.' && name.ends_with(".toml")) ids.push_back(name.substr(0, name.size() - 5));
  }
  return ids;
}

std::optional<Program> parse_program(const std::string& path, const std::string& text, const Library& library,
                                     Diagnostics& out, const FileSource* files) {
  size_t errors_before = static_cast<size_t>(count(out, Severity::error));
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return std::nullopt;
  Program program = ProgramReader(path, *parsed.table, library, parsed.had_syntax_errors, out, files).read();
  if (static_cast<size_t>(count(out, Severity::error)) > errors_before) return std::nullopt;
  return program;
}

std::optional<Diagnostic> missing_program(const FileSource& files, const std::string& root,
                                          const std::string& id_or_path) {
  std::string path = program_file(root, id_or_path);
  if (files.size(path)) return std::nullopt;
  Diagnostic missing = usage_error("unknown program '" + id_or_path + "'" + did_you_mean(id_or_path, program_ids(files, root)));
  if (path == id_or_path) missing.file = path, missing.message = "cannot read program file";
  return missing;
}

std::optional<Program> load_program(const FileSource& files, const std::string& library_root,
                                    const std::string& id_or_path, const Library& library, Diagnostics& out) {
  std::string path = program_file(library_root, id_or_path);
  // A program named by id comes from the library and is held to it; a path is the user's own file.
  if (path != id_or_path && leaves_library(files, path, library_root, out)) return std::nullopt;
  if (too_large(files, path, kMaxFileBytes, out)) return std::nullopt;
  auto text = files.read(path);
  if (!text) {
    if (auto missing = missing_program(files, library_root, id_or_path)) out.push_back(std::move(*missing));
    return std::nullopt;
  }
  Diagnostics found;
  auto program = parse_program(path, *text, library, found, &files);
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
