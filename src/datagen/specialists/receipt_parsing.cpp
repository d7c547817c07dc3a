// receipt_parsing: a point-of-sale receipt (supermarket thermal printout, restaurant check with
// printed tip suggestions beside the tip written in, e-receipt email, cafe tablet receipt, deli
// slip paid in cash with change) -> merchant, date, time, items, subtotal, tax, tip, total and
// payment method. Merchants and items are open-ended (invented names and brands, sizes such as
// "16oz", capitals on registers), quantities written as "2 @ 4.99" under the line or before it.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct ItemKind {
  std::string_view name;
  int64_t min_cents;
  int64_t max_cents;
  std::vector<std::string_view> sizes = {};  // how a label may add its size: "12ct", "16oz"
};

const std::vector<ItemKind> kGrocery = {{"Bananas", 59, 299},
                                        {"Whole Milk", 299, 549, {"1gal", "half gal"}},
                                        {"Sourdough Bread", 349, 699},
                                        {"Large Eggs", 249, 699, {"12ct", "18ct"}},
                                        {"Cheddar Cheese", 399, 899},
                                        {"Chicken Breast", 699, 1499},
                                        {"Baby Spinach", 299, 549, {"5 OZ", "10 OZ"}},
                                        {"Orange Juice", 349, 699, {"52oz", "1gal"}},
                                        {"Ground Coffee", 799, 1699, {"12oz", "2 lb"}},
                                        {"Pasta", 129, 349, {"16oz"}},
                                        {"Tomato Sauce", 199, 499, {"24oz"}},
                                        {"Greek Yogurt", 99, 649, {"32oz", "5.3oz"}},
                                        {"Avocados", 99, 499},
                                        {"Paper Towels", 599, 1999, {"6pk", "12pk"}},
                                        {"Dish Soap", 249, 599, {"19oz"}},
                                        {"Kung Pao Chicken", 399, 699},
                                        {"Coconut Water", 99, 599, {"12pk", "1L"}},
                                        {"Tortellini", 199, 399},
                                        {"Sausage Egg & Cheese", 399, 699},
                                        {"Sports Drink", 149, 299, {"28OZ", "20OZ"}}};
const std::vector<ItemKind> kRestaurant = {
    {"Cheeseburger", 1099, 1799}, {"Caesar Salad", 899, 1499},    {"Margherita Pizza", 1299, 1999},
    {"Fish Tacos", 1199, 1699},   {"Iced Tea", 299, 499},         {"Craft IPA", 699, 999},
    {"French Fries", 399, 699},   {"Chicken Wings", 1099, 1599},  {"Espresso", 299, 449},
    {"Cheesecake", 699, 999},     {"Pad Thai", 1299, 1799},       {"House Red Wine", 899, 1499},
    {"Bruschetta", 1199, 1899},   {"Rigatoni Vodka", 1699, 2499}, {"Sea Bass", 2599, 3899},
    {"Glass Chianti", 1099, 1599}};
const std::vector<ItemKind> kCafe = {{"Cortado", 475, 695, {"12oz", "16oz"}},
                                     {"Cold Brew", 225, 395, {"12oz", "16oz", "LG"}},
                                     {"Pain au Chocolat", 375, 550},
                                     {"Flat White", 425, 595, {"16oz", "LG"}},
                                     {"Chai Latte", 450, 625, {"12oz", "16oz"}},
                                     {"Everything Bagel", 250, 450},
                                     {"Cappuccino", 395, 575, {"8oz", "12oz"}},
                                     {"Blueberry Muffin", 325, 475},
                                     {"Matcha Latte", 495, 695, {"12oz", "16oz"}}};
const std::vector<std::string_view> kCards = {"VISA", "MASTERCARD", "AMEX", "DISCOVER"};

// Layouts: a supermarket's thermal printout, a restaurant check, an e-receipt email, a cafe's
// tablet receipt, a deli's short slip.
enum Layout { kThermal, kCheck, kEmail, kCafePos, kDeli };

const std::vector<std::string_view> kInstructions = {
    "Extract merchant, date, time, items, subtotal, tax, tip, total and payment_method from this "
    "receipt as JSON.",
    "Turn this receipt into JSON for my expense report.",
    "Parse the receipt. Use ISO dates, 24-hour times and numbers for amounts.",
    "What was bought, when, and for how much? Answer with the receipt as JSON.",
};

const InstructionParts kParts = {
    {"Parse", "Log", "Turn into JSON", "Extract", "Read"},
    {"this receipt", "the receipt above", "this", "the receipt below", "my receipt"},
    {"", "as JSON", "for my expenses", "(ISO date, 24h time, line prices)",
     "- json w/ merchant, date, time, items, totals, payment"},
};

// A merchant's name: an owner's, an invented one, or two words, with the kind of shop.
std::string merchant_name(Faker& f, Layout layout) {
  static const std::vector<std::string_view> kStores = {"Market", "Grocers",      "Foods",
                                                        "Pantry", "Corner Store", "Food Mart"};
  static const std::vector<std::string_view> kRestaurants = {
      "Bistro", "Grill", "Kitchen", "Diner", "Tavern", "Osteria", "Trattoria"};
  static const std::vector<std::string_view> kCafes = {"Coffee", "Cafe", "Roasters", "Espresso Bar",
                                                       "Bakery"};
  static const std::vector<std::string_view> kFirst = {"Little", "Lucky", "Blue", "Golden",
                                                       "Red",    "Green", "Old",  "North"};
  static const std::vector<std::string_view> kSecond = {"Wolf", "Star", "Door", "Oak",
                                                        "Fox",  "Pine", "Mill", "Harbor"};
  const std::vector<std::string_view>& kinds = layout == kCheck     ? kRestaurants
                                               : layout == kCafePos ? kCafes
                                                                    : kStores;
  const std::string kind(f.pick(kinds));
  switch (f.integer(0, 3)) {
    case 0:
      return f.last_name() + "'s " + kind;
    case 1:
      return f.coined_name(2, 3) + " " + kind;
    case 2: {
      const std::string first(f.pick(kFirst));
      return first + " " + std::string(f.pick(kSecond)) + " " + kind;
    }
    default:
      return std::string(f.pick(f.locale().company_words)) + " " + kind;
  }
}

struct Item {
  std::string name;
  int64_t quantity;
  int64_t unit;   // price of one
  int64_t price;  // line price
};

// Items as shops name them: a brand three times in ten, half of them with their size.
std::vector<Item> draw_items(Faker& f, Layout layout) {
  const std::vector<ItemKind>& menu = layout == kCheck     ? kRestaurant
                                      : layout == kCafePos ? kCafe
                                                           : kGrocery;
  std::vector<Item> items(static_cast<size_t>(f.integer(1, layout == kCheck ? 5 : 7)));
  for (Item& it : items) {
    const ItemKind& k = f.pick(menu);
    it.name = std::string(k.name);
    if (layout != kCheck && f.chance(0.3)) it.name = f.coined_name(1, 2) + " " + it.name;
    if (!k.sizes.empty() && f.chance(0.5)) it.name += " " + std::string(f.pick(k.sizes));
    if (layout == kThermal || layout == kDeli) it.name = ascii_upper(it.name);
    it.quantity = f.chance(0.7) ? 1 : f.integer(2, 4);
    it.unit = f.price_cents(k.min_cents, k.max_cents);
    it.price = it.unit * it.quantity;
  }
  return items;
}

std::string money(int64_t cents) { return fake::decimal_cents(cents); }

// "10-14-2024" or "11/02/24", as registers print them.
std::string register_date(Faker& f, const fake::Date& d) {
  char s[16];
  if (f.chance(0.5)) {
    std::snprintf(s, sizeof s, "%02d-%02d-%04d", d.month, d.day, d.year);
  } else {
    std::snprintf(s, sizeof s, "%02d/%02d/%02d", d.month, d.day, d.year % 100);
  }
  return s;
}

// The receipt as facts; the text and the answer are written from them.
struct Sale {
  std::string merchant;
  fake::Address address;
  fake::Date date;
  fake::TimeOfDay time;
  bool twelve = false;
  std::vector<Item> items;
  int64_t subtotal = 0, tax = 0, tip = 0, total = 0;
  std::string tax_rate;  // "8.875%"
  std::string card;      // "VISA", or empty for cash
  std::string last4;
  int64_t tendered = 0;  // cash handed over
};

std::string thermal(Faker& f, const Sale& s, bool deli) {
  std::string doc = ascii_upper(s.merchant);
  if (!deli && f.chance(0.5)) doc += " #" + std::to_string(f.integer(100, 999));
  doc += deli ? "\n" + ascii_upper(s.address.one_line())
              : "\n" + s.address.line1() + "\n" + s.address.city + ", " + s.address.state_code;
  const std::string when = register_date(f, s.date) + " " + fake::format_time(s.time, s.twelve);
  const bool when_last = !deli && f.chance(0.5);
  if (!when_last) doc += "\n" + when;
  doc += "\n\n";
  for (const Item& it : s.items) {
    if (deli && it.quantity > 1) {
      doc += pad(std::to_string(it.quantity) + " " + it.name, 26) + money(it.price) + "\n";
    } else {
      doc += pad(it.name, 26) + money(it.price) + "\n";
      if (it.quantity > 1)
        doc += "   " + std::to_string(it.quantity) + " @ " + money(it.unit) + "\n";
    }
  }
  doc += pad("SUBTOTAL", 26) + money(s.subtotal) + "\n" + pad("TAX", 26) + money(s.tax) + "\n" +
         pad("TOTAL", 26) + money(s.total) + "\n";
  if (s.card.empty()) {
    doc += pad("CASH", 26) + money(s.tendered) + "\n" + pad("CHANGE", 26) +
           money(s.tendered - s.total);
  } else if (f.chance(0.5)) {
    doc += pad(s.card, 26) + money(s.total) + "\nCARD # XXXXXXXXXXXX" + s.last4;
  } else {
    doc += s.card + " ****" + s.last4;
  }
  if (when_last) {
    const std::string store = std::to_string(f.integer(10, 999));
    doc += "\n" + when + "  STORE " + store + "  TERM " + std::to_string(f.integer(1, 9));
  }
  return doc;
}

std::string check(Faker& f, const Sale& s) {
  const std::string server = f.first_name();
  const int64_t table = f.integer(1, 40);
  std::string doc = s.merchant + "\n" + s.address.one_line() + "\nServer: " + server + "  Table " +
                    std::to_string(table) + "\n" +
                    fake::format_date(s.date, fake::DateFormat::kUsSlash) + "  " +
                    fake::format_time(s.time, s.twelve) + "   Check #" +
                    std::to_string(f.integer(1000, 9999)) + "\n\n";
  for (const Item& it : s.items) {
    doc += std::to_string(it.quantity) + " " + pad(it.name, 28) + money(it.price) + "\n";
  }
  doc +=
      "\n" + pad("Subtotal", 30) + money(s.subtotal) + "\n" + pad("Tax", 30) + money(s.tax) + "\n";
  if (f.chance(0.5)) {  // the printed suggestions are not the tip
    doc += pad("Amount", 30) + money(s.subtotal + s.tax) + "\n\nSuggested gratuity:\n";
    for (int pct : {18, 20, 22}) {
      doc += std::to_string(pct) + "% = " + money((s.subtotal * pct + 50) / 100) + "   ";
    }
    doc += "\n\n";
  }
  doc += "Tip:        " + money(s.tip) + "\nTotal:      " + money(s.total) + "\n\n";
  doc += s.card.empty() ? "Paid cash" : s.card + " XXXXXXXXXXX" + s.last4;
  return doc;
}

std::string email(Faker& f, const Sale& s) {
  std::string doc = "Subject: Your receipt from " + s.merchant +
                    "\n\nThanks for shopping with us on " +
                    fake::format_date(s.date, us_date_format(f)) + " at " +
                    fake::format_time(s.time, s.twelve) + ".\n\nOrder summary:\n";
  for (const Item& it : s.items) {
    doc += "  " + it.name + " (x" + std::to_string(it.quantity) + "): $" + money(it.price) + "\n";
  }
  return doc + "Subtotal: $" + money(s.subtotal) + "\nSales tax: $" + money(s.tax) +
         "\nOrder total: $" + money(s.total) +
         "\nPayment: " + (s.card.empty() ? std::string("cash") : s.card + " ****" + s.last4) +
         "\n\n" + s.merchant + ", " + s.address.one_line();
}

std::string cafe(Faker& f, const Sale& s) {
  const std::string receipt = std::to_string(f.integer(1, 9));
  const std::string number = std::to_string(f.integer(1000, 9999));
  const std::string reg = std::to_string(f.integer(1, 4));
  std::string doc = s.merchant + "\n" + s.address.line1() + ", " + s.address.city + " " +
                    s.address.state_code + "\n" +
                    fake::format_date(s.date, fake::DateFormat::kAbbrev) + " " +
                    fake::format_time(s.time, true) + "\nReceipt #" + receipt + "-" + number +
                    "   Register: iPad " + reg + "\n\n";
  for (const Item& it : s.items) {
    const std::string name =
        it.quantity > 1 ? it.name + " x" + std::to_string(it.quantity) : it.name;
    doc += pad(name, 26) + "$" + money(it.price) + "\n";
  }
  doc += "\n" + pad("Subtotal", 25) + "$" + money(s.subtotal) + "\n" +
         pad("Tax (" + s.tax_rate + ")", 25) + "$" + money(s.tax) + "\n";
  if (s.tip > 0) doc += pad("Tip", 25) + "$" + money(s.tip) + "\n";
  doc += pad("Total", 25) + "$" + money(s.total) + "\n\n";
  if (s.card.empty()) return doc + "Cash\nThank you! Come back soon";
  const std::string brand = capitalized(ascii_lower(s.card));
  return doc + brand + " \u2022\u2022\u2022\u2022 " + s.last4 +
         "  (Chip)\nThank you! Come back soon";
}

Sale draw_sale(Faker& f, Layout layout) {
  Sale s;
  s.merchant = merchant_name(f, layout);
  s.address = f.address();
  s.date = f.recent_date();
  s.time = f.business_time();
  if (layout == kCheck) s.time.hour = static_cast<int>(f.integer(11, 21));
  if (layout == kCafePos || layout == kDeli) s.time.hour = static_cast<int>(f.integer(6, 15));
  s.twelve = f.chance(0.5);
  s.items = draw_items(f, layout);
  for (const Item& it : s.items) s.subtotal += it.price;
  const int64_t tax_bp = f.integer(4, 10) * 100 + (f.chance(0.5) ? 25 : 0);
  s.tax = (s.subtotal * tax_bp + 5000) / 10000;
  s.tax_rate = std::to_string(tax_bp / 100) + (tax_bp % 100 ? ".25%" : "%");
  if (layout == kCheck) {
    s.tip = (s.subtotal * f.pick(std::vector<int64_t>{15, 18, 20, 22}) + 50) / 100;
  } else if (layout == kCafePos && f.chance(0.5)) {
    s.tip = (s.subtotal * 20 + 50) / 100;
  }
  s.total = s.subtotal + s.tax + s.tip;
  if (f.chance(layout == kDeli ? 0.5 : 0.2)) {
    s.tendered = (s.total / 2000 + 1) * 2000;  // the next $20 up
  } else {
    s.card = std::string(f.pick(kCards));
    s.last4 = f.digits(4);
  }
  return s;
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  const auto layout = static_cast<Layout>(ex->layout_id);
  const Sale s = draw_sale(f, layout);
  const std::string doc = layout == kCheck     ? check(f, s)
                          : layout == kEmail   ? email(f, s)
                          : layout == kCafePos ? cafe(f, s)
                                               : thermal(f, s, layout == kDeli);
  compose_prompt(f, ex, kInstructions, kParts, doc);

  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("merchant").str(s.merchant);
  j.key("date").str(fake::iso_date(s.date));
  j.key("time").str(fake::iso_time(s.time));
  j.key("items").begin_array();
  for (const Item& it : s.items) {
    j.begin_object().key("name").str(it.name).key("quantity").integer(it.quantity);
    j.key("price").money(it.price).end_object();
  }
  j.end_array();
  j.key("subtotal").money(s.subtotal);
  j.key("tax").money(s.tax);
  j.key("tip").money(s.tip);
  j.key("total").money(s.total);
  j.key("payment_method").str(s.card.empty() ? "cash" : snake_label(s.card));
  j.end_object();
}

}  // namespace

SpecialistSpec receipt_parsing_spec() {
  return {"receipt_parsing",
          "receipt (thermal, restaurant, e-receipt, cafe, deli) -> merchant, date, time, items, "
          "totals, "
          "payment",
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
