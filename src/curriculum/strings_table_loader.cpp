#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/strings_table.hpp"

namespace iopplan {

StringsTable load_strings_table(const std::string& path, const std::string& text, Diagnostics& out) {
  StringsTable table;
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return table;
  for (const auto& [group, node] : *parsed.table) {
    const toml::table* inner = node.as_table();
    if (inner == nullptr) {
      out.push_back(error_at(path, pos_of(node), "'" + std::string(group.str()) +
                                                     "' must be a table of strings ([" + std::string(group.str()) +
                                                     "]), not " + toml_type_name(node.type())));
      continue;
    }
    for (const auto& [key, value] : *inner) {
      std::string name = std::string(group.str()) + "." + std::string(key.str());
      const auto* string = value.as_string();
      if (string == nullptr) {
        out.push_back(error_at(path, pos_of(value), "'" + name + "' must be a string, not " + toml_type_name(value.type())));
      } else if (string->get().find_first_not_of(" \t\r\n") == std::string::npos) {
        out.push_back(error_at(path, pos_of(value), "'" + name + "' must not be empty"));
      } else {
        table[name] = {string->get(), pos_of(value)};
      }
    }
  }
  return table;
}

}  // namespace iopplan
