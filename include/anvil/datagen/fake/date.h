// Calendar dates and times of day for the fake-data library: proleptic Gregorian arithmetic
// (days since 1970-01-01), weekdays, and the many ways people write a date, so generators can put
// one date in a document in any format and give the normalized ISO form as the answer.
#pragma once

#include <cstdint>
#include <string>

namespace anvil::datagen::fake {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..days_in_month
};

inline bool operator==(const Date& a, const Date& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

struct TimeOfDay {
  int hour = 0;    // 0..23
  int minute = 0;  // 0..59
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Days since 1970-01-01 (negative before it).
int64_t days_from_civil(const Date& d);
Date civil_from_days(int64_t days);
Date add_days(const Date& d, int64_t days);
// 0 = Monday .. 6 = Sunday.
int weekday(const Date& d);
const char* month_name(int month);   // "January"
const char* month_abbr(int month);   // "Jan"
const char* weekday_name(int wday);  // "Monday" (0 = Monday)

// The ways a date is written in documents. kIso is the canonical answer form.
enum class DateFormat {
  kIso,           // 2024-03-07
  kUsSlash,       // 03/07/2024
  kUsShort,       // 3/7/24
  kEuDot,         // 07.03.2024
  kEuSlash,       // 07/03/2024 (day first)
  kLong,          // March 7, 2024
  kLongWeekday,   // Thursday, March 7, 2024
  kDayMonthYear,  // 7 March 2024
  kAbbrev,        // Mar 7, 2024
  kDashAbbrev,    // 07-Mar-2024
  kCompact,       // 20240307
  kOrdinal,       // the 7th of March, 2024
  kCount,         // number of formats; not a format
};

const char* date_format_name(DateFormat f);  // "iso", "us_slash", ...
void append_date(std::string* out, const Date& d, DateFormat f);
std::string format_date(const Date& d, DateFormat f);
std::string iso_date(const Date& d);

// "14:05" (24-hour) or "2:05 PM" (12-hour).
std::string format_time(const TimeOfDay& t, bool twelve_hour);
std::string iso_time(const TimeOfDay& t);  // "14:05"

}  // namespace anvil::datagen::fake
