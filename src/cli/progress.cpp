#include "progress.hpp"

#include <ostream>
#include <string>

namespace iopplan::cli {

ProgressDisplay::ProgressDisplay(std::ostream& err, bool terminal) : err_(err), terminal_(terminal) {}

void ProgressDisplay::update(const BuildProgress& progress) {
  auto now = std::chrono::steady_clock::now();
  std::string line = "Rendered " + std::to_string(progress.documents) + " documents";
  if (progress.to_print > 0) {
    if (progress.printed == 0) print_start_ = now;
    line += "; printed " + std::to_string(progress.printed) + " of " + std::to_string(progress.to_print) + " PDF pages";
    if (progress.printed > 0 && progress.printed < progress.to_print) {
      double elapsed = std::chrono::duration<double>(now - print_start_).count();
      double left = elapsed / static_cast<double>(progress.printed) * static_cast<double>(progress.to_print - progress.printed);
      line += ", about " + std::to_string(static_cast<long>(left + 0.5)) + " s left";
    }
  }
  if (terminal_) {
    err_ << "\r\x1b[K" << line << std::flush;  // overwrite the line, clearing what was longer
    drawn_ = true;
    return;
  }
  // Plain lines only for long work (printing): at 0%, 10%, ... 100%.
  if (progress.to_print == 0) return;
  int tenth = static_cast<int>(progress.printed * 10 / progress.to_print);
  if (tenth == last_tenth_) return;
  last_tenth_ = tenth;
  err_ << line << '\n' << std::flush;
}

void ProgressDisplay::finish() {
  if (drawn_) err_ << '\n' << std::flush;
  drawn_ = false;
}

}  // namespace iopplan::cli
