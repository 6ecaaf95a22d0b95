#include "iopplan/sequencing/preflight.hpp"

#include "iopplan/sequencing/calendar.hpp"
#include "iopplan/sequencing/intensity.hpp"
#include "sequencing/groups.hpp"
#include "sequencing/problem.hpp"

namespace iopplan {

bool preflight(const Library& library, const Program& program, const std::optional<Date>& start, Diagnostics& out) {
  Date from = start.value_or(program.start_date);
  if (!program.groups.empty()) {
    bool ok = true;
    for (const auto& group : program.groups) {
      Program sub = group_program(program, group, from);
      ok = preflight(library, sub, sub.start_date, out) && ok;
    }
    return ok;
  }
  std::vector<MeetingDay> days = meeting_calendar(program, from);
  int nominal = static_cast<int>(program.meeting_days.size()) * program.weeks;
  if (!check_calendar(program, from, days, nominal, out)) return false;
  Problem problem = build_problem(library, program, from, KeptPart{}, days, nullptr);
  return preflight_problem(problem, out);
}

void check_program(const Library& library, const Program& program, Diagnostics& out) {
  preflight(library, program, std::nullopt, out);
  check_regular_week(program, out);
  note_calendar_weeks(program, out);
}

}  // namespace iopplan
