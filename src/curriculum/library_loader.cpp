#include <algorithm>

#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "curriculum/library_parts.hpp"

namespace iopplan {
namespace {

// More modules than this is not a curriculum but a mistake (or an attack); refuse calmly.
constexpr size_t kMaxModules = 20000;

// Files at the top of a library that are not modules.
bool is_library_file(const std::string& name) { return name == "tracks.toml" || name == "organization.toml"; }

}  // namespace

LoadResult load_library(const FileSource& files, const std::string& root, const LoadOptions& options) {
  LoadResult result;
  Library& library = result.library;
  Diagnostics& out = result.diagnostics;
  library.root = root;
  library.tracks_path = join_path(root, "tracks.toml");

  if (!files.is_directory(root)) {
    out.push_back(error_at(root, {}, "library folder not found"));
    return result;
  }
  if (leaves_library(files, library.tracks_path, root, out) || too_large(files, library.tracks_path, kMaxFileBytes, out)) {
  } else if (auto text = files.read(library.tracks_path)) {
    library.tracks = load_tracks(library.tracks_path, *text, out);
  } else {
    out.push_back(error_at(library.tracks_path, {}, "missing tracks.toml: every library lists its tracks there"));
  }

  for (const auto& entry : files.list(root)) {
    if (entry.back() != '/') {
      if (entry.ends_with(".toml") && !is_library_file(entry)) {
        out.push_back(warning_at(join_path(root, entry), {},
                                 "not read: modules belong in a track folder (<track>/<module>.toml)"));
      }
      continue;
    }
    std::string folder = entry.substr(0, entry.size() - 1);
    if (folder == "programs" || folder.front() == '.') continue;
    std::string dir = join_path(root, folder);
    if (leaves_library(files, dir, root, out)) continue;
    for (const auto& name : files.list(dir)) {
      std::string path = join_path(dir, name);
      if (name.back() == '/') {
        if (name.front() != '.') out.push_back(warning_at(path, {}, "not read: modules sit directly in their track folder"));
        continue;
      }
      if (!name.ends_with(".toml")) continue;
      if (library.modules.size() >= kMaxModules) {
        out.push_back(error_at(path, {}, "too many modules: the limit is " + std::to_string(kMaxModules) +
                                             " per library; the rest were not read"));
        break;
      }
      if (leaves_library(files, path, root, out) || too_large(files, path, kMaxFileBytes, out)) continue;
      auto text = files.read(path);
      if (!text) {
        out.push_back(error_at(path, {}, "cannot read file"));
        continue;
      }
      if (auto module = load_module(path, *text, folder, out)) library.modules.push_back(std::move(*module));
    }
  }

  auto track_rank = [&](const std::string& id) {
    auto it = std::find_if(library.tracks.begin(), library.tracks.end(), [&](const Track& t) { return t.id == id; });
    return it - library.tracks.begin();
  };
  std::stable_sort(library.modules.begin(), library.modules.end(), [&](const Module& a, const Module& b) {
    auto ra = track_rank(a.track), rb = track_rank(b.track);
    return ra != rb ? ra < rb : a.id < b.id;
  });

  check_library(library, options, out);
  sort_diagnostics(out);
  return result;
}

}  // namespace iopplan
