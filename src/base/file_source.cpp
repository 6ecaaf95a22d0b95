#include "iopplan/base/file_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace iopplan {

std::string join_path(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir == ".") return name;
  if (dir.back() == '/') return dir + name;
  return dir + '/' + name;
}

std::optional<std::string> DiskFileSource::read(const std::string& path) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) > kMaxReadBytes) {
    ::close(fd);
    return std::nullopt;
  }
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || content.size() + static_cast<size_t>(n) > kMaxReadBytes) {  // an error, or it grew
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return content;
}

std::optional<uint64_t> DiskFileSource::size(const std::string& path) const {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
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

bool DiskFileSource::stays_inside(const std::string& path, const std::string& root) const {
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  if (ec) return true;  // missing or unreadable: the reader says so
  fs::path real_root = fs::canonical(root, ec);
  if (ec) return true;
  auto r = real_root.begin();
  auto p = real.begin();
  for (; r != real_root.end(); ++r, ++p) {
    if (p == real.end() || *r != *p) return false;
  }
  return true;
}

bool leaves_library(const FileSource& files, const std::string& path, const std::string& root, Diagnostics& out) {
  if (files.stays_inside(path, root)) return false;
  out.push_back(error_at(path, {}, "not read: a symbolic link that leads outside the library folder"));
  return true;
}

std::optional<uint64_t> MemoryFileSource::size(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second.size();
}

bool too_large(const FileSource& files, const std::string& path, uint64_t limit, Diagnostics& out) {
  auto size = files.size(path);
  if (!size || *size <= limit) return false;
  out.push_back(file_too_large(path, *size, limit));
  return true;
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

bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\\') != std::string::npos ||
        part.find('\0') != std::string::npos) {
      return false;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

}  // namespace iopplan
