// Track: a theme modules belong to (relapse prevention, nutrition, ...).
#pragma once

#include <string>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

struct Track {
  std::string id;            // kebab-case; also the folder of its modules
  std::string title;
  std::string abbreviation;  // 1-4 characters, for calendars read without colour
  std::string colour;        // "#rrggbb"
  std::string description;
  SourcePos pos;             // of the [[track]] table in tracks.toml
};

}  // namespace iopplan
