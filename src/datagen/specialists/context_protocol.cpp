// context_protocol (multi-turn state): a conversation in which the user gives facts over several
// turns (name, item and price, quantity, shipping city, order reference) and sometimes corrects
// one; the last turn asks for the order summary -> the latest value of every fact, and the total
// computed from them. Earlier turns are Example::history. Worked steps: the shipping city as said,
// and the one it was changed to ("ship to: Anchorage -> Seattle"), then the total as a calculator
// call, the latest quantity times the unit price as the assistant printed it ("1,249.00").
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kFinal = {
    "Great, please confirm my full order as JSON.", "Can you summarize the order before I pay?",
    "OK, what's the final order and total?", "Read back everything you have for this order."};
const std::vector<std::string_view> kAcks = {"Got it.", "Noted, thanks.", "Sure, updated.",
                                             "Thanks, I've recorded that."};

void generate(Faker& f, Example* ex) {
  const fake::Person p = f.person();
  fake::Product product = f.product();
  // Something one orders by the piece (not "Consulting Hours" or a software seat).
  while (product.category == "Services" || product.category == "Software") product = f.product();
  int64_t quantity = f.integer(1, 9);
  const fake::City& city1 = f.pick(f.locale().cities);
  std::string city(city1.name);
  std::string ship_step = "ship to: " + city;
  const std::string order_ref = f.reference("R-", 5);
  ex->history.push_back(
      {"Hi, I'm " + p.first + " " + p.last + ". I'd like to order " + std::to_string(quantity) +
           " x " + product.name + ".",
       "Thanks " + p.first + "! " + product.name + " is " +
           fake::format_money(product.unit_price_cents, fake::MoneyStyle::kSymbol, usd()) +
           (product.unit == "each" ? " each" : " per " + product.unit) +
           ". Where should we ship it?"});
  ex->history.push_back(
      {"Ship it to our " + city + " office, please. My reference is " + order_ref + ".",
       std::string(f.pick(kAcks))});
  ex->layout_id = static_cast<int>(f.integer(0, 2));  // 0 no change, 1 quantity, 2 city
  if (ex->layout_id == 1) {
    int64_t q2 = f.integer(1, 12);
    if (q2 == quantity) q2 += 1;
    quantity = q2;
    ex->history.push_back({"Actually, make that " + std::to_string(quantity) + " instead.",
                           std::string(f.pick(kAcks))});
  } else if (ex->layout_id == 2) {
    const fake::City& city2 = f.pick(f.locale().cities);
    if (city2.name != city) {
      city = std::string(city2.name);
      ship_step += " -> " + city;
      ex->history.push_back(
          {"Sorry, change of plan: send it to " + city + " instead.", std::string(f.pick(kAcks))});
    } else {
      ex->layout_id = 0;
    }
  }
  if (f.chance(0.4)) ex->history.push_back({f.sentence(5, 10), "Happy to help with that."});
  const int which = static_cast<int>(f.integer(0, static_cast<int64_t>(kFinal.size()) - 1));
  ex->template_id = which;
  ex->prompt = std::string(kFinal[static_cast<size_t>(which)]);
  const std::string total_step = "round(" + std::to_string(quantity) + "*" +
                                 printed_cents(product.unit_price_cents, true) + ",2)";
  ex->work = ship_step + "\ntotal: " + calculator_step(total_step);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("customer").str(p.first + " " + p.last);
  j.key("item").str(product.name);
  j.key("quantity").integer(quantity);
  j.key("unit_price").money(product.unit_price_cents);
  j.key("ship_to").str(city);
  j.key("reference").str(order_ref);
  j.key("total").raw(calculator_result(total_step));
  j.end_object();
}

}  // namespace

SpecialistSpec context_protocol_spec() {
  return {"context_protocol",
          "multi-turn order chat with corrections -> latest value of each fact + computed total",
          {{"customer", FieldKind::kText},
           {"item", FieldKind::kText},
           {"quantity", FieldKind::kNumber},
           {"unit_price", FieldKind::kNumber},
           {"ship_to", FieldKind::kText},
           {"reference", FieldKind::kExact},
           {"total", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
