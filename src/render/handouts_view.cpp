// A meeting's patient handouts, one copy of each.
#include "render/views.hpp"

#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

MustacheData handouts_view(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor) {
  MustacheData view = base_view(ctx, flavor, "../../", "Handouts: " + long_date(entry.meeting->date), false);
  view["meeting"] = meeting_summary(ctx, entry, flavor, entry.folder);
  MustacheData handouts(MustacheData::type::list);
  for (const Module* m : meeting_modules(ctx, *entry.meeting)) handouts.push_back(handout_view(ctx, *m, flavor));
  view["has_handouts"] = MustacheData(!handouts.is_empty_list());
  view["handouts"] = std::move(handouts);
  return view;
}

}  // namespace iopplan
