// Views: the values each template sees, built from the plan, the library and the organization.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/sequencing/plan.hpp"
#include "iopplan/render/site.hpp"
#include "render/template_engine.hpp"

namespace iopplan {

// html views carry Markdown rendered by cmark under *_html keys; md views carry it as written
// under *_md keys. Neither carries the other, so no template can put raw module text in a page.
enum class Flavor { html, md };

// A meeting with where its documents go.
struct MeetingEntry {
  const Meeting* meeting = nullptr;
  std::string folder;  // "week-01/2027-01-04" ("-2" added for a second meeting on one day)
};

struct ViewContext {
  const Plan& plan;
  const Library& library;
  const Organization& organization;
  const RenderOptions& options;
  int weeks = 0;                       // calendar_weeks(plan): week folders 1..weeks
  std::vector<MeetingEntry> meetings;  // plan order
  const std::map<std::string, Strings>& strings;  // by language (templates.hpp)
  std::map<std::string, int> copies{};  // handout copies per meeting in the print packet, by language
  std::string language = "en";         // of the document being rendered: handouts and packets change it
  bool has_html = false;
  bool has_md = false;
  bool has_pdf = false;
  // Built once per module and flavor, copied into each document that shows the module.
  std::map<std::string, MustacheData> module_views[2]{};
  std::map<std::string, MustacheData> handout_views[2]{};  // by "<language>:<module id>"
};

// The strings of `language` with {name} placeholders filled from `values`, as the view value `s`
// ("{{s.crisis.heading}}").
MustacheData strings_view(const ViewContext& ctx, const std::string& language,
                          const std::map<std::string, std::string>& values = {});

// One string of `language` with {name} placeholders filled.
std::string string_of(const ViewContext& ctx, const std::string& language, const std::string& key,
                      const std::map<std::string, std::string>& values = {});

// Checks what the views rely on (modules in the library with a translation for each language, weeks
// in range, one of module and activity per block) and fills ctx.meetings. False, with errors in `out`, when the plan is unusable.
bool prepare_views(ViewContext& ctx, Diagnostics& out);

// One view per document; each carries the organization, crisis lines and links back to the index.
MustacheData index_view(ViewContext& ctx, Flavor flavor);
// What the plan leaves out or repeats (plan_summary()), with module titles.
MustacheData summary_view(ViewContext& ctx, Flavor flavor);
MustacheData week_plan_view(ViewContext& ctx, int week, Flavor flavor);
MustacheData facilitator_guide_view(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor);
// Handouts in ctx.language.
MustacheData handouts_view(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor);
MustacheData print_packet_view(ViewContext& ctx, int week);
// A participant's journey card in ctx.language: each week of the stay with its sessions to check off.
MustacheData journey_card_view(ViewContext& ctx, const Journey& journey, Flavor flavor);

// "journey-cards/start-week-03": where a journey's card goes, before the language and extension.
std::string journey_card_stem(const Journey& journey);

// Pages printed once each and assembled into PDFs: one handout of one meeting in one language
// (print-handout), a meeting's sign-in sheet in the first language (print-sign-in), the back of a
// copy that ends on an odd page (print-blank).
MustacheData print_handout_view(ViewContext& ctx, const MeetingEntry& entry, const Module& m, const std::string& language);
MustacheData sign_in_view(ViewContext& ctx, const MeetingEntry& entry);
MustacheData blank_page_view(ViewContext& ctx);

}  // namespace iopplan
