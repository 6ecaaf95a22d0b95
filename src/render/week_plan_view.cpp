// A week's plan for facilitators: meetings, materials and days without group.
#include "render/views.hpp"

#include <algorithm>
#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

MustacheData week_plan_view(ViewContext& ctx, int week, Flavor flavor) {
  std::string folder = week_folder(week);
  MustacheData view = base_view(ctx, flavor, "../", "Week " + std::to_string(week) + " plan", true);
  MustacheData info = packet_links(ctx, week, folder);
  info["number"] = MustacheData(std::to_string(week));
  info["dates"] = MustacheData(week_dates(ctx, week));
  info["hours"] = MustacheData(hours_text(week_hours(ctx, week)));
  view["week"] = std::move(info);
  view["copies"] = MustacheData(copies_text(ctx));
  MustacheData meetings(MustacheData::type::list);
  for (const auto& entry : ctx.meetings) {
    if (entry.meeting->week != week) continue;
    MustacheData item = meeting_summary(ctx, entry, flavor, folder);
    std::vector<std::string> materials;
    for (const Module* m : meeting_modules(ctx, *entry.meeting)) {
      for (const auto& material : m->materials) {
        if (std::find(materials.begin(), materials.end(), material) == materials.end()) materials.push_back(material);
      }
    }
    item["materials"] = list_of(materials);
    item["has_materials"] = MustacheData(!materials.empty());
    meetings.push_back(item);
  }
  view["has_meetings"] = MustacheData(!meetings.is_empty_list());
  view["meetings"] = std::move(meetings);
  MustacheData skipped = skipped_list(ctx, week);
  view["has_skipped"] = MustacheData(!skipped.is_empty_list());
  view["skipped"] = std::move(skipped);
  return view;
}

}  // namespace iopplan
