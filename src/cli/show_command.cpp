// iopplan show: one module as a facilitator reads it in a terminal.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "iopplan/base/spelling.hpp"
#include "iopplan/curriculum/readability.hpp"

namespace iopplan::cli {
namespace {

void print_list(std::ostream& out, const std::string& heading, const std::vector<std::string>& items,
                bool numbered = false) {
  if (items.empty()) return;
  out << '\n' << heading << '\n';
  for (size_t i = 0; i < items.size(); ++i) {
    out << (numbered ? "  " + std::to_string(i + 1) + ". " : "  - ") << items[i] << '\n';
  }
}

void print_text(std::ostream& out, const std::string& heading, const std::string& text) {
  if (text.empty()) return;
  out << '\n' << heading << '\n';
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    out << (line.empty() ? "" : "  " + line) << '\n';
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
}

std::string clock(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%d:%02d", minutes / 60, minutes % 60);
  return text;
}

void show(const Module& m, const Library& library, std::ostream& out) {
  const Track* track = find_track(library, m.track);
  out << m.title << '\n' << std::string(m.title.size(), '=') << '\n';
  out << (track ? track->title : m.track) << " | " << m.duration_minutes << " minutes | " << group_type_name(m.group_type)
      << " | phase: " << phase_name(m.phase) << " | version " << m.version << '\n';
  out << '\n' << m.summary << '\n';
  print_list(out, "Prerequisites", m.prerequisites);
  print_list(out, "Objectives", m.objectives);
  print_list(out, "Materials and preparation", m.materials);
  out << "\nAgenda\n";
  int elapsed = 0;
  for (const auto& segment : m.agenda) {
    out << "  " << clock(elapsed) << "-" << clock(elapsed + segment.minutes) << "  " << segment.title << " ("
        << segment.minutes << " min)\n";
    for (const auto& point : segment.talking_points) out << "      - " << point << '\n';
    if (segment.activity) {
      out << "      Activity: " << segment.activity->name << " (" << segment.activity->kind << ")\n";
      for (size_t i = 0; i < segment.activity->steps.size(); ++i) {
        out << "        " << i + 1 << ". " << segment.activity->steps[i] << '\n';
      }
    }
    elapsed += segment.minutes;
  }
  print_list(out, "Discussion questions", m.discussion_questions, true);
  print_text(out, "Safety", m.facilitator_notes.safety);
  print_text(out, "Trauma-informed practice", m.facilitator_notes.trauma_informed);
  print_text(out, "Welcoming a newcomer", m.facilitator_notes.newcomers);
  TextStats stats = handout_stats(m.handout);
  char grade[64];
  std::snprintf(grade, sizeof grade, " (%d words, grade %.1f)", stats.words, flesch_kincaid_grade(stats));
  out << "\nHandout: " << m.handout.title << grade << '\n';
  print_list(out, "  Key points", m.handout.key_points);
  print_list(out, "  Worksheet", m.handout.worksheet, true);
  print_text(out, "  Homework", m.handout.homework);
  out << "\nReferences\n";
  for (const auto& ref : m.references) {
    out << "  - " << ref.authors << " (" << ref.year << "). " << ref.title << '.';
    if (!ref.publisher.empty()) out << ' ' << ref.publisher << '.';
    out << '\n';
  }
}

}  // namespace

Command add_show_command(CLI::App& parent) {
  struct Options {
    std::string library;
    std::string id;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("show", "Show one module as a facilitator would read it");
  add_library_option(app, opts->library);
  app->add_option("MODULE_ID", opts->id, "The module's id")->required();
  return {app, [opts]() {
            std::string dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            auto library = load_library_or_report(dir, {}, false, std::cerr);
            if (!library) return kExitInputError;
            const Module* m = find_module(*library, opts->id);
            if (m == nullptr) {
              std::vector<std::string> ids;
              for (const auto& each : library->modules) ids.push_back(each.id);
              std::cerr << "iopplan: error: no module '" << opts->id << "'" << did_you_mean(opts->id, ids) << '\n';
              return kExitUsage;
            }
            show(*m, *library, std::cout);
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
