// Loading: TOML files -> the model, with every problem as a Diagnostic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iopplan/diagnostic.hpp"
#include "iopplan/file_source.hpp"
#include "iopplan/library.hpp"

namespace iopplan {

struct LoadOptions {
  double max_grade = 8.0;  // handouts above this Flesch-Kincaid grade get a warning
};

struct LoadResult {
  Library library;
  Diagnostics diagnostics;  // sorted by file and line
};

// Reads root/tracks.toml and every root/<track>/<module>.toml, then checks the library as a whole
// (duplicate ids, unknown tracks and prerequisites, cycles, readability).
LoadResult load_library(const FileSource& files, const std::string& root, const LoadOptions& options = {});

// One module file. Returns the module even when it has errors (so cross-file checks can run),
// nullopt only when nothing could be read. `folder` is the track folder it sits in.
std::optional<Module> load_module(const std::string& path, const std::string& text,
                                  const std::string& folder, Diagnostics& out);

// tracks.toml.
std::vector<Track> load_tracks(const std::string& path, const std::string& text, Diagnostics& out);

// Whole-library checks, run by load_library after every file is read.
void check_library(const Library& library, const LoadOptions& options, Diagnostics& out);

// True for lower-case kebab-case: "a-z0-9" words joined by single '-'.
bool is_kebab_case(const std::string& id);

}  // namespace iopplan
