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

Address Faker::address() {
  Address a;
  // House numbers: mostly 2-4 digits, some 5.
  const int width = chance(0.15) ? 5 : static_cast<int>(integer(2, 4));
  int64_t lo = 1;
  for (int i = 1; i < width; ++i) lo *= 10;
  a.number = std::to_string(integer(width == 2 ? 1 : lo, lo * 10 - 1));
  a.street = std::string(pick(locale_.street_names));
  a.street += " ";
  a.street += pick(locale_.street_suffixes);
  if (chance(0.25)) {
    const std::string_view prefix = pick(locale_.unit_prefixes);
    a.unit = std::string(prefix) + (prefix == "#" ? "" : " ") + std::to_string(integer(1, 40));
    if (chance(0.3)) a.unit += static_cast<char>('A' + integer(0, 5));
  }
  const City& city = pick(locale_.cities);
  a.city = std::string(city.name);
  a.state = std::string(city.state);
  a.state_code = std::string(city.state_code);
  a.postcode = std::string(city.zip_prefix) + digits(2);
  a.country = std::string(locale_.country);
  return a;
}

}  // namespace anvil::datagen::fake
