#include "iopplan/curriculum/completeness.hpp"

#include <algorithm>

#include "curriculum/library_parts.hpp"
#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/language.hpp"

namespace iopplan {
namespace {

bool excluded_by(const Program& program, const std::string& module_id) {
  return std::any_of(program.excluded.begin(), program.excluded.end(),
                     [&](const ModuleRef& ref) { return ref.id == module_id; });
}

bool prints(const Program& program, const std::string& language) {
  return std::find(program.languages.begin(), program.languages.end(), language) != program.languages.end();
}

}  // namespace

std::vector<LanguageCompleteness> check_completeness(const Library& library, const std::vector<Program>& programs,
                                                     Diagnostics& out) {
  std::vector<LanguageCompleteness> result;
  for (const auto& language : languages()) {
    if (language.code == kModuleLanguage) continue;
    LanguageCompleteness c;
    c.language = language.code;
    std::vector<const Program*> printing;
    for (const auto& program : programs) {
      if (prints(program, language.code)) {
        printing.push_back(&program);
        c.programs.push_back(program.id);
      }
    }
    bool written = std::any_of(library.modules.begin(), library.modules.end(),
                               [&](const Module& m) { return find_translation(m, language.code) != nullptr; });
    if (printing.empty() && !written) continue;
    for (const auto& m : library.modules) {
      bool needed = printing.empty() || std::any_of(printing.begin(), printing.end(),
                                                    [&](const Program* p) { return !excluded_by(*p, m.id); });
      if (!needed) continue;
      ++c.modules;
      const Translation* t = find_translation(m, language.code);
      if (t == nullptr) {
        ++c.missing;
        if (!printing.empty()) {
          std::string file = m.path.substr(0, m.path.size() - 5) + "." + language.code + ".toml";
          out.push_back(warning_at(m.path, m.id_pos, "no " + language.name + " handout: " +
                                                         (printing.size() == 1 ? "program '" + c.programs[0] + "' prints"
                                                                               : "programs print") +
                                                         " " + language.name + " handouts; write " + file));
        }
      } else if (!t->translates.empty() && is_version(m.version) && compare_versions(t->translates, m.version) < 0) {
        ++c.stale;
      } else {
        ++c.translated;
      }
    }
    result.push_back(std::move(c));
  }
  return result;
}

std::string completeness_text(const LanguageCompleteness& c) {
  const Language* language = find_language(c.language);
  std::string text = c.language + " (" + (language ? language->name : c.language) + "): " +
                     std::to_string(c.translated) + " of " + plural(c.modules, "module") + " translated, " +
                     std::to_string(c.missing) + " missing, " + std::to_string(c.stale) + " stale";
  if (c.programs.empty()) return text + "; no program prints it";
  std::string names;
  for (const auto& id : c.programs) names += (names.empty() ? "" : ", ") + id;
  return text + "; printed by " + names;
}

}  // namespace iopplan
