// One headless Chromium for a whole build, driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands on the browser's fd 3, replies and events on its fd 4, each
// message JSON ended by a NUL byte). Pages are handed over as text (Page.setDocumentContent), so
// no file:// URL is ever built from a temporary path.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "iopplan/render/site.hpp"

namespace iopplan {

// What went wrong, in words for a diagnostic; empty when nothing did.
struct BrowserError {
  std::string message;
  int signal = 0;  // SIGINT or SIGTERM when the user interrupted printing
};

class Browser {
 public:
  // Starts `chromium` with a private profile in a new $TMPDIR/iopplan-print-XXXXXX folder and
  // opens `tabs` pages; a browser that dies while starting is started again (3 tries in all).
  // nullopt with `error` set when it cannot.
  static std::optional<Browser> start(const std::string& chromium, int tabs, BrowserError& error);

  Browser(Browser&& other) noexcept;
  Browser& operator=(Browser&&) = delete;
  Browser(const Browser&) = delete;
  ~Browser();  // stop()

  // Prints every document (its header and footer templates included), at most one per tab at a
  // time; `done(i, pdf)` receives the PDF of documents[i] as it arrives. False with `error` set on
  // the first failure, timeout or interruption (interrupted(), base/interrupt.hpp).
  // `before_print`, when not empty, is JavaScript run in each page just before it is printed.
  bool print_all(const std::vector<PrintDocument>& requests,
                 const std::function<void(size_t, std::string&&)>& done, BrowserError& error,
                 const std::string& before_print = "");

  int tabs() const { return static_cast<int>(sessions_.size()); }

  // Closes the browser, kills what is left of its process group and removes the profile folder.
  void stop();

 private:
  Browser() = default;
  // One try of start(); `launched` tells whether the browser process was started at all.
  static std::optional<Browser> start_once(const std::string& chromium, int tabs, bool& launched, BrowserError& error);
  long send(const std::string& method, const nlohmann::json& params, const std::string& session = "");
  // The reply to command `id`; nullopt with `error` set on a timeout, a closed pipe or a signal.
  std::optional<nlohmann::json> reply(long id, BrowserError& error);
  // Reads what the browser has written until a reply arrives or `deadline` passes.
  bool pump(std::chrono::steady_clock::time_point deadline, BrowserError& error);

  pid_t pid_ = -1;
  int to_browser_ = -1;
  int from_browser_ = -1;
  std::string profile_;
  std::string short_tmp_;  // the browser's own TMPDIR when $TMPDIR is too deep for its socket
  std::string buffer_;
  long next_id_ = 0;
  std::map<long, nlohmann::json> replies_;
  std::vector<std::string> sessions_;  // one per tab
};

// "%PDF" in, bytes out: base64 as Chromium returns PDFs. nullopt for malformed input.
std::optional<std::string> decode_base64(const std::string& text);

}  // namespace iopplan
