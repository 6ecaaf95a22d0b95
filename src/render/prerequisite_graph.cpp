#include "iopplan/render/prerequisite_graph.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

extern char** environ;

namespace iopplan {
namespace {

// A DOT string literal: quotes and backslashes escaped, line breaks dropped.
std::string dot_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') c = ' ';
    out += c;
  }
  return out + "\"";
}

// Runs `dot -Tsvg`, feeding it `input`; its standard output, or nullopt when it cannot run or fails.
std::optional<std::string> run_dot(const std::string& input) {
  int to_dot[2];
  int from_dot[2];
  if (pipe2(to_dot, O_CLOEXEC) != 0) return std::nullopt;
  if (pipe2(from_dot, O_CLOEXEC) != 0) {
    close(to_dot[0]), close(to_dot[1]);
    return std::nullopt;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_dot[0], 0);
  posix_spawn_file_actions_adddup2(&actions, from_dot[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  char arg0[] = "dot";
  char arg1[] = "-Tsvg";
  char* argv[] = {arg0, arg1, nullptr};
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(to_dot[0]);
  close(from_dot[1]);
  if (spawned != 0) {
    close(to_dot[1]), close(from_dot[0]);
    return std::nullopt;
  }
  // The graph is small (well under a pipe's buffer), so writing it all before reading cannot block.
  size_t written = 0;
  while (written < input.size()) {
    ssize_t n = write(to_dot[1], input.data() + written, input.size() - written);
    if (n <= 0) break;
    written += static_cast<size_t>(n);
  }
  close(to_dot[1]);
  std::string output;
  char buffer[65536];
  for (ssize_t n; (n = read(from_dot[0], buffer, sizeof buffer)) > 0;) output.append(buffer, static_cast<size_t>(n));
  close(from_dot[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (written != input.size() || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return output;
}

}  // namespace

std::string prerequisite_dot(const Library& library) {
  std::set<std::string> linked;
  for (const auto& m : library.modules) {
    for (const auto& prerequisite : m.prerequisites) {
      linked.insert(m.id);
      linked.insert(prerequisite);
    }
  }
  std::string dot = "digraph prerequisites {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];\n";
  for (size_t t = 0; t < library.tracks.size(); ++t) {
    const Track& track = library.tracks[t];
    std::string nodes;
    for (const auto& m : library.modules) {
      if (m.track == track.id && linked.count(m.id)) {
        nodes += "    " + dot_string(m.id) + " [label=" + dot_string(m.title) + ", URL=" +
                 dot_string("modules/" + m.id + ".html") + "];\n";
      }
    }
    if (nodes.empty()) continue;
    dot += "  subgraph " + dot_string("cluster_" + track.id) + " {\n    label=" + dot_string(track.title) + ";\n" + nodes + "  }\n";
  }
  for (const auto& m : library.modules) {
    for (const auto& prerequisite : m.prerequisites) dot += "  " + dot_string(prerequisite) + " -> " + dot_string(m.id) + ";\n";
  }
  return dot + "}\n";
}

std::optional<std::string> prerequisite_svg(const Library& library, Diagnostics& out) {
  auto svg = run_dot(prerequisite_dot(library));
  if (!svg) {
    out.push_back({Severity::note, "", 0, 0,
                   "the prerequisite graph needs Graphviz's 'dot' (apt-get install graphviz); the catalog lists "
                   "prerequisites without it"});
  }
  return svg;
}

}  // namespace iopplan
