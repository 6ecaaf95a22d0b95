// A meeting's patient handouts in one language, one copy of each.
#include "render/views.hpp"

#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

MustacheData handouts_view(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor) {
  const Meeting& meeting = *entry.meeting;
  std::map<std::string, std::string> values = {{"date", long_date(meeting.date, ctx.language)},
                                               {"week", std::to_string(meeting.week)}};
  MustacheData view =
      base_view(ctx, flavor, "../../", string_of(ctx, ctx.language, "document.handouts_title", values), false);
  view["s"] = strings_view(ctx, ctx.language, values);
  view["meeting"] = meeting_summary(ctx, entry, flavor, entry.folder);
  MustacheData handouts(MustacheData::type::list);
  for (const Module* m : meeting_modules(ctx, meeting)) handouts.push_back(handout_view(ctx, *m, flavor));
  view["has_handouts"] = MustacheData(!handouts.is_empty_list());
  view["handouts"] = std::move(handouts);
  return view;
}

MustacheData print_handout_view(ViewContext& ctx, const MeetingEntry& entry, const Module& m, const std::string& language) {
  std::string previous = ctx.language;
  ctx.language = language;
  const Translation* translation = find_translation(m, language);
  MustacheData view =
      base_view(ctx, Flavor::html, "../../", translation ? translation->handout.title : m.handout.title, false);
  MustacheData meeting = meeting_summary(ctx, entry, Flavor::html, entry.folder);
  meeting["handout"] = handout_view(ctx, m, Flavor::html);
  view["meeting"] = std::move(meeting);
  ctx.language = previous;
  return view;
}

}  // namespace iopplan
