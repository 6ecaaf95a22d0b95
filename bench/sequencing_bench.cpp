// Sequencing benchmark: generated libraries of 500 and 5,000 modules planned over 52 weeks of five
// meetings (two content slots each). Prints wall time per plan and the process's peak memory.
//
//   build/iopplan_bench_sequencing [MODULES ...]      (default: 500 5000)
//
// With --seeds N: the seed spread. Every shipped program planned with seeds 1..N; the best, median
// and worst score (lower is better), how far the median is from the best, and the time per plan.
//
//   build/iopplan_bench_sequencing --seeds 200 [PROGRAM ...]   (default: every shipped program)
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "iopplan/base/file_source.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/pipeline/plan_run.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/sequencing/sequencer.hpp"

namespace {

using namespace iopplan;

// A fixed little generator, so every run benchmarks the same library.
struct Lcg {
  uint64_t state;
  uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

constexpr int kTracks = 12;

Library make_library(int modules) {
  Library library;
  library.root = "bench";
  for (int t = 0; t < kTracks; ++t) {
    Track track;
    track.id = "track-" + std::to_string(t);
    track.title = "Track " + std::to_string(t);
    track.abbreviation = "T" + std::to_string(t);
    library.tracks.push_back(track);
  }
  Lcg rng{42};
  const int minutes[] = {45, 50, 60};
  const Phase phases[] = {Phase::early, Phase::early, Phase::middle, Phase::middle, Phase::late, Phase::any};
  for (int i = 0; i < modules; ++i) {
    Module m;
    char id[32];
    std::snprintf(id, sizeof id, "module-%05d", i);
    m.id = id;
    m.title = "Module " + std::to_string(i);
    m.track = library.tracks[i % kTracks].id;
    m.version = "1.0.0";
    m.duration_minutes = minutes[rng.below(3)];
    m.group_type = static_cast<GroupType>(rng.below(5));
    m.phase = phases[rng.below(6)];
    // One module in ten builds on an earlier one of its track.
    if (i >= kTracks && rng.below(10) == 0) {
      char pre[32];
      std::snprintf(pre, sizeof pre, "module-%05d", i - kTracks * (1 + rng.below(i / kTracks)));
      m.prerequisites.push_back(pre);
    }
    m.path = "bench/" + m.track + "/" + m.id + ".toml";
    library.modules.push_back(std::move(m));
  }
  return library;
}

Program make_program(const Library& library) {
  Program p;
  p.id = "bench";
  p.name = "Benchmark: 52 weeks, five mornings";
  p.path = "bench/programs/bench.toml";
  p.weeks = 52;
  p.start_date = {2027, 1, 4};
  p.meeting_days = {Weekday::monday, Weekday::tuesday, Weekday::wednesday, Weekday::thursday, Weekday::friday};
  p.start_time = 9 * 60;
  p.meeting_minutes = 180;
  p.level_of_care = "asam-2.5";
  p.admission = Admission::rolling;
  p.skip_us_federal_holidays = true;
  Block check_in{"Check-in", "", 15, {}, {}, "", "", {}};
  Block skills{"", "Skills group", 60, {}, {GroupType::skills, GroupType::psychoeducation}, "", "", {}};
  Block pause{"Break", "", 15, {}, {}, "", "", {}};
  Block topic{"", "Topic group", 60, {}, {}, "", "", {}};
  Block close{"Check-out", "", 30, {}, {}, "", "", {}};
  p.blocks = {check_in, skills, pause, topic, close};
  // 520 slots: a small library must repeat modules, a large one need not.
  p.no_repeat_within_weeks = library.modules.size() < 1000 ? 12 : 0;
  p.phases.push_back({1, 4, {Phase::early}, {}});
  for (const auto& track : library.tracks) {
    TrackLimit limit;
    limit.track = track.id;
    limit.min_per_cycle = 30;
    limit.max_per_week = 2;
    p.limits.push_back(limit);
  }
  for (int i = 0; i < 10; ++i) p.required.push_back({library.modules[(i * 37) % library.modules.size()].id, {}});
  return p;
}

long peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kilobytes on Linux
}

}  // namespace

// The seed spread of each program: 0 when every seed of every program found a plan.
int seed_spread(int seeds, std::vector<std::string> programs) {
  std::string root = std::string(IOPPLAN_SOURCE_DIR) + "/curricula";
  DiskFileSource files;
  if (programs.empty()) programs = program_ids(files, root);
  std::printf("%-24s %6s %10s %10s %10s %12s %10s\n", "program", "seeds", "best", "median", "worst",
              "median/best", "plan_ms");
  int status = 0;
  for (const auto& id : programs) {
    PlanRequest request;
    request.library_dir = root;
    request.program = id;
    PlanRun run = plan_program(files, request);
    if (run.stopped != Stop::none) {
      for (const auto& d : run.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
      status = 1;
      continue;
    }
    std::vector<double> scores;
    int failed = 0;
    auto begin = std::chrono::steady_clock::now();
    for (int seed = 1; seed <= seeds; ++seed) {
      PlanOptions options;
      options.seed = static_cast<uint64_t>(seed);
      PlanResult result = make_plan(run.library, *run.program, options);
      if (result.plan) {
        scores.push_back(result.plan->score);
      } else {
        ++failed;
      }
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count() / seeds;
    if (scores.empty()) {
      std::printf("%-24s %6d   no seed found a plan\n", id.c_str(), seeds);
      status = 1;
      continue;
    }
    std::sort(scores.begin(), scores.end());
    double median = scores[scores.size() / 2];
    double best = scores.front();
    std::printf("%-24s %6d %10.2f %10.2f %10.2f %11.1f%% %10.1f%s\n", id.c_str(), seeds, best, median, scores.back(),
                best > 0 ? 100.0 * (median - best) / best : 0.0, ms,
                failed ? ("  (" + std::to_string(failed) + " seeds found no plan)").c_str() : "");
    if (failed) status = 1;
  }
  return status;
}

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "--seeds") {
    int seeds = std::atoi(argv[2]);
    if (seeds < 1) {
      std::fprintf(stderr, "iopplan_bench_sequencing: --seeds needs a number of seeds, at least 1\n");
      return 2;
    }
    return seed_spread(seeds, std::vector<std::string>(argv + 3, argv + argc));
  }
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {500, 5000};
  std::printf("%8s %6s %8s %10s %10s %12s\n", "modules", "weeks", "slots", "plan_ms", "score", "peak_rss_mb");
  int status = 0;
  for (int size : sizes) {
    if (size < kTracks * 30) {
      std::fprintf(stderr, "iopplan_bench_sequencing: %d modules is too few (at least %d)\n", size, kTracks * 30);
      return 2;
    }
    Library library = make_library(size);
    Program program = make_program(library);
    auto begin = std::chrono::steady_clock::now();
    PlanResult result = make_plan(library, program, PlanOptions{});
    auto end = std::chrono::steady_clock::now();
    double ms = std::chrono::duration<double, std::milli>(end - begin).count();
    if (!result.plan) {
      for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
      status = 1;
      continue;
    }
    size_t slots = 0;
    for (const auto& meeting : result.plan->meetings) {
      for (const auto& block : meeting.blocks) slots += block.module.empty() ? 0 : 1;
    }
    std::printf("%8d %6d %8zu %10.1f %10.2f %12.1f\n", size, program.weeks, slots, ms, result.plan->score,
                peak_rss_kb() / 1024.0);
  }
  return status;
}
