// FileSource: where the library reads from. Disk in the CLI, memory in tests.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"

namespace iopplan {

class FileSource {
 public:
  virtual ~FileSource() = default;
  // The whole file, or nullopt when it does not exist or cannot be read (on disk: or is larger
  // than kMaxReadBytes, so no file can fill the memory).
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // The size of a regular file, without reading it; nullopt when there is none.
  virtual std::optional<uint64_t> size(const std::string& path) const = 0;
  // Sorted entry names directly inside `dir`; directories end with '/'. Empty when none.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // False when `path` leads outside the folder `root` through a symbolic link.
  virtual bool stays_inside(const std::string& path, const std::string& root) const = 0;
};

class DiskFileSource : public FileSource {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  std::optional<uint64_t> size(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override;
  bool stays_inside(const std::string& path, const std::string& root) const override;
};

// No reader of iopplan needs more; each has its own, smaller limit (too_large()).
inline constexpr uint64_t kMaxReadBytes = uint64_t{64} << 20;

// Files keyed by path ("lib/tracks.toml"); directories are implied by the paths.
class MemoryFileSource : public FileSource {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  std::optional<std::string> read(const std::string& path) const override;
  std::optional<uint64_t> size(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override;
  bool stays_inside(const std::string&, const std::string&) const override { return true; }

 private:
  std::map<std::string, std::string> files_;
};

// True, with file_too_large() in `out`, when `path` is larger than `limit`: checked before it is
// read, so a huge (or sparse) file is never loaded.
bool too_large(const FileSource& files, const std::string& path, uint64_t limit, Diagnostics& out);

// True, with an error in `out`, when `path` is (or lies in) a symbolic link that leads outside the
// library folder `root`: such a file is not read, so nothing of it is ever shown (curricula/README.md).
bool leaves_library(const FileSource& files, const std::string& path, const std::string& root, Diagnostics& out);

// True for a relative '/'-separated path without empty, ".", ".." or backslash parts: a path that
// names something inside the folder it is taken from (before any symbolic link is followed).
bool is_safe_relative_path(const std::string& path);

// "a" + "b.toml" -> "a/b.toml"; an empty or "." directory adds nothing.
std::string join_path(const std::string& dir, const std::string& name);

// "lib/rp/high-risk.toml" -> "high-risk": the last path part without ".toml".
std::string file_stem(const std::string& path);

}  // namespace iopplan
