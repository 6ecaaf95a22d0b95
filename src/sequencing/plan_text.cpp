#include "iopplan/sequencing/plan_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "iopplan/sequencing/coverage.hpp"
#include "iopplan/sequencing/intensity.hpp"
#include "iopplan/sequencing/plan_summary.hpp"
#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

std::string fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string pad(const std::string& text, size_t width) {
  return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

std::string pad_left(const std::string& text, size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

// "RP high-risk-situations"
std::string cell(const PlannedBlock& block, const std::map<std::string, std::string>& abbreviations) {
  auto it = abbreviations.find(block.track);
  std::string abbreviation = it == abbreviations.end() ? "?" : it->second;
  return pad(abbreviation, 2) + " " + block.module;
}

std::vector<const PlannedBlock*> content_of(const Meeting& meeting) {
  std::vector<const PlannedBlock*> blocks;
  for (const auto& block : meeting.blocks) {
    if (!block.module.empty()) blocks.push_back(&block);
  }
  return blocks;
}

// "Each meeting: ..." and the table of `meetings` and closed days, columns by `program`'s content slots.
std::string meeting_table(const Program& program, const std::vector<Meeting>& meetings, const std::vector<SkippedDay>& skipped,
                          const std::map<std::string, std::string>& abbreviations,
                          const std::map<std::string, std::string>& titles, bool explain) {
  std::string out;
  out += "Each meeting:";
  int clock = program.start_time;
  for (size_t i = 0; i < program.blocks.size(); ++i) {
    const Block& block = program.blocks[i];
    out += std::string(i ? " |" : "") + " " + clock_time(clock) + " " + (block.is_content() ? block.slot : block.activity) +
           " (" + std::to_string(block.minutes) + ")";
    clock += block.minutes;
  }
  out += "\n\n";

  // One column per content slot; a single slot also shows the module's title.
  std::vector<std::string> slot_names;
  for (const auto& block : program.blocks) {
    if (block.is_content()) slot_names.push_back(block.slot);
  }
  std::vector<size_t> widths(slot_names.size(), 0);
  for (size_t i = 0; i < slot_names.size(); ++i) widths[i] = slot_names[i].size();
  for (const auto& meeting : meetings) {
    auto blocks = content_of(meeting);
    for (size_t i = 0; i < blocks.size() && i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], cell(*blocks[i], abbreviations).size());
    }
  }
  bool titled = slot_names.size() == 1;
  std::string header = "Week  Day  Date        ";
  std::string rule = "----  ---  ----------  ";
  for (size_t i = 0; i < slot_names.size(); ++i) {
    bool last = i + 1 == slot_names.size();
    header += last && !titled ? slot_names[i] : pad(slot_names[i], widths[i]) + "  ";
    rule += std::string(widths[i], '-') + (last ? "" : "  ");
  }
  if (titled) {
    header += "Title";
    rule += "  -----";
  }
  while (!header.empty() && header.back() == ' ') header.pop_back();
  out += header + "\n" + rule + "\n";

  // Meetings and closed days together, in date order.
  struct Row {
    Date date;
    int week;
    const Meeting* meeting;
    const SkippedDay* skipped;
  };
  std::vector<Row> rows;
  for (const auto& meeting : meetings) rows.push_back({meeting.date, meeting.week, &meeting, nullptr});
  for (const auto& day : skipped) rows.push_back({day.date, day.week, nullptr, &day});
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date < b.date; });
  int shown_week = 0;
  for (const auto& row : rows) {
    std::string week = row.week != shown_week ? std::to_string(row.week) : "";
    shown_week = row.week;
    std::string line = pad_left(week, 4) + "  " + weekday_short_name(weekday_of(row.date)) + "  " + to_iso(row.date) + "  ";
    if (row.skipped) {
      out += line + "closed: " + row.skipped->reason + "\n";
      continue;
    }
    auto blocks = content_of(*row.meeting);
    for (size_t i = 0; i < blocks.size(); ++i) {
      std::string text = cell(*blocks[i], abbreviations);
      bool last = i + 1 == blocks.size();
      line += last ? text : pad(text, i < widths.size() ? widths[i] : text.size()) + "  ";
      if (titled && last) {
        auto title = titles.find(blocks[i]->module);
        if (title != titles.end()) line = pad(line, 22 + widths[0]) + "  " + title->second;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    if (explain) {
      for (const auto* block : blocks) out += "                        " + block->slot + ": " + block->reason + "\n";
    }
  }

  return out;
}

// "Group ers: Early recovery skills | weeks 1-4 of the stay | patients | Mon/Fri 17:00-18:00"
std::string group_line(const Program& program, const Program& group) {
  std::string weeks = weeks_text(group.audience_first, audience_last_week(program, group));
  return "Group " + group.group + ": " + group.name + " | " + weeks +
         (program.admission == Admission::rolling ? " of the stay" : " of the program") + " | " +
         (group.attendees == Attendees::patients_and_family ? "patients and family" : "patients") + " | " +
         meeting_days_text(group) + " " + clock_time(group.start_time) + "-" + clock_time(group.start_time + group.meeting_minutes) + "\n";
}
}  // namespace

std::string plan_to_text(const Plan& plan, const Program& program, const Library& library, bool explain) {
  std::map<std::string, std::string> abbreviations;
  for (const auto& track : library.tracks) abbreviations[track.id] = track.abbreviation;
  std::map<std::string, std::string> titles;
  for (const auto& m : library.modules) titles[m.id] = m.title;

  std::string out;
  out += plan.program_name + " (" + plan.program + ")\n";
  std::string times = program.groups.empty() ? meeting_days_text(program) + " " + clock_time(program.start_time) + "-" +
                                                   clock_time(program.start_time + program.meeting_minutes)
                                             : std::to_string(program.groups.size()) + " groups";
  out += std::string(plan.admission == "rolling" ? "Rolling" : "Closed") + " admission | " + std::to_string(plan.weeks) +
         " weeks from " + long_date(plan.start) + " | " + times + " | group size " + std::to_string(plan.group_size) +
         " | seed " + std::to_string(plan.seed) + "\n";
  if (!program.groups.empty()) out += "\n";
  if (program.groups.empty()) {
    out += meeting_table(program, plan.meetings, plan.skipped, abbreviations, titles, explain);
  } else {
    for (const auto& group : program.groups) {
      std::vector<Meeting> meetings;
      for (const auto& meeting : plan.meetings) {
        if (meeting.group == group.group) meetings.push_back(meeting);
      }
      std::vector<SkippedDay> closed;
      for (const auto& day : plan.skipped) {
        auto weekday = weekday_of(day.date);
        if (std::find(group.meeting_days.begin(), group.meeting_days.end(), weekday) != group.meeting_days.end()) closed.push_back(day);
      }
      out += group_line(program, group);
      out += meeting_table(group, meetings, closed, abbreviations, titles, explain) + "\n";
    }
  }
  out += "\n";
  int past = 0;
  for (const auto& meeting : plan.meetings) past += meeting.week > plan.weeks ? 1 : 0;
  out += std::to_string(plan.meetings.size()) + " meetings";
  if (!plan.skipped.empty()) {
    out += ", " + std::to_string(plan.skipped.size()) + " closed " + (plan.skipped.size() == 1 ? "day" : "days");
    if (past > 0) out += " (content moved on: " + std::to_string(past) + " past week " + std::to_string(plan.weeks) + ")";
  }
  out += "; last meeting " + (plan.meetings.empty() ? std::string("none") : long_date(plan.meetings.back().date)) + "\n";

  // Hours: the usual week, then the weeks that differ.
  std::map<double, int> frequency;
  for (const auto& week : plan.hours) ++frequency[week.hours];
  double usual = 0;
  int most = 0;
  for (const auto& [hours, n] : frequency) {
    if (n > most) {
      most = n;
      usual = hours;
    }
  }
  // With groups, what one participant attends differs by week of stay; the calendar holds them all.
  if (!program.groups.empty()) {
    std::string runs;
    for (const StayHours& run : stay_hours(program)) runs += (runs.empty() ? "" : "; ") + stay_hours_text(run);
    out += std::string("Scheduled hours a participant attends, by week of ") +
           (program.admission == Admission::rolling ? "stay: " : "the program: ") + runs + "\n";
    out += "Group hours on the calendar: " + hours_text(usual) + " a week";
  } else {
    out += "Scheduled hours: " + hours_text(usual) + " a week";
  }
  std::string others;
  for (const auto& week : plan.hours) {
    if (week.hours != usual) others += (others.empty() ? "" : ", ") + std::string("week ") + std::to_string(week.week) + ": " + hours_text(week.hours);
  }
  if (!others.empty()) out += " (" + others + ")";
  if (const LevelOfCare* level = find_level_of_care(program.level_of_care)) {
    out += "; " + level->id + " asks for at least " + hours_text(level->min_weekly_hours);
  }
  out += "\n";

  if (!plan.coverage.empty()) {
    std::vector<std::string> core = core_modules(program, plan);
    std::string stay = program.stay == Stay::sessions
                           ? std::to_string(plan.weeks * static_cast<int>(program.meeting_days.size())) + " sessions"
                           : std::to_string(plan.weeks) + " weeks";
    std::string core_text = program.core_modules.empty() ? "every module of the cycle" : "the program's core_modules";
    out += "\nCoverage: a patient joining in each week and staying " + stay + " (core: " + core_text + ", " +
           std::to_string(core.size()) + ")\n";
    out += "Entry week  Seen  Core missing  Out of order\n";
    int full = 0;
    for (const auto& row : plan.coverage) {
      full += row.core_missing.empty() ? 1 : 0;
      out += pad_left(std::to_string(row.entry_week), 10) + pad_left(std::to_string(row.modules_seen), 6) +
             pad_left(std::to_string(row.core_missing.size()), 14) + pad_left(std::to_string(row.out_of_order.size()), 14) + "\n";
      if (explain) {
        for (const auto& id : row.core_missing) out += "            missing: " + id + "\n";
        for (const auto& pair : row.out_of_order) out += "            out of order: " + pair + "\n";
      }
    }
    out += std::to_string(full) + " of " + std::to_string(plan.coverage.size()) + " entry weeks see every core module\n";
  }

  out += plan_summary_text(plan_summary(plan));
  if (explain) {
    out += "\nScore: " + fixed(plan.score, 4) + " (lower is better)\n";
    size_t name_width = 0;
    for (const auto& term : plan.score_terms) name_width = std::max(name_width, term.name.size());
    for (const auto& term : plan.score_terms) {
      out += "  " + pad(term.name, name_width) + "  weight " + pad(hours_text(term.weight), 5) + " " +
             pad_left(fixed(term.value, 4), 10) + "\n";
    }
  }
  return out;
}

}  // namespace iopplan
