// context_protocol (multi-turn state): a conversation in which the user gives facts over several
// turns (name, item, quantity, shipping city, order reference), in varying order and wording, and
// may correct the quantity or the city, once or twice, even back to the first; the assistant
// quotes the item (a third of them branded, "Brandell KX40 Stapler", perhaps asked for as "a
// stapler") and its unit price; the last turn asks for the order summary -> the latest value of
// every fact, and the total computed from them. Earlier turns are Example::history. Worked steps:
// the quantities and cities as said, each change after an arrow ("quantity: 12 -> 15 -> 14", "ship
// to: Tacoma -> Olympia -> Tacoma"), then the total as a calculator call, the latest quantity
// times the unit price as the assistant printed it ("1,249.00").
#include <type_traits>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kFinal = {
    "Great - read my whole order back as JSON.",
    "Could you list the order back to me before checkout?",
    "Right, so where does the order stand now, and the total?",
    "Give me a recap of everything on this order.",
    "What does my order look like now, with the total?",
    "Please send me the final order details.",
    "Could I get a summary of the order as JSON?"};
const std::vector<std::string_view> kAcks = {"Got it.",        "Noted, thanks.",
                                             "Sure, updated.", "Thanks, I've recorded that.",
                                             "Okay, noted.",   "Done."};
const std::vector<std::string_view> kNumberWords = {"one",  "two", "three",  "four",
                                                    "five", "six", "seven",  "eight",
                                                    "nine", "ten", "eleven", "twelve"};

// What the user and the assistant say, with {name} {first} {company} {q} {item} {item_said}
// {price} {city} {street} {ref} for the order's facts.
const std::vector<std::string_view> kGreetings = {
    "Hi, I'm {name}.", "Hello, this is {name} ({company}).", "Hi there, {name} here."};
const std::vector<std::string_view> kHellos = {"Hi!", "Hello!", "Hey there!"};
const std::vector<std::string_view> kOrders = {" I'd like to order {q} x {item_said}.",
                                               " Can I get {q} {item_said}?",
                                               " I need {q} of the {item_said}."};
const std::vector<std::string_view> kInquiries = {" I'm looking to order some {item_said}.",
                                                  " Do you have {item_said}?"};
const std::vector<std::string_view> kQuantities = {"{q}, please.", "{q} of them.", "Let's do {q}."};
const std::vector<std::string_view> kNames = {"It's for {name}.", "Order's for {name}.",
                                              "{name}, please."};
const std::vector<std::string_view> kShipTo = {
    "Ship it to our {city} office, please.", "Send it to our {city} branch.",
    "To the {city} warehouse.", "Our {city} office, {street}."};
const std::vector<std::string_view> kAddedReferences = {
    " My reference is {ref}.", " Reference {ref}.", " PO number for accounting is {ref}."};
const std::vector<std::string_view> kReferences = {"Yes, {ref}.", "My reference is {ref}.",
                                                   "Use {ref}, please."};
const std::vector<std::string_view> kQuantityChanges = {"Actually, make that {q} instead.",
                                                        "Hmm, make it {q} actually.",
                                                        "Sorry, I need {q} after all."};
const std::vector<std::string_view> kCityChanges = {
    "Sorry, change of plan: send it to {city} instead.", "Wait, no - ship it to {city}.",
    "Scratch that, it goes to {city}."};

// A quantity as a customer says it: digits, or a word up to twelve ("a dozen" for 12).
std::string said(Faker& f, int64_t quantity) {
  if (quantity > 12 || f.chance(0.6)) return std::to_string(quantity);
  if (quantity == 12 && f.chance(0.5)) return "a dozen";
  return std::string(kNumberWords[static_cast<size_t>(quantity - 1)]);
}

// Sets `key` to `value` in `vars` (the quantity and city change during a conversation).
void set_var(Vars& vars, std::string_view key, std::string value) {
  for (auto& [k, v] : vars)
    if (k == key) v = std::move(value);
}

struct Conversation {
  std::vector<Turn> turns;
  std::vector<int64_t> quantities;  // as said, in order: the last one counts
  std::vector<std::string> cities;  // likewise
};

void say(Conversation& c, std::string user, std::string assistant) {
  c.turns.push_back({std::move(user), std::move(assistant)});
}

std::string ack(Faker& f) { return std::string(f.pick(kAcks)); }

// The opening: the user asks for the item, perhaps with their name and the quantity; the assistant
// quotes the price and asks for what is missing, one fact a turn (city and reference perhaps in
// one answer).
void open_order(Faker& f, const Vars& w, Conversation& c) {
  const bool name_first = f.chance(0.7), quantity_first = f.chance(0.6);
  std::string opening(name_first ? f.pick(kGreetings) : f.pick(kHellos));
  opening += quantity_first ? f.pick(kOrders) : f.pick(kInquiries);
  std::string quote =
      name_first ? "Thanks {first}! {item} is {price}." : "Sure! {item} is {price}.";
  // What the assistant asks for next, and the user's answers, in turn.
  std::vector<std::pair<std::string, std::string>> asks;  // question, answer
  if (!quantity_first)
    asks.push_back({"How many would you like?", std::string(f.pick(kQuantities))});
  if (!name_first) asks.push_back({"What name is the order for?", std::string(f.pick(kNames))});
  const bool together = f.chance(0.5);  // city and reference in one answer
  asks.push_back(
      {"Where should we ship it?",
       std::string(f.pick(kShipTo)) + (together ? std::string(f.pick(kAddedReferences)) : "")});
  if (!together)
    asks.push_back({"Do you have a reference for this order?", std::string(f.pick(kReferences))});
  say(c, expand(opening, w), expand(quote + " " + asks[0].first, w));
  for (size_t k = 0; k < asks.size(); ++k)
    say(c, expand(asks[k].second, w),
        k + 1 < asks.size() ? asks[k + 1].first
        : f.chance(0.3)     ? expand("Thanks, shipping {item} to {city}.", w)
                            : ack(f));
}

// Corrections: none, one or two, of the quantity or the city (a second city change may go back
// to the first), and perhaps a line of small talk.
void correct_order(Faker& f, Vars& w, Conversation& c) {
  const int64_t changes = f.integer(0, 4) / 2;  // 0, 0, 1, 1, 2
  for (int64_t k = 0; k < changes; ++k) {
    if (f.chance(0.5)) {
      int64_t q = f.integer(1, 40);
      if (q == c.quantities.back()) q = q % 40 + 1;
      c.quantities.push_back(q);
      set_var(w, "q", said(f, q));
      // The reply is drawn before the request (the order GCC gave the unsequenced arguments this
      // replaced, so the data stays as measured).
      const std::string reply = f.chance(0.5) ? ack(f) : "Updated to " + std::to_string(q) + ".";
      say(c, expand(f.pick(kQuantityChanges), w), reply);
    } else {
      std::string next = c.cities.size() > 1 && f.chance(0.5)
                             ? c.cities.front()
                             : std::string(f.pick(f.locale().cities).name);
      if (next == c.cities.back()) continue;
      c.cities.push_back(next);
      set_var(w, "city", next);
      const std::string reply = f.chance(0.5) ? ack(f) : expand("Changed to {city}.", w);
      say(c, expand(f.pick(kCityChanges), w), reply);
    }
  }
  if (f.chance(0.4)) say(c, f.sentence(5, 10), "Happy to help with that.");
}

// "12 -> 15 -> 14": every value given, in order.
template <typename T>
std::string listed(const std::vector<T>& values) {
  std::string out;
  for (const T& v : values) {
    if (!out.empty()) out += " -> ";
    if constexpr (std::is_same_v<T, int64_t>) {
      out += std::to_string(v);
    } else {
      out += v;
    }
  }
  return out;
}

void generate(Faker& f, Example* ex) {
  const fake::Person p = f.person();
  fake::Product product = f.product();
  // Something one orders by the piece (not "Consulting Hours" or a software seat).
  while (product.category == "Services" || product.category == "Software") product = f.product();
  // A third of the items carry a brand and model ("Brandell KX40 Stapler"); the customer may then
  // ask for the plain thing ("a stapler") and the assistant names it: the item is what was quoted.
  std::string item_said = f.chance(0.3) ? ascii_lower(product.name) : product.name;
  if (f.chance(0.3)) {
    const std::string plain = product.name;
    product.name =
        (f.chance(0.5) ? f.coined_name(2, 2) : std::string(f.pick(f.locale().company_words))) +
        " " + f.letters(static_cast<int>(f.integer(1, 2))) + std::to_string(f.integer(2, 990)) +
        " " + plain;
    item_said = f.chance(0.5) ? ascii_lower(plain) : product.name;
  }
  const std::string city =
      f.chance(0.85) ? std::string(f.pick(f.locale().cities).name) : f.address().city;
  const int ref_style = static_cast<int>(f.integer(0, 4));
  const std::string ref =
      ref_style == 0   ? f.reference("R-", 5)
      : ref_style == 1 ? f.po_number()
      : ref_style == 2 ? f.letters(2) + "-" + f.digits(4)
      : ref_style == 3 ? f.letters(2) + "-" + f.letters(3) + "-" + f.digits(4)
                       : f.letters(4) + "-Q" + std::to_string(f.integer(1, 4)) + "-" + f.digits(2);
  Vars w = {
      {"name", p.first + " " + p.last},
      {"first", p.first},
      {"item", product.name},
      {"item_said", item_said},
      {"city", city},
      {"ref", ref},
      {"company", f.company().name},
      {"street", f.address().line1()},
      {"price", fake::format_money(product.unit_price_cents, fake::MoneyStyle::kSymbol, usd()) +
                    (product.unit == "each" ? " each" : " per " + product.unit)}};
  Conversation c;
  c.quantities.push_back(f.chance(0.25) ? f.integer(13, 40) : f.integer(1, 12));
  c.cities.push_back(city);
  w.push_back({"q", said(f, c.quantities.back())});

  open_order(f, w, c);
  correct_order(f, w, c);
  ex->history = std::move(c.turns);
  ex->layout_id = static_cast<int>(c.quantities.size() + c.cities.size() - 2);  // changes made
  ex->template_id = static_cast<int>(f.integer(0, static_cast<int64_t>(kFinal.size()) - 1));
  ex->prompt = std::string(kFinal[static_cast<size_t>(ex->template_id)]);

  const int64_t quantity = c.quantities.back();
  const std::string total_step = "round(" + std::to_string(quantity) + "*" +
                                 printed_cents(product.unit_price_cents, true) + ",2)";
  ex->work = "quantity: " + listed(c.quantities) + "\nship to: " + listed(c.cities) +
             "\ntotal: " + calculator_step(total_step);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("customer").str(p.first + " " + p.last);
  j.key("item").str(product.name);
  j.key("quantity").integer(quantity);
  j.key("unit_price").money(product.unit_price_cents);
  j.key("ship_to").str(c.cities.back());
  j.key("reference").str(ref);
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
