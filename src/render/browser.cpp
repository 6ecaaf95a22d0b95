#include "render/browser.hpp"

#include "iopplan/base/interrupt.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>
#include <thread>

extern char** environ;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace iopplan {
namespace {

// A browser that says nothing for this long has hung.
constexpr auto kStartTimeout = std::chrono::seconds(30);
constexpr auto kPrintTimeout = std::chrono::seconds(120);

std::string interrupted_message(int sig) {
  return std::string("printing was interrupted (") + (sig == SIGINT ? "SIGINT" : "SIGTERM") + ")";
}

// A browser that dies while starting is started again, this many times in all, with a fresh
// profile. (The two start-up deaths seen in CI were the socket path below, which no retry cures.)
constexpr int kStartTries = 3;

// A Unix socket path holds at most 107 bytes (sun_path is 108 with its NUL); Chromium adds this to
// its TMPDIR for its singleton socket.
constexpr size_t kSocketPathMax = 107;
constexpr size_t kSocketSuffix = sizeof("/org.chromium.Chromium.XXXXXX/SingletonSocket") - 1;

// The last line of the browser's log that is not its usual noise: D-Bus, and the crash handler's
// complaint about a CPU frequency file that virtual machines lack.
std::string log_tail(const fs::path& path) {
  std::ifstream in(path);
  std::string line, kept;
  while (std::getline(in, line)) {
    if (!line.empty() && line.find("dbus") == std::string::npos && line.find("unexpected operator") == std::string::npos &&
        line.find("cpufreq") == std::string::npos) {
      kept = line;
    }
  }
  return kept;
}

// Whether a process of group `pgid` still runs. Zombies do not count: where PID 1 does not reap
// orphans (containers, sandboxes) the browser's helpers stay zombies, and waiting for them to
// vanish cost every build its full second of waiting.
bool group_running(pid_t pgid) {
  if (::kill(-pgid, 0) != 0) return false;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    std::getline(in, stat);
    size_t close = stat.rfind(')');  // the command name may hold spaces and parentheses
    if (close == std::string::npos) continue;
    char state = 0;
    long ppid = 0, pgrp = 0;
    if (std::sscanf(stat.c_str() + close + 1, " %c %ld %ld", &state, &ppid, &pgrp) != 3) continue;
    if (pgrp == pgid && state != 'Z' && state != 'X') return true;
  }
  return ec ? true : false;  // without /proc, the group is there as long as kill() finds it
}

bool write_all(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::optional<std::string> decode_base64(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;
    int v = value(c);
    if (v < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xff));
    }
  }
  return out;
}

std::optional<Browser> Browser::start(const std::string& chromium, int tabs, BrowserError& error) {
  for (int attempt = 1;; ++attempt) {
    error = {};
    bool launched = false;
    auto browser = start_once(chromium, tabs, launched, error);
    if (browser || !launched || error.signal != 0) return browser;
    if (attempt == kStartTries) {
      error.message = "the browser " + chromium + " did not start (" + std::to_string(kStartTries) +
                      " tries): " + error.message;
      return browser;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

std::optional<Browser> Browser::start_once(const std::string& chromium, int tabs, bool& launched, BrowserError& error) {
  std::error_code ec;
  fs::path tmp = fs::temp_directory_path(ec);
  std::string pattern = ((ec ? fs::path("/tmp") : tmp) / "iopplan-print-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    error.message = "cannot create a temporary folder for printing in " + tmp.string();
    return std::nullopt;
  }
  Browser browser;
  browser.profile_ = pattern;
  // Chromium puts its singleton socket in $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket
  // and dies when that path passes the 107 bytes a Unix socket allows (seen in CI, with a deep
  // checkout): its TMPDIR is our folder when that is short enough, else a short one in /tmp.
  std::string browser_tmp = pattern;
  if (pattern.size() + kSocketSuffix > kSocketPathMax) {
    std::string short_pattern = "/tmp/iopplan-print-XXXXXX";
    if (::mkdtemp(short_pattern.data()) == nullptr) {
      error.message = "cannot create a temporary folder for the browser in /tmp (" + tmp.string() +
                      " is too long a path for the browser's socket)";
      return std::nullopt;
    }
    browser.short_tmp_ = browser_tmp = short_pattern;
  }
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::string_view(*entry).substr(0, 7) != "TMPDIR=") environment.emplace_back(*entry);
  }
  environment.push_back("TMPDIR=" + browser_tmp);
  std::vector<char*> envp;
  for (auto& entry : environment) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int commands[2], events[2];
  if (::pipe2(commands, O_CLOEXEC) != 0) {
    error.message = "cannot open a pipe to the browser";
    return std::nullopt;  // the destructor of `browser` removes the folder
  }
  if (::pipe2(events, O_CLOEXEC) != 0) {
    ::close(commands[0]);
    ::close(commands[1]);
    error.message = "cannot open a pipe to the browser";
    return std::nullopt;
  }
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-extensions",
                                   "--disable-quic",
                                   "--remote-debugging-pipe",
                                   "--user-data-dir=" + (fs::path(pattern) / "profile").string(),
                                   "about:blank"};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::string log = (fs::path(pattern) / "chromium.log").string();
  int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  // High copies, so that placing them on 3 and 4 cannot overwrite one with the other.
  int in_fd = ::fcntl(commands[0], F_DUPFD_CLOEXEC, 10);
  int out_fd = ::fcntl(events[1], F_DUPFD_CLOEXEC, 10);
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid == 0) {
    // Its own process group, so stopping it stops every helper process it started; and it is
    // killed with its parent, so even a killed iopplan leaves no browser behind.
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::dup2(null_fd, STDIN_FILENO);
    if (log_fd >= 0) {
      ::dup2(log_fd, STDOUT_FILENO);
      ::dup2(log_fd, STDERR_FILENO);
    }
    ::dup2(in_fd, 3);
    ::dup2(out_fd, 4);
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    ::sigaction(SIGINT, &dfl, nullptr);
    ::sigaction(SIGTERM, &dfl, nullptr);
    ::execve(chromium.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  for (int fd : {commands[0], events[1], in_fd, out_fd, log_fd, null_fd}) {
    if (fd >= 0) ::close(fd);
  }
  browser.to_browser_ = commands[1];
  browser.from_browser_ = events[0];
  if (pid < 0) {
    error.message = "cannot start " + chromium;
    return std::nullopt;
  }
  ::setpgid(pid, pid);  // also here: no race with the first kill
  browser.pid_ = pid;
  launched = true;
  ::signal(SIGPIPE, SIG_IGN);  // a browser that died must give an error, not end iopplan

  for (int i = 0; i < tabs; ++i) {
    // A browser context per tab gives each tab its own renderer process, so pages lay out in parallel.
    auto context = browser.reply(browser.send("Target.createBrowserContext", json::object()), error);
    std::optional<json> target;
    if (context) {
      target = browser.reply(browser.send("Target.createTarget", {{"url", "about:blank"},
                                                                  {"browserContextId", (*context)["browserContextId"]}}),
                             error);
    }
    std::optional<json> attached;
    if (target) {
      attached = browser.reply(
          browser.send("Target.attachToTarget", {{"targetId", (*target)["targetId"]}, {"flatten", true}}), error);
    }
    if (!attached) {
      // "quit unexpectedly" already ends with the log's last line; the others are told it here.
      std::string tail = log_tail(log);
      if (error.message.find("unexpectedly") == std::string::npos && !tail.empty()) error.message += "; its log ends: " + tail;
      return std::nullopt;
    }
    browser.sessions_.push_back((*attached)["sessionId"].get<std::string>());
  }
  return browser;
}

Browser::Browser(Browser&& other) noexcept
    : pid_(other.pid_),
      to_browser_(other.to_browser_),
      from_browser_(other.from_browser_),
      profile_(std::move(other.profile_)),
      short_tmp_(std::move(other.short_tmp_)),
      buffer_(std::move(other.buffer_)),
      next_id_(other.next_id_),
      replies_(std::move(other.replies_)),
      sessions_(std::move(other.sessions_)) {
  other.pid_ = other.to_browser_ = other.from_browser_ = -1;
  other.profile_.clear();
  other.short_tmp_.clear();
}

Browser::~Browser() { stop(); }

long Browser::send(const std::string& method, const json& params, const std::string& session) {
  long id = ++next_id_;
  json message = {{"id", id}, {"method", method}, {"params", params}};
  if (!session.empty()) message["sessionId"] = session;
  std::string text = message.dump();
  text.push_back('\0');
  if (to_browser_ >= 0 && !write_all(to_browser_, text)) {
    replies_[id] = json{{"error", {{"message", "the browser closed its pipe"}}}};
  }
  return id;
}

bool Browser::pump(Clock::time_point deadline, BrowserError& error) {
  while (true) {
    if (interrupted()) {
      error.signal = interrupt_signal();
      error.message = interrupted_message(error.signal);
      return false;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      error.message = "the browser stopped answering";
      return false;
    }
    // SIGINT and SIGTERM end the poll early (their handlers do not restart calls); the short
    // timeout covers a signal that lands between the check above and the poll.
    pollfd fds[1] = {{from_browser_, POLLIN, 0}};
    int ready = ::poll(fds, 1, static_cast<int>(std::min<long long>(left, 200)));
    if (ready < 0 && errno != EINTR) {
      error.message = "cannot read from the browser";
      return false;
    }
    if (ready <= 0 || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    char chunk[1 << 16];
    ssize_t n = ::read(from_browser_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string tail = log_tail(fs::path(profile_) / "chromium.log");
      error.message = "the browser quit unexpectedly" + (tail.empty() ? "" : ": " + tail);
      return false;
    }
    size_t scanned = buffer_.size();
    buffer_.append(chunk, static_cast<size_t>(n));
    bool got_reply = false;
    size_t start = 0;
    for (size_t end = buffer_.find('\0', scanned); end != std::string::npos; end = buffer_.find('\0', start)) {
      json message = json::parse(buffer_.begin() + static_cast<long>(start), buffer_.begin() + static_cast<long>(end),
                                 nullptr, false);
      start = end + 1;
      if (message.is_object() && message.contains("id") && message["id"].is_number_integer()) {
        long id = message["id"].get<long>();
        replies_[id] = std::move(message);
        got_reply = true;
      }  // events are not needed: pages are set as text and printed when the command returns
    }
    buffer_.erase(0, start);
    if (got_reply) return true;
  }
}

std::optional<json> Browser::reply(long id, BrowserError& error) {
  auto deadline = Clock::now() + kStartTimeout;
  while (!replies_.count(id)) {
    if (!pump(deadline, error)) return std::nullopt;
  }
  json message = std::move(replies_[id]);
  replies_.erase(id);
  if (message.contains("error")) {
    error.message = "the browser refused a command: " + message["error"].value("message", std::string("unknown error"));
    return std::nullopt;
  }
  return message.value("result", json::object());
}

bool Browser::print_all(const std::vector<PrintDocument>& requests,
                        const std::function<void(size_t, std::string&&)>& done, BrowserError& error,
                        const std::string& before_print) {
  struct InFlight {
    size_t request = 0;
    long print_id = 0;
    Clock::time_point started;
    std::vector<long> before;  // this tab's setDocumentContent (and Runtime.evaluate) commands
  };
  std::vector<std::optional<InFlight>> tabs(sessions_.size());
  std::vector<std::string> frames(sessions_.size());
  for (size_t t = 0; t < sessions_.size(); ++t) {
    auto tree = reply(send("Page.getFrameTree", json::object(), sessions_[t]), error);
    if (!tree) return false;
    frames[t] = (*tree)["frameTree"]["frame"]["id"].get<std::string>();
  }
  size_t next = 0;
  size_t finished = 0;
  while (finished < requests.size()) {
    for (size_t t = 0; t < tabs.size() && next < requests.size(); ++t) {
      if (tabs[t]) continue;
      const PrintDocument& request = requests[next];
      // Both commands at once: a session runs its commands in order, and the page is complete
      // when setDocumentContent returns (no network, no file to load).
      std::vector<long> before = {
          send("Page.setDocumentContent", {{"frameId", frames[t]}, {"html", request.html}}, sessions_[t])};
      if (!before_print.empty()) before.push_back(send("Runtime.evaluate", {{"expression", before_print}}, sessions_[t]));
      bool header_footer = !request.header_html.empty() || !request.footer_html.empty();
      json params = {{"displayHeaderFooter", header_footer},
                     {"headerTemplate", request.header_html.empty() ? "<span></span>" : request.header_html},
                     {"footerTemplate", request.footer_html.empty() ? "<span></span>" : request.footer_html},
                     {"preferCSSPageSize", true},
                     {"printBackground", true},
                     {"generateDocumentOutline", false},
                     {"generateTaggedPDF", false}};
      tabs[t] = InFlight{next, send("Page.printToPDF", params, sessions_[t]), Clock::now(), std::move(before)};
      ++next;
    }
    // Wait for any tab's PDF.
    bool any = false;
    for (size_t t = 0; t < tabs.size(); ++t) {
      if (!tabs[t] || !replies_.count(tabs[t]->print_id)) continue;
      json message = std::move(replies_[tabs[t]->print_id]);
      replies_.erase(tabs[t]->print_id);
      // The replies to this tab's commands before it are of no further interest (a session
      // answers in order, so they are in). Only this tab's: erasing every smaller id dropped
      // another tab's finished PDF, which then waited out the print timeout.
      for (long id : tabs[t]->before) replies_.erase(id);
      if (message.contains("error")) {
        error.message = "the browser could not print a page: " +
                        message["error"].value("message", std::string("unknown error"));
        return false;
      }
      auto pdf = decode_base64(message["result"].value("data", std::string()));
      if (!pdf || pdf->rfind("%PDF", 0) != 0) {
        error.message = "the browser returned something that is not a PDF";
        return false;
      }
      done(tabs[t]->request, std::move(*pdf));
      tabs[t].reset();
      ++finished;
      any = true;
    }
    if (any || finished == requests.size()) continue;
    Clock::time_point oldest = Clock::now();
    for (const auto& tab : tabs) {
      if (tab) oldest = std::min(oldest, tab->started);
    }
    if (!pump(oldest + kPrintTimeout, error)) {
      if (error.signal == 0 && error.message == "the browser stopped answering") {
        error.message = "the browser did not finish printing a page in time";
      }
      return false;
    }
  }
  return true;
}

void Browser::stop() {
  if (pid_ > 0) {
    // The profile is thrown away, so there is nothing to save: the whole process group goes at
    // once (a polite Browser.close took about 2 s of every build).
    ::kill(-pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    // Helpers that outlived the main process are in its group: wait until none of it runs.
    for (int i = 0; i < 200 && group_running(pid_); ++i) {
      ::kill(-pid_, SIGKILL);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
  }
  for (int* fd : {&to_browser_, &from_browser_}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
  for (std::string* folder : {&profile_, &short_tmp_}) {
    if (folder->empty()) continue;
    std::error_code ec;
    fs::remove_all(*folder, ec);
    folder->clear();
  }
}

}  // namespace iopplan
