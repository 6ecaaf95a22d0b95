// Templates: the Mustache files documents are rendered from, built-in or a clinic's own.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"

namespace iopplan {

struct TemplateFile {
  std::string name;  // relative to the templates folder: "index.html.mustache", "partials/footer.md.mustache"
  std::string path;  // where it was read from, for diagnostics
  std::string text;
  bool overlay = false;  // a clinic's file (from the overlay folder), not the built-in one
};

// The fixed text of patient documents in one language: "table.key" -> text ("crisis.heading").
using Strings = std::map<std::string, std::string>;

struct TemplateSet {
  std::vector<TemplateFile> files;        // sorted by name
  std::map<std::string, Strings> strings;  // by language code, one table per language iopplan renders
};

// nullptr when absent.
const TemplateFile* find_template(const TemplateSet& templates, const std::string& name);

// The file a template includes for `{{> partial}}`: partials of the including template's format,
// ("header", "index.html.mustache") -> "partials/header.html.mustache".
std::string partial_file_name(const std::string& partial, const std::string& including_template);

// Reads every *.mustache file of `builtin_dir` and its partials/ folder, then overlays the files
// of `overlay_dir` (when not empty) by name: a clinic replaces only the files it has. Checks that
// every document template exists, that each parses, that every partial it includes exists, and
// that partials do not include each other in a cycle. Strings tables come from strings/<lang>.toml
// in the same way, key by key: an overlay table replaces only the keys it lists, and every
// built-in table has exactly the keys of strings/en.toml. nullopt when there is any error.
std::optional<TemplateSet> load_templates(const FileSource& files, const std::string& builtin_dir,
                                          const std::string& overlay_dir, Diagnostics& out);

}  // namespace iopplan
