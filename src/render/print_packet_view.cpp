// A week's print packet: per meeting a sign-in sheet, then the handout copies language by language;
// and the pages a printed packet is assembled from (sign-in sheet, blank back page).
#include "render/views.hpp"

#include <algorithm>
#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/language.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

namespace {

// The sign-in sheet has room for newcomers beyond the group size.
constexpr int kSpareSignInRows = 4;

// Sign-in sheets and the packet's own pages are in the first handout language.
std::string packet_language(const ViewContext& ctx) {
  return ctx.options.languages.empty() ? std::string(kModuleLanguage) : ctx.options.languages.front();
}

// One meeting as the sign-in sheet and the packet see it (in ctx.language): the numbered sign-in
// rows and the topics.
MustacheData packet_meeting(ViewContext& ctx, const MeetingEntry& entry, int week) {
  MustacheData item = meeting_summary(ctx, entry, Flavor::html, week_folder(week));
  MustacheData lines(MustacheData::type::list);
  for (int i = 1; i <= std::max(ctx.plan.group_size, 1) + kSpareSignInRows; ++i) {
    lines.push_back(MustacheData("number", MustacheData(std::to_string(i))));
  }
  item["sign_in_lines"] = std::move(lines);
  std::vector<std::string> topics;
  for (const Module* m : meeting_modules(ctx, *entry.meeting)) {
    const Translation* translation = find_translation(*m, ctx.language);
    topics.push_back(translation ? translation->title : m->title);
  }
  item["topic_list"] = MustacheData(join(topics, "; "));
  return item;
}

}  // namespace

MustacheData sign_in_view(ViewContext& ctx, const MeetingEntry& entry) {
  int week = entry.meeting->week;
  ctx.language = packet_language(ctx);
  std::map<std::string, std::string> values = {{"week", std::to_string(week)},
                                               {"date", long_date(entry.meeting->date, ctx.language)}};
  MustacheData view = base_view(ctx, Flavor::html, "../", string_of(ctx, ctx.language, "print.sign_in_title", values), true);
  view["s"] = strings_view(ctx, ctx.language, values);
  view["week"] = MustacheData("number", MustacheData(std::to_string(week)));
  view["meeting"] = packet_meeting(ctx, entry, week);
  ctx.language = std::string(kModuleLanguage);
  return view;
}

MustacheData blank_page_view(ViewContext& ctx) {
  ctx.language = packet_language(ctx);
  MustacheData view = base_view(ctx, Flavor::html, "", string_of(ctx, ctx.language, "print.blank"), false);
  ctx.language = std::string(kModuleLanguage);
  return view;
}

MustacheData print_packet_view(ViewContext& ctx, int week) {
  ctx.language = packet_language(ctx);
  MustacheData view = base_view(ctx, Flavor::html, "../", "Print packet: week " + std::to_string(week), true);
  view["s"] = strings_view(ctx, ctx.language, {{"week", std::to_string(week)}});
  view["week"] = MustacheData("number", MustacheData(std::to_string(week)));
  view["copies"] = MustacheData(copies_text(ctx));
  MustacheData meetings(MustacheData::type::list);
  for (const auto& entry : ctx.meetings) {
    if (entry.meeting->week != week) continue;
    MustacheData item = packet_meeting(ctx, entry, week);
    // One section per language, each handout with its own language, strings and date.
    std::string sign_in_language = ctx.language;
    MustacheData copies(MustacheData::type::list);
    for (const auto& language : ctx.options.languages) {
      ctx.language = language;
      for (const Module* m : meeting_modules(ctx, *entry.meeting)) {
        MustacheData handout = handout_view(ctx, *m, Flavor::html);
        handout["date"] = MustacheData(long_date(entry.meeting->date, language));
        for (int c = 0; c < ctx.copies.at(language); ++c) copies.push_back(handout);
      }
    }
    ctx.language = sign_in_language;
    item["handout_copies"] = std::move(copies);
    meetings.push_back(item);
  }
  view["meetings"] = std::move(meetings);
  ctx.language = std::string(kModuleLanguage);
  return view;
}

}  // namespace iopplan
