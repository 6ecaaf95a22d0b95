// Fuzzes one module file through parsing, schema checks and whole-library checks.
#include <cstddef>
#include <cstdint>
#include <string>

#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/readability.hpp"

namespace {

const char* kTracks = "[[track]]\nid = \"rp\"\ntitle = \"RP\"\nabbreviation = \"RP\"\ncolour = \"#123456\"\n"
                      "description = \"d\"\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  iopplan::MemoryFileSource files;
  files.add("lib/tracks.toml", kTracks);
  files.add("lib/rp/alpha.toml", text);
  // A second copy lets duplicate-id and prerequisite checks see more than one module.
  files.add("lib/rp/beta.toml", text);
  iopplan::LoadResult result = iopplan::load_library(files, "lib");
  for (const auto& d : result.diagnostics) {
    if (d.file.empty() || d.message.empty()) __builtin_trap();  // every diagnostic names its file
  }
  for (const auto& m : result.library.modules) {
    volatile double grade = iopplan::flesch_kincaid_grade(iopplan::handout_stats(m.handout));
    (void)grade;
  }
  return 0;
}
