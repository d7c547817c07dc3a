// Faker: prices with realistic endings, bank account numbers (IBANs with valid check digits) and
// document numbers.
#include <cmath>

#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {
namespace {

// ISO 13616 check digits: move the country code and "00" to the end, letters -> numbers, mod 97.
std::string iban_check_digits(const std::string& country, const std::string& bban) {
  std::string rearranged = bban + country + "00";
  int remainder = 0;
  for (char c : rearranged) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      const int v = c - 'A' + 10;
      remainder = (remainder * 100 + v) % 97;
    }
  }
  const int check = 98 - remainder;
  return std::string(1, static_cast<char>('0' + check / 10)) + static_cast<char>('0' + check % 10);
}

}  // namespace

int64_t Faker::price_cents(int64_t lo, int64_t hi) {
  if (hi <= lo) return lo;
  const double llo = std::log(static_cast<double>(std::max<int64_t>(lo, 1)));
  const double lhi = std::log(static_cast<double>(hi));
  int64_t cents = static_cast<int64_t>(std::exp(llo + (lhi - llo) * rng_.uniform()));
  const double r = rng_.uniform();
  if (r < 0.25) {
    cents = cents / 100 * 100 + 99;  // x.99
  } else if (r < 0.4) {
    cents = cents / 100 * 100;  // x.00
  } else if (r < 0.5) {
    cents = cents / 100 * 100 + 50;  // x.50
  }
  return std::min(std::max(cents, lo), hi);
}

std::string Faker::iban() {
  static const std::vector<std::pair<std::string_view, int>> kCountries = {
      {"DE", 18}, {"GB", 18}, {"FR", 23}, {"NL", 14}, {"ES", 20}, {"IT", 23}};
  const auto& [country, length] = pick(kCountries);
  std::string bban;
  if (country == "GB" || country == "NL") {
    bban = letters(4);
    bban += digits(length - 4);
  } else {
    bban = digits(length);
  }
  std::string flat = std::string(country) + iban_check_digits(std::string(country), bban) + bban;
  std::string grouped;
  for (size_t i = 0; i < flat.size(); ++i) {
    if (i && i % 4 == 0) grouped += ' ';
    grouped += flat[i];
  }
  return grouped;
}

std::string Faker::account_number() { return digits(static_cast<int>(integer(10, 12))); }

std::string Faker::invoice_number() {
  switch (integer(0, 3)) {
    case 0: {
      std::string s = "INV-" + std::to_string(integer(2019, 2025)) + "-";
      return s + digits(5);
    }
    case 1:
      return "INV" + digits(6);
    case 2:
      return std::to_string(integer(10000, 99999));
    default: {
      std::string s = letters(2) + "-";
      s += digits(4) + "-";
      return s + letters(1);
    }
  }
}

std::string Faker::po_number() {
  if (chance(0.5)) return "PO-" + digits(5);
  std::string s = "PO" + std::to_string(integer(2019, 2025));
  s += digits(4);
  return s;
}

std::string Faker::reference(std::string_view prefix, int digit_count) {
  return std::string(prefix) + digits(digit_count);
}

}  // namespace anvil::datagen::fake
