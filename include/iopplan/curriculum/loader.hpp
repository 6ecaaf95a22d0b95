// Loading: TOML files -> the model, with every problem as a Diagnostic.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/library.hpp"

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


}  // namespace iopplan
