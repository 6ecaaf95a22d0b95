// Strings tables: the fixed text of patient documents in one language (templates/strings/<lang>.toml).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

struct StringEntry {
  std::string text;
  SourcePos pos;  // of the value
};

// Keys are "table.key" ("crisis.heading"), in key order.
using StringsTable = std::map<std::string, StringEntry>;

// A TOML file of strings, grouped in tables one level deep ([crisis] heading = "..."). Anything else
// (a number, a deeper table, an empty string) is reported at its line and column and left out.
StringsTable load_strings_table(const std::string& path, const std::string& text, Diagnostics& out);

}  // namespace iopplan
