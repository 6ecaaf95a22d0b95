// Fuzzes write_site: file paths, names and sizes, over a previous output with traps in it (a
// symbolic link out of the folder, a file where a folder belongs, a read-only file, leftovers of an
// interrupted build). The input's first byte picks the traps; the rest, cut at 0x1E, is
// "path\x1Fcontent" per file. Checks the promise of docs/output-layout.md: on success the folder
// holds exactly the new files plus the kept old ones; on failure it is byte for byte as before;
// never anything outside the output folder, never a temporary file left.
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "fuzz_library.hpp"
#include "iopplan/render/site_writer.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kSandboxPrefix = "iopplan-fuzz-site-writer-";

// The private folder goes when the process ends normally (a crash leaves it to look at).
void remove_sandbox() {
  std::error_code ec;
  fs::current_path(fs::temp_directory_path(), ec);
  fs::remove_all(fs::temp_directory_path() / (std::string(kSandboxPrefix) + std::to_string(::getpid())), ec);
}

// Every entry below `root` (not following links): path -> content, "<dir>" or "-> target".
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> entries;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = fs::relative(it->path(), root).generic_string();
    if (it->is_symlink()) {
      entries[name] = "-> " + fs::read_symlink(it->path()).string();
    } else if (it->is_directory()) {
      entries[name] = "<dir>";
    } else {
      std::ifstream in(it->path(), std::ios::binary);
      entries[name] = std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
  }
  return entries;
}

void write(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

const fs::path& sandbox() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / (std::string(kSandboxPrefix) + std::to_string(::getpid()));
    fs::create_directories(d);
    std::atexit(remove_sandbox);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t traps = data[0];
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const fs::path& box = sandbox();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(box, ec)) {
    fs::permissions(entry.path(), fs::perms::owner_all, fs::perm_options::add | fs::perm_options::nofollow, ec);
    fs::remove_all(entry.path(), ec);
  }
  fs::path out = box / "out";
  fs::create_directories(box / "elsewhere");
  if (traps & 1) write(out / "index.html", "old index\n");
  if (traps & 2) fs::create_directory_symlink(box / "elsewhere", out / "week-01", ec);
  if (traps & 4) write(out / "week-02", "a file where a folder belongs\n");
  if (traps & 8) {
    write(out / "plan.json", "{}\n");
    fs::permissions(out / "plan.json", fs::perms::owner_read);
  }
  if (traps & 16) write(out / ".index.html.77-0.tmp", "half\n");
  if (traps & 32) write(box / ".out.iopplan-staging" / "index.html", "half\n");
  if (traps & 64) write(out / "notes" / "mine.txt", "the clinic's\n");

  iopplan::Site site;
  auto parts = iopplan::fuzz::split_input(text, '\x1e');
  if (parts.size() > 64) return 0;  // each file costs an fsync: keep a run well inside the time-out
  for (const auto& part : parts) {
    size_t cut = part.find('\x1f');
    site.files.push_back({part.substr(0, cut), cut == std::string::npos ? "" : part.substr(cut + 1)});
  }
  auto before = snapshot(box);
  iopplan::Diagnostics found;
  bool ok = iopplan::write_site(site, out.string(), found);
  auto after = snapshot(box);
  if (after.count(".out.iopplan-lock")) __builtin_trap();  // the lock file goes with the build
  // What an interrupted build left beside the folder may stay until a build gets that far.
  for (auto* tree : {&before, &after}) {
    tree->erase(".out.iopplan-staging");
    tree->erase(".out.iopplan-staging/index.html");
  }
  if (!ok) {
    if (!iopplan::has_errors(found)) __builtin_trap();
    if (after != before) __builtin_trap();  // a failed build changed something
    return 0;
  }
  if (fs::exists(box / ".out.iopplan-staging")) __builtin_trap();  // a successful build cleans up
  if (iopplan::has_errors(found)) __builtin_trap();
  if (!fs::is_empty(box / "elsewhere")) __builtin_trap();  // written through the link
  std::map<std::string, std::string> want;
  for (const auto& [name, content] : before) {
    if (name.find(".77-0.tmp") == std::string::npos) want[name] = content;  // old leftovers go
  }
  for (const auto& file : site.files) {
    want["out/" + file.path] = file.content;
    for (size_t slash = file.path.find('/'); slash != std::string::npos; slash = file.path.find('/', slash + 1)) {
      want["out/" + file.path.substr(0, slash)] = "<dir>";
    }
  }
  want["out"] = "<dir>";
  if (after != want) __builtin_trap();
  return 0;
}
