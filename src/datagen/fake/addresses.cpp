// Faker: street addresses with a real city/state/postcode-prefix combination.
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {

std::string Address::line1() const {
  std::string s = number + " " + street;
  if (!unit.empty()) s += ", " + unit;
  return s;
}

std::string Address::one_line() const {
  return line1() + ", " + city + ", " + state_code + " " + postcode;
}

std::string Address::block() const {
  return line1() + "\n" + city + ", " + state_code + " " + postcode;
}

std::string Faker::street_name() {
  std::string name;
  const double kind = rng_.uniform();
  if (kind < 0.35) {
    name = std::string(pick(locale_.street_names));
  } else if (kind < 0.55) {
    name = last_name();
  } else if (kind < 0.65) {  // ordinals: 1st, 22nd, 103rd, 45th
    const int64_t n = integer(1, 160);
    const int64_t last = n % 10, tens = n % 100;
    const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                         : last == 1                ? "st"
                         : last == 2                ? "nd"
                         : last == 3                ? "rd"
                                                    : "th";
    name = std::to_string(n) + suffix;
  } else if (kind < 0.75) {
    name = std::string(pick(locale_.street_names));
    name += " ";
    name += pick(locale_.street_names);
  } else {
    name = coined_name(2, 3);
  }
  if (chance(0.15)) name = std::string(pick(locale_.street_directions)) + " " + name;
  return name;
}

Address Faker::address() {
  Address a;
  // House numbers: mostly 2-4 digits, some 5.
  const int width = chance(0.15) ? 5 : static_cast<int>(integer(2, 4));
  int64_t lo = 1;
  for (int i = 1; i < width; ++i) lo *= 10;
  a.number = std::to_string(integer(width == 2 ? 1 : lo, lo * 10 - 1));
  a.street = street_name();
  a.street += " ";
  a.street += pick(locale_.street_suffixes);
  if (chance(0.25)) {
    const std::string_view prefix = pick(locale_.unit_prefixes);
    a.unit = std::string(prefix) + (prefix == "#" ? "" : " ") + std::to_string(integer(1, 40));
    if (chance(0.3)) a.unit += static_cast<char>('A' + integer(0, 5));
  }
  const City& city = pick(locale_.cities);
  a.city = std::string(city.name);
  if (chance(0.35)) {  // a town the table does not know, in a real state and ZIP area
    a.city = coined_name(2, 3);
    a.city += pick(locale_.town_endings);
  }
  a.state = std::string(city.state);
  a.state_code = std::string(city.state_code);
  a.postcode = std::string(city.zip_prefix) + digits(2);
  a.country = std::string(locale_.country);
  return a;
}

}  // namespace anvil::datagen::fake
