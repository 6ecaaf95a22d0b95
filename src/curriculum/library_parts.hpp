// The parts load_library is made of, shared by the curriculum stage's loaders.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/loader.hpp"

namespace iopplan {

// tracks.toml.
std::vector<Track> load_tracks(const std::string& path, const std::string& text, Diagnostics& out);

// Whole-library checks, run by load_library after every file is read.
void check_library(const Library& library, const LoadOptions& options, Diagnostics& out);

// True for lower-case kebab-case: "a-z0-9" words joined by single '-'.
bool is_kebab_case(const std::string& id);

}  // namespace iopplan
