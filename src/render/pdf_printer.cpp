#include "iopplan/render/pdf_printer.hpp"
#include "render/pdf_dates.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

extern char** environ;

namespace fs = std::filesystem;

namespace iopplan {
namespace {

// A packet that takes longer than this has hung the browser.
constexpr auto kJobTimeout = std::chrono::seconds(180);

struct Running {
  pid_t pid = -1;
  size_t job = 0;
  std::chrono::steady_clock::time_point started;
};

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool write_all(const fs::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << content;
  return static_cast<bool>(file);
}

// The last lines of the browser's log, minus its D-Bus noise, for error messages.
std::string log_tail(const fs::path& path) {
  auto text = read_all(path);
  if (!text) return "";
  std::string kept;
  size_t start = 0;
  while (start < text->size()) {
    size_t nl = text->find('\n', start);
    std::string line = text->substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.find("dbus") == std::string::npos && line.find("unexpected operator") == std::string::npos) {
      kept = line;
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return kept;
}

pid_t spawn_chromium(const std::string& chromium, const fs::path& dir, const fs::path& log) {
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-quic",
                                   "--user-data-dir=" + (dir / "profile").string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + (dir / "print-packet.pdf").string(),
                                   "file://" + (dir / "print-packet.html").string()};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group, so a hung browser can be stopped with all its helper processes.
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, chromium.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return rc == 0 ? pid : -1;
}

bool is_executable(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::optional<std::string> find_chromium() {
  if (const char* configured = std::getenv("IOPPLAN_CHROMIUM"); configured && *configured) {
    if (is_executable(configured)) return std::string(configured);
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      size_t colon = dirs.find(':', start);
      std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
      if (is_executable(candidate)) return candidate.string();
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  return std::nullopt;
}

std::string chromium_install_hint() {
  return "PDF output needs the Chromium browser, which was not found; install it with "
         "'apt-get install chromium' (or set IOPPLAN_CHROMIUM to a Chrome or Chromium executable), "
         "or leave pdf out of --format";
}

void normalize_pdf_dates(std::string& pdf, const std::string& fixed_date) {
  for (std::string_view key : {"/CreationDate (D:", "/ModDate (D:"}) {
    size_t pos = 0;
    while ((pos = pdf.find(key, pos)) != std::string::npos) {
      pos += key.size();
      // D:YYYYMMDDHHmmSS: replace the digits only, keeping the length.
      std::string stamp = fixed_date + "000000";
      for (size_t i = 0; i < stamp.size() && pos + i < pdf.size(); ++i) {
        if (pdf[pos + i] < '0' || pdf[pos + i] > '9') break;
        pdf[pos + i] = stamp[i];
      }
    }
  }
}

bool print_pdfs(Site& site, const std::string& chromium, const std::string& fixed_date, Diagnostics& out) {
  if (site.print_jobs.empty()) return true;
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "iopplan-print-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) {
    out.push_back(output_error("", "cannot create a temporary folder for printing"));
    return false;
  }
  fs::path work = pattern;
  std::vector<OutputFile> pdfs(site.print_jobs.size());
  bool ok = true;
  for (size_t i = 0; i < site.print_jobs.size() && ok; ++i) {
    fs::path dir = work / std::to_string(i);
    fs::create_directories(dir, ec);
    ok = !ec && write_all(dir / "print-packet.html", site.print_jobs[i].html);
    if (!ok) out.push_back(output_error(site.print_jobs[i].pdf_path, "cannot write the page to print"));
  }
  // A few browsers at a time: each one is already several processes.
  size_t parallel = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  std::vector<Running> running;
  size_t next = 0;
  while (ok && (next < site.print_jobs.size() || !running.empty())) {
    while (ok && next < site.print_jobs.size() && running.size() < parallel) {
      fs::path dir = work / std::to_string(next);
      pid_t pid = spawn_chromium(chromium, dir, dir / "chromium.log");
      if (pid < 0) {
        out.push_back(output_error(site.print_jobs[next].pdf_path, "cannot start " + chromium));
        ok = false;
        break;
      }
      running.push_back({pid, next, std::chrono::steady_clock::now()});
      ++next;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (auto it = running.begin(); it != running.end();) {
      int status = 0;
      pid_t done = ::waitpid(it->pid, &status, WNOHANG);
      const PrintJob& job = site.print_jobs[it->job];
      fs::path dir = work / std::to_string(it->job);
      if (done == 0) {
        if (std::chrono::steady_clock::now() - it->started > kJobTimeout) {
          ::kill(-it->pid, SIGKILL);
          ::waitpid(it->pid, &status, 0);
          out.push_back(output_error(job.pdf_path, "the browser did not finish printing in time"));
          ok = false;
          it = running.erase(it);
        } else {
          ++it;
        }
        continue;
      }
      auto pdf = read_all(dir / "print-packet.pdf");
      if (done < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !pdf || pdf->rfind("%PDF", 0) != 0) {
        std::string tail = log_tail(dir / "chromium.log");
        out.push_back(output_error(job.pdf_path, "the browser could not print the page" + (tail.empty() ? "" : ": " + tail)));
        ok = false;
      } else {
        normalize_pdf_dates(*pdf, fixed_date);
        pdfs[it->job] = {job.pdf_path, std::move(*pdf)};
      }
      it = running.erase(it);
    }
  }
  for (auto& r : running) {  // only after a failure: stop the browsers this call started
    ::kill(-r.pid, SIGKILL);
    int status = 0;
    ::waitpid(r.pid, &status, 0);
  }
  fs::remove_all(work, ec);
  if (!ok) return false;
  for (auto& pdf : pdfs) site.files.push_back(std::move(pdf));
  return true;
}

}  // namespace iopplan
