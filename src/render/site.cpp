#include "iopplan/render/site.hpp"

#include <algorithm>
#include <functional>

#include "iopplan/render/calendar_export.hpp"
#include "iopplan/render/sessions_csv.hpp"
#include "iopplan/curriculum/language.hpp"
#include "render/template_engine.hpp"
#include "render/views.hpp"

namespace iopplan {
namespace {

bool wants(const RenderOptions& options, Format format) {
  return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
}

std::string in_folder(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

std::string language_file_name(const std::string& stem, const std::string& language, const std::string& extension) {
  return stem + (language == kModuleLanguage ? "" : "." + language) + extension;
}

std::optional<Site> render_site(const Plan& plan, const std::string& plan_json, const Library& library,
                                const Organization& organization, const TemplateSet& templates,
                                const RenderOptions& options, Diagnostics& out) {
  if (options.formats.empty()) {
    out.push_back(error_at("", {}, "no output format chosen; use html, md or pdf"));
    return std::nullopt;
  }
  ViewContext ctx{.plan = plan,
                  .library = library,
                  .organization = organization,
                  .options = options,
                  .weeks = calendar_weeks(plan),
                  .meetings = {},
                  .strings = templates.strings};
  ctx.has_html = wants(options, Format::html);
  ctx.has_md = wants(options, Format::md);
  ctx.has_pdf = wants(options, Format::pdf);
  for (const auto& language : options.languages) {
    auto given = options.copies_by_language.find(language);
    int copies = given != options.copies_by_language.end() ? given->second : options.copies;
    ctx.copies[language] = copies > 0 ? copies : std::max(plan.group_size, 1);
  }
  if (!prepare_views(ctx, out)) return std::nullopt;

  TemplateRenderer renderer(templates, options.limits);
  Site site;
  site.files.push_back({"plan.json", plan_json});
  // Exports for staff calendars and EHR group notes, in every build.
  auto calendar = plan_to_ics(plan, library, organization, out);
  if (!calendar) return std::nullopt;
  site.files.push_back({"calendar.ics", std::move(*calendar)});
  site.files.push_back({"sessions.csv", plan_to_csv(plan, library)});
  // Renders one document in every requested format the table lists for it; pdf reuses the html.
  // `language` names the file: "handouts.es.html"; `stem` replaces the document's usual name.
  auto render = [&](Document document, const std::string& folder, const std::function<MustacheData(Flavor)>& view,
                    const std::string& language = "en", const std::string& stem = "") {
    std::optional<std::string> html;
    for (const auto& format : output_formats()) {
      if (format.document != document || !wants(options, format.format)) continue;
      std::string name = stem.empty() ? document_stem(document) : stem;
      std::string path = in_folder(folder, language_file_name(name, language, format.extension));
      if (format.format == Format::pdf) {
        if (!html) html = renderer.render(format.template_name, view(Flavor::html), out);
        if (!html) return false;
        site.print_jobs.push_back({*html, path});
        continue;
      }
      auto text = renderer.render(format.template_name, view(format.format == Format::md ? Flavor::md : Flavor::html), out);
      if (!text) return false;
      if (format.format == Format::html) html = *text;
      site.files.push_back({path, std::move(*text)});
      ++site.documents;
    }
    return true;
  };

  // The order below is the order of the files in the site: index, summary, then week by week.
  bool ok = render(Document::index, "", [&](Flavor flavor) { return index_view(ctx, flavor); });
  ok = ok && render(Document::summary, "", [&](Flavor flavor) { return summary_view(ctx, flavor); });
  for (int week = 1; ok && week <= ctx.weeks; ++week) {
    if (options.only_week != 0 && week != options.only_week) continue;
    std::string folder = week_folder(week);
    ok = render(Document::week_plan, folder, [&](Flavor flavor) { return week_plan_view(ctx, week, flavor); });
    for (const auto& entry : ctx.meetings) {
      if (!ok || entry.meeting->week != week) continue;
      ok = render(Document::facilitator_guide, entry.folder,
                  [&](Flavor flavor) { return facilitator_guide_view(ctx, entry, flavor); });
      for (const auto& language : options.languages) {
        ctx.language = language;
        ok = ok && render(Document::handouts, entry.folder,
                          [&](Flavor flavor) { return handouts_view(ctx, entry, flavor); }, language);
      }
      ctx.language = std::string(kModuleLanguage);
    }
    ok = ok && render(Document::print_packet, folder, [&](Flavor) { return print_packet_view(ctx, week); });
  }
  // Journey cards belong to the whole cycle, not a week: a --week build leaves them as they are.
  for (const auto& journey : plan.journeys) {
    if (!ok || options.only_week != 0) break;
    for (const auto& language : options.languages) {
      ctx.language = language;
      ok = ok && render(Document::journey_card, "", [&](Flavor flavor) { return journey_card_view(ctx, journey, flavor); },
                        language, journey_card_stem(journey));
    }
    ctx.language = std::string(kModuleLanguage);
  }
  if (!ok) return std::nullopt;
  return site;
}

}  // namespace iopplan
