// Rotation: a rolling group never ends, so its plan is one cycle repeated on every held meeting day
// from the program's start date on. Round 2 begins on the first held day after round 1's last
// meeting, and so on; closed days shift the rotation rather than drop content. Any window of dates
// shows exactly what a longer plan shows on those dates.
#pragma once

#include <vector>

#include "iopplan/base/date.hpp"
#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/curriculum/program.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

// The meeting days after a rolling cycle's last meeting (`last`) through `until`, closed ones
// included; each held one carries the round it belongs to (2, 3, ...) and the index of the cycle
// meeting whose content it holds. Round 2 begins on the first held day after round 1's last meeting.
struct RoundDay {
  MeetingDay day;
  int round = 0;       // 0 for a closed day
  size_t content = 0;  // index into the cycle's meetings; held days only
};
std::vector<RoundDay> later_round_days(const Program& program, const Date& cycle_start, const Date& last,
                                       size_t cycle_meetings, const Date& until);

// The meetings and closed days of the `weeks` weeks from `from` (any day; the window is the seven
// days from it times `weeks`), with week numbers counted from the cycle's start. A closed cohort's
// plan is simply cut to the window. Coverage and the score stay those of the cycle; hours are the
// window's.
// REQUIRES: `cycle` was planned for `program` from its start date; weeks >= 1.
Plan plan_window(const Program& program, const Plan& cycle, const Date& from, int weeks);

}  // namespace iopplan
