// Reading TOML files against a schema, collecting every problem as a Diagnostic.
#pragma once

#include <cstdint>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "iopplan/base/date.hpp"
#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

// Files larger than this are refused before parsing.
inline constexpr size_t kMaxFileBytes = 1024 * 1024;

struct ParsedToml {
  std::optional<toml::table> table;  // nullopt when the file could not be read at all
  bool had_syntax_errors = false;    // the table is what remained after dropping broken lines
};

// Parses `content`, reporting size, NUL, UTF-8 and TOML syntax problems. After a syntax error the
// offending line is blanked and parsing retried, so one run reports several syntax errors and the
// schema can still be checked on the rest of the file.
ParsedToml parse_toml(const std::string& path, const std::string& content, Diagnostics& out);

SourcePos pos_of(const toml::node& node);

// A character a terminal would act on (C0 controls but tab and line breaks, DEL, C1 controls),
// with its byte offset in `offset` when given; nullopt when there is none.
std::optional<char32_t> first_control_character(std::string_view text, size_t* offset = nullptr);

// "text contains the control character U+001B; only line breaks and tabs are allowed"
std::string control_character_message(char32_t c);

enum class Need { required, optional };

// How many tables an array of tables ([[key]]) may hold; `noun` names one in messages.
struct TableCount {
  size_t min = 0;
  size_t max = SIZE_MAX;
  const char* noun = "table";
  const char* item = nullptr;  // how for_each_table names one: "agenda segment" -> "agenda segment 2"; default noun
};

// Reads keys of one table; every key read becomes "known", and finish() reports the others.
class TableReader {
 public:
  // `where` names the table in messages: "" for a file's top level, "[handout]", "agenda segment 2".
  TableReader(const toml::table& table, std::string path, Diagnostics& out, std::string where = "");

  // When set, missing keys are not reported (they are likely lines dropped by a syntax error).
  void set_quiet_missing(bool quiet) { quiet_missing_ = quiet; }

  // A reader for a table inside this one: same file, diagnostics and quietness.
  TableReader child(const toml::table& table, std::string where) const;

  // Each returns nullopt/empty when the key is absent or of the wrong type (and says so).
  std::optional<std::string> string(std::string_view key, Need need, bool allow_empty = false);
  std::optional<int64_t> integer(std::string_view key, Need need);
  std::optional<std::vector<std::string>> strings(std::string_view key, Need need,
                                                  std::vector<SourcePos>* positions = nullptr);
  const toml::table* table(std::string_view key, Need need);
  // An array of tables ([[key]]); elements that are not tables are reported and skipped.
  std::vector<const toml::table*> tables(std::string_view key, Need need);
  // The same, reporting fewer than count.min ("'agenda' needs at least one segment") or more than
  // count.max ("too many closures (1001; the limit is 1000)"); past the maximum it returns none.
  std::vector<const toml::table*> tables(std::string_view key, Need need, TableCount count);
  // Calls read(reader, index) for each of those tables with a child reader named "<item> N", then
  // finishes that reader.
  template <class Read>
  void for_each_table(std::string_view key, Need need, TableCount count, Read read) {
    auto list = tables(key, need, count);
    for (size_t i = 0; i < list.size(); ++i) {
      TableReader reader = child(*list[i], std::string(count.item ? count.item : count.noun) + " " + std::to_string(i + 1));
      read(reader, i);
      reader.finish();
    }
  }
  // Any value: for callers that read a type of their own (mixed arrays).
  const toml::node* node(std::string_view key, Need need);

  // Typed values with their rules; each reports what is wrong at the value and returns nullopt.
  // One of `allowed`, with a "did you mean" suggestion.
  std::optional<std::string> choice(std::string_view key, Need need, const std::vector<std::string>& allowed);
  // An integer from `min` to `max`.
  std::optional<int> integer_in(std::string_view key, Need need, int64_t min, int64_t max);
  // An array of non-empty strings with at least `min_count` items (empty when absent or wrong).
  std::vector<std::string> list(std::string_view key, Need need, size_t min_count,
                                std::vector<SourcePos>* positions = nullptr);
  std::optional<bool> boolean(std::string_view key);
  // A weight: a number from 0 to 1000 (integers are fine).
  std::optional<double> weight(std::string_view key);
  // A TOML date (2027-01-04) or the string "2027-01-04", in years 1900-2200.
  std::optional<Date> date(std::string_view key, Need need);
  std::optional<Date> date_of(const toml::node& value, const std::string& what);
  // "18:00" (or a TOML time 18:00:00) -> minutes after midnight.
  std::optional<int> clock(std::string_view key, Need need);

  // "'key'" or "'key' in [handout]": how messages name a key of this table.
  std::string named(std::string_view key) const;

  // Where the key's value is, or the table itself when the key is absent.
  SourcePos pos(std::string_view key) const;
  SourcePos table_pos() const;
  const std::string& path() const { return path_; }
  const std::string& where() const { return where_; }

  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);

  // Reports every key that was never read ("unknown key 'titel'; did you mean 'title'?") and every
  // required key that was missing, unless an unknown key is its likely misspelling. Call it last.
  void finish();

  // The message suffix naming this table: "" or " in [handout]".
  std::string in_where() const;

 private:
  const toml::node* find(std::string_view key, Need need);

  const toml::table& table_;
  std::string path_;
  Diagnostics& out_;
  std::string where_;
  std::vector<std::string> known_;
  std::vector<std::string> missing_;  // required keys not found, reported by finish()
  bool quiet_missing_ = false;
};

const char* toml_type_name(toml::node_type type);

}  // namespace iopplan
