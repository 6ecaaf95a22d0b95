#include "iopplan/sequencing/rotation.hpp"

#include <algorithm>

#include "iopplan/sequencing/calendar.hpp"

namespace iopplan {

std::vector<RoundDay> later_round_days(const Program& program, const Date& cycle_start, const Date& last,
                                       size_t cycle_meetings, const Date& until) {
  std::vector<RoundDay> days;
  size_t next = 0;
  for (Date date = add_days(last, 1); date <= until && cycle_meetings > 0; date = add_days(date, 1)) {
    if (std::find(program.meeting_days.begin(), program.meeting_days.end(), weekday_of(date)) == program.meeting_days.end()) {
      continue;
    }
    RoundDay round{{date, week_of(cycle_start, date), closure_reason(program, date)}, 0, 0};
    if (round.day.held()) {
      round.round = static_cast<int>(next / cycle_meetings) + 2;
      round.content = next++ % cycle_meetings;
    }
    days.push_back(std::move(round));
  }
  return days;
}

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
    for (const auto& [day, round, index] :
         later_round_days(program, cycle.start, cycle.meetings.back().date, cycle.meetings.size(), until)) {
      if (!in_window(day.date)) continue;
      if (!day.held()) {
        window.skipped.push_back({day.week, day.date, day.closed});
        continue;
      }
      const Meeting& content = cycle.meetings[index];
      Meeting meeting = content;
      meeting.date = day.date;
      meeting.week = day.week;
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
