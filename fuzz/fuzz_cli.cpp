// Fuzzes the command line: the input, cut at '\n', is the argument list after "iopplan". Every
// run must end with an exit code of 0-3 (README), never an exception, a crash or a signal.
// Runs in a private working folder, which it empties each time; arguments holding '/' or ".."
// are skipped so nothing outside it is touched. Without --library, and for "@lib", it uses a tiny
// library with a two-week program (the built-in one is slow to build). PDF printing is off.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <streambuf>
#include <string>
#include <vector>

#include "commands.hpp"
#include "fuzz_library.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kSandboxPrefix = "iopplan-fuzz-cli-";

// The private folder goes when the process ends normally (a crash leaves it to look at).
void remove_sandbox() {
  std::error_code ec;
  fs::current_path(fs::temp_directory_path(), ec);
  fs::remove_all(fs::temp_directory_path() / (std::string(kSandboxPrefix) + std::to_string(::getpid())), ec);
}

struct NullBuf : std::streambuf {
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

const fs::path& workdir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / (std::string(kSandboxPrefix) + std::to_string(::getpid()));
    fs::create_directories(d);
    fs::current_path(d);
    std::atexit(remove_sandbox);
    ::setenv("IOPPLAN_CHROMIUM", "/nonexistent/chromium", 1);  // --format pdf stops before printing
    ::setenv("HOME", d.c_str(), 1);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  if (text.find('\0') != std::string::npos) return 0;  // argv strings cannot hold NUL
  std::vector<std::string> args = {"iopplan"};
  bool has_library = false;
  for (auto& arg : iopplan::fuzz::split_input(text, '\n')) {
    if (arg.find('/') != std::string::npos || arg.find("..") != std::string::npos) return 0;  // stay in the folder
    if (arg == "@lib") arg = std::string(IOPPLAN_SOURCE_DIR) + "/tests/cli/fixtures/two-week-library";
    if (arg.rfind("--library", 0) == 0) has_library = true;
    args.push_back(arg);
  }
  if (args.size() > 64) return 0;
  if (!has_library && args.size() > 1 && args[1] != "--help") {
    args.push_back("--library");
    args.push_back(std::string(IOPPLAN_SOURCE_DIR) + "/tests/cli/fixtures/two-week-library");
  }
  const fs::path& dir = workdir();
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) fs::remove_all(entry.path(), ec);

  std::vector<const char*> argv;
  for (const auto& arg : args) argv.push_back(arg.c_str());
  NullBuf null;
  std::streambuf* out = std::cout.rdbuf(&null);
  std::streambuf* err = std::cerr.rdbuf(&null);
  int code = iopplan::cli::run_cli(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(out);
  std::cerr.rdbuf(err);
  if (code < 0 || code > 3) __builtin_trap();
  return 0;
}
