// Reading TOML files against a schema, collecting every problem as a Diagnostic.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "iopplan/diagnostic.hpp"

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

enum class Need { required, optional };

// Reads keys of one table; every key read becomes "known", and finish() reports the others.
class TableReader {
 public:
  // `where` names the table in messages: "" for a file's top level, "[handout]", "agenda segment 2".
  TableReader(const toml::table& table, std::string path, Diagnostics& out, std::string where = "");

  // When set, missing keys are not reported (they are likely lines dropped by a syntax error).
  void set_quiet_missing(bool quiet) { quiet_missing_ = quiet; }

  // Each returns nullopt/empty when the key is absent or of the wrong type (and says so).
  std::optional<std::string> string(std::string_view key, Need need, bool allow_empty = false);
  std::optional<int64_t> integer(std::string_view key, Need need);
  std::optional<std::vector<std::string>> strings(std::string_view key, Need need,
                                                  std::vector<SourcePos>* positions = nullptr);
  const toml::table* table(std::string_view key, Need need);
  // An array of tables ([[key]]); elements that are not tables are reported and skipped.
  std::vector<const toml::table*> tables(std::string_view key, Need need);
  // Any value: for callers that read a type of their own (dates, mixed arrays).
  const toml::node* node(std::string_view key, Need need);

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
