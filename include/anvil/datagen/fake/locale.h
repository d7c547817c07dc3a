// Locale tables for the fake-data library: names with real-world frequencies, streets, cities
// with their state, postcode prefix and area code, company parts, job titles, products, and a
// plain English word list. en_US ships built in; a new locale is a new table file plus an entry
// in find_locale().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/rng.h"

namespace anvil::datagen::fake {

// Values drawn in proportion to their weight (e.g. name frequency per 100k people).
class WeightedTable {
 public:
  WeightedTable() = default;
  WeightedTable(std::initializer_list<std::pair<std::string_view, uint32_t>> entries);
  std::string_view sample(Rng& rng) const;
  size_t size() const { return values_.size(); }
  const std::vector<std::string_view>& values() const { return values_; }

 private:
  std::vector<std::string_view> values_;
  std::vector<uint64_t> cumulative_;  // running sum of weights
};

struct City {
  std::string_view name;
  std::string_view state;       // "California"
  std::string_view state_code;  // "CA"
  std::string_view zip_prefix;  // first 3 digits of the postcode
  std::string_view area_code;   // telephone area code
};

struct ProductCategory {
  std::string_view name;                // "Office Supplies"
  std::vector<std::string_view> items;  // "Stapler", "Printer Paper"...
  std::vector<std::string_view> units;  // "each", "box", "ream"
  int64_t min_cents;                    // plausible unit-price range
  int64_t max_cents;
};

struct Locale {
  std::string code;  // "en_US"
  WeightedTable female_first_names;
  WeightedTable male_first_names;
  WeightedTable last_names;
  std::vector<std::string_view> street_names;
  std::vector<std::string_view> street_suffixes;  // "Street", "Ave"...
  std::vector<std::string_view> unit_prefixes;    // "Apt", "Suite", "Unit", "#"
  std::vector<std::string_view> street_directions;  // "N", "SW", "North"
  std::vector<std::string_view> town_endings;       // "ville", " Falls" (after a coined name)
  // Syllables of coined names (towns, streets, brands) that sound like the language.
  std::vector<std::string_view> name_onsets, name_vowels, name_codas;
  std::vector<City> cities;
  std::vector<std::string_view> company_words;
  std::vector<std::string_view> company_suffixes;  // "Inc.", "LLC"
  std::vector<std::string_view> job_titles;
  std::vector<std::string_view> departments;
  std::vector<std::string_view> free_email_domains;
  std::vector<std::string_view> top_level_domains;
  std::vector<ProductCategory> product_categories;
  std::vector<std::string_view> product_adjectives;
  std::vector<std::string_view> words;  // common English words for filler text
  std::string_view country;             // "United States"
  std::string_view country_code;        // "US"
  std::string_view currency_code;       // "USD"
};

const Locale& locale_en_us();
// The locale called `code` ("en_US"); throws a usage error listing the known ones.
const Locale& find_locale(std::string_view code);

}  // namespace anvil::datagen::fake
