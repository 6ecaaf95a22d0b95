#include "iopplan/sequencing/plan_summary.hpp"

#include <map>

namespace iopplan {

PlanSummary plan_summary(const Plan& plan) {
  PlanSummary summary;
  summary.rolling = plan.admission == "rolling";
  summary.has_required = !plan.required.empty();
  std::map<std::string, std::vector<int>> missed;  // sorted by id
  for (const auto& journey : plan.journeys) {
    for (const auto& id : journey.required_missed) missed[id].push_back(journey.entry_week);
  }
  for (auto& [id, weeks] : missed) summary.required_missed.push_back({id, std::move(weeks)});
  summary.unused = plan.unused;
  summary.repeated = plan.repeated;
  for (const auto& term : plan.score_terms) {
    if (term.value > 0) summary.goals_missed.push_back(term.name);
  }
  return summary;
}

std::string plan_summary_text(const PlanSummary& summary) {
  std::string out = "\n";
  if (!summary.has_required) {
    out += "Required modules: none set (required and core_modules in [rules])\n";
  } else if (summary.required_missed.empty()) {
    out += summary.rolling ? "Required modules: every entry week meets them all\n" : "Required modules: all met\n";
  } else {
    out += "Required modules missed:";
    for (const auto& missed : summary.required_missed) {
      out += " " + missed.id;
      if (summary.rolling) {
        out += " (entry " + std::string(missed.entry_weeks.size() == 1 ? "week " : "weeks ");
        for (size_t i = 0; i < missed.entry_weeks.size(); ++i) out += (i ? ", " : "") + std::to_string(missed.entry_weeks[i]);
        out += ")";
      }
      out += ";";
    }
    out.back() = '\n';
  }
  const auto& unused = summary.unused;
  out += "Never scheduled: " + (unused.empty() ? std::string("none") : std::to_string(unused.size()) + " modules (");
  for (size_t i = 0; i < unused.size(); ++i) out += (i ? ", " : "") + unused[i];
  out += unused.empty() ? "\n" : ")\n";
  out += std::string(summary.rolling ? "Met more than once in one stay: " : "Met more than once: ");
  if (summary.repeated.empty()) out += "none";
  for (size_t i = 0; i < summary.repeated.size(); ++i) {
    out += (i ? ", " : "") + summary.repeated[i].first + " (" + std::to_string(summary.repeated[i].second) + " times)";
  }
  out += "\n";
  std::string goals;
  for (const auto& name : summary.goals_missed) goals += (goals.empty() ? "" : ", ") + name;
  out += "Soft goals not fully met: " + (goals.empty() ? std::string("none") : goals) + " (--explain for the score)\n";
  return out;
}

}  // namespace iopplan
