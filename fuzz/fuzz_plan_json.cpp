// Fuzzes reading a plan back from JSON (--previous), and writing what was read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "iopplan/sequencing/plan_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  iopplan::Diagnostics found;
  auto plan = iopplan::plan_from_json(text, "previous.json", found);
  for (const auto& d : found) {
    if (d.file != "previous.json" || d.message.empty()) __builtin_trap();  // every problem names the file
  }
  if (!plan) return 0;
  // What was read must write and read back to the same plan JSON.
  std::string json = iopplan::plan_to_json(*plan);
  iopplan::Diagnostics again;
  auto reread = iopplan::plan_from_json(json, "previous.json", again);
  if (!reread || iopplan::plan_to_json(*reread) != json) __builtin_trap();
  return 0;
}
