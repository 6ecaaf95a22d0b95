#include "iopplan/render/templates.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "iopplan/base/spelling.hpp"
#include "iopplan/base/utf8.hpp"
#include "iopplan/curriculum/language.hpp"
#include "iopplan/curriculum/strings_table.hpp"
#include "iopplan/render/output_format.hpp"
#include "render/template_engine.hpp"

namespace iopplan {
namespace {

constexpr std::string_view kSuffix = ".mustache";
constexpr std::string_view kPartialsDir = "partials/";
constexpr size_t kMaxTemplateBytes = 1024 * 1024;

// "partials/header.html.mustache" -> "header"; "" for a file that is not a partial.
std::string partial_name_of(const std::string& file_name) {
  if (file_name.rfind(kPartialsDir, 0) != 0) return "";
  std::string base = file_name.substr(kPartialsDir.size());
  for (std::string_view suffix : {".html.mustache", ".md.mustache"}) {
    if (base.ends_with(suffix)) return base.substr(0, base.size() - suffix.size());
  }
  return "";
}

// Reads dir/*.mustache and dir/partials/*.mustache into `by_name`, replacing earlier entries.
void read_folder(const FileSource& files, const std::string& dir, std::map<std::string, TemplateFile>& by_name,
                 std::vector<std::string>& read_names, Diagnostics& out) {
  for (const std::string& sub : {std::string(), std::string(kPartialsDir)}) {
    std::string folder = sub.empty() ? dir : join_path(dir, sub.substr(0, sub.size() - 1));
    for (const auto& entry : files.list(folder)) {
      if (entry.back() == '/' || !entry.ends_with(kSuffix)) continue;
      std::string name = sub + entry;
      std::string path = join_path(folder, entry);
      if (files.size(path).value_or(0) > kMaxTemplateBytes) {
        out.push_back(error_at(path, {}, "template is too large (the limit is 1 MiB)"));
        continue;
      }
      auto text = files.read(path);
      if (!text || text->size() > kMaxTemplateBytes) {
        out.push_back(error_at(path, {}, "cannot read template"));
        continue;
      }
      if (auto bad = find_invalid_utf8(*text)) {
        out.push_back(error_at(path, {bad->line, bad->column}, "template is not valid UTF-8"));
        continue;
      }
      by_name[name] = TemplateFile{name, path, std::move(*text)};
      read_names.push_back(name);
    }
  }
}

void check_partials(const std::map<std::string, TemplateFile>& by_name, const std::set<std::string>& parsed,
                    Diagnostics& out) {
  // Edges of the include graph, kept for the cycle search below.
  std::map<std::string, std::vector<std::pair<std::string, size_t>>> includes;
  for (const auto& [name, file] : by_name) {
    if (!parsed.count(name)) continue;
    for (const auto& ref : partial_references(file.text)) {
      std::string target = partial_file_name(ref.name, name);
      if (by_name.count(target)) {
        includes[name].emplace_back(target, ref.offset);
        continue;
      }
      std::vector<std::string> same_format;
      for (const auto& [other, unused] : by_name) {
        std::string partial = partial_name_of(other);
        if (!partial.empty() && partial_file_name(partial, name) == other) same_format.push_back(partial);
      }
      out.push_back(error_at(file.path, position_of_offset(file.text, ref.offset),
                             "partial '" + ref.name + "' not found: there is no " + target +
                                 did_you_mean(ref.name, same_format)));
    }
  }
  // Depth-first search; a partial reached again while still on the path closes a cycle.
  std::map<std::string, int> state;  // 0 unvisited, 1 on the path, 2 done
  std::vector<std::string> path;
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    state[name] = 1;
    path.push_back(name);
    for (const auto& [target, offset] : includes[name]) {
      if (state[target] == 1) {
        std::string cycle;
        auto start = std::find(path.begin(), path.end(), target);
        for (auto it = start; it != path.end(); ++it) cycle += *it + " -> ";
        cycle += target;
        const TemplateFile& file = by_name.at(name);
        out.push_back(error_at(file.path, position_of_offset(file.text, offset), "partial cycle: " + cycle));
      } else if (state[target] == 0) {
        visit(target);
      }
    }
    path.pop_back();
    state[name] = 2;
  };
  size_t errors_before = out.size();
  for (const auto& [name, unused] : by_name) {
    if (state[name] == 0) visit(name);
  }
  if (out.size() > errors_before) return;
  // Without cycles: the longest chain of includes below each template, held to kMaxPartialDepth
  // (kainjow renders each level recursively).
  std::map<std::string, std::vector<std::string>> longest;
  std::function<const std::vector<std::string>&(const std::string&)> chain = [&](const std::string& name) -> const std::vector<std::string>& {
    auto found = longest.find(name);
    if (found != longest.end()) return found->second;
    std::vector<std::string> best;
    for (const auto& [target, offset] : includes[name]) {
      const auto& below = chain(target);
      if (below.size() > best.size()) best = below;
    }
    best.insert(best.begin(), name);
    return longest[name] = std::move(best);
  };
  for (const auto& [name, file] : by_name) {
    if (!partial_name_of(name).empty()) continue;
    const auto& path = chain(name);
    if (static_cast<int>(path.size()) - 1 <= kMaxPartialDepth) continue;
    std::string shown;
    for (const auto& step : path) shown += (shown.empty() ? "" : " -> ") + step;
    out.push_back(error_at(file.path, {}, "partials are nested more than " + std::to_string(kMaxPartialDepth) +
                                              " deep: " + shown));
  }
}

// Keys of `table` as a list, for "did you mean".
std::vector<std::string> keys_of(const StringsTable& table) {
  std::vector<std::string> keys;
  for (const auto& [key, unused] : table) keys.push_back(key);
  return keys;
}

std::optional<StringsTable> read_strings(const FileSource& files, const std::string& path, Diagnostics& out) {
  auto text = files.read(path);
  if (!text) return std::nullopt;
  return load_strings_table(path, *text, out);
}

// strings/<lang>.toml of the built-in set for every language, checked against English's keys, then
// the overlay's tables key by key.
void load_strings(const FileSource& files, const std::string& builtin_dir, const std::string& overlay_dir,
                  std::map<std::string, Strings>& strings, Diagnostics& out) {
  std::string builtin_strings = join_path(builtin_dir, "strings");
  std::map<std::string, StringsTable> tables;
  for (const auto& code : language_codes()) {
    std::string path = join_path(builtin_strings, code + ".toml");
    auto table = read_strings(files, path, out);
    if (!table) {
      out.push_back(error_at(path, {}, "missing strings table: every language has one"));
      continue;
    }
    tables[code] = std::move(*table);
  }
  if (!tables.count(std::string(kModuleLanguage))) return;
  const StringsTable& english = tables.at(std::string(kModuleLanguage));
  std::vector<std::string> english_keys = keys_of(english);
  for (const auto& [code, table] : tables) {
    std::string path = join_path(builtin_strings, code + ".toml");
    for (const auto& [key, entry] : table) {
      if (!english.count(key)) {
        out.push_back(error_at(path, entry.pos, "unknown string '" + key + "'" + did_you_mean(key, english_keys)));
      }
    }
    for (const auto& key : english_keys) {
      if (!table.count(key)) out.push_back(error_at(path, {}, "missing string '" + key + "' (en.toml has it)"));
    }
  }
  if (!overlay_dir.empty()) {
    std::string overlay_strings = join_path(overlay_dir, "strings");
    for (const auto& entry : files.list(overlay_strings)) {
      if (entry.back() == '/' || !entry.ends_with(".toml")) continue;
      std::string path = join_path(overlay_strings, entry);
      std::string code = file_stem(entry);
      if (!tables.count(code)) {
        out.push_back(warning_at(path, {}, "not used: there is no language '" + code + "'; the languages are " +
                                               language_choices()));
        continue;
      }
      auto overlay = read_strings(files, path, out);
      if (!overlay) {
        out.push_back(error_at(path, {}, "cannot read strings table"));
        continue;
      }
      for (auto& [key, value] : *overlay) {
        auto known = tables[code].find(key);
        if (known == tables[code].end()) {
          out.push_back(error_at(path, value.pos, "unknown string '" + key + "'" + did_you_mean(key, english_keys)));
          continue;
        }
        known->second = std::move(value);
      }
    }
  }
  for (const auto& [code, table] : tables) {
    for (const auto& [key, entry] : table) strings[code][key] = entry.text;
  }
}

}  // namespace

const TemplateFile* find_template(const TemplateSet& templates, const std::string& name) {
  auto it = std::lower_bound(templates.files.begin(), templates.files.end(), name,
                             [](const TemplateFile& file, const std::string& key) { return file.name < key; });
  return it != templates.files.end() && it->name == name ? &*it : nullptr;
}

std::string partial_file_name(const std::string& partial, const std::string& including_template) {
  std::string format = is_markdown_template(including_template) ? ".md" : ".html";
  return std::string(kPartialsDir) + partial + format + std::string(kSuffix);
}

std::optional<TemplateSet> load_templates(const FileSource& files, const std::string& builtin_dir,
                                          const std::string& overlay_dir, Diagnostics& out) {
  size_t errors_before = static_cast<size_t>(count(out, Severity::error));
  std::map<std::string, TemplateFile> by_name;
  std::vector<std::string> builtin_names;
  if (!files.is_directory(builtin_dir)) {
    out.push_back(error_at(builtin_dir, {}, "built-in templates folder not found"));
    return std::nullopt;
  }
  read_folder(files, builtin_dir, by_name, builtin_names, out);
  if (!overlay_dir.empty()) {
    if (!files.is_directory(overlay_dir)) {
      out.push_back(error_at(overlay_dir, {}, "templates folder not found"));
      return std::nullopt;
    }
    std::vector<std::string> overlay_names;
    read_folder(files, overlay_dir, by_name, overlay_names, out);
    for (const auto& name : overlay_names) by_name[name].overlay = true;
    for (const auto& name : overlay_names) {
      bool known = std::find(builtin_names.begin(), builtin_names.end(), name) != builtin_names.end();
      if (known || !partial_name_of(name).empty()) continue;
      out.push_back(warning_at(by_name[name].path, {},
                               "not used: iopplan has no template named '" + name + "'" +
                                   did_you_mean(name, builtin_names)));
    }
  }
  for (const auto& format : output_formats()) {
    if (!by_name.count(format.template_name)) {
      out.push_back(error_at(join_path(builtin_dir, format.template_name), {}, "missing template"));
    }
  }
  std::set<std::string> parsed;
  for (const auto& [name, file] : by_name) {
    if (auto error = template_syntax_error(file.path, file.text)) {
      out.push_back(*error);
    } else {
      parsed.insert(name);
    }
  }
  check_partials(by_name, parsed, out);
  TemplateSet set;
  load_strings(files, builtin_dir, overlay_dir, set.strings, out);
  if (static_cast<size_t>(count(out, Severity::error)) > errors_before) return std::nullopt;
  for (auto& [name, file] : by_name) set.files.push_back(std::move(file));
  return set;
}

}  // namespace iopplan
