// currency_conversion: an amount, a table of today's exchange rates (quoted against USD, each
// jittered around its reference so models must read the table) and a target currency -> the rate
// used (cross rates through USD, 6 decimals) and the converted amount rounded to cents.
// Worked steps: the cross rate and the converted amount as calculator calls.
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
  const int64_t cents = f.price_cents(500, 2500000);
  // Cross rate as a decimal rounded to 6 places; the result applies that rounded rate. Both are
  // worked steps for the calculator, from the rates as printed.
  const std::string rate_step =
      "round(" + format_number(usd_per[from], 6) + "/" + format_number(usd_per[to], 6) + ",6)";
  const std::string rate = calculator_result(rate_step);
  // The amount first, its digits as printed ("8,709.99"), so the model copies it digit for digit.
  const std::string amount_step = copied_amount(cents, true);
  const std::string amount = calculator_result(amount_step);
  const std::string result_step = "round(" + amount + "*" + rate + ",2)";
  ex->work = calculator_step(amount_step) + "\n" + calculator_step(rate_step) + "\n" +
             calculator_step(result_step);
  ex->layout_id = static_cast<int>(f.integer(0, 1));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "Exchange rates (1 unit = X USD):\n";
    for (size_t i = 1; i < n; ++i) {
      doc += std::string(all[i].code) + ": " + format_number(usd_per[i], 6) + "\n";
    }
  } else {
    doc = "| Currency | Code | USD per unit |\n|---|---|---|\n";
    for (size_t i = 1; i < n; ++i) {
      doc += "| " + std::string(all[i].name) + " | " + all[i].code + " | " +
             format_number(usd_per[i], 6) + " |\n";
    }
  }
  doc += "\nConvert " + fake::format_money(cents, fake::MoneyStyle::kCodePrefix, all[from]) +
         " to " + all[to].code + ".";
  compose_prompt(f, ex, kInstructions, doc);
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
  return {"currency_conversion",
          "amount + rate table (jittered daily rates) -> cross rate and converted amount",
          {{"amount", FieldKind::kNumber},
           {"from", FieldKind::kExact},
           {"to", FieldKind::kExact},
           {"rate", FieldKind::kNumber},
           {"result", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
