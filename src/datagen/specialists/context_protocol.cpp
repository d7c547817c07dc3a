// context_protocol (multi-turn state): a conversation in which the user gives facts over several
// turns (name, item, quantity, shipping city, order reference), in varying order and wording, and
// may correct the quantity or the city, once or twice, even back to the first; the assistant
// quotes the item (a third of them branded, "Brandell KX40 Stapler", perhaps asked for as "a
// stapler") and its unit price; the last turn asks for the order summary -> the latest value of every
// fact, and the total computed from them. Earlier turns are Example::history. Worked steps: the
// quantities and cities as said, each change after an arrow ("quantity: 12 -> 15 -> 14", "ship
// to: Tacoma -> Olympia -> Tacoma"), then the total as a calculator call, the latest quantity
// times the unit price as the assistant printed it ("1,249.00").
#include <cctype>
#include <map>
#include <type_traits>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kFinal = {"Great, please confirm my full order as JSON.",
                                              "Can you summarize the order before I pay?",
                                              "OK, what's the final order and total?",
                                              "Read back everything you have for this order.",
                                              "What does my order look like now, with the total?",
                                              "Please send me the final order details.",
                                              "Could I get a summary of the order as JSON?"};
const std::vector<std::string_view> kAcks = {"Got it.",        "Noted, thanks.",
                                             "Sure, updated.", "Thanks, I've recorded that.",
                                             "Okay, noted.",   "Done."};
const std::vector<std::string_view> kNumberWords = {"one",  "two", "three",  "four",
                                                    "five", "six", "seven",  "eight",
                                                    "nine", "ten", "eleven", "twelve"};

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// A quantity as a customer says it: digits, or a word up to twelve ("a dozen" for 12).
std::string said(Faker& f, int64_t quantity) {
  if (quantity > 12 || f.chance(0.6)) return std::to_string(quantity);
  if (quantity == 12 && f.chance(0.5)) return "a dozen";
  return std::string(kNumberWords[static_cast<size_t>(quantity - 1)]);
}

// Fills in a pattern's {name} {first} {item} {q} {city} {ref} {price} {company} {street}.
struct Words {
  std::map<std::string, std::string> values;
  std::string operator()(std::string_view pattern) const {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
      const size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
      if (close == std::string_view::npos) {
        out += pattern[i];
        continue;
      }
      out += values.at(std::string(pattern.substr(i + 1, close - i - 1)));
      i = close;
    }
    return out;
  }
};

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
void open_order(Faker& f, const Words& w, Conversation& c) {
  const bool name_first = f.chance(0.7), quantity_first = f.chance(0.6);
  std::string opening =
      name_first
          ? std::string(f.pick(std::vector<std::string_view>{
                "Hi, I'm {name}.", "Hello, this is {name} ({company}).", "Hi there, {name} here."}))
          : std::string(f.pick(std::vector<std::string_view>{"Hi!", "Hello!", "Hey there!"}));
  opening += quantity_first
                 ? f.pick(std::vector<std::string_view>{" I'd like to order {q} x {item_said}.",
                                                        " Can I get {q} {item_said}?",
                                                        " I need {q} of the {item_said}."})
                 : f.pick(std::vector<std::string_view>{" I'm looking to order some {item_said}.",
                                                        " Do you have {item_said}?"});
  std::string quote =
      name_first ? "Thanks {first}! {item} is {price}." : "Sure! {item} is {price}.";
  // What the assistant asks for next, and the user's answers, in turn.
  std::vector<std::pair<std::string, std::string>> asks;  // question, answer
  if (!quantity_first)
    asks.push_back(
        {"How many would you like?", std::string(f.pick(std::vector<std::string_view>{
                                         "{q}, please.", "{q} of them.", "Let's do {q}."}))});
  if (!name_first)
    asks.push_back({"Who should I put the order under?",
                    std::string(f.pick(std::vector<std::string_view>{
                        "It's for {name}.", "Order's for {name}.", "{name}, please."}))});
  const bool together = f.chance(0.5);  // city and reference in one answer
  asks.push_back({"Where should we ship it?",
                  std::string(f.pick(std::vector<std::string_view>{
                      "Ship it to our {city} office, please.", "Send it to our {city} branch.",
                      "To the {city} warehouse.", "Our {city} office, {street}."})) +
                      (together ? std::string(f.pick(std::vector<std::string_view>{
                                      " My reference is {ref}.", " Reference {ref}.",
                                      " PO number for accounting is {ref}."}))
                                : "")});
  if (!together)
    asks.push_back({"Do you have a reference for this order?",
                    std::string(f.pick(std::vector<std::string_view>{
                        "Yes, {ref}.", "My reference is {ref}.", "Use {ref}, please."}))});
  say(c, w(opening), w(quote + " " + asks[0].first));
  for (size_t k = 0; k < asks.size(); ++k)
    say(c, w(asks[k].second),
        k + 1 < asks.size() ? asks[k + 1].first
        : f.chance(0.3)     ? w("Thanks, shipping {item} to {city}.")
                            : ack(f));
}

// Corrections: none, one or two, of the quantity or the city (a second city change may go back
// to the first), and perhaps a line of small talk.
void correct_order(Faker& f, Words& w, Conversation& c) {
  const int64_t changes = f.integer(0, 4) / 2;  // 0, 0, 1, 1, 2
  for (int64_t k = 0; k < changes; ++k) {
    if (f.chance(0.5)) {
      int64_t q = f.integer(1, 40);
      if (q == c.quantities.back()) q = q % 40 + 1;
      c.quantities.push_back(q);
      w.values["q"] = said(f, q);
      say(c,
          w(f.pick(std::vector<std::string_view>{"Actually, make that {q} instead.",
                                                 "Hmm, make it {q} actually.",
                                                 "Sorry, I need {q} after all."})),
          f.chance(0.5) ? ack(f) : "Updated to " + std::to_string(q) + ".");
    } else {
      std::string next = c.cities.size() > 1 && f.chance(0.5)
                             ? c.cities.front()
                             : std::string(f.pick(f.locale().cities).name);
      if (next == c.cities.back()) continue;
      c.cities.push_back(next);
      w.values["city"] = next;
      say(c,
          w(f.pick(std::vector<std::string_view>{
              "Sorry, change of plan: send it to {city} instead.", "Wait, no - ship it to {city}.",
              "Scratch that, it goes to {city}."})),
          f.chance(0.5) ? ack(f) : w("Changed to {city}."));
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
  std::string item_said = f.chance(0.3) ? lower(product.name) : product.name;
  if (f.chance(0.3)) {
    const std::string plain = product.name;
    product.name =
        (f.chance(0.5) ? f.coined_name(2, 2) : std::string(f.pick(f.locale().company_words))) +
        " " + f.letters(static_cast<int>(f.integer(1, 2))) + std::to_string(f.integer(2, 990)) +
        " " + plain;
    item_said = f.chance(0.5) ? lower(plain) : product.name;
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
  Words w;
  w.values = {
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
  w.values["q"] = said(f, c.quantities.back());

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
