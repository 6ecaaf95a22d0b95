#include "iopplan/render/site.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "iopplan/render/calendar_export.hpp"
#include "iopplan/render/sessions_csv.hpp"
#include "iopplan/curriculum/language.hpp"
#include "render/template_engine.hpp"
#include "render/view_parts.hpp"
#include "render/views.hpp"

namespace iopplan {
namespace {

bool wants(const RenderOptions& options, Format format) {
  return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
}

std::string in_folder(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

// The printable pages of a build, each distinct page once (undated handouts of one module are
// one page however many meetings use them).
std::string text_of(const MustacheData* value) { return value && value->is_string() ? value->string_value() : ""; }

class PrintBook {
 public:
  PrintBook(Site& site, TemplateRenderer& renderer, const TemplateSet& templates, bool large_print, Diagnostics& out)
      : site_(site), renderer_(renderer), out_(out), large_print_(large_print) {
    // A clinic's own header cannot be drawn as page-margin boxes.
    const TemplateFile* header = find_template(templates, "print-header.html.mustache");
    batch_headers_ = header && !header->overlay;
  }

  // The page `template_name` renders from `view`, with the header and footer rendered from the
  // same view; nullopt when a template fails.
  std::optional<size_t> page(const std::string& template_name, const MustacheData& view, bool header_footer = true) {
    PrintDocument document;
    document.fit = template_name == "print-handout.html.mustache";
    document.most_pages = document.fit && !large_print_ ? 2 : 0;
    auto html = renderer_.render(template_name, view, out_);
    if (!html) return std::nullopt;
    document.html = std::move(*html);
    if (header_footer) {
      auto header = renderer_.render("print-header.html.mustache", view, out_);
      auto footer = renderer_.render("print-footer.html.mustache", view, out_);
      if (!header || !footer) return std::nullopt;
      document.header_html = std::move(*header);
      document.footer_html = std::move(*footer);
      // Many of a kind and no script: sign-in sheets and guides (each with its own title, and no
      // named page of their own, so their header can be margin boxes) and journey cards (one title).
      bool own_titles = template_name == "print-sign-in.html.mustache" || template_name == "facilitator-guide.html.mustache";
      document.batchable = own_titles || template_name == "journey-card.html.mustache";
      if (own_titles && batch_headers_) {
        document.header_boxes = true;
        document.header_title = text_of(view.get("title"));
        const MustacheData* program = view.get("program");
        document.header_program = program && program->is_object() ? text_of(program->get("name")) : "";
        const MustacheData* large = view.get("large_print");
        document.header_large = large && large->is_true();
      }
    }
    std::string key = document.html + '\0' + document.header_html + '\0' + document.footer_html;
    if (auto it = seen_.find(key); it != seen_.end()) return it->second;
    site_.print_documents.push_back(std::move(document));
    seen_.emplace(std::move(key), site_.print_documents.size() - 1);
    return site_.print_documents.size() - 1;
  }

 private:
  Site& site_;
  TemplateRenderer& renderer_;
  Diagnostics& out_;
  bool large_print_;  // handouts may take more than 2 sides
  bool batch_headers_ = false;
  std::map<std::string, size_t> seen_;
};

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
  PrintBook book(site, renderer, templates, options.large_print, out);
  // A meeting's handouts in one language, one printed page each, shared by its handouts PDF and
  // its week's packet.
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> handout_pages;
  auto handouts_of = [&](const MeetingEntry& entry, const std::string& language) -> std::optional<std::vector<size_t>> {
    auto key = std::make_pair(entry.folder, language);
    if (auto it = handout_pages.find(key); it != handout_pages.end()) return it->second;
    std::vector<size_t> pages;
    for (const Module* m : meeting_modules(ctx, *entry.meeting)) {
      auto page = book.page("print-handout.html.mustache", print_handout_view(ctx, entry, *m, language));
      if (!page) return std::nullopt;
      pages.push_back(*page);
    }
    return handout_pages[key] = pages;
  };
  // The PDF of `document` in `folder` (`entry`: its meeting, `week`: its week); `html` is the
  // document's html when the page is the document itself.
  auto add_pdf = [&](Document document, const std::string& path, const std::string& title, const std::string& html_template,
                     const MustacheData& html_view, const MeetingEntry* entry, int week, const std::string& language) {
    PdfFile pdf{path, title, language, {}};
    if (document == Document::print_packet && !options.languages.empty()) pdf.language = options.languages.front();
    if (document == Document::handouts) {
      auto pages = handouts_of(*entry, language);
      if (!pages) return false;
      for (size_t page : *pages) pdf.parts.push_back({page, 1});
    } else if (document == Document::print_packet) {
      for (const auto& each : ctx.meetings) {
        if (each.meeting->week != week) continue;
        auto sign_in = book.page("print-sign-in.html.mustache", sign_in_view(ctx, each));
        if (!sign_in) return false;
        pdf.parts.push_back({*sign_in, 1});
        // Then the copies language by language, as in print-packet.html.
        for (const auto& each_language : options.languages) {
          auto pages = handouts_of(each, each_language);
          if (!pages) return false;
          for (size_t page : *pages) pdf.parts.push_back({page, ctx.copies.at(each_language)});
        }
      }
    } else {
      auto page = book.page(html_template, html_view);
      if (!page) return false;
      pdf.parts.push_back({*page, 1});
    }
    if (pdf.parts.empty()) return true;  // a week without meetings prints nothing
    size_t copies = 0;
    for (const auto& part : pdf.parts) copies += static_cast<size_t>(part.copies);
    if (copies > 1 && !site.blank_page) {
      auto blank = book.page("print-blank.html.mustache", blank_page_view(ctx), false);
      if (!blank) return false;
      site.blank_page = *blank;
    }
    site.pdfs.push_back(std::move(pdf));
    return true;
  };
  site.files.push_back({"plan.json", plan_json});
  // Exports for staff calendars and EHR group notes, in every build.
  auto calendar = plan_to_ics(plan, library, organization, out);
  if (!calendar) return std::nullopt;
  site.files.push_back({"calendar.ics", std::move(*calendar)});
  site.files.push_back({"sessions.csv", plan_to_csv(plan, library)});
  // Renders one document in every requested format the table lists for it; pdf reuses the html.
  // `language` names the file ("handouts.es.html"); `entry` and `week` say which meeting and week
  // a PDF assembles; `stem` replaces the document's usual name.
  auto render = [&](Document document, const std::string& folder, const std::function<MustacheData(Flavor)>& view,
                    const MeetingEntry* entry = nullptr, int week = 0, const std::string& language = "en",
                    const std::string& stem = "") {
    for (const auto& format : output_formats()) {
      if (format.document != document || !wants(options, format.format)) continue;
      std::string name = stem.empty() ? document_stem(document) : stem;
      std::string path = in_folder(folder, language_file_name(name, language, format.extension));
      if (format.format == Format::pdf) {
        MustacheData html_view = view(Flavor::html);
        const MustacheData* title = html_view.get("title");
        if (!add_pdf(document, path, title && title->is_string() ? title->string_value() : "", format.template_name,
                     html_view, entry, week, language)) {
          return false;
        }
        continue;
      }
      auto text = renderer.render(format.template_name, view(format.format == Format::md ? Flavor::md : Flavor::html), out);
      if (!text) return false;
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
                  [&](Flavor flavor) { return facilitator_guide_view(ctx, entry, flavor); }, &entry, week);
      for (const auto& language : options.languages) {
        ctx.language = language;
        ok = ok && render(Document::handouts, entry.folder,
                          [&](Flavor flavor) { return handouts_view(ctx, entry, flavor); }, &entry, week, language);
      }
      ctx.language = std::string(kModuleLanguage);
    }
    ok = ok && render(Document::print_packet, folder, [&](Flavor) { return print_packet_view(ctx, week); }, nullptr, week);
  }
  // Journey cards belong to the whole cycle, not a week: a --week build leaves them as they are.
  for (const auto& journey : plan.journeys) {
    if (!ok || options.only_week != 0) break;
    for (const auto& language : options.languages) {
      ctx.language = language;
      ok = ok && render(Document::journey_card, "", [&](Flavor flavor) { return journey_card_view(ctx, journey, flavor); },
                        nullptr, 0, language, journey_card_stem(journey));
    }
    ctx.language = std::string(kModuleLanguage);
  }
  if (!ok) return std::nullopt;
  return site;
}

}  // namespace iopplan
