// math_word_problems: grade-school to office arithmetic stories (shopping totals, discounts,
// distance/speed/time, splitting a bill with tip, percent change, simple interest, unit rates,
// working hours) with invented names and numbers, each kind told three to five ways (in the third
// person or the first, as a question or a note) -> the answer and its unit, plus the equation.
// Worked step: the equation, rounded, as a calculator call; its value is the answer.
#include <cmath>

#include "anvil/core/error.h"
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Solve the problem. Return JSON with answer (a number), unit and equation.",
    "Work out the answer to this word problem.",
    "Answer with JSON: {\"answer\": number, \"unit\": ..., \"equation\": ...}.",
    "Compute the result. Round money to cents.",
};

const InstructionParts kParts = {
    {"Solve", "Work out", "Compute the answer to", "Figure out", "Answer"},
    {"this problem", "the word problem below", "this", "the following"},
    {"", "as JSON", "(answer, unit, equation)", "- round money to cents", "-> json"},
};

// One of a kind's ways of telling the story, with its values.
std::string story(Faker& f, const std::vector<std::string_view>& ways, const Vars& values) {
  return expand(f.pick(ways), values);
}

struct Problem {
  std::string text;
  double answer;
  int decimals;
  std::string unit;
  std::string equation;
};

Problem make(Faker& f, int kind) {
  const std::string name = f.first_name();
  Problem p;
  switch (kind) {
    case 0: {  // shopping total
      // Goods only: "4 Consulting Hours at $95 each" reads oddly in a shopping story.
      auto goods = [&f] {
        fake::Product item = f.product();
        while (item.category == "Services" || item.category == "Software") item = f.product();
        return item;
      };
      const fake::Product a = goods();
      const fake::Product b = goods();
      const int64_t qa = f.integer(2, 9);
      const int64_t qb = f.integer(1, 5);
      const int64_t total = qa * a.unit_price_cents + qb * b.unit_price_cents;
      p.text = story(f,
                     {"{name} buys {qa} {a} at ${pa} each and {qb} {b} at ${pb} each. How much "
                      "does {name} spend in total?",
                      "At the store I picked up {qa} {a} at ${pa} each and {qb} {b} at ${pb} each. "
                      "How much is that before tax?",
                      "{qa} x {a} (${pa} each) and {qb} x {b} (${pb} each) - what's the total?",
                      "{name} orders {qa} {a} for ${pa} apiece plus {qb} {b} for ${pb} apiece. "
                      "What is the bill?",
                      "If {a} are ${pa} each and {b} are ${pb} each, how much do {qa} {a} and {qb} "
                      "{b} cost together?"},
                     {{"name", name},
                      {"qa", std::to_string(qa)},
                      {"a", a.name},
                      {"pa", fake::decimal_cents(a.unit_price_cents)},
                      {"qb", std::to_string(qb)},
                      {"b", b.name},
                      {"pb", fake::decimal_cents(b.unit_price_cents)}});
      p.answer = static_cast<double>(total) / 100.0;
      p.decimals = 2;
      p.unit = "USD";
      p.equation = std::to_string(qa) + "*" + fake::decimal_cents(a.unit_price_cents) + "+" +
                   std::to_string(qb) + "*" + fake::decimal_cents(b.unit_price_cents);
      break;
    }
    case 1: {  // discount
      int64_t price = f.integer(20, 900) * 100;
      if (f.chance(0.5)) price += 99;
      const int64_t pct = f.integer(1, 14) * 5;
      const int64_t sale = price - (price * pct + 50) / 100;
      const std::string item(f.pick(std::vector<std::string_view>{
          "jacket", "lamp", "backpack", "blender", "bike helmet", "desk chair", "coffee maker"}));
      p.text = story(f,
                     {"A {item} costs ${price}. It is on sale for {pct}% off. What is the sale "
                      "price?",
                      "The {item} is listed at ${price} and there's a {pct}% discount. How much "
                      "is it after the discount?",
                      "{pct}% off a ${price} {item}: what's the new price?",
                      "{name} has a {pct}% off coupon for a ${price} {item}. What does {name} "
                      "pay?"},
                     {{"item", item},
                      {"price", fake::decimal_cents(price)},
                      {"pct", std::to_string(pct)},
                      {"name", name}});
      p.answer = static_cast<double>(sale) / 100.0;
      p.decimals = 2;
      p.unit = "USD";
      p.equation = fake::decimal_cents(price) + "*(1-" + std::to_string(pct) + "/100)";
      break;
    }
    case 2: {  // distance
      const int64_t speed = f.integer(3, 75);
      const int64_t minutes = f.integer(2, 40) * 15;
      p.text = story(f,
                     {"{name} drives at {speed} miles per hour for {h} hours and {m} minutes. What "
                      "distance, in miles, does {name} cover?",
                      "{name} cycles at {speed} mph for {h} hours and {m} minutes. How far does "
                      "{name} go, in miles?",
                      "A train runs at {speed} miles per hour for {h} hours and {m} minutes. How "
                      "many miles is that?",
                      "We drove {h} hours and {m} minutes at an average of {speed} mph. How far "
                      "did we go?"},
                     {{"name", name},
                      {"speed", std::to_string(speed)},
                      {"h", std::to_string(minutes / 60)},
                      {"m", std::to_string(minutes % 60)}});
      p.answer = static_cast<double>(speed * minutes) / 60.0;
      p.decimals = 2;
      p.unit = "miles";
      p.equation = std::to_string(speed) + "*(" + std::to_string(minutes / 60) + "*60+" +
                   std::to_string(minutes % 60) + ")/60";
      break;
    }
    case 3: {  // split the bill
      const int64_t bill = f.price_cents(2000, 40000);
      const int64_t tip = f.pick(std::vector<int64_t>{15, 18, 20, 25});
      const int64_t people = f.integer(2, 8);
      const double each =
          std::round(static_cast<double>(bill) * (100 + tip) / 100.0 / people) / 100.0;
      p.text = story(f,
                     {"{people} friends share a dinner bill of ${bill} and add a {tip}% tip. The "
                      "total is shared equally. What is each share?",
                      "Dinner for {people} comes to ${bill}. With a {tip}% tip, split evenly, what "
                      "does each person owe?",
                      "{people} coworkers split a ${bill} lunch bill plus a {tip}% tip equally. "
                      "How much is each share?",
                      "The bill is ${bill}, we're adding {tip}% for the tip and there are "
                      "{people} of us. What does each of us pay?"},
                     {{"people", std::to_string(people)},
                      {"bill", fake::decimal_cents(bill)},
                      {"tip", std::to_string(tip)}});
      p.answer = each;
      p.decimals = 2;
      p.unit = "USD";
      p.equation = fake::decimal_cents(bill) + "*1." + (tip < 10 ? "0" : "") + std::to_string(tip) +
                   "/" + std::to_string(people);
      break;
    }
    case 4: {  // percent change
      const int64_t before = f.integer(50, 5000);
      int64_t after = f.integer(50, 5000);
      if (after == before) after += 7;
      const double change =
          static_cast<double>(after - before) * 100.0 / static_cast<double>(before);
      const std::string thing = std::string(f.pick(std::vector<std::string_view>{
          "website visitors", "monthly sales", "support tickets", "subscribers"}));
      p.text = story(
          f,
          {"Last month the team had {before} {thing}. This month they had {after}. "
           "What is the percent change, to one decimal place?",
           "Our {thing} went from {before} last month to {after} this month. What's the "
           "percent change (one decimal)?",
           "We had {before} {thing} in May and {after} in June. By what percent did "
           "that change, to one decimal?",
           "{thing} count: {before} before the launch, {after} after. Percent change, "
           "one decimal?"},
          {{"before", std::to_string(before)}, {"after", std::to_string(after)}, {"thing", thing}});
      p.answer = std::round(change * 10.0) / 10.0;
      p.decimals = 1;
      p.unit = "percent";
      p.equation = "(" + std::to_string(after) + "-" + std::to_string(before) + ")/" +
                   std::to_string(before) + "*100";
      break;
    }
    case 5: {  // simple interest
      const int64_t principal = f.integer(10, 500) * 100;
      const int64_t rate_tenths = f.integer(10, 90);  // 1.0% .. 9.0%
      const int64_t years = f.integer(1, 10);
      const double interest =
          std::round(static_cast<double>(principal * rate_tenths * years) / 10.0) / 100.0;
      p.text = story(f,
                     {"{name} deposits ${principal} at {rate}% simple annual interest for {years} "
                      "{year}. How much interest is earned?",
                      "How much simple interest does ${principal} earn at {rate}% a year over "
                      "{years} {year}?",
                      "{name} puts ${principal} in an account paying {rate}% simple interest per "
                      "year. What is the interest after {years} {year}?",
                      "Simple interest on ${principal} at {rate}% per year for {years} {year}?"},
                     {{"name", name},
                      {"principal", std::to_string(principal)},
                      {"rate", format_number(static_cast<double>(rate_tenths) / 10.0, 1)},
                      {"years", std::to_string(years)},
                      {"year", years > 1 ? "years" : "year"}});
      p.answer = interest;
      p.decimals = 2;
      p.unit = "USD";
      p.equation = std::to_string(principal) + "*" +
                   format_number(static_cast<double>(rate_tenths) / 10.0, 1) + "/100*" +
                   std::to_string(years);
      break;
    }
    case 6: {  // unit price comparison
      const int64_t oz_a = f.integer(8, 32);
      const int64_t oz_b = f.integer(33, 96);
      const int64_t price_a = f.price_cents(199, 899);
      const int64_t price_b = f.price_cents(499, 2499);
      const double per_a = static_cast<double>(price_a) / oz_a;
      const double per_b = static_cast<double>(price_b) / oz_b;
      p.text = story(f,
                     {"A {oz_a}-ounce box of cereal costs ${pa} and a {oz_b}-ounce box costs "
                      "${pb}. What is the lower price per ounce, in cents, to two decimals?",
                      "Which is cheaper per ounce: a {oz_a} oz bag of coffee at ${pa} or a {oz_b} "
                      "oz bag at ${pb}? Give the lower price per ounce in cents, two decimals.",
                      "Store brand: {oz_a} ounces for ${pa}. Big tub: {oz_b} ounces for ${pb}. "
                      "What's the best price per ounce in cents (two decimals)?"},
                     {{"oz_a", std::to_string(oz_a)},
                      {"pa", fake::decimal_cents(price_a)},
                      {"oz_b", std::to_string(oz_b)},
                      {"pb", fake::decimal_cents(price_b)}});
      p.answer = std::round(std::min(per_a, per_b) * 100.0) / 100.0;
      p.decimals = 2;
      p.unit = "cents per ounce";
      p.equation = "min(" + fake::decimal_cents(price_a) + "*100/" + std::to_string(oz_a) + "," +
                   fake::decimal_cents(price_b) + "*100/" + std::to_string(oz_b) + ")";
      break;
    }
    default: {  // hours worked
      const fake::TimeOfDay start{static_cast<int>(f.integer(6, 10)),
                                  static_cast<int>(f.integer(0, 3)) * 15};
      const int64_t shift = f.integer(16, 40) * 15;  // minutes
      const int64_t lunch = f.pick(std::vector<int64_t>{0, 30, 45, 60});
      const int end_min = start.hour * 60 + start.minute + static_cast<int>(shift + lunch);
      const fake::TimeOfDay end{end_min / 60, end_min % 60};
      const int64_t wage = f.integer(1500, 4500);
      const double pay = std::round(static_cast<double>(wage * shift) / 60.0) / 100.0;
      p.text = story(f,
                     {"{name} works from {start} to {end} with a {lunch}-minute unpaid break, "
                      "earning ${wage} per hour. How much does {name} earn that day?",
                      "{name}'s shift runs {start} to {end} with a {lunch}-minute unpaid lunch, "
                      "at ${wage}/hour. What's the day's pay?",
                      "Paid ${wage} an hour, {name} worked {start}-{end} and took {lunch} minutes "
                      "unpaid. How much did {name} earn?"},
                     {{"name", name},
                      {"start", fake::format_time(start, true)},
                      {"end", fake::format_time(end, true)},
                      {"lunch", std::to_string(lunch)},
                      {"wage", fake::decimal_cents(wage)}});
      p.answer = pay;
      p.decimals = 2;
      p.unit = "USD";
      p.equation = fake::decimal_cents(wage) + "*(minutes_between(" + fake::iso_time(start) + "," +
                   fake::iso_time(end) + ")-" + std::to_string(lunch) + ")/60";
    }
  }
  return p;
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 7));
  const Problem p = make(f, ex->layout_id);
  compose_prompt(f, ex, kInstructions, kParts, p.text);
  // The equation, evaluated by the calculator at the answer's precision, is the answer (its
  // rounding of half cents may differ from the story's integer arithmetic; the calculator's is
  // the one the model is taught).
  const std::string step = "round(" + p.equation + "," + std::to_string(p.decimals) + ")";
  ex->work = calculator_step(step);
  const std::string answer = calculator_result(step);
  if (std::abs(std::stod(answer) - p.answer) > 1.01 * std::pow(10.0, -p.decimals))
    throw Error("math_word_problems: the equation " + p.equation + " gives " + answer +
                ", the story " + format_number(p.answer, p.decimals));
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("answer").raw(answer);
  j.key("unit").str(p.unit);
  j.key("equation").str(p.equation);
  j.end_object();
}

}  // namespace

SpecialistSpec math_word_problems_spec() {
  return {"math_word_problems",
          "8 kinds of arithmetic stories -> answer, unit, equation",
          {{"answer", FieldKind::kNumber},
           {"unit", FieldKind::kText},
           {"equation", FieldKind::kUnscored}},
          &generate};
}

}  // namespace anvil::datagen::specialists
