// expense_categorization: a card statement or expense report of merchant charges -> each line's
// expense category (from what the merchant is) and the totals per category. Merchants as cards
// print them (processor prefixes "SQ *", "TST* ", store numbers, reference digits, city and
// state) from about sixty names whose words say what they sell, or two in five an invented name
// with its trade's word ("VELDORA SUITES"); fixed-width statements, CSV exports with card and
// memo columns, numbered expense reports with notes.
// Worked steps: each charge's merchant as printed and its category, one line each, with the
// category's running sum as a calculator call (the sum on the category's latest line above, or 0,
// plus this charge: a small model finds the latest line of a category far more reliably than it
// gathers all of them); then each category's last sum, and the grand total by the calculator.
#include <map>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Merchant {
  std::string_view name;
  std::string_view category;
  int64_t min_cents, max_cents;
};

// Category order here is the order of the totals object.
const std::vector<std::string_view> kCategories = {
    "travel", "lodging", "meals", "transportation", "software", "office_supplies", "utilities"};
const std::vector<Merchant> kMerchants = {
    {"DELTA AIR LINES", "travel", 12000, 90000},
    {"UNITED AIRLINES", "travel", 12000, 90000},
    {"SUN COUNTRY AIR", "travel", 9000, 60000},
    {"HAWAIIAN AIRLINES", "travel", 12000, 90000},
    {"ALLEGIANT AIR", "travel", 9000, 50000},
    {"AIR CANADA", "travel", 9000, 50000},
    {"AMTRAK", "travel", 3000, 30000},
    {"EXPEDIA", "travel", 10000, 120000},
    {"MARRIOTT HOTELS", "lodging", 14000, 60000},
    {"HILTON GARDEN INN", "lodging", 12000, 45000},
    {"AIRBNB", "lodging", 9000, 70000},
    {"WESTIN HOTELS", "lodging", 15000, 80000},
    {"LA QUINTA INN", "lodging", 11000, 40000},
    {"HOLIDAY INN EXPRESS", "lodging", 10000, 35000},
    {"BEST WESTERN", "lodging", 9000, 30000},
    {"STARBUCKS", "meals", 350, 2500},
    {"CHIPOTLE", "meals", 900, 4500},
    {"OLIVE GARDEN", "meals", 2500, 18000},
    {"DOORDASH", "meals", 1500, 9000},
    {"UBER EATS", "meals", 1500, 9000},
    {"JERSEY MIKES", "meals", 900, 4000},
    {"PEETS COFFEE", "meals", 400, 2500},
    {"FIVE GUYS", "meals", 1000, 5000},
    {"MAPLE STREET GRILL", "meals", 2000, 15000},
    {"LUIGIS PIZZA", "meals", 1500, 9000},
    {"UBER TRIP", "transportation", 800, 9000},
    {"LYFT RIDE", "transportation", 700, 8000},
    {"SHELL OIL", "transportation", 2500, 9000},
    {"CHEVRON", "transportation", 2500, 9000},
    {"EXXONMOBIL", "transportation", 2500, 9000},
    {"FLASH CAB", "transportation", 1000, 7000},
    {"PARKWHIZ", "transportation", 1500, 9000},
    {"HERTZ RENT-A-CAR", "transportation", 6000, 60000},
    {"ENTERPRISE RENT-A-CAR", "transportation", 6000, 60000},
    {"ADOBE CREATIVE CLOUD", "software", 2099, 8999},
    {"GITHUB", "software", 400, 4400},
    {"ZOOM.US", "software", 1499, 24999},
    {"ASANA", "software", 800, 30000},
    {"CLICKUP", "software", 1000, 40000},
    {"LUCIDCHART", "software", 1200, 9000},
    {"LASTPASS", "software", 399, 9000},
    {"DROPBOX", "software", 999, 9000},
    {"GOOGLE WORKSPACE", "software", 600, 30000},
    {"MICROSOFT 365", "software", 600, 30000},
    {"STAPLES", "office_supplies", 500, 25000},
    {"OFFICE DEPOT", "office_supplies", 500, 25000},
    {"SHOPLET", "office_supplies", 500, 25000},
    {"ODP BUSINESS SOLUTIONS", "office_supplies", 500, 25000},
    {"ZORO.COM", "office_supplies", 500, 20000},
    {"BLICK ART MATERIALS", "office_supplies", 500, 8000},
    {"VERIZON WIRELESS", "utilities", 4000, 25000},
    {"COMCAST BUSINESS", "utilities", 8000, 30000},
    {"LUMEN TECHNOLOGIES", "utilities", 5000, 30000},
    {"PG&E ELECTRIC", "utilities", 6000, 60000},
    {"CITY WATER DEPT", "utilities", 3000, 20000},
    {"NATIONAL GRID", "utilities", 6000, 60000},
    {"ALTAFIBER", "utilities", 6000, 25000},
};

// Invented merchants' trade words by category, in kCategories' order: the word says what the
// place sells, the name before it is new ("VELDORA SUITES", "SQ *KOSTAMBI DELI").
const std::vector<std::vector<std::string_view>> kTradeWords = {
    {"AIR", "AIRWAYS", "RAIL", "TRAVEL"},
    {"INN", "HOTEL", "SUITES", "LODGE"},
    {"GRILL", "CAFE", "DELI", "BISTRO", "KITCHEN", "BAKERY", "NOODLE BAR"},
    {"PARKING", "TAXI", "FUEL", "CAR RENTAL"},
    {"SOFTWARE", "CLOUD", "APP", "DEVTOOLS"},
    {"OFFICE SUPPLY", "PAPER CO", "PRINT SHOP", "STATIONERY"},
    {"ENERGY", "WATER", "FIBER", "TELECOM"}};

// One charge: its merchant's name (before a statement adds prefixes, numbers and a city), its
// category and amount.
struct Charge {
  std::string merchant;
  std::string_view category;
  int64_t cents;
};

// A charge of a listed merchant (three in five), or of an invented name with its trade's word and
// a listed merchant's category and price range. Until session 33 every charge came from the list
// (59 names), and session 27's model copied none of 39 hand-written merchants off it, writing a
// listed one instead ("CON EDISON", then on the list, for "CURB SVC NYC TAXI").
Charge draw_charge(Faker& f) {
  const Merchant& m = f.pick(kMerchants);
  Charge c{std::string(m.name), m.category, 0};
  if (!f.chance(0.6)) {
    const size_t at =
        std::find(kCategories.begin(), kCategories.end(), m.category) - kCategories.begin();
    c.merchant = ascii_upper(f.coined_name(2, 3)) + " " + std::string(f.pick(kTradeWords[at]));
  }
  c.cents = f.price_cents(m.min_cents, m.max_cents);
  return c;
}

// Card processors that put their name before a small merchant's.
const std::vector<std::string_view> kProcessors = {"SQ *", "TST* ", "PAYPAL *", "SP "};

const std::vector<std::string_view> kInstructions = {
    "Categorize each expense (travel, lodging, meals, transportation, software, office_supplies, "
    "utilities) and total each category. Return JSON.",
    "Assign an expense category to every transaction below and sum by category.",
    "Bookkeeping: code these card charges and give category totals.",
};

const InstructionParts kParts = {
    {"Categorize", "Code", "Sort", "Assign a category to", "Classify"},
    {"these card charges", "my expense report", "the transactions below", "this statement",
     "each line"},
    {"and total by category",
     "(travel, lodging, meals, transportation, software, "
     "office_supplies, utilities) with totals",
     "and give me the category totals", "- JSON with items, totals and the grand total",
     "for the expense report"},
};
// A report's note or a CSV memo for a charge of each category, in kCategories' order.
const std::vector<std::vector<std::string_view>> kNotes = {
    {"SFO-DEN", "flight home", "change fee"},       {"2 nights", "3 nights", "conference hotel"},
    {"dinner w/ client", "team lunch", "per diem"}, {"airport", "to client site", "parking"},
    {"monthly plan", "annual plan", "team seats"},  {"printer paper", "toner", "pens + notebooks"},
    {"office internet", "May bill", "phone line"}};

const std::vector<std::string_view>& notes_for(std::string_view category) {
  const size_t at =
      std::find(kCategories.begin(), kCategories.end(), category) - kCategories.begin();
  return kNotes[at];
}

// A merchant as a card statement prints it: a processor's prefix before a small merchant now and
// then, a store number or reference digits, a city and state.
std::string shown_merchant(Faker& f, const Charge& c) {
  std::string s;
  const bool small = c.category == "meals" || c.category == "office_supplies";
  if (small && f.chance(0.2)) s += f.pick(kProcessors);
  s += c.merchant;
  const double r = f.rng().uniform();
  if (r < 0.35) {
    s += " #" + f.digits(4);
  } else if (r < 0.5) {
    s += " " + f.digits(10);
  }
  if (f.chance(0.45)) {
    const fake::City& city = f.pick(f.locale().cities);
    s += " " + ascii_upper(std::string(city.name));
    if (f.chance(0.6)) s += " " + std::string(city.state_code);
  }
  return s;
}

struct Line {
  Charge c;
  std::string shown;  // the merchant as printed
  fake::Date date;
};

// The statement or report, in one of three layouts: a fixed-width card statement, a CSV export
// (perhaps with card and memo columns), a numbered expense report (perhaps with notes).
// `grouped`: whether its amounts group thousands ("$1,204.50"), as the steps then copy them.
std::string render(Faker& f, int layout, const std::vector<Line>& lines, bool* grouped) {
  std::string doc;
  if (layout == 0) {
    const bool dollars = f.chance(0.6);
    *grouped = dollars;
    const bool short_dates = f.chance(0.4);
    doc = short_dates ? "Trans Date  Description                              Amount\n"
                      : "Date        Description                          Amount\n";
    for (const Line& l : lines) {
      const std::string date = fake::format_date(l.date, fake::DateFormat::kUsSlash);
      doc += column(short_dates ? date.substr(0, 5) : date, 10) + "  " + column(l.shown, 40) +
             (dollars ? "$" : "") + printed_cents(l.c.cents, dollars) + "\n";
    }
  } else if (layout == 1) {
    *grouped = false;
    const bool extra = f.chance(0.4);
    const std::string card = "*" + f.digits(4);
    doc = extra ? "Date,Merchant,Amount,Card,Memo\n" : "date,merchant,amount\n";
    for (const Line& l : lines) {
      doc += fake::iso_date(l.date) + "," + l.shown + "," + fake::decimal_cents(l.c.cents);
      if (extra) {
        const bool memo = f.chance(0.5);
        doc += "," + card + "," + (memo ? std::string(f.pick(notes_for(l.c.category))) : "");
      }
      doc += "\n";
    }
  } else {
    *grouped = true;
    const bool dotted = f.chance(0.5);
    doc = "Expense report - " + f.person().full() + "\n";
    if (dotted) doc += "\n";
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::string date = fake::format_date(lines[i].date, fake::DateFormat::kAbbrev);
      doc += std::to_string(i + 1) +
             (dotted ? ". " + date.substr(0, date.find(',')) + "  " : ") " + date + ": ") +
             lines[i].shown + " - $" + printed_cents(lines[i].c.cents, true);
      if (dotted && f.chance(0.4))
        doc += " (" + std::string(f.pick(notes_for(lines[i].c.category))) + ")";
      doc += "\n";
    }
  }
  doc.pop_back();
  return doc;
}

void generate(Faker& f, Example* ex) {
  std::vector<Line> lines(static_cast<size_t>(f.integer(3, 9)));
  fake::Date d = f.recent_date();
  for (Line& l : lines) {
    l.c = draw_charge(f);
    d = fake::add_days(d, f.integer(0, 3));
    l.date = d;
    l.shown = shown_merchant(f, l.c);
  }
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  bool grouped = false;  // amounts as the document prints them
  const std::string doc = render(f, ex->layout_id, lines, &grouped);
  compose_prompt(f, ex, kInstructions, kParts, doc);
  // Worked steps: each charge classified with its category's running sum, then each category's
  // last sum, then the category totals summed.
  std::map<std::string_view, std::string> running;  // category -> its sum so far
  for (const Line& l : lines) {
    const auto at = running.find(l.c.category);
    const std::string step = "round(" + (at == running.end() ? std::string("0") : at->second) +
                             "+" + printed_cents(l.c.cents, grouped) + ",2)";
    ex->work += l.shown + ": " + std::string(l.c.category) + " " + calculator_step(step) + "\n";
    running[l.c.category] = calculator_result(step);
  }
  std::vector<std::pair<std::string_view, std::string>> totals;  // category, its total
  std::string grand_step = "round(";
  for (auto c : kCategories) {
    const auto at = running.find(c);
    if (at == running.end()) continue;
    ex->work += std::string(c) + ": " + at->second + "\n";
    totals.push_back({c, at->second});
    grand_step += (totals.size() > 1 ? "+" : "") + at->second;
  }
  grand_step += ",2)";
  ex->work += "total: " + calculator_step(grand_step);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("items").begin_array();
  for (const Line& l : lines) {
    j.begin_object().key("merchant").str(l.shown).key("category").str(l.c.category);
    j.key("amount").money(l.c.cents).end_object();
  }
  j.end_array();
  j.key("totals").begin_object();
  for (const auto& [c, total] : totals) j.key(c).raw(total);
  j.end_object();
  j.key("total").raw(calculator_result(grand_step));
  j.end_object();
}

}  // namespace

SpecialistSpec expense_categorization_spec() {
  return {
      "expense_categorization",
      "card statement / expense report lines -> category per line, totals per category",
      {{"items", FieldKind::kList}, {"totals", FieldKind::kJson}, {"total", FieldKind::kNumber}},
      &generate};
}

}  // namespace anvil::datagen::specialists
