// receipt_parsing: a point-of-sale receipt (thermal printout, restaurant check with tip, e-receipt
// email) -> merchant, date, time, items, subtotal, tax, tip, total and payment method.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct ItemKind {
  std::string_view name;
  int64_t min_cents;
  int64_t max_cents;
};

const std::vector<ItemKind> kGrocery = {
    {"Bananas", 59, 299},          {"Whole Milk 1gal", 299, 549}, {"Sourdough Bread", 349, 699},
    {"Large Eggs 12ct", 249, 699}, {"Cheddar Cheese", 399, 899},  {"Chicken Breast", 699, 1499},
    {"Baby Spinach", 299, 549},    {"Orange Juice", 349, 699},    {"Ground Coffee", 799, 1699},
    {"Pasta", 129, 349},           {"Tomato Sauce", 199, 499},    {"Greek Yogurt", 99, 649},
    {"Avocados", 99, 499},         {"Paper Towels", 599, 1999},   {"Dish Soap", 249, 599}};
const std::vector<ItemKind> kRestaurant = {
    {"Cheeseburger", 1099, 1799}, {"Caesar Salad", 899, 1499},   {"Margherita Pizza", 1299, 1999},
    {"Fish Tacos", 1199, 1699},   {"Iced Tea", 299, 499},        {"Craft IPA", 699, 999},
    {"French Fries", 399, 699},   {"Chicken Wings", 1099, 1599}, {"Espresso", 299, 449},
    {"Cheesecake", 699, 999},     {"Pad Thai", 1299, 1799},      {"House Red Wine", 899, 1499}};
const std::vector<std::string_view> kStoreKinds = {"Market", "Grocers", "Foods", "Pantry",
                                                   "Corner Store"};
const std::vector<std::string_view> kRestaurantKinds = {"Bistro", "Grill",  "Kitchen",
                                                        "Diner",  "Tavern", "Cafe"};
const std::vector<std::string_view> kCards = {"VISA", "MASTERCARD", "AMEX", "DISCOVER"};

const std::vector<std::string_view> kInstructions = {
    "Extract merchant, date, time, items, subtotal, tax, tip, total and payment_method from this "
    "receipt as JSON.",
    "Turn this receipt into JSON for my expense report.",
    "Parse the receipt. Use ISO dates, 24-hour times and numbers for amounts.",
    "What was bought, when, and for how much? Answer with the receipt as JSON.",
};

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  const bool restaurant = ex->layout_id == 1;
  const std::string owner = f.last_name();
  const std::string_view kind = restaurant ? f.pick(kRestaurantKinds) : f.pick(kStoreKinds);
  const std::string merchant =
      f.chance(0.5) ? owner + "'s " + std::string(kind)
                    : std::string(f.pick(f.locale().company_words)) + " " + std::string(kind);
  const fake::Address address = f.address();
  const fake::Date date = f.recent_date();
  fake::TimeOfDay time = f.business_time();
  if (restaurant) time.hour = static_cast<int>(f.integer(11, 21));
  const std::vector<ItemKind>& menu = restaurant ? kRestaurant : kGrocery;
  struct Item {
    std::string_view name;
    int64_t quantity;
    int64_t price;  // line price
  };
  std::vector<Item> items(static_cast<size_t>(f.integer(1, restaurant ? 5 : 8)));
  int64_t subtotal = 0;
  for (Item& it : items) {
    const ItemKind& k = f.pick(menu);
    it.name = k.name;
    it.quantity = f.chance(0.7) ? 1 : f.integer(2, 4);
    const int64_t unit = f.price_cents(k.min_cents, k.max_cents);
    it.price = unit * it.quantity;
    subtotal += it.price;
  }
  const int64_t tax_bp = f.integer(4, 10) * 100 + (f.chance(0.5) ? 25 : 0);
  const int64_t tax = (subtotal * tax_bp + 5000) / 10000;
  const int64_t tip =
      restaurant ? (subtotal * f.pick(std::vector<int64_t>{15, 18, 20, 22}) + 50) / 100 : 0;
  const int64_t total = subtotal + tax + tip;
  std::string payment;
  std::string payment_line;
  if (f.chance(0.2)) {
    payment = "cash";
    payment_line = "CASH";
  } else {
    const std::string_view card = f.pick(kCards);
    payment = snake_label(card);
    payment_line = std::string(card) + " ****" + f.digits(4);
  }
  auto m = [](int64_t c) { return fake::decimal_cents(c); };
  const bool twelve = f.chance(0.5);

  std::string doc;
  switch (ex->layout_id) {
    case 0: {  // thermal printout
      std::string upper = merchant;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      doc += upper + "\n" + address.line1() + "\n" + address.city + ", " + address.state_code +
             "\n" + fake::format_date(date, fake::DateFormat::kUsSlash) + " " +
             fake::format_time(time, twelve) + "\n--------------------------------\n";
      for (const Item& it : items) {
        std::string label = std::string(it.name);
        if (it.quantity > 1) label = std::to_string(it.quantity) + " @ " + label;
        doc += pad(label, 24) + m(it.price) + "\n";
      }
      doc += "--------------------------------\n" + pad("SUBTOTAL", 24) + m(subtotal) + "\n" +
             pad("TAX", 24) + m(tax) + "\n" + pad("TOTAL", 24) + m(total) + "\n" + payment_line;
      break;
    }
    case 1: {  // restaurant check
      doc += merchant + "\n" + address.one_line() + "\nServer: " + f.first_name() + "   Table " +
             std::to_string(f.integer(1, 40)) + "\n" + fake::format_date(date, us_date_format(f)) +
             " at " + fake::format_time(time, twelve) + "\n\n";
      for (const Item& it : items) {
        doc += std::to_string(it.quantity) + "  " + pad(std::string(it.name), 22) + "$" +
               m(it.price) + "\n";
      }
      doc += "\nSubtotal  $" + m(subtotal) + "\nTax  $" + m(tax) + "\nTip  $" + m(tip) +
             "\nTotal  $" + m(total) + "\nPaid with " + payment_line;
      break;
    }
    default: {  // e-receipt email
      doc += "Subject: Your receipt from " + merchant + "\n\nThanks for shopping with us on " +
             fake::format_date(date, us_date_format(f)) + " at " + fake::format_time(time, twelve) +
             ".\n\nOrder summary:\n";
      for (const Item& it : items) {
        doc += "  " + std::string(it.name) + " (x" + std::to_string(it.quantity) + "): $" +
               m(it.price) + "\n";
      }
      doc += "Subtotal: $" + m(subtotal) + "\nSales tax: $" + m(tax) + "\nOrder total: $" +
             m(total) + "\nPayment: " + payment_line + "\n\n" + merchant + ", " +
             address.one_line();
    }
  }
  compose_prompt(f, ex, kInstructions, doc);

  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("merchant").str(merchant);
  j.key("date").str(fake::iso_date(date));
  j.key("time").str(fake::iso_time(time));
  j.key("items").begin_array();
  for (const Item& it : items) {
    j.begin_object().key("name").str(it.name).key("quantity").integer(it.quantity);
    j.key("price").money(it.price).end_object();
  }
  j.end_array();
  j.key("subtotal").money(subtotal);
  j.key("tax").money(tax);
  j.key("tip").money(tip);
  j.key("total").money(total);
  j.key("payment_method").str(payment);
  j.end_object();
}

}  // namespace

SpecialistSpec receipt_parsing_spec() {
  return {
      "receipt_parsing",
      "receipt (thermal, restaurant, e-receipt) -> merchant, date, time, items, totals, payment",
      {{"merchant", FieldKind::kText},
       {"date", FieldKind::kExact},
       {"time", FieldKind::kExact},
       {"items", FieldKind::kSet},
       {"subtotal", FieldKind::kNumber},
       {"tax", FieldKind::kNumber},
       {"tip", FieldKind::kNumber},
       {"total", FieldKind::kNumber},
       {"payment_method", FieldKind::kText}},
      &generate};
}

}  // namespace anvil::datagen::specialists
