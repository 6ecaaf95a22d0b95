// Calendar export: the plan's meetings as RFC 5545 iCalendar events, for staff calendars.
#pragma once

#include <optional>
#include <string>

#include "iopplan/base/diagnostic.hpp"
#include "iopplan/curriculum/library.hpp"
#include "iopplan/curriculum/organization.hpp"
#include "iopplan/sequencing/plan.hpp"

namespace iopplan {

// One VEVENT per meeting, so one per group meeting (closed days have none): the group's name
// (group_name) and module titles as the summary, the plan's location and the organization, the
// modules' objectives as plain text. Times carry the plan's `timezone` as a TZID with its VTIMEZONE,
// or are floating local times when it has none. UIDs depend only on program, group (when the plan
// has several), date and time, so a rebuild updates events rather than adding new ones. nullopt,
// with an error, when libical does not know the zone.
std::optional<std::string> plan_to_ics(const Plan& plan, const Library& library, const Organization& organization,
                                       Diagnostics& out);

}  // namespace iopplan
