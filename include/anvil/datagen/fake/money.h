// Money for the fake-data library: amounts are integer cents (exact sums, no float drift),
// currencies carry a fixed reference rate so conversions are reproducible, and amounts can be
// written the ways invoices, receipts and bank statements write them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::datagen::fake {

struct Currency {
  const char* code;     // ISO 4217, "USD"
  const char* symbol;   // "$"
  const char* name;     // "US dollar"
  double usd_per_unit;  // fixed reference rate: 1 unit = this many USD
};

// The built-in currencies (USD first).
const std::vector<Currency>& currencies();
// The currency with ISO `code`, or nullptr.
const Currency* find_currency(std::string_view code);

enum class MoneyStyle {
  kSymbol,      // $1,234.56
  kPlain,       // 1234.56
  kCodePrefix,  // USD 1,234.56
  kCodeSuffix,  // 1,234.56 USD
  kEuropean,    // 1.234,56 $ (dot groups, comma decimals, symbol after)
  kCount,
};

// "1234.56" / "-0.05": the canonical decimal form used in answers.
void append_decimal_cents(std::string* out, int64_t cents);
std::string decimal_cents(int64_t cents);
// "1,234,567": a whole number with its thousands separated.
std::string grouped_integer(int64_t n, char group = ',');
// "1,234.56" (thousands separated).
void append_grouped_cents(std::string* out, int64_t cents, char group = ',', char decimal = '.');
void append_money(std::string* out, int64_t cents, MoneyStyle style, const Currency& currency);
std::string format_money(int64_t cents, MoneyStyle style, const Currency& currency);
// Rounds half away from zero: value * 100 -> cents.
int64_t round_to_cents(double value);

}  // namespace anvil::datagen::fake
