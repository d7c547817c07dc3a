// Faker: plausible dates and times (recent business dates, adult birth dates, office hours).
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {

Date Faker::date_between(const Date& lo, const Date& hi) {
  return civil_from_days(integer(days_from_civil(lo), days_from_civil(hi)));
}

Date Faker::recent_date() {
  Date d = date_between({2019, 1, 1}, {2025, 12, 31});
  // Business documents are dated on weekdays far more often than on weekends.
  if (weekday(d) >= 5 && chance(0.8)) d = add_days(d, 7 - weekday(d));
  return d;
}

Date Faker::birth_date() { return date_between({1950, 1, 1}, {2004, 12, 31}); }

TimeOfDay Faker::business_time() {
  TimeOfDay t;
  t.hour = static_cast<int>(integer(8, 17));
  t.minute = chance(0.8) ? static_cast<int>(integer(0, 3)) * 15 : static_cast<int>(integer(0, 59));
  return t;
}

}  // namespace anvil::datagen::fake
