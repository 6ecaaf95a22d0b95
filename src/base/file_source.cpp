#include "iopplan/base/file_source.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

namespace fs = std::filesystem;

namespace iopplan {

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + '/' + name;
}

std::optional<std::string> DiskFileSource::read(const std::string& path) const {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return content;
}

std::vector<std::string> DiskFileSource::list(const std::string& dir) const {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code type_ec;
    names.push_back(it->is_directory(type_ec) ? name + '/' : name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool DiskFileSource::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::optional<std::string> MemoryFileSource::read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MemoryFileSource::list(const std::string& dir) const {
  std::string prefix = (dir.empty() || dir == ".") ? "" : (dir.back() == '/' ? dir : dir + '/');
  std::set<std::string> names;
  for (const auto& [path, content] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = path.substr(prefix.size());
    size_t slash = rest.find('/');
    names.insert(slash == std::string::npos ? rest : rest.substr(0, slash + 1));
  }
  return {names.begin(), names.end()};
}

bool MemoryFileSource::is_directory(const std::string& path) const {
  std::string prefix = path.empty() || path.back() == '/' ? path : path + '/';
  return std::any_of(files_.begin(), files_.end(), [&](const auto& entry) {
    return entry.first.compare(0, prefix.size(), prefix) == 0;
  });
}

std::string file_stem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.ends_with(".toml")) name.resize(name.size() - 5);
  return name;
}

}  // namespace iopplan
