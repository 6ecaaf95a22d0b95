#include "iopplan/render/calendar_export.hpp"

#include <libical/ical.h>

#include <memory>

namespace iopplan {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

icaltimetype local_time(const Date& date, int minutes, icaltimezone* zone) {
  icaltimetype t = icaltime_null_time();
  t.year = date.year;
  t.month = date.month;
  t.day = date.day;
  t.hour = minutes / 60;
  t.minute = minutes % 60;
  t.is_date = 0;
  return zone != nullptr ? icaltime_set_timezone(&t, zone) : t;
}

// DTSTART/DTEND with TZID when the program has a zone; floating local time otherwise.
icalproperty* time_property(icalproperty* property, const std::string& tzid) {
  if (!tzid.empty()) icalproperty_add_parameter(property, icalparameter_new_tzid(tzid.c_str()));
  return property;
}

std::string compact_date(const Date& date) {
  std::string iso = to_iso(date);
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

}  // namespace

std::optional<std::string> plan_to_ics(const Plan& plan, const Library& library, const Organization& organization,
                                       Diagnostics& out) {
  icaltimezone* zone = nullptr;
  if (!plan.timezone.empty()) {
    zone = icaltimezone_get_builtin_timezone(plan.timezone.c_str());
    if (zone == nullptr) {
      out.push_back(error_at("", {}, "unknown time zone '" + plan.timezone +
                                         "' (the program's timezone); use an IANA name such as \"America/Chicago\""));
      return std::nullopt;
    }
  }

  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//iopplan//group plans//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  std::string group = plan.program_name.empty() ? plan.program : plan.program_name;
  icalproperty* name = icalproperty_new_x(group.c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(calendar.get(), name);
  if (zone != nullptr) {
    // TZIDs as calendars expect them ("America/Chicago"), not with libical's own prefix.
    icalcomponent* vtimezone = icalcomponent_new_clone(icaltimezone_get_component(zone));
    icalproperty* tzid = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
    if (tzid != nullptr) icalproperty_set_tzid(tzid, plan.timezone.c_str());
    icalcomponent_add_component(calendar.get(), vtimezone);
  }

  // A fixed stamp keeps rebuilds byte-identical: the plan's first day, at midnight UTC.
  icaltimetype stamp = local_time(plan.start, 0, nullptr);
  stamp.zone = icaltimezone_get_utc_timezone();
  std::string where = plan.location;
  if (!organization.name.empty()) where += (where.empty() ? "" : ", ") + organization.name;
  if (plan.location.empty() && !organization.address.empty()) where += ", " + organization.address;

  for (const auto& meeting : plan.meetings) {
    std::string titles;
    std::string description = organization.name.empty() ? "" : organization.name + "\n";
    for (const auto& block : meeting.blocks) {
      if (block.module.empty()) continue;
      const Module* m = find_module(library, block.module);
      std::string title = m != nullptr ? m->title : block.module;
      titles += (titles.empty() ? "" : "; ") + title;
      description += "\n" + clock_time(block.start) + " " + title + "\n";
      if (m != nullptr) {
        for (const auto& objective : m->objectives) description += "- " + objective + "\n";
      }
    }
    icalcomponent* event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    // Parallel groups meet at the same time, so a group's meetings carry its id.
    std::string owner = meeting.group.empty() || meeting.group == plan.program ? plan.program : plan.program + "-" + meeting.group;
    std::string uid = owner + "-" + compact_date(meeting.date) + "-" + clock_time(meeting.start).replace(2, 1, "") +
                      "@iopplan";
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
    icaltimetype start = local_time(meeting.date, meeting.start, zone);
    icaltimetype end = local_time(meeting.date, meeting.end, zone);
    icalcomponent_add_property(event, time_property(icalproperty_new_dtstart(start), plan.timezone));
    icalcomponent_add_property(event, time_property(icalproperty_new_dtend(end), plan.timezone));
    std::string summary = group + (titles.empty() ? "" : ": " + titles);
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    if (!where.empty()) icalcomponent_add_property(event, icalproperty_new_location(where.c_str()));
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_component(calendar.get(), event);
  }
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  std::string result = text != nullptr ? text : "";
  icalmemory_free_buffer(text);
  return result;
}

}  // namespace iopplan
