// Faker: the seeded source of realistic fake values (people, companies, addresses, contact
// details, dates, money, products, filler text and typos) that the specialist generators build
// documents from. It draws only from the Rng it is given, so the same seed gives the same values.
// Methods are grouped by domain and implemented in src/datagen/fake/<domain>.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/rng.h"
#include "anvil/datagen/fake/date.h"
#include "anvil/datagen/fake/locale.h"
#include "anvil/datagen/fake/money.h"

namespace anvil::datagen::fake {

struct Person {
  std::string first;
  std::string middle_initial;  // "J" or ""
  std::string last;
  bool female = false;
  std::string full() const;    // "Mary J. Smith" / "Mary Smith"
  std::string formal() const;  // "Smith, Mary"
};

struct Address {
  std::string number;  // "1428"
  std::string street;  // "Elm Street"
  std::string unit;    // "Apt 4B" or ""
  std::string city;
  std::string state;             // "Illinois"
  std::string state_code;        // "IL"
  std::string postcode;          // "60614"
  std::string country;           // "United States"
  std::string line1() const;     // "1428 Elm Street, Apt 4B"
  std::string one_line() const;  // "1428 Elm Street, Apt 4B, Chicago, IL 60614"
  std::string block() const;     // two lines: street, then "Chicago, IL 60614"
};

struct Company {
  std::string name;    // "Harbor Analytics LLC"
  std::string domain;  // "harboranalytics.com"
};

struct Product {
  std::string name;      // "Ergonomic Stapler"
  std::string sku;       // "OFF-48213-B"
  std::string category;  // "Office Supplies"
  std::string unit;      // "each"
  int64_t unit_price_cents = 0;
};

class Faker {
 public:
  explicit Faker(Rng& rng, const Locale& locale = locale_en_us()) : rng_(rng), locale_(locale) {}

  Rng& rng() { return rng_; }
  const Locale& locale() const { return locale_; }

  // --- basics
  int64_t integer(int64_t lo, int64_t hi) { return rng_.uniform_int(lo, hi); }
  bool chance(double p) { return rng_.bernoulli(p); }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return rng_.choice(v);
  }
  // "000123"-style zero-padded digits.
  std::string digits(int count);
  // Upper-case letters.
  std::string letters(int count);

  // --- names.cpp
  Person person();
  std::string first_name();
  std::string last_name();
  Company company();
  std::string job_title();
  std::string department();
  // A pronounceable invented name ("Brandell", "Tovaris"), capitalised: what a model cannot have
  // memorised, so it has to copy it (towns, streets and brands use these in part).
  std::string coined_name(int min_syllables = 2, int max_syllables = 3);

  // --- addresses.cpp
  // Street and city are open-ended: list names, surnames, ordinals, coined names, directions; a
  // third of the towns are coined (with a real state and ZIP prefix).
  Address address();
  std::string street_name();  // "Maple", "W 45th", "Okafor", "Old Mill", "Tovaris"

  // --- internet.cpp (emails, phones, urls, handles)
  std::string email(const Person& p, std::string_view domain);  // work address at `domain`
  std::string personal_email(const Person& p);                  // at a free provider
  std::string phone(std::string_view area_code = {});           // one of several US layouts
  std::string url(std::string_view domain);
  std::string username(const Person& p);
  std::string ipv4();

  // --- dates.cpp
  Date date_between(const Date& lo, const Date& hi);  // inclusive, uniform
  Date recent_date();                                 // 2019..2025
  Date birth_date();                                  // adults, 1950..2004
  TimeOfDay business_time();                          // 08:00..17:45, quarter hours mostly

  // --- money.cpp
  // A price between lo and hi cents, log-uniform (small amounts are common), with realistic
  // endings (.99, .00, .50 more often than chance).
  int64_t price_cents(int64_t lo, int64_t hi);
  std::string iban();            // "DE44 5001 0517 5407 3249 31"-like, valid check digits
  std::string account_number();  // 10-12 digits
  std::string invoice_number();  // "INV-2024-00417" and other layouts
  std::string po_number();       // "PO-88213"
  std::string reference(std::string_view prefix, int digit_count);

  // --- products.cpp
  Product product();
  Product product_in(const ProductCategory& category);
  std::string sku(std::string_view category);

  // --- text.cpp
  // A plausible business sentence ("The vendor confirmed the delivery schedule by Friday.");
  // max_words bounds optional clauses, min_words is unused by the en_US grammar.
  std::string sentence(int min_words = 6, int max_words = 14);
  std::string paragraph(int sentences);

  // --- noise.cpp
  // Realistic typos at about `rate` per word: swapped, dropped, doubled and neighbouring-key
  // letters. Digits are never touched, so facts in the text stay true.
  std::string with_typos(std::string_view text, double rate);

 private:
  Rng& rng_;
  const Locale& locale_;
};

}  // namespace anvil::datagen::fake
