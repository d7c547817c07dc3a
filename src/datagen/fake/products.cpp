// Faker: products with a category, SKU, selling unit and a price in the category's range.
#include <cctype>

#include "anvil/core/ascii.h"
#include "anvil/datagen/fake/faker.h"

namespace anvil::datagen::fake {

std::string Faker::sku(std::string_view category) {
  std::string prefix;
  for (char c : category) {
    if (std::isalpha(static_cast<unsigned char>(c)) && prefix.size() < 3) {
      prefix += ascii_upper(c);
    }
  }
  // Half in the catalog's own "ELE-12345" form, half as other shops write item numbers. One
  // random draw per statement (operands of + are evaluated in an unspecified order).
  std::string s;
  switch (integer(0, 7)) {
    case 0:  // "MX3-204B"
      s = letters(2);
      s += digits(1);
      s += "-";
      s += digits(3);
      s += letters(1);
      return s;
    case 1:  // plain numeric item numbers
      return digits(static_cast<int>(integer(6, 8)));
    case 2:  // "KDT4471"
      s = letters(3);
      s += digits(4);
      return s;
    case 3:  // "B-2209-QA"
      s = letters(1);
      s += "-";
      s += digits(4);
      s += "-";
      s += letters(2);
      return s;
    default:
      s = prefix + "-" + digits(5);
      if (chance(0.4)) s += "-" + letters(1);
      return s;
  }
}

Product Faker::product_in(const ProductCategory& category) {
  Product p;
  p.category = std::string(category.name);
  p.name = std::string(pick(category.items));
  if (chance(0.4)) p.name = std::string(pick(locale_.product_adjectives)) + " " + p.name;
  p.sku = sku(category.name);
  p.unit = std::string(pick(category.units));
  p.unit_price_cents = price_cents(category.min_cents, category.max_cents);
  return p;
}

Product Faker::product() { return product_in(pick(locale_.product_categories)); }

}  // namespace anvil::datagen::fake
