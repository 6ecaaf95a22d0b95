// The program at a glance: calendar, legend, coverage and the weeks.
#include "render/views.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include "iopplan/base/strings.hpp"
#include "iopplan/curriculum/language.hpp"
#include "render/view_parts.hpp"

namespace iopplan {

namespace {

// "a <- b" from the coverage table, told in titles.
std::string order_problem(const Library& library, const std::string& pair) {
  constexpr std::string_view kArrow = " <- ";
  size_t arrow = pair.find(kArrow);
  if (arrow == std::string::npos) return pair;
  std::string module = pair.substr(0, arrow);
  std::string prerequisite = pair.substr(arrow + kArrow.size());
  return module_title(library, module) + " came before " + module_title(library, prerequisite);
}

MustacheData calendar_view(ViewContext& ctx, Flavor flavor) {
  const Plan& plan = ctx.plan;
  struct Cell {
    Date date;
    const MeetingEntry* entry = nullptr;
    const SkippedDay* skipped = nullptr;
  };
  std::vector<std::vector<Cell>> rows(static_cast<size_t>(std::max(ctx.weeks, 0)));
  for (const auto& entry : ctx.meetings) rows[entry.meeting->week - 1].push_back({entry.meeting->date, &entry, nullptr});
  for (const auto& skipped : plan.skipped) {
    if (skipped.week >= 1 && skipped.week <= ctx.weeks) rows[skipped.week - 1].push_back({skipped.date, nullptr, &skipped});
  }
  // Columns are weekdays (and, with groups, a weekday's groups in time order) when no week has two
  // meetings in one column (the usual case), so a skipped Monday sits under Monday, in every
  // Monday column; otherwise they are the week's first, second, ... meeting day.
  using Column = std::tuple<int, int, std::string>;  // weekday, start, group ("" for a closed day)
  std::map<std::string, std::string> group_names;
  for (const auto& group : plan.groups) group_names[group.id] = group.name;
  // With groups, a closed day is not a column of its own: it spans its weekday's columns.
  auto spans = [&](const Cell& cell) { return cell.skipped != nullptr && !plan.groups.empty(); };
  auto column_of = [&](const Cell& cell) {
    int day = static_cast<int>(weekday_of(cell.date));
    if (cell.entry == nullptr || plan.groups.empty()) return Column{day, 0, ""};
    return Column{day, cell.entry->meeting->start, cell.entry->meeting->group};
  };
  bool by_weekday = true;
  std::set<Column> column_set;
  std::set<int> meeting_weekdays;
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(), [](const Cell& a, const Cell& b) { return a.date < b.date; });
    std::set<Column> seen;
    for (const auto& cell : row) {
      if (spans(cell)) continue;
      by_weekday = by_weekday && seen.insert(column_of(cell)).second;
      column_set.insert(column_of(cell));
      meeting_weekdays.insert(std::get<0>(column_of(cell)));
    }
  }
  for (auto& row : rows) {
    for (const auto& cell : row) {
      int day = static_cast<int>(weekday_of(cell.date));
      if (spans(cell) && !meeting_weekdays.count(day)) column_set.insert(Column{day, 0, ""});
    }
  }
  std::vector<Column> column_keys(column_set.begin(), column_set.end());
  size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  if (by_weekday) columns = column_keys.size();
  // The cells of one week laid out in columns; nullptr where the week has nothing. A closed day
  // fills every column of its weekday that has no meeting that week.
  auto layout = [&](const std::vector<Cell>& row) {
    std::vector<const Cell*> placed(columns, nullptr);
    for (size_t i = 0; i < row.size(); ++i) {
      if (!by_weekday) {
        placed[i] = &row[i];
        continue;
      }
      if (spans(row[i])) continue;
      auto it = std::find(column_keys.begin(), column_keys.end(), column_of(row[i]));
      placed[static_cast<size_t>(it - column_keys.begin())] = &row[i];
    }
    for (const auto& cell : row) {
      if (!by_weekday || !spans(cell)) continue;
      for (size_t c = 0; c < columns; ++c) {
        if (std::get<0>(column_keys[c]) == static_cast<int>(weekday_of(cell.date)) && placed[c] == nullptr) placed[c] = &cell;
      }
    }
    return placed;
  };
  MustacheData headers(MustacheData::type::list);
  for (size_t c = 0; c < columns; ++c) {
    std::string label = "Day " + std::to_string(c + 1);
    if (by_weekday) {
      const auto& [day, start, group] = column_keys[c];
      label = weekday_name(static_cast<Weekday>(day));
      if (!group.empty()) label += " " + clock_time(start) + ": " + group_names[group];
    }
    headers.push_back(MustacheData("label", MustacheData(label)));
  }
  MustacheData weeks(MustacheData::type::list);
  for (size_t w = 0; w < rows.size(); ++w) {
    int week = static_cast<int>(w) + 1;
    MustacheData row;
    row["number"] = MustacheData(std::to_string(week));
    row["dates"] = MustacheData(week_dates(ctx, week));
    row["plan_link"] = MustacheData(week_folder(week) + "/plan" + ext(flavor));
    double hours = week_hours(ctx, week);
    row["hours"] = MustacheData(hours_text(hours));
    row["below_minimum"] = MustacheData(plan.min_weekly_hours > 0 && hours + 1e-9 < plan.min_weekly_hours);
    MustacheData cells(MustacheData::type::list);
    for (const Cell* placed : layout(rows[w])) {
      MustacheData cell;
      bool has = placed != nullptr;
      cell["empty"] = MustacheData(!has);
      cell["is_meeting"] = MustacheData(has && placed->entry != nullptr);
      cell["is_skipped"] = MustacheData(has && placed->skipped != nullptr);
      if (has) {
        const Cell& source = *placed;
        cell["short_date"] = MustacheData(short_date(source.date));
        if (source.skipped) cell["reason"] = MustacheData(source.skipped->reason);
        if (source.entry) {
          cell["guide_link"] = MustacheData(source.entry->folder + "/facilitator-guide" + ext(flavor));
          MustacheData blocks(MustacheData::type::list);
          std::vector<std::string> names;
          for (const auto& block : source.entry->meeting->blocks) {
            if (block.module.empty()) continue;
            blocks.push_back(block_view(ctx, block, flavor, false));
            const Module& m = module_of(ctx, block);
            const Track* track = find_track(ctx.library, m.track);
            names.push_back((track ? track->abbreviation : std::string("?")) + ": " + m.title);
          }
          cell["blocks"] = std::move(blocks);
          cell["block_list"] = MustacheData(join(names, "; "));
        }
      }
      cells.push_back(cell);
    }
    row["cells"] = std::move(cells);
    weeks.push_back(row);
  }
  MustacheData calendar;
  calendar["columns"] = std::move(headers);
  calendar["weeks"] = std::move(weeks);
  return calendar;
}

MustacheData legend_view(const ViewContext& ctx) {
  std::set<std::string> used;
  for (const auto& entry : ctx.meetings) {
    for (const auto& block : entry.meeting->blocks) {
      if (!block.module.empty()) used.insert(module_of(ctx, block).track);
    }
  }
  MustacheData legend(MustacheData::type::list);
  for (const auto& track : ctx.library.tracks) {
    if (!used.count(track.id)) continue;
    MustacheData item;
    set_track(item, ctx.library, track.id);
    item["description"] = MustacheData(track.description);
    legend.push_back(item);
  }
  return legend;
}

MustacheData coverage_view(const ViewContext& ctx) {
  MustacheData rows(MustacheData::type::list);
  int complete = 0;
  for (const auto& row : ctx.plan.coverage) {
    MustacheData item;
    item["entry_week"] = MustacheData(std::to_string(row.entry_week));
    item["modules_seen"] = MustacheData(std::to_string(row.modules_seen));
    std::vector<std::string> missing;
    for (const auto& id : row.core_missing) missing.push_back(module_title(ctx.library, id));
    std::vector<std::string> order;
    for (const auto& pair : row.out_of_order) order.push_back(order_problem(ctx.library, pair));
    item["missing"] = list_of(missing);
    item["missing_text"] = MustacheData(join(missing, "; "));
    item["out_of_order_text"] = MustacheData(join(order, "; "));
    item["has_missing"] = MustacheData(!missing.empty());
    item["out_of_order"] = list_of(order);
    item["has_out_of_order"] = MustacheData(!order.empty());
    bool ok = missing.empty() && order.empty();
    item["complete"] = MustacheData(ok);
    complete += ok ? 1 : 0;
    rows.push_back(item);
  }
  MustacheData coverage;
  coverage["has_rows"] = MustacheData(!ctx.plan.coverage.empty());
  coverage["rows"] = std::move(rows);
  coverage["complete_count"] = MustacheData(std::to_string(complete));
  coverage["row_count"] = MustacheData(std::to_string(ctx.plan.coverage.size()));
  return coverage;
}

// A card per entry week, in each handout language (a --week build writes none, so links none).
MustacheData journey_cards_view(const ViewContext& ctx, Flavor flavor) {
  MustacheData cards(MustacheData::type::list);
  if (ctx.options.only_week != 0) return cards;
  for (const auto& journey : ctx.plan.journeys) {
    MustacheData card;
    card["entry_week"] = MustacheData(std::to_string(journey.entry_week));
    card["date"] = MustacheData(long_date(journey.entry_date));
    card["sessions"] = MustacheData(std::to_string(journey.attended.size()));
    MustacheData links(MustacheData::type::list);
    for (const auto& language : ctx.options.languages) {
      const Language* known = find_language(language);
      MustacheData link;
      link["language"] = MustacheData(known ? known->name : language);
      link["not_first"] = MustacheData(&language != &ctx.options.languages.front());
      link["link"] = MustacheData(language_file_name(journey_card_stem(journey), language, ext(flavor)));
      link["has_pdf"] = MustacheData(ctx.has_pdf);
      link["pdf_link"] = MustacheData(language_file_name(journey_card_stem(journey), language, ".pdf"));
      links.push_back(std::move(link));
    }
    card["links"] = std::move(links);
    cards.push_back(std::move(card));
  }
  return cards;
}

}  // namespace

MustacheData index_view(ViewContext& ctx, Flavor flavor) {
  const Plan& plan = ctx.plan;
  std::string name = plan.program_name.empty() ? plan.program : plan.program_name;
  MustacheData view = base_view(ctx, flavor, "", name + ": program at a glance", true);
  view["calendar"] = calendar_view(ctx, flavor);
  view["legend"] = legend_view(ctx);
  view["coverage"] = coverage_view(ctx);
  view["summary_link"] = MustacheData("summary" + ext(flavor));
  MustacheData skipped = skipped_list(ctx, 0);
  view["has_skipped"] = MustacheData(!skipped.is_empty_list());
  view["skipped"] = std::move(skipped);
  std::vector<std::string> warnings;
  for (const auto& d : plan.warnings) warnings.push_back(d.message);
  view["warnings"] = list_of(warnings);
  view["has_warnings"] = MustacheData(!warnings.empty());
  view["has_min_hours"] = MustacheData(plan.min_weekly_hours > 0);
  view["min_weekly_hours"] = MustacheData(hours_text(plan.min_weekly_hours));
  MustacheData cards = journey_cards_view(ctx, flavor);
  view["has_journey_cards"] = MustacheData(!cards.is_empty_list());
  view["journey_cards"] = std::move(cards);
  MustacheData weeks(MustacheData::type::list);
  for (int week = 1; week <= ctx.weeks; ++week) {
    MustacheData item = packet_links(ctx, week, "");
    item["number"] = MustacheData(std::to_string(week));
    item["dates"] = MustacheData(week_dates(ctx, week));
    item["plan_link"] = MustacheData(week_folder(week) + "/plan" + ext(flavor));
    MustacheData meetings(MustacheData::type::list);
    for (const auto& entry : ctx.meetings) {
      if (entry.meeting->week == week) meetings.push_back(meeting_summary(ctx, entry, flavor, ""));
    }
    item["meetings"] = std::move(meetings);
    weeks.push_back(item);
  }
  view["weeks"] = std::move(weeks);
  return view;
}

}  // namespace iopplan
