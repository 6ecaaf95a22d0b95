// Library: everything loaded from a curriculum folder.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iopplan/curriculum/module.hpp"
#include "iopplan/curriculum/track.hpp"

namespace iopplan {

struct Library {
  std::string root;                // the folder as the user named it
  std::vector<Track> tracks;       // in tracks.toml order
  std::vector<Module> modules;     // sorted by track order, then id
  std::string tracks_path;         // root/tracks.toml
};

// nullptr when absent.
const Module* find_module(const Library& library, const std::string& id);
const Track* find_track(const Library& library, const std::string& id);

}  // namespace iopplan
