// Templates: the Mustache files documents are rendered from, built-in or a clinic's own.
#pragma once

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
};

struct TemplateSet {
  std::vector<TemplateFile> files;  // sorted by name
};

// nullptr when absent.
const TemplateFile* find_template(const TemplateSet& templates, const std::string& name);

// The file a template includes for `{{> partial}}`: partials of the including template's format,
// ("header", "index.html.mustache") -> "partials/header.html.mustache".
std::string partial_file_name(const std::string& partial, const std::string& including_template);

// Reads every *.mustache file of `builtin_dir` and its partials/ folder, then overlays the files
// of `overlay_dir` (when not empty) by name: a clinic replaces only the files it has. Checks that
// every document template exists, that each parses, that every partial it includes exists, and
// that partials do not include each other in a cycle. nullopt when there is any error.
std::optional<TemplateSet> load_templates(const FileSource& files, const std::string& builtin_dir,
                                          const std::string& overlay_dir, Diagnostics& out);

}  // namespace iopplan
