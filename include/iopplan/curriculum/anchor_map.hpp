// The anchor map: curricula/COVERAGE.md, the published session topics and the modules covering them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/base/file_source.hpp"

namespace iopplan {

struct AnchorRow {
  std::string anchor;  // "matrix-rp:work-and-recovery"
  std::string topic;   // "Work and Recovery"
  std::string module;  // the module that covers it; empty when not covered
  std::string note;    // "not covered: ..." as written, when not covered
};

struct AnchorSource {
  std::string id;     // "matrix-rp"
  std::string title;  // "Matrix Model: relapse-prevention group"
  std::vector<AnchorRow> rows;
};

struct AnchorMap {
  std::string path;
  std::vector<AnchorSource> sources;  // in file order
};

// Reads root/COVERAGE.md: "## <source>: <title>" sections holding "| anchor | topic | module |"
// rows. nullopt when the file does not exist.
std::optional<AnchorMap> load_anchor_map(const FileSource& files, const std::string& root);

}  // namespace iopplan
