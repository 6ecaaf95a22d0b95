// A week's print packet: per meeting a sign-in sheet and the handout copies.
#include "render/views.hpp"

#include <algorithm>
#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

MustacheData print_packet_view(ViewContext& ctx, int week) {
  MustacheData view = base_view(ctx, Flavor::html, "../", "Print packet: week " + std::to_string(week), true);
  view["week"] = MustacheData("number", MustacheData(std::to_string(week)));
  view["copies"] = MustacheData(std::to_string(ctx.copies));
  MustacheData meetings(MustacheData::type::list);
  for (const auto& entry : ctx.meetings) {
    if (entry.meeting->week != week) continue;
    MustacheData item = meeting_summary(ctx, entry, Flavor::html, week_folder(week));
    MustacheData lines(MustacheData::type::list);
    for (int i = 1; i <= std::max(ctx.plan.group_size, 1); ++i) {
      lines.push_back(MustacheData("number", MustacheData(std::to_string(i))));
    }
    item["sign_in_lines"] = std::move(lines);
    std::vector<std::string> topics;
    MustacheData copies(MustacheData::type::list);
    for (const Module* m : meeting_modules(ctx, *entry.meeting)) {
      topics.push_back(m->title);
      MustacheData handout = handout_view(ctx, *m, Flavor::html);
      for (int c = 0; c < ctx.copies; ++c) copies.push_back(handout);
    }
    item["topic_list"] = MustacheData(join(topics, "; "));
    item["handout_copies"] = std::move(copies);
    meetings.push_back(item);
  }
  view["meetings"] = std::move(meetings);
  return view;
}

}  // namespace iopplan
