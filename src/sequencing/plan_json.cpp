#include "iopplan/sequencing/plan_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "iopplan/base/utf8.hpp"
#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFormat = "iopplan-plan";
constexpr int kVersion = 1;
constexpr size_t kMaxMeetings = 20000;
constexpr size_t kMaxBlocksPerMeeting = 100;
// Twice the largest plan the engine writes (208 weeks of 7 meetings of 24 blocks is about 8 MB).


Json diagnostic_json(const Diagnostic& d) {
  Json j;
  j["severity"] = severity_name(d.severity);
  j["file"] = printable(d.file);  // a path need not be UTF-8; JSON must be
  j["line"] = d.line;
  j["column"] = d.column;
  j["message"] = printable(d.message);
  return j;
}

// Reads fields of one JSON object, reporting each problem with its JSON path.
class Reader {
 public:
  Reader(const std::string& path, Diagnostics& out) : path_(path), out_(out) {}

  void error(const std::string& where, const std::string& message) {
    if (errors_ < 20) out_.push_back(error_at(path_, {}, where + ": " + message));
    ++errors_;
  }
  bool failed() const { return errors_ > 0; }

  const Json* field(const Json& object, const std::string& where, const char* key, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) error(where.empty() ? key : where + "." + key, "missing");
      return nullptr;
    }
    return &*it;
  }

  std::string string(const Json& object, const std::string& where, const char* key, bool required) {
    const Json* value = field(object, where, key, required);
    if (value == nullptr) return "";
    if (!value->is_string()) {
      error(name(where, key), "must be a string");
      return "";
    }
    return value->get<std::string>();
  }

  long integer(const Json& object, const std::string& where, const char* key, bool required, long min, long max) {
    const Json* value = field(object, where, key, required);
    if (value == nullptr) return min;
    if (!value->is_number_integer()) {
      error(name(where, key), "must be a whole number");
      return min;
    }
    long v = value->is_number_unsigned() && value->get<uint64_t>() > static_cast<uint64_t>(max) ? max + 1 : value->get<long>();
    if (v < min || v > max) {
      error(name(where, key), "must be between " + std::to_string(min) + " and " + std::to_string(max));
      return min;
    }
    return v;
  }

  double number(const Json& object, const std::string& where, const char* key) {
    const Json* value = field(object, where, key, false);
    if (value == nullptr) return 0;
    if (!value->is_number()) {
      error(name(where, key), "must be a number");
      return 0;
    }
    return value->get<double>();
  }

  Date date(const Json& object, const std::string& where, const char* key) {
    std::string text = string(object, where, key, true);
    if (text.empty()) return {};
    auto date = parse_iso_date(text);
    if (!date) {
      error(name(where, key), "'" + text + "' is not a date written YYYY-MM-DD");
      return {};
    }
    return *date;
  }

  int clock(const Json& object, const std::string& where, const char* key) {
    std::string text = string(object, where, key, true);
    if (text.empty()) return 0;
    auto minutes = parse_clock_time(text);
    if (!minutes) {
      error(name(where, key), "'" + text + "' is not a time written HH:MM");
      return 0;
    }
    return *minutes;
  }

  const Json* array(const Json& object, const std::string& where, const char* key, bool required, size_t max) {
    const Json* value = field(object, where, key, required);
    if (value == nullptr) return nullptr;
    if (!value->is_array()) {
      error(name(where, key), "must be an array");
      return nullptr;
    }
    if (value->size() > max) {
      error(name(where, key), "has more than " + std::to_string(max) + " items");
      return nullptr;
    }
    return value;
  }

  bool object(const Json& value, const std::string& where) {
    if (value.is_object()) return true;
    error(where, "must be an object");
    return false;
  }

  static std::string name(const std::string& where, const char* key) { return where.empty() ? key : where + "." + key; }

 private:
  std::string path_;
  Diagnostics& out_;
  int errors_ = 0;
};

std::string at(const std::string& where, size_t i) { return where + "[" + std::to_string(i) + "]"; }

}  // namespace

std::string plan_to_json(const Plan& plan) {
  Json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["program"] = plan.program;
  j["program_name"] = plan.program_name;
  j["admission"] = plan.admission;
  j["weeks"] = plan.weeks;
  j["group_size"] = plan.group_size;
  if (!plan.timezone.empty()) j["timezone"] = plan.timezone;
  if (!plan.location.empty()) j["location"] = plan.location;
  j["start"] = to_iso(plan.start);
  j["seed"] = plan.seed;
  Json meetings = Json::array();
  for (const auto& meeting : plan.meetings) {
    Json m;
    m["group"] = meeting.group.empty() ? plan.program : meeting.group;
    m["week"] = meeting.week;
    m["date"] = to_iso(meeting.date);
    m["weekday"] = weekday_name(weekday_of(meeting.date));
    m["start"] = clock_time(meeting.start);
    m["end"] = clock_time(meeting.end);
    Json blocks = Json::array();
    for (const auto& block : meeting.blocks) {
      Json b;
      b["start"] = clock_time(block.start);
      b["minutes"] = block.minutes;
      if (!block.module.empty()) {
        b["slot"] = block.slot;
        b["module"] = block.module;
        b["module_version"] = block.module_version;
        b["track"] = block.track;
        b["reason"] = block.reason;
      } else {
        b["activity"] = block.activity;
      }
      blocks.push_back(std::move(b));
    }
    m["blocks"] = std::move(blocks);
    meetings.push_back(std::move(m));
  }
  j["meetings"] = std::move(meetings);
  Json skipped = Json::array();
  for (const auto& day : plan.skipped) {
    skipped.push_back(Json{{"week", day.week}, {"date", to_iso(day.date)}, {"reason", day.reason}});
  }
  j["skipped"] = std::move(skipped);
  Json coverage = Json::array();
  for (const auto& row : plan.coverage) {
    coverage.push_back(Json{{"entry_week", row.entry_week},
                            {"modules_seen", row.modules_seen},
                            {"core_missing", row.core_missing},
                            {"out_of_order", row.out_of_order}});
  }
  j["coverage"] = std::move(coverage);
  Json journeys = Json::array();
  for (const auto& journey : plan.journeys) {
    Json out_of_order = Json::array();
    for (const auto& pair : journey.out_of_order) {
      auto arrow = pair.find(" <- ");
      out_of_order.push_back(Json::array({pair.substr(0, arrow), arrow == std::string::npos ? "" : pair.substr(arrow + 4)}));
    }
    Json repeated = Json::object();
    for (const auto& [id, n] : journey.repeated) repeated[id] = n;
    Json entry{{"entry_week", journey.entry_week},
               {"entry_date", to_iso(journey.entry_date)},
               {"sessions", journey.sessions},
               {"required_missed", journey.required_missed},
               {"out_of_order", std::move(out_of_order)},
               {"repeated", std::move(repeated)}};
    if (!journey.group_sessions.empty()) {
      Json groups = Json::object();
      for (const auto& [id, n] : journey.group_sessions) groups[id] = n;
      entry["groups"] = std::move(groups);
    }
    journeys.push_back(std::move(entry));
  }
  j["journeys"] = std::move(journeys);
  j["unused"] = plan.unused;
  Json repeated = Json::object();
  for (const auto& [id, n] : plan.repeated) repeated[id] = n;
  j["repeated"] = std::move(repeated);
  Json terms = Json::array();
  for (const auto& term : plan.score_terms) {
    terms.push_back(Json{{"name", term.name}, {"weight", rounded(term.weight)}, {"value", rounded(term.value)}});
  }
  j["score"] = Json{{"total", rounded(plan.score)}, {"terms", std::move(terms)}};
  Json hours = Json::array();
  for (const auto& week : plan.hours) hours.push_back(Json{{"week", week.week}, {"hours", rounded(week.hours)}});
  j["hours"] = std::move(hours);
  j["min_weekly_hours"] = rounded(plan.min_weekly_hours);
  Json warnings = Json::array();
  for (const auto& d : plan.warnings) warnings.push_back(diagnostic_json(d));
  j["warnings"] = std::move(warnings);
  // Every string is valid UTF-8 by now; the handler keeps a missed one from aborting the run.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<Plan> plan_from_json(const std::string& text, const std::string& path, Diagnostics& out) {
  if (text.size() > kMaxPlanJsonBytes) {
    out.push_back(file_too_large(path, text.size(), kMaxPlanJsonBytes));
    return std::nullopt;
  }
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // nlohmann reports a 1-based byte offset; users read lines.
    SourcePos pos = position_of_offset(text, e.byte > 0 ? e.byte - 1 : 0);
    std::string message = e.what();
    size_t colon = message.find("syntax error");
    out.push_back(error_at(path, pos, "not valid JSON: " + (colon == std::string::npos ? message : message.substr(colon))));
    return std::nullopt;
  } catch (const Json::out_of_range& e) {
    // A number beyond a double's range ("1e999"): nlohmann quotes it but gives no position.
    std::string message = e.what();
    size_t open = message.find('\''), close = message.rfind('\'');
    std::string number = open < close ? message.substr(open + 1, close - open - 1) : "";
    size_t at = number.empty() ? std::string::npos : text.find(number);
    out.push_back(error_at(path, at == std::string::npos ? SourcePos{} : position_of_offset(text, at),
                           "not valid JSON: the number " + number + " is too large"));
    return std::nullopt;
  }
  Reader r(path, out);
  if (!j.is_object()) {
    r.error("the file", "must hold a JSON object (a plan written by 'iopplan plan --format json')");
    return std::nullopt;
  }
  std::string format = r.string(j, "", "format", false);
  if (!format.empty() && format != kFormat) r.error("format", "is '" + format + "', not '" + kFormat + "'");
  Plan plan;
  plan.program = r.string(j, "", "program", true);
  plan.program_name = r.string(j, "", "program_name", false);
  plan.admission = r.string(j, "", "admission", false);
  plan.weeks = static_cast<int>(r.integer(j, "", "weeks", false, 0, 104));
  plan.group_size = static_cast<int>(r.integer(j, "", "group_size", false, 0, 1000));
  plan.timezone = r.string(j, "", "timezone", false);
  plan.location = r.string(j, "", "location", false);
  plan.start = r.date(j, "", "start");
  if (const Json* seed = r.field(j, "", "seed", false)) {
    if (seed->is_number_unsigned()) plan.seed = seed->get<uint64_t>();
    else r.error("seed", "must be a whole number of 0 or more");
  }
  if (const Json* meetings = r.array(j, "", "meetings", true, kMaxMeetings)) {
    for (size_t i = 0; i < meetings->size(); ++i) {
      std::string where = at("meetings", i);
      const Json& m = (*meetings)[i];
      if (!r.object(m, where)) continue;
      Meeting meeting;
      meeting.group = r.string(m, where, "group", false);
      if (meeting.group.empty()) meeting.group = plan.program;
      meeting.week = static_cast<int>(r.integer(m, where, "week", true, 1, 104 + 104));
      meeting.date = r.date(m, where, "date");
      meeting.start = r.clock(m, where, "start");
      meeting.end = r.clock(m, where, "end");
      if (const Json* blocks = r.array(m, where, "blocks", true, kMaxBlocksPerMeeting)) {
        for (size_t k = 0; k < blocks->size(); ++k) {
          std::string block_where = at(where + ".blocks", k);
          const Json& b = (*blocks)[k];
          if (!r.object(b, block_where)) continue;
          PlannedBlock block;
          block.start = r.clock(b, block_where, "start");
          block.minutes = static_cast<int>(r.integer(b, block_where, "minutes", true, 1, 24 * 60));
          bool has_module = b.contains("module"), has_activity = b.contains("activity");
          if (has_module == has_activity) {
            r.error(block_where, "needs exactly one of 'module' and 'activity'");
            continue;
          }
          if (has_module) {
            block.module = r.string(b, block_where, "module", true);
            block.module_version = r.string(b, block_where, "module_version", true);
            block.track = r.string(b, block_where, "track", true);
            block.slot = r.string(b, block_where, "slot", false);
            block.reason = r.string(b, block_where, "reason", false);
          } else {
            block.activity = r.string(b, block_where, "activity", true);
          }
          meeting.blocks.push_back(std::move(block));
        }
      }
      // Groups may meet on one day (back to back or side by side), each once.
      const Meeting* before = i > 0 && !plan.meetings.empty() ? &plan.meetings.back() : nullptr;
      if (before && (meeting.date < before->date ||
                     (meeting.date == before->date && (meeting.group == before->group || meeting.start < before->start)))) {
        r.error(where, "is not after the meeting before it; meetings must be in date order (on one day, one per group, by start time)");
      }
      plan.meetings.push_back(std::move(meeting));
    }
  }
  if (const Json* skipped = r.array(j, "", "skipped", false, kMaxMeetings)) {
    for (size_t i = 0; i < skipped->size(); ++i) {
      std::string where = at("skipped", i);
      const Json& s = (*skipped)[i];
      if (!r.object(s, where)) continue;
      SkippedDay day;
      day.week = static_cast<int>(r.integer(s, where, "week", true, 1, 104 + 104));
      day.date = r.date(s, where, "date");
      day.reason = r.string(s, where, "reason", false);
      plan.skipped.push_back(std::move(day));
    }
  }
  if (const Json* coverage = r.array(j, "", "coverage", false, 1000)) {
    for (size_t i = 0; i < coverage->size(); ++i) {
      std::string where = at("coverage", i);
      const Json& c = (*coverage)[i];
      if (!r.object(c, where)) continue;
      CoverageRow row;
      row.entry_week = static_cast<int>(r.integer(c, where, "entry_week", true, 1, 104));
      row.modules_seen = static_cast<int>(r.integer(c, where, "modules_seen", false, 0, 1000000));
      for (const char* key : {"core_missing", "out_of_order"}) {
        auto& list = std::string(key) == "core_missing" ? row.core_missing : row.out_of_order;
        if (const Json* items = r.array(c, where, key, false, 1000000)) {
          for (const auto& item : *items) {
            if (item.is_string()) list.push_back(item.get<std::string>());
            else r.error(where + "." + key, "must hold strings");
          }
        }
      }
      plan.coverage.push_back(std::move(row));
    }
  }
  auto strings = [&](const Json& object, const std::string& where, const char* key, std::vector<std::string>& list) {
    if (const Json* items = r.array(object, where, key, false, 1000000)) {
      for (const auto& item : *items) {
        if (item.is_string()) list.push_back(item.get<std::string>());
        else r.error(where.empty() ? key : where + "." + key, "must hold strings");
      }
    }
  };
  auto counts = [&](const Json& object, const std::string& where, const char* key, std::vector<std::pair<std::string, int>>& list) {
    const Json* counts = r.field(object, where, key, false);
    if (counts == nullptr) return;
    if (!counts->is_object()) {
      r.error(where.empty() ? key : where + "." + key, "must be an object");
      return;
    }
    for (const auto& [id, n] : counts->items()) {
      if (n.is_number_integer()) list.push_back({id, n.get<int>()});
      else r.error((where.empty() ? key : where + "." + key) + "." + id, "must be a whole number");
    }
  };
  if (const Json* journeys = r.array(j, "", "journeys", false, 1000)) {
    for (size_t i = 0; i < journeys->size(); ++i) {
      std::string where = at("journeys", i);
      const Json& c = (*journeys)[i];
      if (!r.object(c, where)) continue;
      Journey journey;
      journey.entry_week = static_cast<int>(r.integer(c, where, "entry_week", true, 1, 104));
      journey.entry_date = r.date(c, where, "entry_date");
      journey.sessions = static_cast<int>(r.integer(c, where, "sessions", false, 0, 1000000));
      strings(c, where, "required_missed", journey.required_missed);
      if (const Json* pairs = r.array(c, where, "out_of_order", false, 1000000)) {
        for (const auto& pair : *pairs) {
          if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string()) {
            journey.out_of_order.push_back(pair[0].get<std::string>() + " <- " + pair[1].get<std::string>());
          } else {
            r.error(where + ".out_of_order", "must hold pairs of strings");
          }
        }
      }
      counts(c, where, "repeated", journey.repeated);
      counts(c, where, "groups", journey.group_sessions);
      plan.journeys.push_back(std::move(journey));
    }
  }
  strings(j, "", "unused", plan.unused);
  counts(j, "", "repeated", plan.repeated);
  if (const Json* score = r.field(j, "", "score", false); score && r.object(*score, "score")) {
    plan.score = r.number(*score, "score", "total");
    if (const Json* terms = r.array(*score, "score", "terms", false, 100)) {
      for (size_t i = 0; i < terms->size(); ++i) {
        std::string where = at("score.terms", i);
        if (!r.object((*terms)[i], where)) continue;
        plan.score_terms.push_back({r.string((*terms)[i], where, "name", true), r.number((*terms)[i], where, "weight"),
                                    r.number((*terms)[i], where, "value")});
      }
    }
  }
  if (const Json* hours = r.array(j, "", "hours", false, 1000)) {
    for (size_t i = 0; i < hours->size(); ++i) {
      std::string where = at("hours", i);
      if (!r.object((*hours)[i], where)) continue;
      plan.hours.push_back({static_cast<int>(r.integer((*hours)[i], where, "week", true, 1, 1000)),
                            r.number((*hours)[i], where, "hours")});
    }
  }
  plan.min_weekly_hours = r.number(j, "", "min_weekly_hours");
  if (const Json* warnings = r.array(j, "", "warnings", false, 1000)) {
    for (size_t i = 0; i < warnings->size(); ++i) {
      std::string where = at("warnings", i);
      const Json& w = (*warnings)[i];
      if (!r.object(w, where)) continue;
      Diagnostic d;
      std::string severity = r.string(w, where, "severity", false);
      d.severity = severity == "error" ? Severity::error : severity == "note" ? Severity::note : Severity::warning;
      d.file = r.string(w, where, "file", false);
      d.line = static_cast<int>(r.integer(w, where, "line", false, 0, 100000000));
      d.column = static_cast<int>(r.integer(w, where, "column", false, 0, 100000000));
      d.message = r.string(w, where, "message", false);
      plan.warnings.push_back(std::move(d));
    }
  }
  if (r.failed()) return std::nullopt;
  return plan;
}

}  // namespace iopplan
