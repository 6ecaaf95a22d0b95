// The plan summary page: what the plan leaves out or repeats, told with module titles.
#include "render/views.hpp"

#include "iopplan/base/strings.hpp"
#include "iopplan/sequencing/plan_summary.hpp"
#include "render/view_parts.hpp"

namespace iopplan {
namespace {

MustacheData module_item(const Library& library, const std::string& id) {
  MustacheData item;
  item["id"] = MustacheData(id);
  item["title"] = MustacheData(module_title(library, id));
  return item;
}

// "entry weeks 1, 2 and 5", "entry week 3"; a closed cohort is one journey.
std::string who_misses(const MissedModule& missed, bool rolling) {
  if (!rolling) return "the cohort";
  std::vector<std::string> weeks;
  for (int week : missed.entry_weeks) weeks.push_back(std::to_string(week));
  std::string last = weeks.back();
  weeks.pop_back();
  return (weeks.empty() ? "entry week " : "entry weeks " + join(weeks, ", ") + " and ") + last;
}

}  // namespace

MustacheData summary_view(ViewContext& ctx, Flavor flavor) {
  const Plan& plan = ctx.plan;
  const PlanSummary summary = plan_summary(plan);
  std::string name = plan.program_name.empty() ? plan.program : plan.program_name;
  MustacheData view = base_view(ctx, flavor, "", name + ": plan summary", true);
  view["index_link"] = MustacheData("index" + ext(flavor));
  view["rolling"] = MustacheData(summary.rolling);
  view["has_required"] = MustacheData(summary.has_required);
  view["all_met"] = MustacheData(summary.has_required && summary.required_missed.empty());
  MustacheData missed(MustacheData::type::list);
  for (const auto& m : summary.required_missed) {
    MustacheData item = module_item(ctx.library, m.id);
    item["who"] = MustacheData(who_misses(m, summary.rolling));
    missed.push_back(item);
  }
  view["has_missed"] = MustacheData(!summary.required_missed.empty());
  view["missed"] = std::move(missed);
  MustacheData unused(MustacheData::type::list);
  for (const auto& id : summary.unused) unused.push_back(module_item(ctx.library, id));
  view["has_unused"] = MustacheData(!summary.unused.empty());
  view["unused_count"] = MustacheData(plural(summary.unused.size(), "module"));
  view["unused"] = std::move(unused);
  MustacheData repeated(MustacheData::type::list);
  for (const auto& [id, times] : summary.repeated) {
    MustacheData item = module_item(ctx.library, id);
    item["times"] = MustacheData(std::to_string(times));
    repeated.push_back(item);
  }
  view["has_repeated"] = MustacheData(!summary.repeated.empty());
  view["repeated"] = std::move(repeated);
  view["has_goals_missed"] = MustacheData(!summary.goals_missed.empty());
  view["goals_missed"] = list_of(summary.goals_missed);
  return view;
}

}  // namespace iopplan
