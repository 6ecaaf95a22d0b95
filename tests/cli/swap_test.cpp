// The all-or-nothing promise of docs/output-layout.md under kills and concurrent builds (issue 15).
//   iopplan_swap_test IOPPLAN LIBRARY WORK_DIR kill|concurrent SECONDS
// kill: builds into one folder again and again, alternating two different builds, and kills each
// (SIGKILL or SIGTERM) after a random delay; after every kill the folder must hold exactly one
// complete build, old or new, and no temporary file. concurrent: two different builds into one
// folder at once; afterwards it holds one of them whole, and a refused build says why.
// Runs for SECONDS (at least a minimum number of rounds), so CTest time stays bounded.
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using Tree = std::map<std::string, std::string>;

namespace {

std::string g_iopplan;
std::string g_library;
int g_failures = 0;

void fail(const std::string& message) {
  std::cerr << "FAIL: " << message << '\n';
  ++g_failures;
}

// Every entry below `root`: files with their content, folders as "<dir>", links as "-> target".
Tree snapshot(const fs::path& root) {
  Tree tree;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = fs::relative(it->path(), root).generic_string();
    if (it->is_symlink()) {
      tree[name] = "-> " + fs::read_symlink(it->path()).string();
    } else if (it->is_directory()) {
      tree[name] = "<dir>";
    } else {
      std::ifstream in(it->path(), std::ios::binary);
      tree[name] = std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
  }
  return tree;
}

// Two builds whose every HTML file differs: the default, and large print with two copies.
std::vector<std::string> build_args(int variant, const fs::path& out) {
  std::vector<std::string> args = {g_iopplan, "build", "two-weeks", "--library", g_library, "--out", out.string()};
  if (variant == 1) {
    args.insert(args.end(), {"--large-print", "--copies", "2"});
  }
  return args;
}

pid_t start(const std::vector<std::string>& args, const fs::path& stderr_path) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    int err = ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(null, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The folder holds build A, build B or (before any build finished) nothing at all.
int which_build(const fs::path& out, const Tree& a, const Tree& b) {
  if (!fs::exists(out)) return -1;
  Tree now = snapshot(out);
  if (now == a) return 0;
  if (now == b) return 1;
  size_t from_a = 0, from_b = 0, other = 0;
  for (const auto& [name, content] : now) {
    auto in_a = a.find(name);
    auto in_b = b.find(name);
    if (in_a != a.end() && in_a->second == content) ++from_a;
    else if (in_b != b.end() && in_b->second == content) ++from_b;
    else ++other;
    if (name.find(".tmp") != std::string::npos || name.find("iopplan-") != std::string::npos) {
      fail("a temporary file inside the output folder: " + name);
    }
  }
  fail("a mixed or partial build: " + std::to_string(from_a) + " files of build A, " + std::to_string(from_b) +
       " of build B, " + std::to_string(other) + " of neither (" + std::to_string(now.size()) + " entries)");
  return 2;
}

// What lies beside the output folder: nothing after a completed or cleanly stopped build; after
// SIGKILL perhaps the staging folder and the lock file, which the next build into it removes.
std::set<std::string> beside(const fs::path& work) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(work / "site")) {
    std::string name = entry.path().filename().string();
    if (name != "out") names.insert(name);
  }
  return names;
}

void check_beside(const std::set<std::string>& names, const std::set<std::string>& allowed) {
  for (const auto& name : names) {
    if (!allowed.count(name)) fail("left beside the output folder: " + name);
  }
}

Tree reference(const fs::path& work, int variant) {
  fs::path dir = work / "refs" / ("ref-" + std::to_string(variant));
  int status = wait_for(start(build_args(variant, dir), work / "stderr-ref"));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "the reference build failed: " << read_file(work / "stderr-ref");
    std::exit(1);
  }
  return snapshot(dir);
}

// How long one build takes here (the longest of three rebuilds), so the kills spread over the whole of it.
double build_seconds(const fs::path& work) {
  double longest = 0;
  for (int i = 0; i < 3; ++i) {
    auto begin = Clock::now();
    wait_for(start(build_args(i % 2, work / "refs" / "timing"), work / "stderr-ref"));
    longest = std::max(longest, std::chrono::duration<double>(Clock::now() - begin).count());
  }
  return longest;
}

void kill_test(const fs::path& work, double seconds) {
  Tree a = reference(work, 0);
  Tree b = reference(work, 1);
  double duration = build_seconds(work);
  fs::path out = work / "site" / "out";
  std::mt19937 random(15);
  std::uniform_real_distribution<double> anywhen(0.0, duration * 1.3);
  std::uniform_real_distribution<double> late(duration * 0.7, duration * 1.05);  // writing and swapping
  std::map<std::string, int> outcomes;
  auto begin = Clock::now();
  int rounds = 0;
  for (; rounds < 20 || std::chrono::duration<double>(Clock::now() - begin).count() < seconds; ++rounds) {
    if (rounds >= 2000) break;
    int variant = rounds % 2;
    int before = which_build(out, a, b);
    std::set<std::string> left_before = beside(work);
    int sig = rounds % 3 == 2 ? SIGTERM : SIGKILL;
    pid_t pid = start(build_args(variant, out), work / "stderr");
    // Half the kills land late, where the writer works: startup (load, plan, render) is most of a build.
    std::this_thread::sleep_for(std::chrono::duration<double>(rounds % 4 < 2 ? anywhen(random) : late(random)));
    ::kill(pid, sig);
    int status = wait_for(pid);
    int after = which_build(out, a, b);
    if (after == 2) {
      fail("round " + std::to_string(rounds) + ": killed with signal " + std::to_string(sig));
      break;
    }
    if (after != before && after != variant) fail("round " + std::to_string(rounds) + ": neither the old nor the new build");
    bool finished = WIFEXITED(status);
    if (finished && WEXITSTATUS(status) != 0) {
      fail("round " + std::to_string(rounds) + ": exit code " + std::to_string(WEXITSTATUS(status)) + ": " +
           read_file(work / "stderr"));
    }
    if (WIFSIGNALED(status) && WTERMSIG(status) != sig) fail("died of signal " + std::to_string(WTERMSIG(status)));
    // SIGTERM is handled: the build stops cleanly and adds nothing beside the folder (it may not
    // have reached the writer, which removes what a SIGKILL left).
    if (sig == SIGKILL) {
      check_beside(beside(work), {".out.iopplan-staging", ".out.iopplan-lock"});
    } else {
      check_beside(beside(work), left_before);
    }
    std::string outcome = std::string(sig == SIGKILL ? "SIGKILL" : "SIGTERM") +
                          (finished ? ", finished first" : after == variant && before != variant ? ", after the swap" : ", before the swap");
    ++outcomes[outcome];
  }
  // A build after all that: complete, and the leftovers of killed builds are gone.
  int status = wait_for(start(build_args(0, out), work / "stderr"));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) fail("the final build failed: " + read_file(work / "stderr"));
  if (which_build(out, a, b) != 0) fail("the final build is not build A");
  check_beside(beside(work), {});
  std::cout << rounds << " killed builds in " << std::chrono::duration<double>(Clock::now() - begin).count()
            << " s (one build takes " << duration << " s):";
  for (const auto& [outcome, n] : outcomes) std::cout << ' ' << n << " " << outcome << ';';
  std::cout << '\n';
}

void concurrent_test(const fs::path& work, double seconds) {
  Tree a = reference(work, 0);
  Tree b = reference(work, 1);
  fs::path out = work / "site" / "out";
  auto begin = Clock::now();
  int rounds = 0;
  int refused = 0;
  for (; rounds < 5 || std::chrono::duration<double>(Clock::now() - begin).count() < seconds; ++rounds) {
    if (rounds >= 500) break;
    pid_t first = start(build_args(0, out), work / "stderr-0");
    pid_t second = start(build_args(1, out), work / "stderr-1");
    int status[2] = {wait_for(first), wait_for(second)};
    for (int i = 0; i < 2; ++i) {
      if (!WIFEXITED(status[i])) {
        fail("a build died of a signal");
        continue;
      }
      int code = WEXITSTATUS(status[i]);
      std::string err = read_file(work / ("stderr-" + std::to_string(i)));
      if (code == 3 && err.find("another iopplan build is writing this output folder") != std::string::npos) {
        ++refused;
      } else if (code != 0) {
        fail("exit code " + std::to_string(code) + ": " + err);
      }
    }
    if (which_build(out, a, b) == 2) break;
    check_beside(beside(work), {});
  }
  std::cout << rounds << " pairs of concurrent builds, " << refused << " builds refused by the lock, never a mixed one\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: iopplan_swap_test IOPPLAN LIBRARY WORK_DIR kill|concurrent SECONDS\n";
    return 2;
  }
  g_iopplan = fs::absolute(argv[1]).string();
  g_library = fs::absolute(argv[2]).string();
  fs::path work = fs::absolute(argv[3]);
  std::string mode = argv[4];
  double seconds = std::atof(argv[5]);
  fs::remove_all(work);
  fs::create_directories(work / "site");
  fs::create_directories(work / "refs");
  if (mode == "kill") {
    kill_test(work, seconds);
  } else {
    concurrent_test(work, seconds);
  }
  return g_failures == 0 ? 0 : 1;
}
