#include "curriculum/toml_reader.hpp"
#include "iopplan/curriculum/loader.hpp"
#include "curriculum/library_parts.hpp"
#include "iopplan/base/strings.hpp"

namespace iopplan {

std::vector<Track> load_tracks(const std::string& path, const std::string& text, Diagnostics& out) {
  std::vector<Track> tracks;
  ParsedToml parsed = parse_toml(path, text, out);
  if (!parsed.table) return tracks;
  TableReader top(*parsed.table, path, out);
  top.set_quiet_missing(parsed.had_syntax_errors);
  auto tables = top.tables("track", Need::required);
  top.finish();
  if (tables.empty() && !parsed.had_syntax_errors && top.node("track", Need::optional) != nullptr) {
    top.error(top.pos("track"), "no tracks defined; add at least one [[track]]");
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    TableReader reader = top.child(*tables[i], "track " + std::to_string(i + 1));
    Track track;
    track.pos = reader.table_pos();
    track.id = reader.string("id", Need::required).value_or("");
    if (!track.id.empty() && !is_kebab_case(track.id)) {
      reader.error(reader.pos("id"), "track id '" + track.id + "' must be lower-case kebab-case (a-z, 0-9 and single '-')");
    }
    for (const auto& earlier : tracks) {
      if (!track.id.empty() && earlier.id == track.id) {
        reader.error(reader.pos("id"), "duplicate track id '" + track.id + "' (first defined at line " +
                                           std::to_string(earlier.pos.line) + ")");
      }
    }
    track.title = reader.string("title", Need::required).value_or("");
    track.abbreviation = reader.string("abbreviation", Need::required).value_or("");
    if (track.abbreviation.size() > 4) {
      reader.error(reader.pos("abbreviation"), "abbreviation '" + track.abbreviation + "' is longer than 4 characters");
    }
    track.colour = reader.string("colour", Need::required).value_or("");
    if (!track.colour.empty() && !is_hex_color(track.colour)) {
      reader.error(reader.pos("colour"), "colour '" + track.colour + "' must look like \"#1f5f8b\"");
    }
    track.description = reader.string("description", Need::required).value_or("");
    reader.finish();
    tracks.push_back(std::move(track));
  }
  return tracks;
}

}  // namespace iopplan
