#include <algorithm>
#include <map>

#include "iopplan/base/spelling.hpp"
#include "iopplan/curriculum/language.hpp"

#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "curriculum/library_parts.hpp"

namespace iopplan {
namespace {

// More modules than this is not a curriculum but a mistake (or an attack); refuse calmly.
constexpr size_t kMaxModules = 20000;

// Files at the top of a library that are not modules.
bool is_library_file(const std::string& name) { return name == "tracks.toml" || name == "organization.toml"; }

// A translation file read, waiting for its module.
struct PendingTranslation {
  Translation translation;
  std::string folder;     // the track folder it sits in
  std::string module_id;  // <id> of <id>.<lang>.toml
};

// "x.es.toml" -> true with id "x" and language "es": a module's id never holds a dot.
bool is_translation_name(const std::string& name, std::string& id, std::string& language) {
  std::string stem = name.substr(0, name.size() - 5);
  size_t dot = stem.rfind('.');
  if (dot == std::string::npos) return false;
  id = stem.substr(0, dot);
  language = stem.substr(dot + 1);
  return true;
}

// Reads one translation file, or says why its name is not one iopplan can use.
void read_translation(const FileSource& files, const std::string& path, const std::string& folder,
                      const std::string& id, const std::string& language, std::vector<PendingTranslation>& pending,
                      Diagnostics& out) {
  if (language == kModuleLanguage) {
    out.push_back(error_at(path, {}, "English text belongs in the module itself (" + id +
                                         ".toml); a translation file is named <module-id>.<language>.toml"));
    return;
  }
  if (!find_language(language) || id.empty()) {
    out.push_back(error_at(path, {}, "not a translation iopplan can read: translation files are named "
                                     "<module-id>.<language>.toml, and the languages are " +
                                         language_choices()));
    return;
  }
  auto text = files.read(path);
  if (!text) {
    out.push_back(error_at(path, {}, "cannot read file"));
    return;
  }
  if (auto translation = load_translation(path, *text, language, out)) {
    pending.push_back({std::move(*translation), folder, id});
  }
}

// Gives each translation to the module beside it; one without a module is an error.
void attach_translations(Library& library, std::vector<PendingTranslation>& pending, Diagnostics& out) {
  std::map<std::pair<std::string, std::string>, Module*> by_place;  // (folder, file id)
  std::vector<std::string> ids;
  for (auto& m : library.modules) {
    std::string dir = m.path.substr(0, m.path.rfind('/'));
    std::string folder = dir.substr(dir.rfind('/') + 1);  // npos + 1 == 0: a folder named alone
    by_place[{folder, file_stem(m.path)}] = &m;
    ids.push_back(file_stem(m.path));
  }
  for (auto& p : pending) {
    auto it = by_place.find({p.folder, p.module_id});
    if (it == by_place.end()) {
      const Module* elsewhere = find_module(library, p.module_id);
      std::string hint = elsewhere ? "; it belongs beside " + elsewhere->path
                                   : did_you_mean(p.module_id, ids);
      out.push_back(error_at(p.translation.path, {1, 1}, "translation of '" + p.module_id +
                                                             "', but there is no module '" + p.module_id +
                                                             "' in this folder" + hint));
      continue;
    }
    it->second->translations.push_back(std::move(p.translation));
  }
  for (auto& m : library.modules) {
    std::sort(m.translations.begin(), m.translations.end(),
              [](const Translation& a, const Translation& b) { return a.language < b.language; });
  }
}

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

  std::vector<PendingTranslation> pending;
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
      std::string translated_id, language;
      if (is_translation_name(name, translated_id, language)) {
        read_translation(files, path, folder, translated_id, language, pending, out);
        continue;
      }
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

  attach_translations(library, pending, out);
  check_library(library, options, out);
  sort_diagnostics(out);
  return result;
}

}  // namespace iopplan
