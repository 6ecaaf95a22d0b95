#include "iopplan/render/site_writer.hpp"
#include "render/safe_path.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace iopplan {
namespace {

struct Pending {
  fs::path temp;
  fs::path target;
};

bool is_inside(const fs::path& root, const fs::path& path) {
  auto r = root.begin();
  auto p = path.begin();
  for (; r != root.end(); ++r, ++p) {
    if (p == path.end() || *r != *p) return false;
  }
  return true;
}

bool write_file(const fs::path& path, const std::string& content, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

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

bool write_site(const Site& site, const std::string& out_dir, Diagnostics& out) {
  for (const auto& file : site.files) {
    if (!is_safe_relative_path(file.path)) {
      out.push_back(output_error(out_dir, "refusing to write '" + file.path + "': not a path inside the output folder"));
      return false;
    }
  }
  std::error_code ec;
  fs::path root_arg = out_dir.empty() ? fs::path(".") : fs::path(out_dir);
  if (fs::exists(root_arg, ec) && !fs::is_directory(root_arg, ec)) {
    out.push_back(output_error(out_dir, "the output path exists and is not a folder"));
    return false;
  }
  // Folders this call creates, removed again (when still empty) if the write fails.
  std::vector<fs::path> created;
  std::vector<Pending> pending;
  auto fail = [&](const std::string& path, const std::string& message) {
    out.push_back(output_error(path, message + "; nothing was written"));
    for (const auto& p : pending) fs::remove(p.temp, ec);
    for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ec);  // only if empty
    return false;
  };
  auto make_dirs = [&](const fs::path& dir) {
    std::vector<fs::path> missing;
    for (fs::path p = dir; !p.empty() && !fs::exists(fs::symlink_status(p, ec)); p = p.parent_path()) {
      missing.push_back(p);
      if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
      if (!fs::create_directory(*it, ec) && !fs::is_directory(*it)) return false;
      created.push_back(*it);
    }
    return fs::is_directory(dir, ec);
  };
  if (!make_dirs(root_arg)) return fail(out_dir, "cannot create the output folder");
  fs::path root = fs::canonical(root_arg, ec);
  if (ec) return fail(out_dir, "cannot resolve the output folder: " + ec.message());

  int sequence = 0;
  for (const auto& file : site.files) {
    fs::path target = root / file.path;
    fs::path dir = target.parent_path();
    if (!make_dirs(dir)) return fail((root_arg / file.path).string(), "cannot create its folder");
    // A symbolic link below the output folder must not lead the write elsewhere.
    fs::path real_dir = fs::canonical(dir, ec);
    if (ec || !is_inside(root, real_dir)) {
      return fail((root_arg / file.path).string(), "its folder leads outside the output folder (a symbolic link?)");
    }
    target = real_dir / target.filename();
    if (fs::is_directory(fs::symlink_status(target, ec)) ||
        fs::is_symlink(fs::symlink_status(target, ec))) {
      return fail((root_arg / file.path).string(), "a folder or symbolic link is in the way");
    }
    fs::path temp = real_dir / ("." + target.filename().string() + "." + std::to_string(::getpid()) + "-" +
                                std::to_string(sequence++) + ".tmp");
    std::string error;
    if (!write_file(temp, file.content, error)) {
      return fail((root_arg / file.path).string(), "cannot write: " + error);
    }
    pending.push_back({temp, target});
  }
  for (size_t i = 0; i < pending.size(); ++i) {
    fs::rename(pending[i].temp, pending[i].target, ec);
    if (ec) {
      out.push_back(output_error(pending[i].target.string(), "cannot replace: " + ec.message() + "; " +
                                                                 std::to_string(i) + " of " +
                                                                 std::to_string(pending.size()) +
                                                                 " files were updated"));
      for (size_t j = i; j < pending.size(); ++j) fs::remove(pending[j].temp, ec);
      return false;
    }
  }
  return true;
}

}  // namespace iopplan
