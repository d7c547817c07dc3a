// product_categorization: a product listing (marketplace title + bullets, catalog row, or
// supplier email line) -> category, product type, SKU and price.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kBrands = {"Acme",    "Northwind", "Contoso", "Globex",
                                               "Initech", "Umbrella",  "Stark",   "Wayne"};
const std::vector<std::string_view> kColors = {"Black", "White", "Silver", "Blue",
                                               "Gray",  "Red",   "Green"};

const std::vector<std::string_view> kInstructions = {
    "Categorize this product. Return JSON with category (one of: Office Supplies, Electronics, "
    "Furniture, Cleaning, Food & Beverage, Software, Industrial, Services), product_type, sku and "
    "price.",
    "Which catalog category does this listing belong to?",
    "Classify the product below for our store taxonomy.",
};

const InstructionParts kParts = {
    {"Categorize", "Classify", "Tag", "Sort", "Label", "Catalog", "Work out the category of",
     "Identify the category and type of"},
    {"this product", "this listing", "the item below", "this catalog row", "this product listing",
     "the following product", "this offer", "the product in this message"},
    {"", "", "for the catalog", "for our store taxonomy", "as JSON",
     "and give category, product_type, sku and price", "(category, type, SKU, price)",
     "and pull out its SKU and price"},
};

void generate(Faker& f, Example* ex) {
  const fake::ProductCategory& cat = f.pick(f.locale().product_categories);
  const std::string_view item = f.pick(cat.items);
  std::string brand(f.pick(kBrands));
  if (f.chance(0.5)) brand = f.coined_name(2, 3);  // brands a model cannot have memorised
  const std::string_view color = f.pick(kColors);
  const std::string sku = f.sku(cat.name);
  const int64_t price = f.price_cents(cat.min_cents, cat.max_cents);
  const std::string adjective(f.pick(f.locale().product_adjectives));
  const std::string title =
      brand + " " + adjective + " " + std::string(item) +
      (cat.name == "Software" || cat.name == "Services" ? "" : ", " + std::string(color));
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    const std::string bullet1 = f.sentence(5, 10);
    const std::string bullet2 = f.sentence(5, 10);
    doc = title + "\n$" + fake::decimal_cents(price) + "\n* " + bullet1 + "\n* " + bullet2 +
          "\nSKU: " + sku;
  } else if (ex->layout_id == 1) {
    doc = "sku\ttitle\tprice\n" + sku + "\t" + title + "\t" + fake::decimal_cents(price);
  } else {
    doc = "Hi, we can supply the " + title + " (item " + sku + ") at " +
          fake::format_money(price, fake::MoneyStyle::kSymbol, usd()) + " per " +
          std::string(f.pick(cat.units)) + ". Let me know if you want a quote.";
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("category").str(cat.name);
  j.key("product_type").str(item);
  j.key("sku").str(sku);
  j.key("price").money(price);
  j.end_object();
}

}  // namespace

SpecialistSpec product_categorization_spec() {
  return {"product_categorization",
          "product listings (3 layouts) -> category, product type, SKU, price",
          {{"category", FieldKind::kText},
           {"product_type", FieldKind::kText},
           {"sku", FieldKind::kExact},
           {"price", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
