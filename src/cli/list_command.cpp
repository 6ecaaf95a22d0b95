// iopplan list: the library's modules, one line each (or JSON).
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "iopplan/curriculum/readability.hpp"

namespace iopplan::cli {
namespace {

template <typename... Args>
std::string formatted(const char* format, Args... args) {
  int size = std::snprintf(nullptr, 0, format, args...);
  std::string text(static_cast<size_t>(size > 0 ? size : 0) + 1, '\0');
  std::snprintf(text.data(), text.size(), format, args...);
  text.pop_back();
  return text;
}

}  // namespace

Command add_list_command(CLI::App& parent) {
  struct Options {
    std::string library;
    std::string track;
    std::string format = "text";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("list", "List the modules of the library");
  add_library_option(app, opts->library);
  app->add_option("--track", opts->track, "Only modules of this track");
  app->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return {app, [opts]() {
            std::string dir = opts->library.empty() ? builtin_dir("curricula") : opts->library;
            auto library = load_library_or_report(dir, {}, false, std::cerr);
            if (!library) return kExitInputError;
            if (!opts->track.empty() && !find_track(*library, opts->track)) {
              std::cerr << "iopplan: error: unknown track '" << opts->track << "'\n";
              return kExitUsage;
            }
            nlohmann::ordered_json json = nlohmann::ordered_json::array();
            if (opts->format == "text") {
              std::cout << formatted("%-40s %-20s %4s %-7s %5s %-6s %5s  %s\n", "ID", "TRACK", "MIN", "PHASE", "GRADE",
                                     "LANGS", "FH-ES", "TITLE");
            }
            for (const auto& m : library->modules) {
              if (!opts->track.empty() && m.track != opts->track) continue;
              double grade = flesch_kincaid_grade(handout_stats(m.handout));
              std::vector<std::string> languages = handout_languages(m);
              std::string langs;
              for (const auto& code : languages) langs += (langs.empty() ? "" : ",") + code;
              // The Spanish handout's Fernandez Huerta reading ease (higher is easier), when there is one.
              const Translation* spanish = find_translation(m, "es");
              std::optional<double> ease;
              if (spanish) ease = fernandez_huerta(handout_stats(spanish->handout, "es"));
              if (opts->format == "json") {
                json.push_back({{"id", m.id},
                                {"track", m.track},
                                {"title", m.title},
                                {"minutes", m.duration_minutes},
                                {"phase", phase_name(m.phase)},
                                {"group_type", group_type_name(m.group_type)},
                                {"version", m.version},
                                {"handout_grade", std::round(grade * 10) / 10},
                                {"handout_words", handout_stats(m.handout).words},
                                {"languages", languages},
                                {"spanish_reading_ease", ease ? nlohmann::ordered_json(std::round(*ease * 10) / 10)
                                                              : nlohmann::ordered_json(nullptr)}});
              } else {
                char ease_text[16] = "-";
                if (ease) std::snprintf(ease_text, sizeof ease_text, "%.1f", *ease);
                // Through std::cout, so the title passes the terminal filter (printable_output.hpp).
                std::cout << formatted("%-40s %-20s %4d %-7s %5.1f %-6s %5s  %s\n", m.id.c_str(), m.track.c_str(),
                                       m.duration_minutes, phase_name(m.phase), grade, langs.c_str(), ease_text,
                                       m.title.c_str());
              }
            }
            if (opts->format == "json") std::cout << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
            return kExitOk;
          }};
}

}  // namespace iopplan::cli
