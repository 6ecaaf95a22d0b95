#include "iopplan/render/site_writer.hpp"

#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "iopplan/base/interrupt.hpp"

namespace fs = std::filesystem;

namespace iopplan {
namespace {

// Closes a file descriptor when it goes out of scope (the lock is released with it).
struct Fd {
  int fd = -1;
  explicit Fd(int value) : fd(value) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string errno_text() { return std::strerror(errno); }

bool write_file(const fs::path& path, const std::string& content, std::string& error) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.fd < 0) {
    error = errno_text();
    return false;
  }
  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd.fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR && !interrupted()) continue;
    if (n <= 0) {
      error = interrupted() ? "interrupted" : n == 0 ? "no space written" : errno_text();
      return false;
    }
    written += static_cast<size_t>(n);
  }
  // On disk before the swap makes it the output: a crash of the machine must not show empty files.
  if (::fsync(fd.fd) != 0) {
    error = errno_text();
    return false;
  }
  return true;
}

void sync_dir(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.fd >= 0) ::fsync(fd.fd);
}

// Files of an interrupted build by iopplan 0.1, which wrote ".NAME.PID-N.tmp" beside each file.
bool is_old_temp_file(const std::string& name) {
  if (name.size() < 8 || name[0] != '.' || !name.ends_with(".tmp")) return false;
  std::string stem = name.substr(0, name.size() - 4);
  size_t dash = stem.rfind('-');
  size_t dot = stem.rfind('.', dash);
  if (dash == std::string::npos || dot == std::string::npos || dot == 0) return false;
  std::string pid = stem.substr(dot + 1, dash - dot - 1);
  std::string seq = stem.substr(dash + 1);
  auto digits = [](const std::string& s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos; };
  return digits(pid) && digits(seq);
}

// True when the file must not be replaced: no write permission for anyone, or immutable/append-only.
bool is_protected(const fs::path& path, const struct stat& st) {
  if ((st.st_mode & 0222) == 0) return true;
  Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
  int flags = 0;
  if (fd.fd >= 0 && ::ioctl(fd.fd, FS_IOC_GETFLAGS, &flags) == 0) {
    return (flags & (FS_IMMUTABLE_FL | FS_APPEND_FL)) != 0;
  }
  return false;
}

// The folders a site needs ("week-01", "week-01/2027-01-04"), and its files.
struct SiteShape {
  std::set<std::string> dirs;
  std::set<std::string> files;
};

SiteShape shape_of(const Site& site) {
  SiteShape shape;
  for (const auto& file : site.files) {
    shape.files.insert(file.path);
    for (size_t slash = file.path.find('/'); slash != std::string::npos; slash = file.path.find('/', slash + 1)) {
      shape.dirs.insert(file.path.substr(0, slash));
    }
  }
  return shape;
}

bool is_ancestor_or_self(const fs::path& dir, const fs::path& path) {
  auto d = dir.begin();
  auto p = path.begin();
  for (; d != dir.end(); ++d, ++p) {
    if (p == path.end() || *d != *p) return false;
  }
  return true;
}

// The output folder as an absolute path without symbolic links, created parents and all; empty on failure.
fs::path resolve_out(const fs::path& out, std::vector<fs::path>& created, std::string& error) {
  std::error_code ec;
  fs::path absolute = fs::absolute(out, ec);
  if (ec) {
    error = ec.message();
    return {};
  }
  absolute = absolute.lexically_normal();
  if (absolute.has_filename() == false) absolute = absolute.parent_path();  // "out/" -> "out"
  // The longest existing prefix is resolved; the missing rest is created folder by folder.
  std::vector<fs::path> missing;
  fs::path existing = absolute;
  while (!fs::exists(fs::symlink_status(existing, ec))) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      error = ec.message();
      return {};
    }
    missing.push_back(existing.filename());
    if (existing == existing.parent_path()) break;
    existing = existing.parent_path();
  }
  fs::path real = fs::canonical(existing, ec);
  if (ec) {
    error = ec.message();
    return {};
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::is_directory(real, ec)) {
      error = "'" + real.string() + "' is not a folder";
      return {};
    }
    if (std::next(it) == missing.rend()) {
      real /= *it;  // the output folder itself comes into being by the swap
      break;
    }
    real /= *it;
    if (!fs::create_directory(real, ec) && ec) {
      error = ec.message();
      return {};
    }
    created.push_back(real);
  }
  return real;
}

// A folder whose loss under the user's feet would hurt: "/", the home folder, or one holding the
// current directory (the swap would leave the shell in a deleted folder), or one holding an input.
std::string guard_reason(const fs::path& root, const std::vector<std::string>& inputs) {
  std::error_code ec;
  if (root == root.root_path()) return "it is the root folder";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    fs::path home_path = fs::weakly_canonical(home, ec);
    if (!ec && home_path == root) return "it is your home folder";
  }
  for (const auto& input : inputs) {
    if (input.empty()) continue;
    fs::path real = fs::weakly_canonical(input, ec);
    if (!ec && is_ancestor_or_self(root, real)) return "it holds " + input + ", which this build reads";
  }
  fs::path cwd = fs::current_path(ec);
  if (!ec && is_ancestor_or_self(root, cwd)) return "it holds the current folder";
  return "";
}

class Writer {
 public:
  Writer(const Site& site, std::string out_arg, const std::vector<std::string>& inputs, Diagnostics& out)
      : site_(site), out_arg_(std::move(out_arg)), inputs_(inputs), out_(out) {}

  bool run();

 private:
  bool fail(const std::string& path, const std::string& message) {
    out_.push_back(output_error(path, message + "; nothing was written"));
    return false;
  }
  // The path as the user would name it: --out joined with the relative path.
  std::string shown(const std::string& relative) const {
    return relative.empty() ? out_arg_ : (fs::path(out_arg_) / relative).string();
  }
  bool check_old_output(const SiteShape& shape);
  bool carry_over_old_files(const SiteShape& shape);
  bool write_new_files(const SiteShape& shape);
  bool swap_in();
  void remove_staging() {
    std::error_code ec;
    fs::remove_all(staging_, ec);
  }

  const Site& site_;
  std::string out_arg_;
  const std::vector<std::string>& inputs_;
  Diagnostics& out_;
  fs::path root_;       // the output folder, resolved
  fs::path staging_;    // ".NAME.iopplan-staging" beside it: the new build, then the old one
  fs::path previous_;   // ".NAME.iopplan-old": only where the filesystem cannot exchange
  bool root_exists_ = false;
  std::vector<std::pair<fs::path, fs::perms>> folder_modes_;  // of the previous output's folders
};

// Problems with the previous output that would stop the swap, all of them, before any writing.
bool Writer::check_old_output(const SiteShape& shape) {
  if (!root_exists_) return true;
  bool ok = true;
  for (const auto& dir : shape.dirs) {
    std::error_code ec;
    fs::file_status st = fs::symlink_status(root_ / dir, ec);
    if (fs::is_symlink(st)) {
      ok = fail(shown(dir), "its folder is a symbolic link, and paths never leave the output folder (a symbolic link?)");
    } else if (fs::exists(st) && !fs::is_directory(st)) {
      ok = fail(shown(dir), "a file is in the way of a folder");
    }
  }
  for (const auto& file : shape.files) {
    struct stat st {};
    fs::path path = root_ / file;
    if (::lstat(path.c_str(), &st) != 0) continue;
    if (S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode)) {
      ok = fail(shown(file), "a folder or symbolic link is in the way");
    } else if (S_ISREG(st.st_mode) && is_protected(path, st)) {
      ok = fail(shown(file), "is read-only; iopplan does not replace a protected file (make it writable or remove it)");
    }
  }
  return ok;
}

// Every file of the previous output that this build does not write moves along, as a hard link
// (the same file, not a copy), so the user's own files survive the swap unchanged.
bool Writer::carry_over_old_files(const SiteShape& shape) {
  if (!root_exists_) return true;
  std::error_code ec;
  fs::recursive_directory_iterator it(root_, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (interrupted()) return fail(out_arg_, "interrupted");
    fs::path relative = it->path().lexically_relative(root_);
    std::string rel = relative.generic_string();
    fs::path target = staging_ / relative;
    std::error_code type_ec;
    fs::file_status st = it->symlink_status(type_ec);
    if (fs::is_directory(st)) {
      if (!fs::create_directory(target, ec) && ec) return fail(shown(rel), "cannot copy the folder: " + ec.message());
      folder_modes_.emplace_back(target, st.permissions());  // set after writing: it may be read-only
      continue;
    }
    if (shape.files.count(rel) || is_old_temp_file(relative.filename().string())) continue;
    if (::linkat(AT_FDCWD, it->path().c_str(), AT_FDCWD, target.c_str(), 0) == 0) continue;
    // Another filesystem below --out, or a file that cannot be linked: a copy keeps it.
    std::error_code copy_ec;
    fs::copy(it->path(), target, fs::copy_options::copy_symlinks, copy_ec);
    if (copy_ec) return fail(shown(rel), "cannot keep this file of the previous output: " + copy_ec.message());
  }
  if (ec) return fail(out_arg_, "cannot read the previous output: " + ec.message());
  return true;
}

bool Writer::write_new_files(const SiteShape& shape) {
  std::error_code ec;
  for (const auto& dir : shape.dirs) {
    if (!fs::create_directory(staging_ / dir, ec) && ec) return fail(shown(dir), "cannot create its folder: " + ec.message());
  }
  for (const auto& file : site_.files) {
    if (interrupted()) return fail(out_arg_, "interrupted");
    std::string error;
    if (!write_file(staging_ / file.path, file.content, error)) return fail(shown(file.path), "cannot write: " + error);
  }
  for (const auto& dir : shape.dirs) sync_dir(staging_ / dir);
  sync_dir(staging_);
  return true;
}

// The one step that changes what --out shows: the staging folder and the output folder trade
// names in one rename(2), so any reader sees the whole old build or the whole new one.
bool Writer::swap_in() {
  if (interrupted()) return fail(out_arg_, "interrupted");
  if (!root_exists_) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, root_.c_str(), RENAME_NOREPLACE) != 0) {
      return fail(out_arg_, "cannot move the new output into place: " + errno_text());
    }
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, root_.c_str(), RENAME_EXCHANGE) != 0) {
    if (errno != EINVAL && errno != ENOSYS) return fail(out_arg_, "cannot swap in the new output: " + errno_text());
    // No exchange on this filesystem: two renames, with a moment without --out (repaired by the
    // next build if interrupted there; docs/output-layout.md).
    if (::rename(root_.c_str(), previous_.c_str()) != 0) return fail(out_arg_, "cannot move the old output aside: " + errno_text());
    if (::rename(staging_.c_str(), root_.c_str()) != 0) {
      int saved = errno;
      ::rename(previous_.c_str(), root_.c_str());
      errno = saved;
      return fail(out_arg_, "cannot move the new output into place: " + errno_text());
    }
  }
  sync_dir(root_.parent_path());
  // The old build, now at the staging (or old) name: no longer visible, so its removal may fail.
  std::error_code ec;
  std::error_code old_ec;
  fs::remove_all(staging_, ec);
  fs::remove_all(previous_, old_ec);
  if (ec || old_ec) {
    out_.push_back(warning_at(out_arg_, {}, "the previous output could not be removed completely (" + (ec ? ec : old_ec).message() +
                                               "); the next build tries again"));
  }
  return true;
}

bool Writer::run() {
  bool paths_ok = true;
  for (const auto& file : site_.files) {
    if (!is_safe_relative_path(file.path)) {
      out_.push_back(output_error(out_arg_, "refusing to write '" + file.path + "': not a path inside the output folder"));
      paths_ok = false;
    }
  }
  if (!paths_ok) return false;
  if (interrupted()) return fail(out_arg_, "interrupted");

  fs::path out_path = out_arg_.empty() ? fs::path(".") : fs::path(out_arg_);
  std::error_code ec;
  fs::file_status status = fs::status(out_path, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    out_.push_back(output_error(out_arg_, "the output path exists and is not a folder"));
    return false;
  }
  std::vector<fs::path> created;  // parent folders made here, removed again (when empty) on failure
  fs::path lock_path;              // set once this build holds the lock
  auto undo_parents = [&]() {
    if (!lock_path.empty()) ::unlink(lock_path.c_str());  // else the folder holding it is not empty
    std::error_code ignored;
    for (auto it = created.rbegin(); it != created.rend(); ++it) fs::remove(*it, ignored);  // only if empty
  };
  std::string error;
  root_ = resolve_out(out_path, created, error);
  if (root_.empty()) {
    undo_parents();
    return fail(out_arg_, "cannot create the output folder: " + error);
  }
  if (std::string reason = guard_reason(root_, inputs_); !reason.empty()) {
    undo_parents();
    out_.push_back(output_error(out_arg_, "refusing to build into this folder: " + reason +
                                              " (the build replaces the whole folder); name a folder of its own"));
    return false;
  }
  fs::path parent = root_.parent_path();
  std::string name = root_.filename().string();
  staging_ = parent / ("." + name + ".iopplan-staging");
  previous_ = parent / ("." + name + ".iopplan-old");

  // One build at a time per output folder. The lock file is removed by the build holding it, so a
  // build that locked a file since unlinked (it opened it just before) checks and tries again.
  fs::path lock_file = parent / ("." + name + ".iopplan-lock");
  Fd lock(-1);
  for (;;) {
    lock.fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (lock.fd < 0) {
      undo_parents();
      return fail(out_arg_, "cannot create the lock file " + lock_file.string() + ": " + errno_text());
    }
    if (::flock(lock.fd, LOCK_EX | LOCK_NB) != 0) {
      return fail(out_arg_, errno == EWOULDBLOCK
                                ? "another iopplan build is writing this output folder; try again when it has finished"
                                : "cannot lock " + lock_file.string() + ": " + errno_text());
    }
    struct stat held {}, named {};
    if (::fstat(lock.fd, &held) == 0 && ::stat(lock_file.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
        held.st_dev == named.st_dev) {
      break;
    }
    ::close(lock.fd);
  }
  lock_path = lock_file;
  struct Unlock {
    const fs::path& path;
    ~Unlock() { ::unlink(path.c_str()); }  // still holding the lock, which closing the file releases
  } unlock{lock_file};

  // What an interrupted build left: the staging folder, and the old output where no exchange exists.
  root_exists_ = fs::is_directory(fs::symlink_status(root_, ec));
  if (!root_exists_ && fs::is_directory(fs::symlink_status(previous_, ec))) {
    fs::rename(previous_, root_, ec);  // killed between the two renames of the fallback swap
    root_exists_ = !ec;
  }
  fs::remove_all(staging_, ec);
  fs::remove_all(previous_, ec);
  if (fs::exists(fs::symlink_status(staging_, ec))) {
    return fail(out_arg_, "cannot remove the leftovers of an interrupted build at " + staging_.string());
  }

  SiteShape shape = shape_of(site_);
  bool shape_ok = true;
  for (const auto& file : shape.files) {
    if (shape.dirs.count(file)) shape_ok = fail(shown(file), "a folder or symbolic link is in the way");
  }
  if (!shape_ok || !check_old_output(shape)) {
    undo_parents();
    return false;
  }
  mode_t mask = ::umask(0);
  ::umask(mask);
  mode_t mode = 0777 & ~mask;
  if (root_exists_) {
    struct stat st {};
    if (::stat(root_.c_str(), &st) == 0) mode = st.st_mode & 07777;
  }
  if (::mkdir(staging_.c_str(), 0700) != 0) {
    undo_parents();
    return fail(out_arg_, "cannot create the staging folder " + staging_.string() + ": " + errno_text());
  }
  bool ok = carry_over_old_files(shape) && write_new_files(shape);
  if (ok) {
    for (const auto& [folder, perms] : folder_modes_) fs::permissions(folder, perms, ec);
    ::chmod(staging_.c_str(), mode);
  }
  if (ok) ok = swap_in();
  if (!ok) {
    remove_staging();
    undo_parents();
  }
  return ok;
}

}  // namespace

bool write_site(const Site& site, const std::string& out_dir, Diagnostics& out, const std::vector<std::string>& inputs) {
  return Writer(site, out_dir, inputs, out).run();
}

}  // namespace iopplan
