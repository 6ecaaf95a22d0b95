#include "render/views.hpp"

#include <map>
#include <set>

#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

std::string week_folder(int week) {
  char text[32];
  std::snprintf(text, sizeof text, "week-%02d", week);
  return text;
}

std::string default_output_dir(const Plan& plan) {
  return "output/" + (plan.program.empty() ? std::string("plan") : plan.program) + "-" + to_iso(plan.start);
}

bool prepare_views(ViewContext& ctx, Diagnostics& out) {
  const Plan& plan = ctx.plan;
  size_t errors = static_cast<size_t>(count(out, Severity::error));
  if (plan.weeks < 1) out.push_back(error_at("", {}, "the plan has no weeks"));
  if (ctx.options.only_week != 0 && (ctx.options.only_week < 1 || ctx.options.only_week > ctx.weeks)) {
    out.push_back(usage_error("week " + std::to_string(ctx.options.only_week) + " is not in the plan (it has " +
                                       std::to_string(ctx.weeks) + (ctx.weeks == 1 ? " week)" : " weeks)")));
  }
  std::map<std::string, int> per_day;
  std::set<std::string> reported;
  for (const auto& meeting : plan.meetings) {
    std::string when = to_iso(meeting.date);
    if (meeting.week < 1) {
      out.push_back(error_at("", {}, "the meeting on " + when + " is in week " + std::to_string(meeting.week) +
                                         "; weeks start at 1"));
      continue;
    }
    for (const auto& block : meeting.blocks) {
      std::string at = "the block at " + clock_time(block.start) + " on " + when;
      if (block.module.empty() == block.activity.empty()) {
        out.push_back(error_at("", {}, at + " must have exactly one of a module and an activity"));
        continue;
      }
      if (block.module.empty()) continue;
      const Module* m = find_module(ctx.library, block.module);
      if (m == nullptr) {
        if (reported.insert(block.module).second) {
          out.push_back(error_at(ctx.library.root, {}, "the plan uses module '" + block.module +
                                                           "', which is not in the library (" + at + ")"));
        }
      } else if (!block.module_version.empty() && block.module_version != m->version &&
                 reported.insert(block.module + "@" + block.module_version).second) {
        out.push_back(warning_at(m->path, m->id_pos, "the plan was made with version " + block.module_version +
                                                         " of '" + m->id + "'; rendering version " + m->version));
      }
    }
    int n = ++per_day[when];
    ctx.meetings.push_back({&meeting, week_folder(meeting.week) + "/" + when + (n > 1 ? "-" + std::to_string(n) : "")});
  }
  return static_cast<size_t>(count(out, Severity::error)) == errors;
}

}  // namespace iopplan
