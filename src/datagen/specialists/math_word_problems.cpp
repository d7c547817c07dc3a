// math_word_problems: grade-school to office arithmetic stories (shopping totals, discounts,
// distance/speed/time, splitting a bill with tip, percent change, simple interest, unit rates,
// working hours; since session 26 also sums of a listed week, what is left of a budget, a part
// as a percent, sales tax added, the percent of a markdown, miles per tank and overtime pay) with
// invented names and numbers, each kind told two to five ways (in the third person or the first,
// as a question or a note), numbers as people type them ("$2,400", "48,200", "six", "2.5 hours")
// -> the answer and its unit, plus the equation (numbers without their commas).
// Worked step: the equation, rounded, as a calculator call; its value is the answer.
#include <algorithm>
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

// Dollars as people type them: "$2,400" or "$1,249.00" past a thousand, now and then.
std::string dollars(Faker& f, int64_t cents) {
  const bool grouped = cents >= 100000 && f.chance(0.6);
  if (!grouped) return fake::decimal_cents(cents);
  const bool whole = cents % 100 == 0 && f.chance(0.5);
  if (whole) return fake::grouped_integer(cents / 100);
  std::string s;
  fake::append_grouped_cents(&s, cents);
  return s;
}

// A count as written in a story: "6" or "six".
std::string count(Faker& f, int64_t n) {
  return n <= 12 && f.chance(0.35) ? number_words(static_cast<int>(n)) : std::to_string(n);
}

// A number as printed without its thousands commas: the form an equation takes.
std::string digits_of(std::string printed) {
  printed.erase(std::remove(printed.begin(), printed.end(), ','), printed.end());
  return printed;
}

// A whole number as printed: "48,200" past a thousand, now and then.
std::string grouped_count(Faker& f, int64_t n) {
  return n >= 1000 && f.chance(0.5) ? fake::grouped_integer(n) : std::to_string(n);
}

// The eight kinds told since the first generator.
Problem make_classic(Faker& f, int kind, const std::string& name) {
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
      const bool decimal_hours = minutes % 30 == 0 && f.chance(0.4);
      p.decimals = 2;
      p.unit = "miles";
      p.answer = static_cast<double>(speed * minutes) / 60.0;
      if (decimal_hours) {  // "2.5 hours"
        const std::string hours =
            minutes % 60 == 0 ? std::to_string(minutes / 60) : format_number(minutes / 60.0, 1);
        p.text = story(f,
                       {"{name} rode the bus for {hours} hours at about {speed} mph. Distance in "
                        "miles?",
                        "At {speed} miles per hour, how far does a boat go in {hours} hours?",
                        "{name} kept a steady {speed} mph for {hours} hours. How many miles was "
                        "that?"},
                       {{"name", name}, {"speed", std::to_string(speed)}, {"hours", hours}});
        p.equation = std::to_string(speed) + "*" + hours;
        break;
      }
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
      const std::string group = count(f, people);
      p.text = story(
          f,
          {"{people} friends share a dinner bill of ${bill} and add a {tip}% tip. The "
           "total is shared equally. How much does each pay?",
           "Dinner for {people} comes to ${bill}. With a {tip}% tip, split evenly, what "
           "does each person owe?",
           "{people} coworkers split a ${bill} lunch bill plus a {tip}% tip equally. "
           "How much is each share?",
           "The bill is ${bill}, we're adding {tip}% for the tip and there are "
           "{people} of us. What does each of us pay?"},
          {{"people", group}, {"bill", fake::decimal_cents(bill)}, {"tip", std::to_string(tip)}});
      p.answer = each;
      p.decimals = 2;
      p.unit = "USD";
      p.equation = fake::decimal_cents(bill) + "*1." + (tip < 10 ? "0" : "") + std::to_string(tip) +
                   "/" + std::to_string(people);
      break;
    }
    case 4: {  // percent change
      const int64_t before = f.integer(50, 60000);
      int64_t after = f.integer(before / 2, before * 2);
      if (after == before) after += 7;
      const std::string before_text = grouped_count(f, before);
      const std::string after_text = grouped_count(f, after);
      const double change =
          static_cast<double>(after - before) * 100.0 / static_cast<double>(before);
      const std::string thing = std::string(f.pick(std::vector<std::string_view>{
          "website visitors", "monthly sales", "support tickets", "subscribers"}));
      p.text = story(f,
                     {"Last month the team had {before} {thing}. This month they had {after}. "
                      "What is the percent change, to one decimal place?",
                      "Our {thing} went from {before} last month to {after} this month. What's the "
                      "percent change (one decimal)?",
                      "We had {before} {thing} in May and {after} in June. By what percent did "
                      "that change, to one decimal?",
                      "{thing} count: {before} before the launch, {after} after. Percent change, "
                      "one decimal?"},
                     {{"before", before_text}, {"after", after_text}, {"thing", thing}});
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
      const std::string principal_text = grouped_count(f, principal);
      p.text = story(f,
                     {"{name} deposits ${principal} at {rate}% simple annual interest for {years} "
                      "{year}. How much interest is earned?",
                      "How much simple interest does ${principal} earn at {rate}% a year over "
                      "{years} {year}?",
                      "{name} puts ${principal} in an account paying {rate}% simple interest per "
                      "year. What is the interest after {years} {year}?",
                      "Simple interest on ${principal} at {rate}% per year for {years} {year}?"},
                     {{"name", name},
                      {"principal", principal_text},
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

// A sum of three to five amounts listed in one sentence ("6.25 miles Tuesday, 3 on Thursday").
Problem sum_of_list(Faker& f, const std::string& name) {
  static const std::vector<std::string_view> kDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                      "Friday", "Saturday", "Sunday"};
  const int kind = static_cast<int>(f.integer(0, 2));  // 0 miles run, 1 road trip, 2 expenses
  const int64_t n = f.integer(3, 5);
  std::vector<std::string> values, parts;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t quarters = kind == 0 ? f.integer(8, 60) : 0;
    const int64_t miles = kind == 1 ? f.integer(40, 520) : 0;
    const int64_t cents = kind == 2 ? f.price_cents(300, 12000) : 0;
    const std::string v = kind == 0   ? format_number(static_cast<double>(quarters) / 4.0, 2)
                          : kind == 1 ? std::to_string(miles)
                                      : fake::decimal_cents(cents);
    values.push_back(v);
    const std::string day(kDays[static_cast<size_t>(i * 7 / n)]);
    if (kind == 0) parts.push_back(v + (i == 0 ? " miles " : " on ") + day);
    if (kind == 1) parts.push_back(v + (i == 0 ? " miles the first day" : " the next"));
    if (kind == 2) {
      const std::string what(f.pick(std::vector<std::string_view>{
          "parking", "lunch", "a taxi", "printer paper", "train tickets", "coffee", "postage"}));
      parts.push_back("$" + v + " for " + what);
    }
  }
  std::string list;
  for (size_t i = 0; i < parts.size(); ++i)
    list += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  Problem p;
  static const std::vector<std::vector<std::string_view>> kWays = {
      {"Training log this week: {list}. Total mileage?",
       "{name} ran {list}. How many miles is that in all?"},
      {"Road trip log: {list}. Total distance in miles?",
       "{name} drove {list}. What was the whole distance in miles?"},
      {"Expenses this week: {list}. What did I spend in total?",
       "{name}'s receipts: {list}. What is the total?"}};
  p.text = story(f, kWays[static_cast<size_t>(kind)], {{"list", list}, {"name", name}});
  for (size_t i = 0; i < values.size(); ++i) p.equation += (i ? "+" : "") + values[i];
  p.unit = kind == 2 ? "USD" : "miles";
  p.decimals = 2;
  p.answer = 0;
  for (const std::string& v : values) p.answer += std::stod(v);
  return p;
}

// What is left of a budget after one or two amounts spent.
Problem budget_left(Faker& f, const std::string& name) {
  const int64_t budget = f.integer(5, 400) * 1000;  // $50 .. $4,000 in whole tens
  const int64_t spent = f.integer(budget / 4, budget * 3 / 4);
  const int64_t more = f.chance(0.4) ? f.integer(1, budget / 4) : 0;
  const std::string what(f.pick(std::vector<std::string_view>{
      "team", "marketing", "travel", "party", "grocery", "office supplies", "training"}));
  const std::string b = dollars(f, budget);
  const std::string s1 = fake::decimal_cents(spent);
  const std::string s2 = fake::decimal_cents(more);
  Problem p;
  p.text =
      more == 0
          ? story(f,
                  {"We set aside ${b} for {what} and have paid out ${s1}. What's still available?",
                   "{name} has ${b} for {what} this quarter and has used ${s1}. What "
                   "remains?"},
                  {{"what", what}, {"b", b}, {"s1", s1}, {"name", name}})
          : story(f,
                  {"The {what} budget is ${b}. We paid ${s1} last week and ${s2} today. "
                   "How much is left?",
                   "{name} started with ${b} for {what}, spent ${s1} and then ${s2}. "
                   "What is left?"},
                  {{"what", what}, {"b", b}, {"s1", s1}, {"s2", s2}, {"name", name}});
  p.equation = digits_of(b) + "-" + s1 + (more ? "-" + s2 : "");
  p.answer = static_cast<double>(budget - spent - more) / 100.0;
  p.decimals = 2;
  p.unit = "USD";
  return p;
}

// A part of a whole as a percent ("17 of 80 tickets closed").
Problem percent_of(Faker& f, const std::string&) {
  const int64_t whole = f.integer(20, 2000);
  const int64_t part = f.integer(1, whole - 1);
  const std::string what(f.pick(std::vector<std::string_view>{
      "people surveyed", "orders shipped", "emails sent", "students", "tickets closed"}));
  const std::string w = grouped_count(f, whole);
  Problem p;
  p.text = story(f,
                 {"{part} of the {w} {what} said yes. What percent is that?",
                  "Out of {w} {what}, {part} came back. What percentage is that, to one "
                  "decimal?",
                  "{part} out of {w} {what}: what percent?"},
                 {{"part", std::to_string(part)}, {"w", w}, {"what", what}});
  p.equation = std::to_string(part) + "/" + std::to_string(whole) + "*100";
  p.answer = std::round(static_cast<double>(part) * 1000.0 / static_cast<double>(whole)) / 10.0;
  p.decimals = 1;
  p.unit = "percent";
  return p;
}

// A price with sales tax added (a rate such as 8.875%).
Problem with_tax(Faker& f, const std::string& name) {
  const int64_t price = f.price_cents(500, 250000);
  const int64_t thousandths = f.pick(
      std::vector<int64_t>{4000, 5000, 6000, 6250, 7000, 7250, 8000, 8250, 8875, 9500, 10250});
  const std::string rate = format_number(static_cast<double>(thousandths) / 1000.0, 3);
  const std::string price_text = dollars(f, price);
  const std::string item(f.pick(std::vector<std::string_view>{"laptop", "sofa", "bike", "printer",
                                                              "phone", "tent", "washing machine"}));
  Problem p;
  p.text = story(f,
                 {"The {item} is ${price} before {rate}% sales tax. Price with tax?",
                  "{name} buys a ${price} {item}; sales tax is {rate}%. How much does {name} "
                  "pay?",
                  "${price} {item} plus {rate}% tax - what's the total?"},
                 {{"item", item}, {"price", price_text}, {"rate", rate}, {"name", name}});
  p.equation = digits_of(price_text) + "*(1+" + rate + "/100)";
  p.answer = std::round(static_cast<double>(price) * (100000.0 + static_cast<double>(thousandths)) /
                        100000.0) /
             100.0;
  p.decimals = 2;
  p.unit = "USD";
  return p;
}

// The percent off between a price before and after a markdown.
Problem markdown_percent(Faker& f, const std::string& name) {
  const int64_t was = f.integer(10, 900);
  const int64_t now = was - f.integer(1, was * 3 / 4);
  const std::string item(f.pick(std::vector<std::string_view>{
      "jacket", "rug", "blender", "pair of boots", "monitor", "suitcase"}));
  Problem p;
  p.text = story(
      f,
      {"Marked down from ${was} to ${now}, the {item} is how many percent cheaper?",
       "{name} saw a {item} drop from ${was} to ${now}. By what percent was it cut, to "
       "one decimal?"},
      {{"item", item}, {"was", std::to_string(was)}, {"now", std::to_string(now)}, {"name", name}});
  p.equation =
      "(" + std::to_string(was) + "-" + std::to_string(now) + ")/" + std::to_string(was) + "*100";
  p.answer = std::round(static_cast<double>(was - now) * 1000.0 / static_cast<double>(was)) / 10.0;
  p.decimals = 1;
  p.unit = "percent";
  return p;
}

// A rate times a quantity: miles per gallon, or regular and overtime pay.
Problem rate_times(Faker& f, const std::string& name) {
  Problem p;
  p.decimals = 2;
  if (f.chance(0.5)) {
    const int64_t mpg = f.integer(18, 55);
    const int64_t gallons = f.integer(8, 25);
    p.text =
        story(f,
              {"The sedan averages {mpg} miles per gallon; its tank takes {g} gallons. Range on "
               "a full tank, in miles?",
               "{name}'s van does {mpg} mpg with a {g}-gallon tank. How far on one tank, in "
               "miles?"},
              {{"mpg", std::to_string(mpg)}, {"g", std::to_string(gallons)}, {"name", name}});
    p.equation = std::to_string(mpg) + "*" + std::to_string(gallons);
    p.answer = static_cast<double>(mpg * gallons);
    p.unit = "miles";
    return p;
  }
  const int64_t hours = f.integer(20, 40);
  const int64_t overtime = f.integer(1, 12);
  const int64_t wage = f.integer(12, 45);
  const std::string overtime_text = count(f, overtime);
  p.text = story(f,
                 {"Overtime pays time and a half. {name} did {h} normal hours and {ot} overtime "
                  "hours at ${w}/hour. Weekly gross pay?",
                  "Pay is ${w} an hour, with time and a half for overtime. {name} put in {h} "
                  "regular hours and {ot} overtime hours. What did {name} earn?"},
                 {{"name", name},
                  {"h", std::to_string(hours)},
                  {"w", std::to_string(wage)},
                  {"ot", overtime_text}});
  p.equation = std::to_string(hours) + "*" + std::to_string(wage) + "+" + std::to_string(overtime) +
               "*" + std::to_string(wage) + "*1.5";
  p.answer = static_cast<double>(hours * wage) + static_cast<double>(overtime * wage) * 1.5;
  p.unit = "USD";
  return p;
}

Problem make(Faker& f, int kind) {
  const std::string name = f.first_name();
  switch (kind) {
    case 8:
      return sum_of_list(f, name);
    case 9:
      return budget_left(f, name);
    case 10:
      return percent_of(f, name);
    case 11:
      return with_tax(f, name);
    case 12:
      return markdown_percent(f, name);
    case 13:
      return rate_times(f, name);
    default:
      return make_classic(f, kind, name);
  }
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 13));
  Problem p = make(f, ex->layout_id);
  p.text = capitalized(p.text);
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
          "14 kinds of arithmetic stories -> answer, unit, equation",
          {{"answer", FieldKind::kNumber},
           {"unit", FieldKind::kText},
           {"equation", FieldKind::kUnscored}},
          &generate};
}

}  // namespace anvil::datagen::specialists
