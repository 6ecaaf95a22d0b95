// Fuzzes a --templates overlay: partials, set-delimiter tags, nesting and fan-out. The input is
// cut at 0x1E into files of the overlay, named in turn from kNames. Loading must accept or refuse
// with diagnostics; an accepted set must render the one-meeting plan (html and md) or stop with a
// diagnostic, within the limits of template_engine.hpp (a crash, a hang or a giant document is a bug).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_library.hpp"
#include "iopplan/base/utf8.hpp"
#include "iopplan/render/site.hpp"

namespace {

const char* const kNames[] = {
    "handouts.html.mustache",       "partials/loop.html.mustache", "partials/a.html.mustache",
    "handouts.md.mustache",         "partials/handout.html.mustache", "partials/a.md.mustache",
    "index.html.mustache",          "partials/b.html.mustache",    "facilitator-guide.md.mustache",
    "partials/crisis.md.mustache",
};

// The built-in templates, read from disk once; the overlay goes beside them in memory.
const iopplan::MemoryFileSource& builtin() {
  static const iopplan::MemoryFileSource files = [] {
    iopplan::MemoryFileSource memory;
    iopplan::DiskFileSource disk;
    std::string dir = std::string(IOPPLAN_SOURCE_DIR) + "/templates";
    for (const std::string& sub : {std::string(), std::string("partials/")}) {
      for (const auto& name : disk.list(sub.empty() ? dir : dir + "/partials")) {
        if (name.back() == '/') continue;
        auto text = disk.read(dir + "/" + sub + name);
        if (!text) __builtin_trap();
        // The style sheet is 7 KB of CSS without tags; left out to keep each run fast.
        memory.add("builtin/" + sub + name, sub + name == "partials/style.html.mustache" ? "body{}\n" : *text);
      }
    }
    return memory;
  }();
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  iopplan::MemoryFileSource files = builtin();
  auto parts = iopplan::fuzz::split_input(text, '\x1e');
  for (size_t i = 0; i < parts.size() && i < std::size(kNames); ++i) files.add(std::string("overlay/") + kNames[i], parts[i]);

  iopplan::Diagnostics found;
  auto templates = iopplan::load_templates(files, "builtin", "overlay", found);
  if (!templates) {
    if (!iopplan::has_errors(found)) __builtin_trap();  // refused without saying why
    return 0;
  }
  static const iopplan::Plan plan = iopplan::fuzz::one_meeting_plan();
  iopplan::RenderOptions options;
  options.formats = {iopplan::Format::html, iopplan::Format::md};
  options.copies = 1;
  options.limits = {size_t{1} << 20, size_t{4} << 20, 20'000};  // small, so a fan-out input stays fast
  iopplan::Organization organization;
  organization.name = "Fuzz Clinic";
  auto site = iopplan::render_site(plan, "{}\n", iopplan::fuzz::fuzz_library().library, organization, *templates,
                                   options, found);
  if (!site) {
    if (!iopplan::has_errors(found)) __builtin_trap();
    return 0;
  }
  for (const auto& file : site->files) {
    if (iopplan::find_invalid_utf8(file.content)) __builtin_trap();  // valid templates and values stay UTF-8
  }
  return 0;
}
