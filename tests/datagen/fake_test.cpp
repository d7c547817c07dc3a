// Tests for the fake-data library: calendar arithmetic and formats, money formatting, IBAN check
// digits, realistic name frequencies, no short cycles, and typos that never touch digits.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "anvil/core/error.h"
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {
namespace {

TEST(FakeCalendar, DaysRoundTripAndKnownWeekdays) {
  for (int64_t d = -1000; d < 40000; d += 7) {
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  }
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(weekday({2024, 3, 7}), 3);  // Thursday
  EXPECT_EQ(weekday({2000, 1, 1}), 5);  // Saturday
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_TRUE(add_days({2024, 2, 28}, 2) == (Date{2024, 3, 1}));
}

TEST(FakeCalendar, EveryFormatWritesTheSameDate) {
  const Date d{2024, 3, 7};
  const std::map<DateFormat, std::string> expected = {
      {DateFormat::kIso, "2024-03-07"},
      {DateFormat::kUsSlash, "03/07/2024"},
      {DateFormat::kUsShort, "3/7/24"},
      {DateFormat::kEuDot, "07.03.2024"},
      {DateFormat::kEuSlash, "07/03/2024"},
      {DateFormat::kLong, "March 7, 2024"},
      {DateFormat::kLongWeekday, "Thursday, March 7, 2024"},
      {DateFormat::kDayMonthYear, "7 March 2024"},
      {DateFormat::kAbbrev, "Mar 7, 2024"},
      {DateFormat::kDashAbbrev, "07-Mar-2024"},
      {DateFormat::kCompact, "20240307"},
      {DateFormat::kOrdinal, "the 7th of March, 2024"}};
  ASSERT_EQ(expected.size(), static_cast<size_t>(DateFormat::kCount));
  for (const auto& [f, s] : expected) EXPECT_EQ(format_date(d, f), s) << date_format_name(f);
  EXPECT_EQ(format_date({2021, 11, 22}, DateFormat::kOrdinal), "the 22nd of November, 2021");
  EXPECT_EQ(format_time({14, 5}, true), "2:05 PM");
  EXPECT_EQ(format_time({0, 30}, true), "12:30 AM");
  EXPECT_EQ(format_time({9, 0}, false), "09:00");
}

TEST(FakeMoney, FormatsCentsExactly) {
  const Currency& usd = *find_currency("USD");
  EXPECT_EQ(format_money(123456, MoneyStyle::kSymbol, usd), "$1,234.56");
  EXPECT_EQ(format_money(-5, MoneyStyle::kSymbol, usd), "-$0.05");
  EXPECT_EQ(format_money(100000000, MoneyStyle::kCodeSuffix, usd), "1,000,000.00 USD");
  EXPECT_EQ(format_money(123456, MoneyStyle::kEuropean, *find_currency("EUR")),
            "1.234,56 \xE2\x82\xAC");
  EXPECT_EQ(decimal_cents(7), "0.07");
  EXPECT_EQ(grouped_integer(999), "999");
  EXPECT_EQ(grouped_integer(1000), "1,000");
  EXPECT_EQ(grouped_integer(-1234567, '.'), "-1.234.567");
  EXPECT_EQ(round_to_cents(2.675), 268);  // half away from zero on the nearest double
  EXPECT_EQ(find_currency("XYZ"), nullptr);
}

TEST(FakeMoney, IbansHaveValidCheckDigits) {
  Rng rng(5);
  Faker f(rng);
  for (int i = 0; i < 200; ++i) {
    std::string iban;
    for (char c : f.iban()) {
      if (c != ' ') iban += c;
    }
    const std::string moved = iban.substr(4) + iban.substr(0, 4);
    int r = 0;
    for (char c : moved) {
      if (c >= '0' && c <= '9') {
        r = (r * 10 + (c - '0')) % 97;
      } else {
        r = (r * 100 + (c - 'A' + 10)) % 97;
      }
    }
    EXPECT_EQ(r, 1) << iban;
  }
}

TEST(Faker, NamesFollowRealFrequenciesWithoutShortCycles) {
  Rng rng(1);
  Faker f(rng);
  std::map<std::string, int> last;
  std::set<std::string> full;
  for (int i = 0; i < 20000; ++i) {
    const Person p = f.person();
    ++last[p.last];
    full.insert(p.full());
  }
  EXPECT_GT(last["Smith"], last["Kowalski"] * 20);
  EXPECT_GT(last["Smith"], 20000 * 0.01);
  EXPECT_GT(full.size(), 10000u);  // no obvious cycles
}

// A listed city comes with its own state and ZIP prefix; about a third of the towns are coined
// (not in the table) but still sit in a real state and ZIP area. Street names are open-ended, so a
// model trained on them has to copy rather than recall.
TEST(Faker, AddressesUseARealStateAndPostcodePrefixAndOpenEndedNames) {
  Rng rng(2);
  Faker f(rng);
  int coined = 0;
  std::set<std::string> streets;
  for (int i = 0; i < 500; ++i) {
    const Address a = f.address();
    bool listed = false, area = false;
    for (const City& c : f.locale().cities) {
      const bool same_area = c.state_code == a.state_code && a.postcode.compare(0, 3, c.zip_prefix) == 0;
      area |= same_area;
      listed |= same_area && c.name == a.city;
    }
    EXPECT_TRUE(area) << a.one_line();
    bool in_table = false;
    for (const City& c : f.locale().cities) in_table |= c.name == a.city;
    EXPECT_TRUE(listed || !in_table) << a.one_line();
    coined += !in_table;
    EXPECT_EQ(a.postcode.size(), 5u);
    streets.insert(a.street.substr(0, a.street.rfind(' ')));
  }
  EXPECT_GT(coined, 120) << "coined towns";
  EXPECT_LT(coined, 230) << "coined towns";
  EXPECT_GT(streets.size(), 5 * f.locale().street_names.size()) << "street names";
}

TEST(Faker, PricesHaveCentsAndStayInRange) {
  Rng rng(3);
  Faker f(rng);
  int with_cents = 0;
  for (int i = 0; i < 1000; ++i) {
    const int64_t c = f.price_cents(199, 8999);
    EXPECT_GE(c, 199);
    EXPECT_LE(c, 8999);
    with_cents += c % 100 != 0;
  }
  EXPECT_GT(with_cents, 700);
}

TEST(Faker, TyposChangeLettersButNeverDigits) {
  Rng rng(4);
  Faker f(rng);
  const std::string text = "Please confirm order 48213 for 12 units delivered on 2024-03-07.";
  int changed = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string noisy = f.with_typos(text, 0.5);
    std::string digits_in, digits_out;
    for (char c : text) digits_in += std::isdigit(static_cast<unsigned char>(c)) ? c : ' ';
    for (char c : noisy) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits_out += c;
    }
    std::string compact_in;
    for (char c : digits_in) {
      if (c != ' ') compact_in += c;
    }
    EXPECT_EQ(digits_out, compact_in);
    changed += noisy != text;
  }
  EXPECT_GT(changed, 50);
}

TEST(Faker, SameSeedSameValues) {
  Rng a(9), b(9);
  Faker fa(a), fb(b);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(fa.person().full(), fb.person().full());
    EXPECT_EQ(fa.address().one_line(), fb.address().one_line());
    EXPECT_EQ(fa.phone(), fb.phone());
  }
  EXPECT_THROW(find_locale("xx_XX"), Error);
}

}  // namespace
}  // namespace anvil::datagen::fake
