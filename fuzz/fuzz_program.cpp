// Fuzzes one program file through the program loader, the checks `iopplan check` runs, and the
// sequencer, over a small in-memory library.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_library.hpp"
#include "iopplan/sequencing/intensity.hpp"
#include "iopplan/sequencing/preflight.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/sequencing/sequencer.hpp"

namespace {

// The engine's cost grows with the slots it fills (bench/ measures it); beyond real programs'
// size a run would only measure speed, so larger programs stop after the checks.
constexpr int kMaxPlannedSlots = 96;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const iopplan::Library& library = iopplan::fuzz::fuzz_library().library;
  std::string text(reinterpret_cast<const char*>(data), size);
  iopplan::Diagnostics found;
  auto program = iopplan::parse_program("lib/programs/fuzz.toml", text, library, found);
  for (const auto& d : found) {
    if (d.file.empty() || d.message.empty()) __builtin_trap();  // every diagnostic names its file
  }
  if (!program) return 0;
  bool feasible = iopplan::preflight(library, *program, std::nullopt, found);
  iopplan::check_regular_week(*program, found);
  int slots =
      program->weeks * static_cast<int>(program->meeting_days.size()) * iopplan::content_slots_per_meeting(*program);
  if (!feasible || slots > kMaxPlannedSlots) return 0;
  iopplan::PlanResult result = iopplan::make_plan(library, *program, {});
  if (!result.plan) return 0;
  for (size_t i = 0; i < result.plan->meetings.size(); ++i) {
    const iopplan::Meeting& meeting = result.plan->meetings[i];
    if (i > 0 && !(result.plan->meetings[i - 1].date < meeting.date)) __builtin_trap();  // meetings in date order
    for (const auto& block : meeting.blocks) {
      if (!block.module.empty() && !iopplan::find_module(library, block.module)) __builtin_trap();
    }
  }
  return 0;
}
