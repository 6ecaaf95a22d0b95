// FileSource: where the library reads from. Disk in the CLI, memory in tests.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace iopplan {

class FileSource {
 public:
  virtual ~FileSource() = default;
  // The whole file, or nullopt when it does not exist or cannot be read.
  virtual std::optional<std::string> read(const std::string& path) const = 0;
  // Sorted entry names directly inside `dir`; directories end with '/'. Empty when none.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
};

class DiskFileSource : public FileSource {
 public:
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override;
};

// Files keyed by path ("lib/tracks.toml"); directories are implied by the paths.
class MemoryFileSource : public FileSource {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  std::optional<std::string> read(const std::string& path) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_directory(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

// "a" + "b.toml" -> "a/b.toml"; an empty or "." directory adds nothing.
std::string join_path(const std::string& dir, const std::string& name);

// "lib/rp/high-risk.toml" -> "high-risk": the last path part without ".toml".
std::string file_stem(const std::string& path);

}  // namespace iopplan
