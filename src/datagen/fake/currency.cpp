// Currencies (fixed reference rates) and the ways amounts are written.
#include <cmath>

#include "anvil/datagen/fake/money.h"

namespace anvil::datagen::fake {

const std::vector<Currency>& currencies() {
  static const std::vector<Currency> kCurrencies = {
      {"USD", "$", "US dollar", 1.0},
      {"EUR", "\xE2\x82\xAC", "euro", 1.08},
      {"GBP", "\xC2\xA3", "pound sterling", 1.27},
      {"JPY", "\xC2\xA5", "Japanese yen", 0.0067},
      {"CAD", "C$", "Canadian dollar", 0.74},
      {"AUD", "A$", "Australian dollar", 0.66},
      {"CHF", "CHF", "Swiss franc", 1.12},
      {"INR", "\xE2\x82\xB9", "Indian rupee", 0.012},
      {"MXN", "MX$", "Mexican peso", 0.058},
      {"SEK", "kr", "Swedish krona", 0.095},
  };
  return kCurrencies;
}

const Currency* find_currency(std::string_view code) {
  for (const Currency& c : currencies()) {
    if (code == c.code) return &c;
  }
  return nullptr;
}

void append_decimal_cents(std::string* out, int64_t cents) {
  if (cents < 0) {
    *out += '-';
    cents = -cents;
  }
  *out += std::to_string(cents / 100);
  *out += '.';
  *out += static_cast<char>('0' + cents % 100 / 10);
  *out += static_cast<char>('0' + cents % 10);
}

std::string decimal_cents(int64_t cents) {
  std::string s;
  append_decimal_cents(&s, cents);
  return s;
}

std::string grouped_integer(int64_t n, char group) {
  std::string out = n < 0 ? "-" : "";
  const std::string digits = std::to_string(n < 0 ? -n : n);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
    out += digits[i];
  }
  return out;
}

void append_grouped_cents(std::string* out, int64_t cents, char group, char decimal) {
  if (cents < 0) {
    *out += '-';
    cents = -cents;
  }
  *out += grouped_integer(cents / 100, group);
  *out += decimal;
  *out += static_cast<char>('0' + cents % 100 / 10);
  *out += static_cast<char>('0' + cents % 10);
}

void append_money(std::string* out, int64_t cents, MoneyStyle style, const Currency& c) {
  switch (style) {
    case MoneyStyle::kSymbol:
      if (cents < 0) {
        *out += '-';
        cents = -cents;
      }
      *out += c.symbol;
      append_grouped_cents(out, cents);
      break;
    case MoneyStyle::kPlain:
      append_decimal_cents(out, cents);
      break;
    case MoneyStyle::kCodePrefix:
      *out += c.code;
      *out += ' ';
      append_grouped_cents(out, cents);
      break;
    case MoneyStyle::kCodeSuffix:
      append_grouped_cents(out, cents);
      *out += ' ';
      *out += c.code;
      break;
    case MoneyStyle::kEuropean:
      append_grouped_cents(out, cents, '.', ',');
      *out += ' ';
      *out += c.symbol;
      break;
    case MoneyStyle::kCount:
      break;
  }
}

std::string format_money(int64_t cents, MoneyStyle style, const Currency& currency) {
  std::string s;
  append_money(&s, cents, style, currency);
  return s;
}

int64_t round_to_cents(double value) { return static_cast<int64_t>(std::llround(value * 100.0)); }

}  // namespace anvil::datagen::fake
