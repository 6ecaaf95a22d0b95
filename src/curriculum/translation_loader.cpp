#include "curriculum/library_parts.hpp"
#include "curriculum/toml_reader.hpp"
#include "iopplan/base/spelling.hpp"
#include "iopplan/curriculum/language.hpp"

namespace iopplan {

std::optional<Translation> load_translation(const std::string& path, const std::string& text,
                                            const std::string& file_language, Diagnostics& out) {
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return std::nullopt;
  TableReader reader(*parsed.table, path, out);
  reader.set_quiet_missing(parsed.had_syntax_errors);

  Translation t;
  t.path = path;
  t.language = file_language;
  if (auto language = reader.string("language", Need::required)) {
    if (*language != file_language) {
      reader.error(reader.pos("language"), "language '" + *language + "' does not match the file name, which says '" +
                                               file_language + "'; rename one so they agree");
    }
  }
  if (auto version = reader.string("translates", Need::required)) {
    t.translates_pos = reader.pos("translates");
    if (is_version(*version)) {
      t.translates = *version;
    } else {
      reader.error(t.translates_pos, "translates '" + *version +
                                         "' must be the module version this text matches, MAJOR.MINOR.PATCH, e.g. \"1.0.0\"");
    }
  }
  t.title = reader.string("title", Need::required).value_or("");
  t.handout = read_handout(reader);
  reader.finish();
  return t;
}

}  // namespace iopplan
