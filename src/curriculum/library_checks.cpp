#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "iopplan/base/spelling.hpp"
#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "iopplan/curriculum/readability.hpp"
#include "curriculum/library_parts.hpp"

namespace iopplan {
namespace {

std::string where(const std::string& path, SourcePos pos) {
  return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

void check_tracks_and_duplicates(const Library& library, Diagnostics& out) {
  std::vector<std::string> track_ids;
  for (const auto& track : library.tracks) track_ids.push_back(track.id);
  std::map<std::string, const Module*> first_by_id;
  std::vector<const Module*> by_path;
  for (const auto& m : library.modules) by_path.push_back(&m);
  std::sort(by_path.begin(), by_path.end(), [](const Module* a, const Module* b) { return a->path < b->path; });
  for (const Module* m : by_path) {
    if (!m->track.empty() && !library.tracks.empty() && !find_track(library, m->track)) {
      out.push_back(error_at(m->path, m->track_pos, "unknown track '" + m->track + "'" +
                                                        did_you_mean(m->track, track_ids) +
                                                        " (tracks are listed in " + library.tracks_path + ")"));
    }
    if (m->id.empty()) continue;
    auto [it, inserted] = first_by_id.emplace(m->id, m);
    if (!inserted) {
      out.push_back(error_at(m->path, m->id_pos, "duplicate module id '" + m->id + "'; also defined in " +
                                                     where(it->second->path, it->second->id_pos)));
    }
  }
}

using ModuleIndex = std::map<std::string, const Module*>;

// The first module of each id, as find_module() would return it, without its linear search.
ModuleIndex index_modules(const Library& library) {
  ModuleIndex index;
  for (const auto& m : library.modules) index.emplace(m.id, &m);
  return index;
}

void check_prerequisites(const Library& library, const ModuleIndex& index, Diagnostics& out) {
  std::vector<std::string> ids;
  for (const auto& m : library.modules) ids.push_back(m.id);
  for (const auto& m : library.modules) {
    for (size_t i = 0; i < m.prerequisites.size(); ++i) {
      const std::string& prereq = m.prerequisites[i];
      SourcePos pos = i < m.prerequisite_pos.size() ? m.prerequisite_pos[i] : m.id_pos;
      if (!index.count(prereq)) {
        out.push_back(error_at(m.path, pos, "unknown prerequisite '" + prereq + "'" + did_you_mean(prereq, ids)));
      }
    }
  }
}

// Depth-first search that reports each prerequisite cycle once, as a path.
class CycleFinder {
 public:
  CycleFinder(const Library& library, const ModuleIndex& index, Diagnostics& out)
      : library_(library), index_(index), out_(out) {}

  void run() {
    for (const auto& m : library_.modules) {
      if (index_.at(m.id) == &m && marks_[m.id] == Mark::none) visit(m);
    }
  }

 private:
  enum class Mark { none, active, done };

  // Iterative, so a long prerequisite chain cannot exhaust the call stack.
  void visit(const Module& root) {
    std::vector<size_t> next_edge;  // parallel to stack_: the prerequisite to look at next
    auto enter = [&](const Module& m) {
      marks_[m.id] = Mark::active;
      stack_.push_back(&m);
      next_edge.push_back(0);
    };
    enter(root);
    while (!stack_.empty()) {
      const Module& m = *stack_.back();
      size_t& i = next_edge.back();
      if (i == m.prerequisites.size()) {
        marks_[m.id] = Mark::done;
        stack_.pop_back();
        next_edge.pop_back();
        continue;
      }
      size_t edge = i++;
      auto found = index_.find(m.prerequisites[edge]);
      if (found == index_.end()) continue;
      const Module* next = found->second;
      Mark next_mark = marks_[next->id];
      if (next_mark == Mark::active) {
        report(*next, m, edge);
      } else if (next_mark == Mark::none) {
        enter(*next);
      }
    }
  }

  // The stack from `start` to `last` plus the edge last -> start is the cycle.
  void report(const Module& start, const Module& last, size_t edge) {
    auto it = std::find(stack_.begin(), stack_.end(), &start);
    std::vector<const Module*> cycle(it, stack_.end());
    // Name the cycle from its smallest id, so the same cycle always reads the same.
    auto smallest = std::min_element(cycle.begin(), cycle.end(),
                                     [](const Module* a, const Module* b) { return a->id < b->id; });
    std::rotate(cycle.begin(), smallest, cycle.end());
    std::string text;
    for (const Module* m : cycle) text += m->id + " -> ";
    text += cycle.front()->id;
    if (!reported_.insert(text).second) return;
    SourcePos pos = edge < last.prerequisite_pos.size() ? last.prerequisite_pos[edge] : last.id_pos;
    out_.push_back(error_at(last.path, pos, "prerequisite cycle: " + text));
  }

  const Library& library_;
  const ModuleIndex& index_;
  Diagnostics& out_;
  std::map<std::string, Mark> marks_;
  std::vector<const Module*> stack_;
  std::set<std::string> reported_;
};

void check_readability(const Library& library, const LoadOptions& options, Diagnostics& out) {
  for (const auto& m : library.modules) {
    for (const auto& t : m.translations) {
      if (t.language != "es" || t.handout.body.empty()) continue;
      double score = fernandez_huerta(handout_stats(t.handout, "es"));
      if (score < kMinFernandezHuerta) {
        char text[200];
        std::snprintf(text, sizeof text,
                      "Spanish handout scores %.1f on the Fernandez Huerta scale; the target is %g or more: use "
                      "shorter words and sentences",
                      score, kMinFernandezHuerta);
        out.push_back(warning_at(t.path, t.handout.pos, text));
      }
    }
    if (m.handout.body.empty()) continue;
    double grade = flesch_kincaid_grade(handout_stats(m.handout));
    if (grade > options.max_grade) {
      char text[160];
      std::snprintf(text, sizeof text,
                    "handout reads at grade %.1f (Flesch-Kincaid); the limit is %g: use shorter sentences and words",
                    grade, options.max_grade);
      out.push_back(warning_at(m.path, m.handout.pos, text));
    }
  }
}

// A key's position is its [handout] table's when the key is absent (its absence is reported already).
bool written(const Handout& handout, SourcePos at) {
  return at.line != handout.pos.line || at.column != handout.pos.column;
}

std::string item_count(size_t n) { return plural(n, "item"); }

// A list of the translation against the module's: the same number of items, one for one.
void check_count(const Translation& t, const char* key, size_t have, SourcePos at, const Module& m, size_t want,
                 SourcePos module_at, Diagnostics& out) {
  if (have == want) return;
  std::string difference = have < want ? std::to_string(want - have) + " missing" : std::to_string(have - want) + " extra";
  out.push_back(warning_at(t.path, at, "'" + std::string(key) + "' in [handout] has " + item_count(have) +
                                           " but the module has " + item_count(want) + " (" +
                                           where(m.path, module_at) + "): " + difference));
}

void check_translations(const Library& library, Diagnostics& out) {
  for (const auto& m : library.modules) {
    for (const auto& t : m.translations) {
      bool versions_known = !t.translates.empty() && !m.version.empty() && is_version(m.version);
      int order = versions_known ? compare_versions(t.translates, m.version) : 0;
      if (order < 0) {
        out.push_back(warning_at(t.path, t.translates_pos, "stale translation: it translates version " + t.translates +
                                                               " of '" + m.id + "', which is now version " + m.version +
                                                               " (" + m.path + "); update the text, then 'translates'"));
      } else if (order > 0) {
        out.push_back(error_at(t.path, t.translates_pos, "translates version " + t.translates + " of '" + m.id +
                                                             "', but the module is only at version " + m.version +
                                                             " (" + m.path + ")"));
      }
      if (written(t.handout, t.handout.key_points_pos)) {
        check_count(t, "key_points", t.handout.key_points.size(), t.handout.key_points_pos, m,
                    m.handout.key_points.size(), m.handout.key_points_pos, out);
      }
      if (written(t.handout, t.handout.worksheet_pos)) {
        check_count(t, "worksheet", t.handout.worksheet.size(), t.handout.worksheet_pos, m, m.handout.worksheet.size(),
                    m.handout.worksheet_pos, out);
      }
    }
  }
}

}  // namespace

void check_library(const Library& library, const LoadOptions& options, Diagnostics& out) {
  check_tracks_and_duplicates(library, out);
  ModuleIndex index = index_modules(library);
  check_prerequisites(library, index, out);
  CycleFinder(library, index, out).run();
  check_translations(library, out);
  check_readability(library, options, out);
}

}  // namespace iopplan
