// currency_conversion: an amount and today's exchange rates (a table quoted against USD either way
// round, each jittered around its reference so models must read the table, or one pair quoted
// either way round in a story: "the transfer screen shows 1 EUR = 1.0842 USD") and a target
// currency -> the rate used (cross rates through USD, 6 decimals) and the converted amount rounded
// to cents. Worked steps: the amount as printed, the cross rate after the conversion's direction
// ("EUR to JPY: ", a quoted pair copied before it), and the converted amount, as calculator calls.
#include <cmath>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Using the rates given, convert the amount. Return JSON with amount, from, to, rate and "
    "result (rounded to 2 decimals).",
    "Currency conversion: compute the converted amount from the rate table.",
    "How much is this in the target currency at the quoted rates?",
};

const InstructionParts kParts = {
    {"Convert", "Work out", "Calculate", "Figure out"},
    {"this amount", "the conversion below", "this", "the following"},
    {"", "as JSON", "at the quoted rate", "(amount, from, to, rate, result)"},
};

// "Japanese yen", "Canadian dollars", "euros", "pounds sterling", "Swedish kronor".
std::string plural_name(std::string_view name) {
  std::string s(name);
  if (s == "pound sterling") return "pounds sterling";
  if (s.size() > 5 && s.compare(s.size() - 5, 5, "krona") == 0)
    return s.substr(0, s.size() - 1) + "or";
  if (s.size() > 3 && s.compare(s.size() - 3, 3, "yen") == 0) return s;
  return s + "s";
}

void generate(Faker& f, Example* ex) {
  const std::vector<fake::Currency>& all = fake::currencies();
  const size_t n = all.size();
  // Rates as printed (6 decimals): USD per unit of each currency.
  std::vector<double> usd_per(n);
  for (size_t i = 0; i < n; ++i) {
    const double jitter = 1.0 + static_cast<double>(f.integer(-500, 500)) / 10000.0;
    usd_per[i] = i == 0 ? 1.0 : std::round(all[i].usd_per_unit * jitter * 1e6) / 1e6;
  }
  const size_t from = static_cast<size_t>(f.integer(0, static_cast<int64_t>(n) - 1));
  size_t to = static_cast<size_t>(f.integer(0, static_cast<int64_t>(n) - 2));
  if (to >= from) ++to;
  ex->layout_id = static_cast<int>(f.integer(0, 3));
  // In a story a quarter of the amounts are whole and printed so ("$1,500", "€2,480").
  const bool whole = ex->layout_id >= 2 && f.chance(0.25);
  int64_t cents = f.price_cents(500, 2500000);
  if (whole) cents = std::max<int64_t>(100, cents - cents % 100);
  // Units of a currency per 1 USD, as a rate sheet prints them (4 decimals; USD itself is 1).
  auto units_per = [&](size_t i) { return i == 0 ? 1.0 : std::round(1e4 / usd_per[i]) / 1e4; };
  // The rate as the text gives it: cross rates through USD from a table (USD per unit, or units
  // per USD), or one pair quoted either way round ("1 EUR = 1.0842 USD", "1 USD = 149.37 JPY").
  std::string rate_step, quote;
  const double pair = usd_per[from] / usd_per[to];
  if (ex->layout_id == 2) {
    const bool direct = f.chance(0.5);
    const double quoted = direct ? pair : 1.0 / pair;
    const std::string q = format_number(std::round(quoted * 1e4) / 1e4, 4);
    quote = direct ? "1 " + std::string(all[from].code) + " = " + q + " " + all[to].code
                   : "1 " + std::string(all[to].code) + " = " + q + " " + all[from].code;
    rate_step = direct ? "round(" + q + ",6)" : "round(1/" + q + ",6)";
  } else if (ex->layout_id == 3) {
    rate_step = "round(" + format_number(units_per(to), 4) + "/" +
                format_number(units_per(from), 4) + ",6)";
  } else {
    rate_step =
        "round(" + format_number(usd_per[from], 6) + "/" + format_number(usd_per[to], 6) + ",6)";
  }
  const std::string rate = calculator_result(rate_step);
  // The amount first, its digits as printed ("8,709.99"), so the model copies it digit for digit.
  const std::string amount_step = copied_amount(cents, true);
  const std::string amount = calculator_result(amount_step);
  const std::string result_step = "round(" + amount + "*" + rate + ",2)";
  // The rate's line says which way it converts ("EUR to JPY: "), after the quoted pair copied as
  // the text gives it, so that the pair's first code beside the conversion's says whether the
  // quote is used as it stands or turned round (session 24's model inverted 3 of 30 quotes).
  const std::string direction = std::string(all[from].code) + " to " + std::string(all[to].code);
  const std::string rate_line = (quote.empty() ? "" : quote + ", ") + direction + ": ";
  ex->work = calculator_step(amount_step) + "\n" + rate_line + calculator_step(rate_step) + "\n" +
             calculator_step(result_step);
  std::string doc;
  // In a story the amount has its symbol ("€2,480.00", "C$95.10"); Swiss francs and kronor keep
  // their codes, as their symbols are the code or a word.
  const std::string_view code = all[from].code;
  const bool symbol = ex->layout_id >= 2 && code != "CHF" && code != "SEK";
  std::string written = fake::format_money(
      cents, symbol ? fake::MoneyStyle::kSymbol : fake::MoneyStyle::kCodePrefix, all[from]);
  if (whole) written.resize(written.size() - 3);  // "$1,500.00" -> "$1,500"
  // The target by its code or, in a story, half the time by its name ("in Japanese yen").
  const std::string target =
      ex->layout_id >= 2 && f.chance(0.5) ? plural_name(all[to].name) : std::string(all[to].code);
  if (ex->layout_id == 0) {
    doc = "Exchange rates (1 unit = X USD):\n";
    for (size_t i = 1; i < n; ++i) {
      doc += std::string(all[i].code) + ": " + format_number(usd_per[i], 6) + "\n";
    }
    doc += "\nConvert " + written + " to " + all[to].code + ".";
  } else if (ex->layout_id == 1) {
    doc = "| Currency | Code | USD per unit |\n|---|---|---|\n";
    for (size_t i = 1; i < n; ++i) {
      doc += "| " + std::string(all[i].name) + " | " + all[i].code + " | " +
             format_number(usd_per[i], 6) + " |\n";
    }
    doc += "\nConvert " + written + " to " + all[to].code + ".";
  } else if (ex->layout_id == 2) {
    doc = expand(
        f.pick(std::vector<std::string_view>{
            "Paying a supplier abroad: invoice total {amount}. The transfer screen shows {quote}. "
            "How "
            "much is that in {to}?",
            "Heading abroad. I want to change {amount} and the exchange counter shows {quote}. How "
            "much in {to} do I get?",
            "The card statement says {quote}. I was charged {amount}; what is that in {to}?",
            "Rate today: {quote}. Convert {amount} into {to}.",
            "A client wants a quote in {to} for {amount}. Today's rate is {quote}. What figure do "
            "we send?"}),
        {{"amount", written}, {"quote", quote}, {"to", target}});
  } else {
    doc = "FX sheet, units per 1 USD:\n";
    for (size_t i = 1; i < n; ++i) {
      doc += std::string(all[i].code) + " " + format_number(units_per(i), 4) + "\n";
    }
    doc += "\n" + expand(f.pick(std::vector<std::string_view>{
                             "The booth at the expo cost us {amount}. What does that "
                             "come to in {to}?",
                             "The hotel bill came to {amount}. How much is that in {to}?",
                             "Budget check: {amount} in {to}, please."}),
                         {{"amount", written}, {"to", target}});
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("amount").raw(amount);
  j.key("from").str(all[from].code);
  j.key("to").str(all[to].code);
  j.key("rate").raw(rate);
  j.key("result").raw(calculator_result(result_step));
  j.end_object();
}

}  // namespace

SpecialistSpec currency_conversion_spec() {
  return {
      "currency_conversion",
      "amount + rate table either way round or a quoted pair -> cross rate and converted amount",
      {{"amount", FieldKind::kNumber},
       {"from", FieldKind::kExact},
       {"to", FieldKind::kExact},
       {"rate", FieldKind::kNumber},
       {"result", FieldKind::kNumber}},
      &generate};
}

}  // namespace anvil::datagen::specialists
