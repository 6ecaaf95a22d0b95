#include "iopplan/render/catalog.hpp"

#include <cstdio>

#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/language.hpp"
#include "iopplan/curriculum/readability.hpp"
#include "iopplan/render/markdown.hpp"
#include "iopplan/render/prerequisite_graph.hpp"
#include "render/template_engine.hpp"
#include "render/view_parts.hpp"

namespace iopplan {
namespace {

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string module_link(const std::string& root, const std::string& id) { return root + "modules/" + id + ".html"; }

MustacheData titled_links(const Library& library, const std::vector<std::string>& ids, const std::string& root) {
  MustacheData list(MustacheData::type::list);
  for (const auto& id : ids) {
    MustacheData item;
    item["title"] = MustacheData(module_title(library, id));
    item["link"] = MustacheData(module_link(root, id));
    list.push_back(item);
  }
  return list;
}

// The catalog row of a module: what the filters and the table read.
MustacheData module_row(const ViewContext& ctx, const Module& m) {
  MustacheData row;
  row["id"] = MustacheData(m.id);
  row["title"] = MustacheData(m.title);
  row["link"] = MustacheData(module_link("", m.id));
  set_track(row, ctx.library, m.track);
  row["track"] = MustacheData(m.track);
  row["phase"] = MustacheData(phase_name(m.phase));
  row["group_type"] = MustacheData(group_type_name(m.group_type));
  row["minutes"] = MustacheData(std::to_string(m.duration_minutes));
  row["grade"] = MustacheData(one_decimal(flesch_kincaid_grade(handout_stats(m.handout))));
  row["languages"] = MustacheData(join(handout_languages(m), ", "));
  row["prerequisites"] = titled_links(ctx.library, m.prerequisites, "");
  row["has_prerequisites"] = MustacheData(!m.prerequisites.empty());
  row["search"] = MustacheData(lower(m.id + " " + m.title + " " + m.summary));
  return row;
}

MustacheData choices(const std::vector<std::string>& names) {
  MustacheData list(MustacheData::type::list);
  for (const auto& name : names) list.push_back(MustacheData("name", MustacheData(name)));
  return list;
}

MustacheData program_view(const Library& library, const Program& p) {
  MustacheData view;
  view["id"] = MustacheData(p.id);
  view["name"] = MustacheData(p.name);
  view["weeks"] = MustacheData(std::to_string(p.weeks));
  view["admission"] = MustacheData(admission_name(p.admission));
  view["days"] = MustacheData(meeting_days_text(p));
  view["start"] = MustacheData(clock_time(p.start_time));
  view["minutes"] = MustacheData(std::to_string(p.meeting_minutes));
  view["group_size"] = MustacheData(std::to_string(p.group_size));
  view["level_of_care"] = MustacheData(p.level_of_care.empty() ? std::string("none given") : p.level_of_care);
  MustacheData blocks(MustacheData::type::list);
  for (const auto& block : p.blocks) {
    MustacheData item;
    item["name"] = MustacheData(block.is_content() ? block.slot : block.activity);
    item["minutes"] = MustacheData(std::to_string(block.minutes));
    item["is_content"] = MustacheData(block.is_content());
    std::vector<std::string> filters = block.tracks;
    for (GroupType type : block.group_types) filters.push_back(group_type_name(type));
    item["filters"] = MustacheData(join(filters, ", "));
    item["has_filters"] = MustacheData(!filters.empty());
    item["has_guidance"] = MustacheData(!block.guidance.empty());
    item["guidance_html"] = MustacheData(block.guidance.empty() ? std::string() : markdown_to_html(block.guidance));
    blocks.push_back(item);
  }
  view["blocks"] = std::move(blocks);
  std::vector<std::string> required;
  for (const auto& ref : p.required) required.push_back(ref.id);
  view["required"] = titled_links(library, required, "");
  view["has_required"] = MustacheData(!required.empty());
  MustacheData limits(MustacheData::type::list);
  for (const auto& limit : p.limits) {
    std::vector<std::string> parts;
    if (limit.min_per_cycle >= 0) parts.push_back("at least " + std::to_string(limit.min_per_cycle) + " per cycle");
    if (limit.max_per_cycle >= 0) parts.push_back("at most " + std::to_string(limit.max_per_cycle) + " per cycle");
    if (limit.min_per_week >= 0) parts.push_back("at least " + std::to_string(limit.min_per_week) + " a week");
    if (limit.max_per_week >= 0) parts.push_back("at most " + std::to_string(limit.max_per_week) + " a week");
    const Track* track = find_track(library, limit.track);
    MustacheData item;
    item["track"] = MustacheData(track ? track->title : limit.track);
    item["rule"] = MustacheData(join(parts, ", "));
    limits.push_back(item);
  }
  view["has_limits"] = MustacheData(!limits.is_empty_list());
  view["limits"] = std::move(limits);
  return view;
}

MustacheData coverage_view(const Library& library, const AnchorMap& map) {
  MustacheData sources(MustacheData::type::list);
  for (const auto& source : map.sources) {
    MustacheData item;
    item["id"] = MustacheData(source.id);
    item["title"] = MustacheData(source.title);
    MustacheData rows(MustacheData::type::list);
    int covered = 0;
    for (const auto& row : source.rows) {
      MustacheData r;
      r["anchor"] = MustacheData(row.anchor);
      r["topic"] = MustacheData(row.topic);
      bool known = !row.module.empty() && find_module(library, row.module) != nullptr;
      covered += known ? 1 : 0;
      r["covered"] = MustacheData(known);
      r["module_title"] = MustacheData(known ? module_title(library, row.module) : row.module);
      r["link"] = MustacheData(module_link("", row.module));
      r["note"] = MustacheData(row.note.empty() && !known ? "not covered" : row.note);
      rows.push_back(r);
    }
    item["rows"] = std::move(rows);
    item["summary"] = MustacheData(std::to_string(covered) + " of " + std::to_string(source.rows.size()) + " covered");
    sources.push_back(item);
  }
  return sources;
}

}  // namespace

std::optional<Site> render_catalog(const Library& library, const std::vector<Program>& programs,
                                   const Organization& organization, const std::optional<AnchorMap>& anchors,
                                   const TemplateSet& templates, Diagnostics& out) {
  // The shared document parts expect a plan; the catalog's stands for the library itself.
  Plan plan;
  plan.program = "library";
  plan.program_name = "Curriculum library";
  RenderOptions options;
  ViewContext ctx{.plan = plan,
                  .library = library,
                  .organization = organization,
                  .options = options,
                  .weeks = 0,
                  .meetings = {},
                  .strings = templates.strings};
  ctx.has_html = true;
  TemplateRenderer renderer(templates, options.limits);
  Site site;
  auto render = [&](const std::string& template_name, const std::string& path, const MustacheData& view) {
    auto text = renderer.render(template_name, view, out);
    if (text) site.files.push_back({path, std::move(*text)}), ++site.documents;
    return text.has_value();
  };

  auto svg = prerequisite_svg(library, out);
  MustacheData index = base_view(ctx, Flavor::html, "", "Library catalog", true);
  MustacheData rows(MustacheData::type::list);
  for (const auto& m : library.modules) rows.push_back(module_row(ctx, m));
  index["modules"] = std::move(rows);
  index["module_count"] = MustacheData(std::to_string(library.modules.size()));
  MustacheData tracks(MustacheData::type::list);
  for (const auto& track : library.tracks) {
    MustacheData item;
    item["id"] = MustacheData(track.id);
    item["title"] = MustacheData(track.title);
    tracks.push_back(item);
  }
  index["tracks"] = std::move(tracks);
  index["phases"] = choices(phase_names());
  index["group_types"] = choices(group_type_names());
  index["has_graph"] = MustacheData(svg.has_value());
  index["has_coverage"] = MustacheData(anchors.has_value());
  if (!render("catalog.html.mustache", "index.html", index)) return std::nullopt;

  for (const auto& m : library.modules) {
    MustacheData view = base_view(ctx, Flavor::html, "../", m.title, true);
    MustacheData module = module_view(ctx, m, Flavor::html);
    module["agenda"] = agenda_view(m, 0, true);
    view["module"] = std::move(module);
    view["row"] = module_row(ctx, m);
    view["prerequisites"] = titled_links(library, m.prerequisites, "");
    view["has_prerequisites"] = MustacheData(!m.prerequisites.empty());
    view["anchors"] = list_of(m.anchors);
    view["has_anchors"] = MustacheData(!m.anchors.empty());
    view["handout"] = handout_view(ctx, m, Flavor::html);
    if (!render("catalog-module.html.mustache", "modules/" + m.id + ".html", view)) return std::nullopt;
  }

  if (svg) {
    site.files.push_back({"prerequisites.svg", std::move(*svg)});
    if (!render("catalog-graph.html.mustache", "prerequisites.html",
                base_view(ctx, Flavor::html, "", "Prerequisites", true))) {
      return std::nullopt;
    }
  }
  if (anchors) {
    MustacheData view = base_view(ctx, Flavor::html, "", "Coverage of published session topics", true);
    view["sources"] = coverage_view(library, *anchors);
    if (!render("catalog-coverage.html.mustache", "coverage.html", view)) return std::nullopt;
  }
  MustacheData view = base_view(ctx, Flavor::html, "", "Programs", true);
  MustacheData list(MustacheData::type::list);
  for (const auto& p : programs) {
    if (p.groups.empty()) list.push_back(program_view(library, p));
    // A program with groups: one entry per group, each with its own days, times and template.
    for (const auto& group : p.groups) {
      Program entry = group;
      entry.name = p.name + ": " + group.name;
      entry.weeks = p.weeks;
      list.push_back(program_view(library, entry));
    }
  }
  view["programs"] = std::move(list);
  if (!render("catalog-programs.html.mustache", "programs.html", view)) return std::nullopt;
  return site;
}

}  // namespace iopplan
