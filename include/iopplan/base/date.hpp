// Date: a calendar day, with the arithmetic plans need (no time zones: meetings are local).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace iopplan {

struct Date {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

// The bridge to <chrono>, which does all the arithmetic.
std::chrono::sys_days to_sys_days(const Date& date);
Date from_sys_days(std::chrono::sys_days days);
Date from_ymd(std::chrono::year_month_day ymd);

Date add_days(const Date& date, long days);
// Days from `from` to `to` (negative when `to` is earlier).
long days_between(const Date& from, const Date& to);
Weekday weekday_of(const Date& date);

// "2027-01-04" -> Date; nullopt unless a real calendar date in years 1900-2200.
std::optional<Date> parse_iso_date(const std::string& text);
std::string to_iso(const Date& date);

const char* weekday_name(Weekday day);        // "Monday"
const char* weekday_short_name(Weekday day);  // "Mon"
// "mon", "monday", "Mon" -> Weekday.
std::optional<Weekday> parse_weekday(const std::string& text);

// "Monday, January 4, 2027"
std::string long_date(const Date& date);
// In a handout language: "es" gives "lunes, 4 de enero de 2027"; any other, English as above.
std::string long_date(const Date& date, std::string_view language);

// 1080 -> "6:00 PM", the clock US clinics print on schedules; "es": "6:00 p. m.".
std::string clock12(int minutes_after_midnight, std::string_view language = "en");

// 1080 -> "18:00"
std::string clock_time(int minutes_after_midnight);
// "18:00" -> 1080; nullopt unless HH:MM from 00:00 to 23:59.
std::optional<int> parse_clock_time(const std::string& text);

}  // namespace iopplan
