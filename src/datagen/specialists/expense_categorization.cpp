// expense_categorization: a card statement or expense report of merchant charges -> each line's
// expense category (from what the merchant is) and the totals per category.
// Worked steps: each charge's merchant and category, one line each, with the category's running
// sum as a calculator call (the sum on the category's latest line above, or 0, plus this charge:
// a small model finds the latest line of a category far more reliably than it gathers all of
// them); then each category's last sum, and the grand total by the calculator.
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
const std::vector<Merchant> kMerchants = {{"DELTA AIR LINES", "travel", 12000, 90000},
                                          {"UNITED AIRLINES", "travel", 12000, 90000},
                                          {"MARRIOTT HOTELS", "lodging", 14000, 60000},
                                          {"HILTON GARDEN INN", "lodging", 12000, 45000},
                                          {"AIRBNB", "lodging", 9000, 70000},
                                          {"STARBUCKS", "meals", 350, 2500},
                                          {"CHIPOTLE", "meals", 900, 4500},
                                          {"OLIVE GARDEN", "meals", 2500, 18000},
                                          {"DOORDASH", "meals", 1500, 9000},
                                          {"UBER TRIP", "transportation", 800, 9000},
                                          {"LYFT RIDE", "transportation", 700, 8000},
                                          {"SHELL OIL", "transportation", 2500, 9000},
                                          {"ADOBE CREATIVE CLOUD", "software", 2099, 8999},
                                          {"GITHUB", "software", 400, 4400},
                                          {"ZOOM.US", "software", 1499, 24999},
                                          {"STAPLES", "office_supplies", 500, 25000},
                                          {"OFFICE DEPOT", "office_supplies", 500, 25000},
                                          {"VERIZON WIRELESS", "utilities", 4000, 25000},
                                          {"COMCAST BUSINESS", "utilities", 8000, 30000}};

const std::vector<std::string_view> kInstructions = {
    "Categorize each expense (travel, lodging, meals, transportation, software, office_supplies, "
    "utilities) and total each category. Return JSON.",
    "Assign an expense category to every transaction below and sum by category.",
    "Bookkeeping: code these card charges and give category totals.",
};

void generate(Faker& f, Example* ex) {
  struct Line {
    const Merchant* m;
    std::string shown;
    int64_t cents;
    fake::Date date;
  };
  std::vector<Line> lines(static_cast<size_t>(f.integer(3, 9)));
  fake::Date d = f.recent_date();
  for (Line& l : lines) {
    l.m = &f.pick(kMerchants);
    l.cents = f.price_cents(l.m->min_cents, l.m->max_cents);
    d = fake::add_days(d, f.integer(0, 3));
    l.date = d;
    // Statements print merchants with store numbers and locations.
    l.shown = std::string(l.m->name);
    if (f.chance(0.5)) l.shown += " #" + f.digits(4);
    if (f.chance(0.4)) l.shown += " " + std::string(f.pick(f.locale().cities).name);
  }
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "Date        Description                          Amount\n";
    for (const Line& l : lines) {
      doc += fake::format_date(l.date, fake::DateFormat::kUsSlash) + "  " + column(l.shown, 36) +
             fake::decimal_cents(l.cents) + "\n";
    }
  } else if (ex->layout_id == 1) {
    doc = "date,merchant,amount\n";
    for (const Line& l : lines) {
      doc += fake::iso_date(l.date) + "," + l.shown + "," + fake::decimal_cents(l.cents) + "\n";
    }
  } else {
    doc = "Expense report - " + f.person().full() + "\n";
    for (size_t i = 0; i < lines.size(); ++i) {
      doc += std::to_string(i + 1) + ") " +
             fake::format_date(lines[i].date, fake::DateFormat::kAbbrev) + ": " + lines[i].shown +
             " - $" + fake::decimal_cents(lines[i].cents) + "\n";
    }
  }
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  // Worked steps: each charge classified with its category's running sum, then each category's
  // last sum, then the category totals summed.
  std::map<std::string_view, std::string> running;  // category -> its sum so far
  for (const Line& l : lines) {
    const auto at = running.find(l.m->category);
    const std::string step = "round(" + (at == running.end() ? std::string("0") : at->second) +
                             "+" + fake::decimal_cents(l.cents) + ",2)";
    ex->work += std::string(l.m->name) + ": " + std::string(l.m->category) + " " +
                calculator_step(step) + "\n";
    running[l.m->category] = calculator_result(step);
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
    j.begin_object().key("merchant").str(l.shown).key("category").str(l.m->category);
    j.key("amount").money(l.cents).end_object();
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
