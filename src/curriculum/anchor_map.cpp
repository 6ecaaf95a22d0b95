#include "iopplan/curriculum/anchor_map.hpp"

#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

// "| a | b | c |" -> {"a", "b", "c"}; empty when the line is not a table row.
std::vector<std::string> cells_of(const std::string& line) {
  std::string row = trim(line);
  if (row.size() < 2 || row.front() != '|' || row.back() != '|') return {};
  std::vector<std::string> cells;
  size_t start = 1;
  for (size_t bar = row.find('|', start); bar != std::string::npos; bar = row.find('|', start)) {
    cells.push_back(trim(std::string_view(row).substr(start, bar - start)));
    start = bar + 1;
  }
  return cells;
}

}  // namespace

std::optional<AnchorMap> load_anchor_map(const FileSource& files, const std::string& root) {
  std::string path = join_path(root, "COVERAGE.md");
  auto text = files.read(path);
  if (!text) return std::nullopt;
  AnchorMap map;
  map.path = path;
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find('\n', start);
    std::string line = text->substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? text->size() : end + 1;
    if (line.rfind("## ", 0) == 0) {
      std::string heading = trim(std::string_view(line).substr(3));
      size_t colon = heading.find(':');
      AnchorSource source;
      source.id = trim(std::string_view(heading).substr(0, colon));
      source.title = colon == std::string::npos ? heading : trim(std::string_view(heading).substr(colon + 1));
      map.sources.push_back(std::move(source));
      continue;
    }
    auto cells = cells_of(line);
    if (map.sources.empty() || cells.size() != 3 || cells[0].find(':') == std::string::npos) continue;
    AnchorRow row{cells[0], cells[1], cells[2], ""};
    if (row.module.rfind("not covered", 0) == 0) row.note = std::move(row.module), row.module.clear();
    map.sources.back().rows.push_back(std::move(row));
  }
  return map;
}

}  // namespace iopplan
