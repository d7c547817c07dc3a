// Date arithmetic (Howard Hinnant's days_from_civil algorithms) and date/time formatting.
#include <cstdio>

#include "anvil/datagen/fake/date.h"

namespace anvil::datagen::fake {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
constexpr const char* kMonthAbbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};
constexpr const char* kFormatNames[] = {"iso",      "us_slash",    "us_short",     "eu_dot",
                                        "eu_slash", "long",        "long_weekday", "day_month_year",
                                        "abbrev",   "dash_abbrev", "compact",      "ordinal"};
static_assert(sizeof(kFormatNames) / sizeof(kFormatNames[0]) ==
                  static_cast<size_t>(DateFormat::kCount),
              "one name per DateFormat");

void append_2(std::string* out, int v) {
  *out += static_cast<char>('0' + v / 10 % 10);
  *out += static_cast<char>('0' + v % 10);
}
void append_num(std::string* out, int v) { *out += std::to_string(v); }

const char* ordinal_suffix(int day) {
  if (day % 100 >= 11 && day % 100 <= 13) return "th";
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

int64_t days_from_civil(const Date& d) {
  const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

Date add_days(const Date& d, int64_t days) { return civil_from_days(days_from_civil(d) + days); }

int weekday(const Date& d) {
  const int64_t z = days_from_civil(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

const char* month_name(int m) { return kMonths[m - 1]; }
const char* month_abbr(int m) { return kMonthAbbr[m - 1]; }
const char* weekday_name(int w) { return kWeekdays[w]; }
const char* date_format_name(DateFormat f) { return kFormatNames[static_cast<int>(f)]; }

void append_date(std::string* out, const Date& d, DateFormat f) {
  switch (f) {
    case DateFormat::kIso:
      append_num(out, d.year);
      *out += '-';
      append_2(out, d.month);
      *out += '-';
      append_2(out, d.day);
      break;
    case DateFormat::kUsSlash:
      append_2(out, d.month);
      *out += '/';
      append_2(out, d.day);
      *out += '/';
      append_num(out, d.year);
      break;
    case DateFormat::kUsShort:
      append_num(out, d.month);
      *out += '/';
      append_num(out, d.day);
      *out += '/';
      append_2(out, d.year % 100);
      break;
    case DateFormat::kEuDot:
      append_2(out, d.day);
      *out += '.';
      append_2(out, d.month);
      *out += '.';
      append_num(out, d.year);
      break;
    case DateFormat::kEuSlash:
      append_2(out, d.day);
      *out += '/';
      append_2(out, d.month);
      *out += '/';
      append_num(out, d.year);
      break;
    case DateFormat::kLong:
      *out += kMonths[d.month - 1];
      *out += ' ';
      append_num(out, d.day);
      *out += ", ";
      append_num(out, d.year);
      break;
    case DateFormat::kLongWeekday:
      *out += kWeekdays[weekday(d)];
      *out += ", ";
      append_date(out, d, DateFormat::kLong);
      break;
    case DateFormat::kDayMonthYear:
      append_num(out, d.day);
      *out += ' ';
      *out += kMonths[d.month - 1];
      *out += ' ';
      append_num(out, d.year);
      break;
    case DateFormat::kAbbrev:
      *out += kMonthAbbr[d.month - 1];
      *out += ' ';
      append_num(out, d.day);
      *out += ", ";
      append_num(out, d.year);
      break;
    case DateFormat::kDashAbbrev:
      append_2(out, d.day);
      *out += '-';
      *out += kMonthAbbr[d.month - 1];
      *out += '-';
      append_num(out, d.year);
      break;
    case DateFormat::kCompact:
      append_num(out, d.year);
      append_2(out, d.month);
      append_2(out, d.day);
      break;
    case DateFormat::kOrdinal:
      *out += "the ";
      append_num(out, d.day);
      *out += ordinal_suffix(d.day);
      *out += " of ";
      *out += kMonths[d.month - 1];
      *out += ", ";
      append_num(out, d.year);
      break;
    case DateFormat::kCount:
      break;
  }
}

std::string format_date(const Date& d, DateFormat f) {
  std::string s;
  append_date(&s, d, f);
  return s;
}

std::string iso_date(const Date& d) { return format_date(d, DateFormat::kIso); }

std::string format_time(const TimeOfDay& t, bool twelve_hour) {
  std::string s;
  if (twelve_hour) {
    const int h = t.hour % 12 == 0 ? 12 : t.hour % 12;
    append_num(&s, h);
    s += ':';
    append_2(&s, t.minute);
    s += t.hour < 12 ? " AM" : " PM";
  } else {
    append_2(&s, t.hour);
    s += ':';
    append_2(&s, t.minute);
  }
  return s;
}

std::string iso_time(const TimeOfDay& t) { return format_time(t, false); }

}  // namespace anvil::datagen::fake
