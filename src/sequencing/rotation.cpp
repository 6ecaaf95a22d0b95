#include "iopplan/sequencing/rotation.hpp"

#include <algorithm>

#include "iopplan/sequencing/calendar.hpp"

namespace iopplan {

Plan plan_window(const Program& program, const Plan& cycle, const Date& from, int weeks) {
  Plan window = cycle;
  window.meetings.clear();
  window.skipped.clear();
  Date until = add_days(from, 7L * weeks - 1);
  auto in_window = [&](const Date& date) { return from <= date && date <= until; };
  for (const auto& meeting : cycle.meetings) {
    if (in_window(meeting.date)) window.meetings.push_back(meeting);
  }
  for (const auto& day : cycle.skipped) {
    if (in_window(day.date)) window.skipped.push_back(day);
  }
  bool rolling = program.admission == Admission::rolling;
  if (rolling && !cycle.meetings.empty() && cycle.meetings.back().date < until) {
    // Later rounds, meeting by meeting, on the held days after the cycle's last meeting.
    Date last = cycle.meetings.back().date;
    size_t next = 0;
    for (Date date = add_days(last, 1); date <= until; date = add_days(date, 1)) {
      if (std::find(program.meeting_days.begin(), program.meeting_days.end(), weekday_of(date)) ==
          program.meeting_days.end()) {
        continue;
      }
      int week = week_of(cycle.start, date);
      std::string closed = closure_reason(program, date);
      if (!closed.empty()) {
        if (in_window(date)) window.skipped.push_back({week, date, closed});
        continue;
      }
      size_t round = next / cycle.meetings.size() + 2;
      const Meeting& content = cycle.meetings[next++ % cycle.meetings.size()];
      if (!in_window(date)) continue;
      Meeting meeting = content;
      meeting.date = date;
      meeting.week = week;
      // The reasons name the dates of the round they were planned in; say which that is.
      for (auto& block : meeting.blocks) {
        if (!block.reason.empty()) {
          block.reason = "round " + std::to_string(round) + " repeats round 1's " + to_iso(content.date) + ": " + block.reason;
        }
      }
      window.meetings.push_back(std::move(meeting));
    }
  }
  window.hours.clear();
  for (const auto& meeting : window.meetings) {
    auto it = std::find_if(window.hours.begin(), window.hours.end(), [&](const WeekHours& h) { return h.week == meeting.week; });
    if (it == window.hours.end()) it = window.hours.insert(window.hours.end(), {meeting.week, 0});
    it->hours += (meeting.end - meeting.start) / 60.0;
  }
  return window;
}

}  // namespace iopplan
