// A participant's journey card: the groups of their stay, week by week, with a box to check for each.
#include "render/views.hpp"

#include <cstdio>

#include "iopplan/base/strings.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

std::string journey_card_stem(const Journey& journey) {
  char text[48];
  std::snprintf(text, sizeof text, "journey-cards/start-week-%02d", journey.entry_week);
  return text;
}

MustacheData journey_card_view(ViewContext& ctx, const Journey& journey, Flavor flavor) {
  const std::string& language = ctx.language;
  std::map<std::string, std::string> values = {{"week", std::to_string(journey.entry_week)},
                                               {"date", long_date(journey.entry_date, language)}};
  MustacheData view = base_view(ctx, flavor, "../", string_of(ctx, language, "journey.title", values), false);
  view["s"] = strings_view(ctx, language, values);
  // Weeks of the stay count from the Monday-to-Sunday span the participant joins in, so the card
  // reads the same for anyone who starts in that week of the cycle.
  Date joins = add_days(ctx.plan.start, 7L * (journey.entry_week - 1));
  bool name_groups = has_several_groups(ctx.plan);
  MustacheData weeks(MustacheData::type::list);
  MustacheData sessions(MustacheData::type::list);
  int current = 0;
  // Printed in two columns: the weeks holding the first half of the sessions, then the rest.
  MustacheData columns(MustacheData::type::list);
  size_t done = 0;
  auto close_week = [&] {
    if (current == 0) return;
    MustacheData week;
    week["label"] = MustacheData(string_of(ctx, language, "journey.week", {{"week", std::to_string(current)}}));
    week["sessions"] = std::move(sessions);
    weeks.push_back(std::move(week));
    sessions = MustacheData(MustacheData::type::list);
    if (columns.is_empty_list() && 2 * done >= journey.attended.size()) {
      columns.push_back(MustacheData("weeks", std::move(weeks)));
      weeks = MustacheData(MustacheData::type::list);
    }
  };
  for (const auto& session : journey.attended) {
    int week = static_cast<int>(days_between(joins, session.date) / 7) + 1;
    if (week != current) close_week(), current = week;
    ++done;
    std::vector<std::string> topics;
    for (const auto& id : session.modules) {
      const Module* m = find_module(ctx.library, id);
      const Translation* translation = m != nullptr ? find_translation(*m, language) : nullptr;
      topics.push_back(translation ? translation->title : m != nullptr ? m->title : id);
    }
    std::string day = lower(weekday_name(weekday_of(session.date)));
    MustacheData item;
    item["day"] = MustacheData(string_of(ctx, language, "days." + day));
    item["topics"] = MustacheData(join(topics, "; "));
    item["has_group"] = MustacheData(name_groups);
    item["group"] = MustacheData(group_name(ctx.plan, session.group));
    sessions.push_back(std::move(item));
  }
  close_week();
  if (!weeks.is_empty_list()) columns.push_back(MustacheData("weeks", std::move(weeks)));
  MustacheData card;
  card["columns"] = std::move(columns);
  card["sessions"] = MustacheData(std::to_string(journey.attended.size()));
  // Several groups (longer rows) or a long stay: smaller rows, so the card still fits one page.
  card["dense"] = MustacheData(name_groups || journey.attended.size() > 48);
  view["card"] = std::move(card);
  return view;
}

}  // namespace iopplan
