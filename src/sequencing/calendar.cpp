#include "iopplan/sequencing/calendar.hpp"

#include <algorithm>

#include "iopplan/sequencing/holidays.hpp"

namespace iopplan {
namespace {

bool meets_on(const Program& program, Weekday day) {
  return std::find(program.meeting_days.begin(), program.meeting_days.end(), day) != program.meeting_days.end();
}

}  // namespace

int week_of(const Date& start, const Date& date) {
  long days = days_between(start, date);
  return static_cast<int>(days >= 0 ? days / 7 + 1 : -((-days - 1) / 7));
}

std::string closure_reason(const Program& program, const Date& date) {
  for (const auto& closure : program.closures) {
    if (closure.from <= date && date <= closure.through) return closure.reason;
  }
  if (program.skip_us_federal_holidays) {
    if (auto holiday = us_federal_holiday_on(date)) {
      return holiday->observed == holiday->date ? holiday->name : holiday->name + " (observed)";
    }
  }
  return "";
}

std::vector<MeetingDay> meeting_calendar(const Program& program, const Date& start, int first_week,
                                         int held_needed) {
  std::vector<MeetingDay> days;
  if (program.meeting_days.empty() || program.weeks <= 0) return days;
  first_week = std::max(first_week, 1);
  if (held_needed < 0) {
    held_needed = static_cast<int>(program.meeting_days.size()) * std::max(0, program.weeks - first_week + 1);
  }
  long first_day = 7L * (first_week - 1);
  int held = 0;
  for (long offset = first_day;; ++offset) {
    int week = static_cast<int>(offset / 7) + 1;
    // The nominal weeks are laid out in full; past them, only until enough meetings are held.
    if (week > program.weeks) {
      if (program.when_closed == WhenClosed::shorten || held >= held_needed) break;
      if (week > program.weeks + kMaxRunOverWeeks) break;
    }
    Date date = add_days(start, offset);
    if (!meets_on(program, weekday_of(date))) continue;
    MeetingDay day{date, week, closure_reason(program, date)};
    if (day.held()) ++held;
    days.push_back(std::move(day));
  }
  return days;
}

std::vector<MeetingDay> held_days_between(const Program& program, const Date& start, const Date& after,
                                          const Date& until) {
  std::vector<MeetingDay> days;
  for (Date date = add_days(after, 1); date <= until; date = add_days(date, 1)) {
    if (!meets_on(program, weekday_of(date))) continue;
    MeetingDay day{date, week_of(start, date), closure_reason(program, date)};
    if (day.held()) days.push_back(std::move(day));
  }
  return days;
}

}  // namespace iopplan
