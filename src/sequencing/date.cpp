#include "iopplan/date.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace iopplan {
namespace {

const char* const kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil.
long days_since_epoch(const Date& date) {
  long y = date.year - (date.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (date.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + date.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

Date add_days(const Date& date, long days) { return date_from_days(days_since_epoch(date) + days); }

Weekday weekday_of(const Date& date) {
  long days = days_since_epoch(date);  // 1970-01-01 was a Thursday
  long index = ((days % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(index);
}

std::optional<Date> parse_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  }
  Date d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12) return std::nullopt;
  if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
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
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  for (int i = 0; i < 7; ++i) {
    std::string full = kWeekdayNames[i];
    std::transform(full.begin(), full.end(), full.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower == full || lower == full.substr(0, 3)) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

std::string long_date(const Date& date) {
  return std::string(weekday_name(weekday_of(date))) + ", " + kMonthNames[date.month - 1] + " " +
         std::to_string(date.day) + ", " + std::to_string(date.year);
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
