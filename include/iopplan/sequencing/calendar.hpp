// Calendar: the days a program meets, and the days it is closed.
#pragma once

#include <string>
#include <vector>

#include "iopplan/base/date.hpp"
#include "iopplan/curriculum/program.hpp"

namespace iopplan {

// How far past its last week a plan may run to make up closed days.
inline constexpr int kMaxRunOverWeeks = 104;

struct MeetingDay {
  Date date;
  int week = 1;        // week k is the seven days from start + 7 (k - 1)
  std::string closed;  // why the program is closed that day; empty when it meets

  bool held() const { return closed.empty(); }
};

// Why the program is closed on `date`: a listed closure's reason, else the federal holiday's name
// when the program skips them; "" when it meets.
std::string closure_reason(const Program& program, const Date& date);

// The program's meeting days from week `first_week` on, closed ones included. Under
// WhenClosed::extend the days run past the last week until `held_needed` meetings are held (or
// kMaxRunOverWeeks more weeks have passed); under shorten they stop at the last week. A negative
// `held_needed` means the nominal count: meeting days per week x weeks first_week..weeks.
std::vector<MeetingDay> meeting_calendar(const Program& program, const Date& start, int first_week = 1,
                                         int held_needed = -1);

// Held meeting days after `after` up to and including `until` (the next rounds of a rolling cycle).
std::vector<MeetingDay> held_days_between(const Program& program, const Date& start, const Date& after,
                                          const Date& until);

// The week a date falls in, counted from `start` (1-based; dates before start give week 0 or less).
int week_of(const Date& start, const Date& date);

}  // namespace iopplan
