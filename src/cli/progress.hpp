// The build's progress on stderr: one line redrawn in place on a terminal, a few plain lines
// otherwise (logs, CI), nothing with --quiet.
#pragma once

#include <chrono>
#include <iosfwd>

#include "iopplan/pipeline/build.hpp"

namespace iopplan::cli {

class ProgressDisplay {
 public:
  // `terminal`: redraw one line; else, only while printing PDFs, a line at each tenth of it.
  ProgressDisplay(std::ostream& err, bool terminal);
  void update(const BuildProgress& progress);
  // Ends the redrawn line, so what follows starts on a clean line.
  void finish();

 private:
  std::ostream& err_;
  bool terminal_;
  bool drawn_ = false;
  int last_tenth_ = -1;
  std::chrono::steady_clock::time_point print_start_;
};

}  // namespace iopplan::cli
