#include "iopplan/sequencing/intensity.hpp"

#include <cmath>
#include <cstdio>

#include <map>

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/base/strings.hpp"
#include "sequencing/groups.hpp"

namespace iopplan {

double regular_week_hours(const Program& program) {
  return static_cast<double>(program.meeting_days.size()) * program.meeting_minutes / 60.0;
}

std::vector<StayHours> stay_hours(const Program& program) {
  std::vector<StayHours> runs;
  for (int week = 1; week <= program.weeks; ++week) {
    StayHours here{week, week, 0, ""};
    for (const auto& group : program.groups) {
      if (week < group.audience_first || week > audience_last_week(program, group)) continue;
      here.hours += regular_week_hours(group);
      here.groups += (here.groups.empty() ? "" : ", ") + group.group + " " + hours_text(regular_week_hours(group));
    }
    if (!runs.empty() && runs.back().groups == here.groups) {
      runs.back().last = week;
    } else {
      runs.push_back(here);
    }
  }
  return runs;
}

std::string stay_hours_text(const StayHours& run) {
  return weeks_text(run.first, run.last) + " " + hours_text(run.hours) + " (" + (run.groups.empty() ? "no group" : run.groups) + ")";
}

namespace {

// "2 weeks<of> fall below the 9 scheduled hours a week asam-2.1-adult asks for<detail>", at level_of_care.
Diagnostic below_level(const Program& program, const LevelOfCare& level, int weeks, const std::string& of,
                       const std::string& detail) {
  return warning_at(program.path, program.level_of_care_pos,
                    std::to_string(weeks) + (weeks == 1 ? " week" + of + " falls" : " weeks" + of + " fall") +
                        " below the " + hours_text(level.min_weekly_hours) + " scheduled hours a week " + level.id +
                        " asks for" + detail);
}

// With groups, a participant's week depends on the week of their stay (of the program, for a
// closed program): each run of weeks below the level is named once.
void check_group_weeks(const Program& program, const LevelOfCare& level, Diagnostics& out) {
  std::string weeks;
  int short_weeks = 0;
  for (const StayHours& run : stay_hours(program)) {
    if (run.hours >= level.min_weekly_hours) continue;
    short_weeks += run.last - run.first + 1;
    weeks += (weeks.empty() ? "" : "; ") + stay_hours_text(run);
  }
  if (short_weeks == 0) return;
  std::string of = program.admission == Admission::rolling ? " of a stay" : " of the program";
  out.push_back(below_level(program, level, short_weeks, of, ", counting the groups a participant attends: " + weeks));
}

}  // namespace

void check_regular_week(const Program& program, Diagnostics& out) {
  const LevelOfCare* level = find_level_of_care(program.level_of_care);
  if (level == nullptr) return;
  if (!program.groups.empty()) {
    check_group_weeks(program, *level, out);
    return;
  }
  double hours = regular_week_hours(program);
  if (hours >= level->min_weekly_hours) return;
  out.push_back(warning_at(program.path, program.level_of_care_pos,
                           "a regular week has " + hours_text(hours) + " scheduled hours (" +
                               std::to_string(program.meeting_days.size()) + " meetings of " +
                               hours_text(program.meeting_minutes / 60.0) + " hours); " + level->id +
                               " asks for at least " + hours_text(level->min_weekly_hours) + " a week"));
}

void check_plan_weeks(const Program& program, const std::vector<WeekHours>& hours,
                      const std::vector<SkippedDay>& skipped, Diagnostics& out) {
  const LevelOfCare* level = find_level_of_care(program.level_of_care);
  if (level == nullptr) return;
  std::string weeks;
  int short_weeks = 0;
  for (const auto& week : hours) {
    // Weeks past the nominal end only hold content that closures moved on; the note says so.
    if (week.hours >= level->min_weekly_hours || week.week > program.weeks) continue;
    ++short_weeks;
    std::string closed;
    for (const auto& day : skipped) {
      if (day.week == week.week) closed += (closed.empty() ? "" : ", ") + to_iso(day.date) + " " + day.reason;
    }
    weeks += (weeks.empty() ? "" : "; ") + std::string("week ") + std::to_string(week.week) + " has " +
             hours_text(week.hours) + (closed.empty() ? "" : " (" + closed + ")");
  }
  if (short_weeks == 0) return;
  out.push_back(below_level(program, *level, short_weeks, "", ": " + weeks));
}

void check_group_calendar_weeks(const Program& program, const Date& start, Diagnostics& out) {
  const LevelOfCare* level = find_level_of_care(program.level_of_care);
  if (level == nullptr || program.groups.empty()) return;
  bool is_rolling = program.admission == Admission::rolling;
  // Each group's held hours in each week of the program, and the closed days on its meeting days.
  std::vector<std::vector<double>> held(program.groups.size(), std::vector<double>(static_cast<size_t>(program.weeks) + 1, 0));
  std::map<int, std::map<Date, std::string>> closed;  // program week -> date -> reason
  for (size_t g = 0; g < program.groups.size(); ++g) {
    const Program& group = program.groups[g];
    Program sub = group_program(program, group, start);
    int offset = week_of(start, sub.start_date) - 1;
    if (is_rolling) sub.weeks = program.weeks;  // its rotation repeats over the whole program
    for (const auto& day : meeting_calendar(sub, sub.start_date)) {
      int week = day.week + offset;
      if (week < 1 || week > program.weeks) continue;
      if (day.held()) {
        held[g][static_cast<size_t>(week)] += group.meeting_minutes / 60.0;
      } else {
        closed[week][day.date] = day.closed;
      }
    }
  }
  std::string weeks;
  int short_weeks = 0;
  for (int week = 1; week <= program.weeks; ++week) {
    if (!closed.count(week)) continue;
    // Per week of the stay (rolling: any; closed: this one), what a participant attends this week,
    // where a closed day takes it below the level; one run per stretch with the same hours.
    std::vector<StayHours> runs;
    for (int stay = is_rolling ? 1 : week; stay <= (is_rolling ? program.weeks : week); ++stay) {
      double hours = 0, regular = 0;
      for (size_t g = 0; g < program.groups.size(); ++g) {
        const Program& group = program.groups[g];
        if (stay < group.audience_first || stay > audience_last_week(program, group)) continue;
        hours += held[g][static_cast<size_t>(week)];
        regular += regular_week_hours(group);
      }
      hours = rounded(hours);
      if (hours >= level->min_weekly_hours || hours >= regular) continue;
      if (!runs.empty() && runs.back().last == stay - 1 && runs.back().hours == hours) {
        runs.back().last = stay;
      } else {
        runs.push_back({stay, stay, hours, ""});
      }
    }
    if (runs.empty()) continue;
    ++short_weeks;
    std::string has;
    for (size_t i = 0; i < runs.size(); ++i) {
      has += std::string(i == 0 ? "" : i + 1 == runs.size() ? " and " : ", ") + hours_text(runs[i].hours);
      if (is_rolling) has += " in " + weeks_text(runs[i].first, runs[i].last) + (i == 0 ? " of a stay" : "");
    }
    std::string days;
    for (const auto& [date, reason] : closed[week]) days += (days.empty() ? "" : ", ") + to_iso(date) + " " + reason;
    weeks += (weeks.empty() ? "" : "; ") + std::string("week ") + std::to_string(week) + " has " + has + " (" + days + ")";
  }
  if (short_weeks == 0) return;
  out.push_back(below_level(program, *level, short_weeks, "", ": " + weeks));
}

void note_calendar_weeks(const Program& program, Diagnostics& out) {
  if (find_level_of_care(program.level_of_care) == nullptr) return;
  Diagnostics short_weeks;
  if (!program.groups.empty()) {
    check_group_calendar_weeks(program, program.start_date, short_weeks);
  } else {
    std::vector<WeekHours> hours;
    std::vector<SkippedDay> skipped;
    for (int week = 1; week <= program.weeks; ++week) hours.push_back({week, 0});
    for (const auto& day : meeting_calendar(program, program.start_date)) {
      if (day.week < 1 || day.week > program.weeks) continue;
      if (day.held()) {
        hours[static_cast<size_t>(day.week - 1)].hours += program.meeting_minutes / 60.0;
      } else {
        skipped.push_back({day.week, day.date, day.closed});
      }
    }
    check_plan_weeks(program, hours, skipped, short_weeks);
  }
  for (auto& d : short_weeks) {
    d.severity = Severity::note;
    d.message = "starting on " + to_iso(program.start_date) + ", " + d.message;
    out.push_back(std::move(d));
  }
}

}  // namespace iopplan
