#include "curriculum/toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "iopplan/base/spelling.hpp"
#include "iopplan/base/strings.hpp"
#include "iopplan/base/utf8.hpp"

namespace iopplan {

const char* toml_type_name(toml::node_type type) {
  switch (type) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number with a fraction";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
  }
  return "nothing";
}

SourcePos pos_of(const toml::node& node) {
  const auto& begin = node.source().begin;
  return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

namespace {

// Replaces line `line` (1-based) with spaces, keeping every other position. A broken table header
// takes its keys with it, so they are not reported again as belonging to the table above.
void blank_line(std::string& text, int line) {
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return;
    start = nl + 1;
  }
  auto first_char = [&](size_t from) {
    size_t i = text.find_first_not_of(" \t", from);
    return i < text.size() ? text[i] : '\0';
  };
  bool header = first_char(start) == '[';
  do {
    for (; start < text.size() && text[start] != '\n'; ++start) text[start] = ' ';
    ++start;
  } while (header && start < text.size() && first_char(start) != '[');
}

std::string plain_description(std::string_view description) {
  std::string text(description);
  // toml++ writes "Error while parsing X: y"; keep the helpful part.
  constexpr std::string_view kPrefix = "Error while parsing ";
  if (text.rfind(kPrefix, 0) == 0) text = text.substr(kPrefix.size());
  return text;
}

// Escapes like "\u001b" decode to control characters, which could drive the terminal that shows
// the text (issue 15): refused in every string value.
void check_control_characters(const toml::node& node, const std::string& path, Diagnostics& out) {
  if (const toml::table* table = node.as_table()) {
    for (const auto& [key, value] : *table) check_control_characters(value, path, out);
  } else if (const toml::array* array = node.as_array()) {
    for (const auto& value : *array) check_control_characters(value, path, out);
  } else if (const auto* text = node.as_string()) {
    if (auto c = first_control_character(text->get())) {
      SourcePos pos = pos_of(node);
      out.push_back(error_at(path, pos.line > 0 ? pos : SourcePos{1, 1}, control_character_message(*c)));
    }
  }
}

}  // namespace

std::optional<char32_t> first_control_character(std::string_view text, size_t* offset) {
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    auto c = decode_utf8(text, i);
    if (!c) continue;
    if (*c == '\t' || *c == '\n') continue;
    if (*c == '\r' && i < text.size() && text[i] == '\n') continue;  // a Windows line break
    if (*c < 0x20 || (*c >= 0x7f && *c <= 0x9f)) {
      if (offset) *offset = at;
      return c;
    }
  }
  return std::nullopt;
}

std::string control_character_message(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  return std::string("text contains the control character ") + code + "; only line breaks and tabs are allowed";
}

ParsedToml parse_toml(const std::string& path, const std::string& content, Diagnostics& out) {
  ParsedToml result;
  if (content.size() > kMaxFileBytes) {
    out.push_back(file_too_large(path, content.size(), kMaxFileBytes));
    return result;
  }
  if (auto bad = find_invalid_utf8(content)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(content[bad->offset]));
    out.push_back(error_at(path, {bad->line, bad->column},
                           std::string("file is not valid UTF-8 (byte ") + hex + ")"));
    return result;
  }
  if (size_t nul = content.find('\0'); nul != std::string::npos) {
    SourcePos pos = position_of_offset(content, nul);
    out.push_back(error_at(path, pos, "file contains a NUL byte"));
    return result;
  }
  std::string text = content;
  constexpr int kMaxSyntaxErrors = 20;  // enough to fix a file in one go, not a flood
  for (int attempt = 0; attempt < kMaxSyntaxErrors; ++attempt) {
    try {
      result.table = toml::parse(text, path);
      check_control_characters(*result.table, path, out);
      return result;
    } catch (const toml::parse_error& err) {
      result.had_syntax_errors = true;
      SourcePos pos{static_cast<int>(err.source().begin.line), static_cast<int>(err.source().begin.column)};
      if (pos.line <= 0) pos = {1, 1};
      Diagnostic d = error_at(path, pos, plain_description(err.description()));
      bool repeated = std::any_of(out.begin(), out.end(), [&](const Diagnostic& seen) {
        return seen.file == path && seen.line == d.line && seen.message == d.message;
      });
      if (repeated) break;
      out.push_back(std::move(d));
      blank_line(text, pos.line);
    }
  }
  return result;
}

TableReader::TableReader(const toml::table& table, std::string path, Diagnostics& out, std::string where)
    : table_(table), path_(std::move(path)), out_(out), where_(std::move(where)) {}

std::string TableReader::in_where() const { return where_.empty() ? "" : " in " + where_; }

void TableReader::error(SourcePos pos, std::string message) {
  out_.push_back(error_at(path_, pos, std::move(message)));
}

void TableReader::warning(SourcePos pos, std::string message) {
  out_.push_back(warning_at(path_, pos, std::move(message)));
}

SourcePos TableReader::table_pos() const {
  SourcePos pos = pos_of(table_);
  return pos.line > 0 ? pos : SourcePos{1, 1};
}

SourcePos TableReader::pos(std::string_view key) const {
  if (const toml::node* n = table_.get(key)) {
    SourcePos p = pos_of(*n);
    if (p.line > 0) return p;
  }
  return table_pos();
}

const toml::node* TableReader::find(std::string_view key, Need need) {
  known_.emplace_back(key);
  const toml::node* n = table_.get(key);
  if (n == nullptr && need == Need::required && !quiet_missing_) missing_.emplace_back(key);
  return n;
}

const toml::node* TableReader::node(std::string_view key, Need need) { return find(key, need); }

std::optional<std::string> TableReader::string(std::string_view key, Need need, bool allow_empty) {
  const toml::node* n = find(key, need);
  if (n == nullptr) return std::nullopt;
  if (!n->is_string()) {
    error(pos_of(*n), "'" + std::string(key) + "'" + in_where() + " must be a string, not " +
                          toml_type_name(n->type()));
    return std::nullopt;
  }
  std::string value = n->as_string()->get();
  if (!allow_empty && value.find_first_not_of(" \t\r\n") == std::string::npos) {
    error(pos_of(*n), "'" + std::string(key) + "'" + in_where() + " must not be empty");
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> TableReader::integer(std::string_view key, Need need) {
  const toml::node* n = find(key, need);
  if (n == nullptr) return std::nullopt;
  if (!n->is_integer()) {
    error(pos_of(*n), "'" + std::string(key) + "'" + in_where() + " must be an integer, not " +
                          toml_type_name(n->type()));
    return std::nullopt;
  }
  return n->as_integer()->get();
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key, Need need,
                                                             std::vector<SourcePos>* positions) {
  const toml::node* n = find(key, need);
  if (n == nullptr) return std::nullopt;
  const toml::array* array = n->as_array();
  if (array == nullptr) {
    error(pos_of(*n), "'" + std::string(key) + "'" + in_where() + " must be an array of strings, not " +
                          toml_type_name(n->type()));
    return std::nullopt;
  }
  std::vector<std::string> values;
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    if (!item.is_string()) {
      error(pos_of(item), "'" + std::string(key) + "'" + in_where() + " must hold only strings; item " +
                              std::to_string(i + 1) + " is " + toml_type_name(item.type()));
      continue;
    }
    std::string value = item.as_string()->get();
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
      error(pos_of(item), "item " + std::to_string(i + 1) + " of '" + std::string(key) + "'" + in_where() +
                              " is empty");
      continue;
    }
    values.push_back(std::move(value));
    if (positions) positions->push_back(pos_of(item));
  }
  return values;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  const toml::node* n = find(key, need);
  if (n == nullptr) return nullptr;
  if (!n->is_table()) {
    error(pos_of(*n), "'" + std::string(key) + "'" + in_where() + " must be a table, not " +
                          toml_type_name(n->type()));
    return nullptr;
  }
  return n->as_table();
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need) {
  std::vector<const toml::table*> result;
  const toml::node* n = find(key, need);
  if (n == nullptr) return result;
  const toml::array* array = n->as_array();
  if (array == nullptr) {
    error(pos_of(*n), "'" + std::string(key) + "'" + in_where() + " must be an array of tables ([[" +
                          std::string(key) + "]]), not " + toml_type_name(n->type()));
    return result;
  }
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::node& item = *array->get(i);
    if (const toml::table* t = item.as_table()) {
      result.push_back(t);
    } else {
      error(pos_of(item), "item " + std::to_string(i + 1) + " of '" + std::string(key) + "'" + in_where() +
                              " must be a table, not " + toml_type_name(item.type()));
    }
  }
  return result;
}

std::string TableReader::named(std::string_view key) const { return "'" + std::string(key) + "'" + in_where(); }

std::optional<std::string> TableReader::choice(std::string_view key, Need need,
                                               const std::vector<std::string>& allowed) {
  auto value = string(key, need);
  if (!value) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return value;
  std::string names;
  for (const auto& name : allowed) names += (names.empty() ? "" : ", ") + name;
  error(pos(key), named(key) + " is '" + *value + "'; it must be one of " + names + did_you_mean(*value, allowed));
  return std::nullopt;
}

std::optional<int> TableReader::integer_in(std::string_view key, Need need, int64_t min, int64_t max) {
  auto value = integer(key, need);
  if (!value) return std::nullopt;
  if (*value < min || *value > max) {
    error(pos(key), named(key) + " is " + std::to_string(*value) + "; it must be between " + std::to_string(min) +
                        " and " + std::to_string(max));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::vector<std::string> TableReader::list(std::string_view key, Need need, size_t min_count,
                                           std::vector<SourcePos>* positions) {
  auto values = strings(key, need, positions);
  if (!values) return {};
  const toml::array* array = table_.get(key) ? table_.get(key)->as_array() : nullptr;
  bool all_items_fine = array && array->size() == values->size();
  if (all_items_fine && values->size() < min_count) {
    error(pos(key), named(key) + " needs at least " + std::to_string(min_count) + (min_count == 1 ? " item" : " items"));
  }
  return *values;
}

std::optional<bool> TableReader::boolean(std::string_view key) {
  const toml::node* n = node(key, Need::optional);
  if (n == nullptr) return std::nullopt;
  if (!n->is_boolean()) {
    error(pos_of(*n), named(key) + " must be true or false, not " + toml_type_name(n->type()));
    return std::nullopt;
  }
  return n->as_boolean()->get();
}

std::optional<double> TableReader::weight(std::string_view key) {
  const toml::node* n = node(key, Need::optional);
  if (n == nullptr) return std::nullopt;
  double value = 0;
  if (n->is_integer()) {
    value = static_cast<double>(n->as_integer()->get());
  } else if (n->is_floating_point()) {
    value = n->as_floating_point()->get();
  } else {
    error(pos_of(*n), named(key) + " must be a number, not " + toml_type_name(n->type()));
    return std::nullopt;
  }
  if (!std::isfinite(value) || value < 0 || value > 1000) {
    error(pos_of(*n), named(key) + " must be a number from 0 to 1000");
    return std::nullopt;
  }
  return value;
}

std::optional<Date> TableReader::date_of(const toml::node& n, const std::string& what) {
  if (const auto* d = n.as_date()) {
    const toml::date& v = d->get();
    if (auto date = parse_iso_date(to_iso({v.year, v.month, v.day}))) return date;
    error(pos_of(n), what + " must be a date from 1900 to 2200");
    return std::nullopt;
  }
  if (const auto* s = n.as_string()) {
    if (auto date = parse_iso_date(s->get())) return date;
    error(pos_of(n), what + " is '" + s->get() + "'; it must be a real calendar date written YYYY-MM-DD (1900-2200)");
    return std::nullopt;
  }
  error(pos_of(n), what + " must be a date such as 2027-01-04, not " + toml_type_name(n.type()));
  return std::nullopt;
}

std::optional<Date> TableReader::date(std::string_view key, Need need) {
  const toml::node* n = node(key, need);  // reports the key when required and missing
  if (n == nullptr) return std::nullopt;
  return date_of(*n, named(key));
}

std::optional<int> TableReader::clock(std::string_view key, Need need) {
  const toml::node* n = node(key, need);
  if (n == nullptr) return std::nullopt;
  if (const auto* t = n->as_time()) {
    const toml::time& v = t->get();
    if (v.second == 0 && v.nanosecond == 0) return v.hour * 60 + v.minute;
    error(pos_of(*n), named(key) + " must be whole minutes, such as \"18:00\"");
    return std::nullopt;
  }
  if (const auto* s = n->as_string()) {
    const std::string& text = s->get();
    if (auto minutes = parse_clock_time(text)) return minutes;
    error(pos_of(*n), named(key) + " is '" + text + "'; it must be a time of day written HH:MM, from 00:00 to 23:59");
    return std::nullopt;
  }
  error(pos_of(*n), named(key) + " must be a time such as \"18:00\", not " + toml_type_name(n->type()));
  return std::nullopt;
}

TableReader TableReader::child(const toml::table& table, std::string where) const {
  TableReader reader(table, path_, out_, std::move(where));
  reader.set_quiet_missing(quiet_missing_);
  return reader;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need, TableCount count) {
  auto result = tables(key, need);
  const toml::node* present = table_.get(key);
  bool empty_array = present && present->is_array() && present->as_array()->empty();
  if (count.min > 0 && empty_array) {
    error(pos(key), named(key) + " needs at least " + (count.min == 1 ? "one " + std::string(count.noun)
                                                                        : plural(count.min, count.noun)));
  }
  if (result.size() > count.max) {
    error(pos(key), "too many " + std::string(count.noun) + "s (" + std::to_string(result.size()) +
                        "; the limit is " + std::to_string(count.max) + ")");
    result.clear();
  }
  return result;
}

void TableReader::finish() {
  std::vector<std::string> suggested;
  for (const auto& [key, value] : table_) {
    std::string name(key.str());
    if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
    SourcePos p{static_cast<int>(key.source().begin.line), static_cast<int>(key.source().begin.column)};
    if (p.line <= 0) p = pos_of(value);
    std::string match = closest_match(name, known_);
    suggested.push_back(match);
    error(p, "unknown key '" + name + "'" + in_where() + (match.empty() ? "" : "; did you mean '" + match + "'?"));
  }
  // A misspelled key is one problem, not two: "unknown 'titel'" already says 'title' is missing.
  for (const auto& key : missing_) {
    if (std::find(suggested.begin(), suggested.end(), key) != suggested.end()) continue;
    error(table_pos(), "missing required key '" + key + "'" + in_where());
  }
  missing_.clear();
}

}  // namespace iopplan
