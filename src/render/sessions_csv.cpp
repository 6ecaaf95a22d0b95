#include "iopplan/render/sessions_csv.hpp"

#include <iterator>

namespace iopplan {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string plan_to_csv(const Plan& plan, const Library& library) {
  std::string out = "date,start,end,minutes,group,track,module_id,title,version,objectives,facilitator,room\r\n";
  for (const auto& meeting : plan.meetings) {
    std::string group = group_name(plan, meeting.group);
    for (const auto& block : meeting.blocks) {
      if (block.module.empty()) continue;
      const Module* m = find_module(library, block.module);
      std::string objectives;
      if (m != nullptr) {
        for (const auto& objective : m->objectives) objectives += (objectives.empty() ? "" : "; ") + objective;
      }
      const std::string fields[] = {to_iso(meeting.date),
                                    clock_time(block.start),
                                    clock_time(block.start + block.minutes),
                                    std::to_string(block.minutes),
                                    group,
                                    block.track,
                                    block.module,
                                    m != nullptr ? m->title : block.module,
                                    block.module_version,
                                    objectives,
                                    "",
                                    ""};
      for (size_t i = 0; i < std::size(fields); ++i) out += (i == 0 ? "" : ",") + csv_field(fields[i]);
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace iopplan
