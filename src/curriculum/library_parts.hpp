// The parts load_library is made of, shared by the curriculum stage's loaders.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/loader.hpp"

namespace iopplan {

class TableReader;

// tracks.toml.
std::vector<Track> load_tracks(const std::string& path, const std::string& text, Diagnostics& out);

// Whole-library checks, run by load_library after every file is read.
void check_library(const Library& library, const LoadOptions& options, Diagnostics& out);

// The [handout] table of a module or a translation.
Handout read_handout(TableReader& top);

// One translation file, <id>.<lang>.toml; `file_language` is the <lang> of its name. The
// translation even when it has errors, nullopt only when nothing could be read.
std::optional<Translation> load_translation(const std::string& path, const std::string& text,
                                            const std::string& file_language, Diagnostics& out);

// True for "MAJOR.MINOR.PATCH" with digits only.
bool is_version(const std::string& text);

// True for lower-case kebab-case: "a-z0-9" words joined by single '-'.
bool is_kebab_case(const std::string& id);

}  // namespace iopplan
