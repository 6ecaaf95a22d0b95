// The whole pipeline as one call: load -> plan -> render -> print -> write.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/render/site.hpp"

namespace iopplan {

// Where a long build is: documents rendered, then page sets printed out of those to print.
struct BuildProgress {
  int documents = 0;
  size_t printed = 0;
  size_t to_print = 0;
};

struct BuildRequest {
  PlanRequest plan;
  RenderOptions render;               // render.languages is replaced by `languages` or the program's
  std::vector<std::string> languages;  // handout languages (--languages); empty: the program's
  std::string templates_dir;          // the built-in templates
  std::string overlay_dir;            // the user's own templates, file by file over the built-in ones; or ""
  std::string out_dir;                // "" : default_output_dir(plan)
  std::optional<std::string> chromium;  // for pdf; default: find_chromium()
  // Called once rendering is done and after each printed page set; may be empty.
  std::function<void(const BuildProgress&)> progress;
};

struct BuildResult {
  PlanRun run;          // the front half; run.stopped says where the build stopped
  std::string out_dir;  // where the files went
  size_t files = 0;     // how many were written
};

// Nothing is written unless every stage before writing succeeded; writing itself is all-or-nothing
// per file (site_writer.hpp).
BuildResult build(const FileSource& files, const BuildRequest& request);

}  // namespace iopplan
