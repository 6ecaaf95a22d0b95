#include "iopplan/base/date.hpp"

#include <cctype>
#include <cstdio>

#include "iopplan/base/strings.hpp"

namespace iopplan {
namespace {

namespace chr = std::chrono;

const char* const kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

}  // namespace

chr::sys_days to_sys_days(const Date& date) {
  return chr::sys_days(chr::year(date.year) / chr::month(static_cast<unsigned>(date.month)) /
                       chr::day(static_cast<unsigned>(date.day)));
}

Date from_ymd(chr::year_month_day ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

Date from_sys_days(chr::sys_days days) { return from_ymd(chr::year_month_day(days)); }

Date add_days(const Date& date, long days) { return from_sys_days(to_sys_days(date) + chr::days(days)); }

long days_between(const Date& from, const Date& to) { return (to_sys_days(to) - to_sys_days(from)).count(); }

Weekday weekday_of(const Date& date) {
  // iso_encoding: Monday = 1 ... Sunday = 7, the order of Weekday.
  return static_cast<Weekday>(chr::weekday(to_sys_days(date)).iso_encoding() - 1);
}

std::optional<Date> parse_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  chr::year_month_day ymd{chr::year(std::stoi(text.substr(0, 4))),
                          chr::month(static_cast<unsigned>(std::stoi(text.substr(5, 2)))),
                          chr::day(static_cast<unsigned>(std::stoi(text.substr(8, 2))))};
  if (!ymd.ok() || ymd.year() < chr::year(1900) || ymd.year() > chr::year(2200)) return std::nullopt;
  return from_ymd(ymd);
}

std::string to_iso(const Date& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

const char* weekday_name(Weekday day) { return kWeekdayNames[static_cast<int>(day)]; }

const char* weekday_short_name(Weekday day) {
  static const char* const kShort[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  return kShort[static_cast<int>(day)];
}

std::optional<Weekday> parse_weekday(const std::string& text) {
  std::string wanted = lower(text);
  for (int i = 0; i < 7; ++i) {
    std::string full = lower(kWeekdayNames[i]);
    if (wanted == full || wanted == full.substr(0, 3)) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

std::string long_date(const Date& date) {
  return std::string(weekday_name(weekday_of(date))) + ", " + kMonthNames[date.month - 1] + " " +
         std::to_string(date.day) + ", " + std::to_string(date.year);
}

std::string long_date(const Date& date, std::string_view language) {
  if (language != "es") return long_date(date);
  static const char* const kDias[] = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
  static const char* const kMeses[] = {"enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
                                       "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  return std::string(kDias[static_cast<int>(weekday_of(date))]) + ", " + std::to_string(date.day) + " de " +
         kMeses[date.month - 1] + " de " + std::to_string(date.year);
}

std::string clock12(int minutes_after_midnight, std::string_view language) {
  int m = ((minutes_after_midnight % 1440) + 1440) % 1440;
  int hour = m / 60 % 12;
  const char* half = language == "es" ? (m < 720 ? "a. m." : "p. m.") : (m < 720 ? "AM" : "PM");
  char text[24];
  std::snprintf(text, sizeof text, "%d:%02d %s", hour == 0 ? 12 : hour, m % 60, half);
  return text;
}

std::string clock_time(int minutes_after_midnight) {
  char text[16];
  int m = ((minutes_after_midnight % 1440) + 1440) % 1440;
  std::snprintf(text, sizeof text, "%02d:%02d", m / 60, m % 60);
  return text;
}

std::optional<int> parse_clock_time(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  int hour = (text[0] - '0') * 10 + (text[1] - '0');
  int minute = (text[3] - '0') * 10 + (text[4] - '0');
  if (hour > 23 || minute > 59) return std::nullopt;
  return hour * 60 + minute;
}

}  // namespace iopplan
