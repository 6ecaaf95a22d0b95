// A meeting's facilitator guide: every block with its module, agenda and notes.
#include "render/views.hpp"

#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

MustacheData facilitator_guide_view(ViewContext& ctx, const MeetingEntry& entry, Flavor flavor) {
  MustacheData view = base_view(ctx, flavor, "../../", "Facilitator guide: " + long_date(entry.meeting->date), true);
  view["meeting"] = meeting_summary(ctx, entry, flavor, entry.folder);
  MustacheData blocks(MustacheData::type::list);
  for (const auto& block : entry.meeting->blocks) blocks.push_back(block_view(ctx, block, flavor, true));
  view["blocks"] = std::move(blocks);
  return view;
}

}  // namespace iopplan
