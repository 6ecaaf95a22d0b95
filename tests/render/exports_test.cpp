// calendar.ics and sessions.csv: parsed back with real parsers (libical; an RFC 4180 reader).
#include <boost/test/unit_test.hpp>

#include <libical/ical.h>

#include <set>
#include <string>
#include <vector>

#include "iopplan/render/calendar_export.hpp"
#include "iopplan/render/sessions_csv.hpp"
#include "iopplan/sequencing/sequencer.hpp"
#include "render/fixtures.hpp"
#include "sequencing/sequencing_fixtures.hpp"

using namespace iopplan;
using namespace iopplan::fixtures;

namespace {

const Plan& rolling_plan() {
  static const Plan plan = [] {
    PlanResult result = make_plan(seqtest::builtin_library(), seqtest::one_group_program(), {});
    BOOST_REQUIRE_MESSAGE(result.plan, diagnostics_text(result.diagnostics));
    return *result.plan;
  }();
  return plan;
}

std::string ics_of(const Plan& plan) {
  Diagnostics out;
  Organization org;
  org.name = "Riverside Recovery Center";
  org.address = "1 Main St";
  auto ics = plan_to_ics(plan, seqtest::builtin_library(), org, out);
  BOOST_REQUIRE_MESSAGE(ics, diagnostics_text(out));
  return *ics;
}

// RFC 4180: fields split on commas outside quotes, "" inside quotes is a quote, CRLF ends a record.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field), field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty() && field.empty()) rows.pop_back();
  return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exports)

BOOST_AUTO_TEST_CASE(calendar_parses_into_exactly_the_meetings) {
  const Plan& plan = rolling_plan();
  BOOST_REQUIRE(plan.timezone == "America/Chicago");
  std::string ics = ics_of(plan);
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  BOOST_REQUIRE(calendar != nullptr);
  BOOST_TEST(icalcomponent_count_errors(calendar) == 0);
  BOOST_TEST(icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT) != nullptr);
  BOOST_TEST(ics.find("TZID:America/Chicago\r\n") != std::string::npos);
  BOOST_TEST(ics.find("DTSTART;TZID=America/Chicago:20270104T180000\r\n") != std::string::npos);

  std::set<std::string> skipped;
  for (const auto& day : plan.skipped) skipped.insert(to_iso(day.date));
  std::set<std::string> uids;
  size_t events = 0;
  icaltimezone* utc = icaltimezone_get_utc_timezone();
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e != nullptr;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT), ++events) {
    BOOST_REQUIRE(events < plan.meetings.size());
    const Meeting& meeting = plan.meetings[events];
    icaltimetype start = icalcomponent_get_dtstart(e);
    BOOST_TEST(start.year == meeting.date.year);
    BOOST_TEST(start.month == meeting.date.month);
    BOOST_TEST(start.day == meeting.date.day);
    BOOST_TEST(start.hour * 60 + start.minute == meeting.start);
    BOOST_TEST(std::string(icaltimezone_get_location(const_cast<icaltimezone*>(start.zone))) == "America/Chicago");
    BOOST_TEST(skipped.count(to_iso(meeting.date)) == 0u);
    // 18:00 in Chicago is 00:00 UTC the next day in winter (CST) and 23:00 UTC from March 14, 2027 (CDT).
    icaltimetype in_utc = icaltime_convert_to_zone(start, utc);
    bool daylight = to_sys_days(meeting.date) >= to_sys_days({2027, 3, 14});
    BOOST_TEST(in_utc.hour == (daylight ? 23 : 0), to_iso(meeting.date));
    uids.insert(icalcomponent_get_uid(e));
  }
  BOOST_TEST(events == plan.meetings.size());
  BOOST_TEST(uids.size() == events);
  icalcomponent_free(calendar);
}

BOOST_AUTO_TEST_CASE(rebuilding_keeps_the_bytes_and_the_uids) {
  BOOST_TEST(ics_of(rolling_plan()) == ics_of(rolling_plan()));
  std::string ics = ics_of(rolling_plan());
  BOOST_TEST(ics.find("UID:evening-one-group-20270104-1800@iopplan") != std::string::npos);
  BOOST_TEST(ics.find("LOCATION:Group room 2\\, Riverside Recovery Center") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_zone_is_an_error) {
  Plan plan = rolling_plan();
  plan.timezone = "Mars/Olympus_Mons";
  Diagnostics out;
  BOOST_TEST(!plan_to_ics(plan, seqtest::builtin_library(), Organization{}, out).has_value());
  BOOST_TEST(diagnostics_text(out) ==
             "error: unknown time zone 'Mars/Olympus_Mons' (the program's timezone); use an IANA name such as "
             "\"America/Chicago\"\n");
}

BOOST_AUTO_TEST_CASE(without_a_zone_times_are_floating) {
  Plan plan = rolling_plan();
  plan.timezone.clear();
  std::string ics = ics_of(plan);
  BOOST_TEST(ics.find("BEGIN:VTIMEZONE") == std::string::npos);
  BOOST_TEST(ics.find("DTSTART:20270104T180000\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sessions_csv_round_trips_one_row_per_session) {
  Plan plan = rolling_plan();
  Library library = seqtest::builtin_library();
  // Quotes, commas and a line break in a title must survive.
  const std::string tricky = "Say \"no\", then\nleave";
  const std::string id = plan.meetings.front().blocks[1].module;
  for (auto& m : library.modules) {
    if (m.id == id) m.title = tricky;
  }
  auto rows = parse_csv(plan_to_csv(plan, library));
  BOOST_REQUIRE(!rows.empty());
  BOOST_TEST(rows.front() == (std::vector<std::string>{"date", "start", "end", "minutes", "group", "track", "module_id",
                                                       "title", "version", "objectives", "facilitator", "room"}),
             boost::test_tools::per_element());
  size_t sessions = 0;
  for (const auto& meeting : plan.meetings) {
    for (const auto& block : meeting.blocks) sessions += block.module.empty() ? 0 : 1;
  }
  BOOST_TEST(rows.size() == sessions + 1);
  for (size_t i = 1; i < rows.size(); ++i) BOOST_TEST(rows[i].size() == 12u);
  BOOST_TEST(rows[1][0] == to_iso(plan.meetings.front().date));
  BOOST_TEST(rows[1][6] == id);
  BOOST_TEST(rows[1][7] == tricky);
  BOOST_TEST(rows[1][4] == plan.program_name);
  BOOST_TEST(rows[1][10] == "");
}

BOOST_AUTO_TEST_CASE(csv_fields_quote_only_when_needed) {
  BOOST_TEST(csv_field("plain") == "plain");
  BOOST_TEST(csv_field("a,b") == "\"a,b\"");
  BOOST_TEST(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  BOOST_TEST(csv_field("two\nlines") == "\"two\nlines\"");
}

BOOST_AUTO_TEST_CASE(two_groups_get_an_event_each_with_their_name_and_own_uid) {
  // Hand-built: the first four meetings, held by a day group and a night group at the same times.
  Plan plan = rolling_plan();
  plan.groups = {{"day", "Day IOP"}, {"night", "Night IOP"}};
  std::vector<Meeting> meetings;
  for (size_t i = 0; i < 4; ++i) {
    for (const char* group : {"day", "night"}) {
      meetings.push_back(plan.meetings[i]);
      meetings.back().group = group;
    }
  }
  plan.meetings = meetings;
  std::string ics = ics_of(plan);
  BOOST_TEST(ics == ics_of(plan));
  icalcomponent* calendar = icalparser_parse_string(ics.c_str());
  BOOST_REQUIRE(calendar != nullptr);
  BOOST_TEST(icalcomponent_count_errors(calendar) == 0);
  std::vector<std::string> summaries;
  std::set<std::string> uids;
  for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e != nullptr;
       e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    summaries.push_back(icalcomponent_get_summary(e));
    uids.insert(icalcomponent_get_uid(e));
  }
  icalcomponent_free(calendar);
  BOOST_REQUIRE(summaries.size() == 8u);
  BOOST_TEST(uids.size() == 8u);
  const Module* first = find_module(seqtest::builtin_library(), plan.meetings[0].blocks[1].module);
  BOOST_REQUIRE(first != nullptr);
  BOOST_TEST(summaries[0] == "Day IOP: " + first->title);
  BOOST_TEST(summaries[1] == "Night IOP: " + first->title);
  BOOST_TEST(uids.count("evening-one-group-day-20270104-1800@iopplan") == 1u);
  BOOST_TEST(uids.count("evening-one-group-night-20270104-1800@iopplan") == 1u);

  auto rows = parse_csv(plan_to_csv(plan, seqtest::builtin_library()));
  BOOST_REQUIRE(rows.size() > 2u);
  for (size_t i = 1; i < rows.size(); ++i) {
    BOOST_TEST((rows[i][4] == "Day IOP" || rows[i][4] == "Night IOP"), rows[i][4]);
  }
  BOOST_TEST(rows[1][4] == "Day IOP");
  BOOST_TEST(rows.back()[4] == "Night IOP");
}

BOOST_AUTO_TEST_SUITE_END()
