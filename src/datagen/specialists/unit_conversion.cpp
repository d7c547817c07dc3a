// unit_conversion: a quantity in one unit and a target unit (length, mass, volume, temperature,
// speed, area, data size), asked several ways, half of them as everyday questions ("The paint
// tin holds 3.5 liters. How many quarts is that?") -> value, units and the converted result
// rounded to 4 decimals (exact factors from the SI definitions). Quantities as people write them:
// units by plural, symbol or another spelling ("kilos", "sq. ft.", "deg C"), symbols sometimes
// stuck to the number ("12mm", "180\xC2\xB0C"), thousands grouped, small counts in words.
// Worked steps: the quantity copied as written, then read ("8,849 m: 8849 meter -> foot"); the
// conversion as a calculator call, factors to the category's base unit.
#include <cstdio>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Unit {
  std::string_view name;    // answer form, "kilometer"
  std::string_view plural;  // in text, "kilometers"
  std::string_view symbol;  // "km"
  double to_base;           // multiply to get the category's base unit
};

// Other ways people write a unit after a number, beside its plural and symbol.
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kAliases = {
    {"meter", {"metres", "mtrs"}},
    {"kilometer", {"kilometres", "kms"}},
    {"centimeter", {"centimetres", "cms"}},
    {"millimeter", {"millimetres"}},
    {"foot", {"ft.", "'"}},
    {"inch", {"in.", "\""}},
    {"yard", {"yds"}},
    {"kilogram", {"kilos", "kgs"}},
    {"gram", {"gms"}},
    {"pound", {"lbs", "lbs."}},
    {"metric ton", {"tonnes", "tonne"}},
    {"liter", {"litres", "l", "ltr"}},
    {"milliliter", {"ml", "millilitres"}},
    {"fluid ounce", {"fl. oz.", "fl.oz"}},
    {"kilometer per hour", {"kph", "kmh", "km/hr"}},
    {"mile per hour", {"MPH", "mi/h"}},
    {"knot", {"kt", "kts"}},
    {"square meter", {"sq m", "m\xC2\xB2", "square metres"}},
    {"square foot", {"sq. ft.", "ft\xC2\xB2", "sqft"}},
    {"acre", {"ac."}},
    {"celsius", {"C", "degrees C", "deg C", "\xC2\xB0 C"}},
    {"fahrenheit", {"F", "degrees F", "deg F", "\xC2\xB0 F"}},
};
struct Category {
  std::string_view name;
  std::vector<Unit> units;
};

const std::vector<Category> kCategories = {
    {"length",
     {{"meter", "meters", "m", 1.0},
      {"kilometer", "kilometers", "km", 1000.0},
      {"centimeter", "centimeters", "cm", 0.01},
      {"millimeter", "millimeters", "mm", 0.001},
      {"mile", "miles", "mi", 1609.344},
      {"yard", "yards", "yd", 0.9144},
      {"foot", "feet", "ft", 0.3048},
      {"inch", "inches", "in", 0.0254}}},
    {"mass",
     {{"kilogram", "kilograms", "kg", 1.0},
      {"gram", "grams", "g", 0.001},
      {"pound", "pounds", "lb", 0.45359237},
      {"ounce", "ounces", "oz", 0.028349523125},
      {"metric ton", "metric tons", "t", 1000.0}}},
    {"volume",
     {{"liter", "liters", "L", 1.0},
      {"milliliter", "milliliters", "mL", 0.001},
      {"gallon", "gallons", "gal", 3.785411784},
      {"quart", "quarts", "qt", 0.946352946},
      {"cup", "cups", "cups", 0.2365882365},  // no symbol; "How many cup is" reads wrong
      {"fluid ounce", "fluid ounces", "fl oz", 0.0295735295625}}},
    {"speed",
     {{"kilometer per hour", "kilometers per hour", "km/h", 1.0 / 3.6},
      {"mile per hour", "miles per hour", "mph", 0.44704},
      {"meter per second", "meters per second", "m/s", 1.0},
      {"knot", "knots", "kn", 1852.0 / 3600.0}}},
    {"area",
     {{"square meter", "square meters", "m2", 1.0},
      {"square foot", "square feet", "sq ft", 0.09290304},
      {"acre", "acres", "ac", 4046.8564224},
      {"hectare", "hectares", "ha", 10000.0}}},
    {"data",
     {{"byte", "bytes", "B", 1.0},
      {"kilobyte", "kilobytes", "kB", 1e3},
      {"megabyte", "megabytes", "MB", 1e6},
      {"gigabyte", "gigabytes", "GB", 1e9},
      {"kibibyte", "kibibytes", "KiB", 1024.0},
      {"mebibyte", "mebibytes", "MiB", 1048576.0}}},
    {"temperature",
     {{"celsius", "degrees Celsius",
       "\xC2\xB0"
       "C",
       0},
      {"fahrenheit", "degrees Fahrenheit",
       "\xC2\xB0"
       "F",
       0},
      {"kelvin", "kelvin", "K", 0}}},
};

const std::vector<std::string_view> kTemplates = {"Convert {} to {}.", "How many {} is {}?",
                                                  "What is {} in {}?", "{} = ? {}",
                                                  "I have {}. How much is that in {}?"};

// Everyday questions by category: the quantity said in passing, the target unit asked for.
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kContexts = {
    {"length",
     {"Signing up for a {} run this spring. What's that in {}?",
      "The couch is {} wide - will it fit? Give me that in {}.",
      "The trail map says {} to the summit. How far is that in {}?",
      "The hallway runner is {} long. I need it in {}.",
      "Our cable run is {} end to end - how many {} of cable?",
      "The bike route sign reads {}; convert it to {}."}},
    {"mass",
     {"The package label says {}. What is that in {}?",
      "My luggage came in at {} at the airport. How much is that in {}?",
      "The recipe calls for {} of flour; my scale only shows {}. Convert it.",
      "The bag of cement is {}. What does that come to in {}?",
      "Our puppy weighed {} at the vet. How much is that in {}?"}},
    {"volume",
     {"The recipe wants {} of stock; my jug is marked in {}. What should I pour?",
      "The tank holds {}. What is that in {}?",
      "We go through {} of coffee a day at the office - how much is that in {}?",
      "The paint tin holds {}. How many {} is that?",
      "I drank {} of water today; what's that in {}?"}},
    {"speed",
     {"Renting a car on holiday and the posted limit is {} - how much is that in {}?",
      "The wind forecast is {}. Convert that to {} for me.",
      "My treadmill is set to {}. What is that in {}?",
      "The data sheet lists the drone's top speed as {}. What is that in {}?",
      "The e-scooter is limited to {}. How fast is that in {}?"}},
    {"area",
     {"The apartment listing says {}. How big is that in {}?",
      "The farm for sale covers {}. What is that in {}?",
      "We need to tile {} of floor - how much is that in {}?",
      "The office lease covers {}. Express it in {}.",
      "The garden plot measures {}. What's that in {}?"}},
    {"data",
     {"The download is {}. How many {} is that?",
      "My phone plan gives me {} a month - what's that in {}?",
      "The log file grew to {} overnight. Convert that to {}.",
      "The backup came to {}. Show it in {}.", "The game update is {}; how many {} is that?"}},
    {"temperature",
     {"The forecast says {} tomorrow. What is that in {}?",
      "The oven manual says preheat to {}. What is that in {}?",
      "My thermometer reads {}. Convert it to {}.",
      "The pizza stone should reach {}. What's that in {}?",
      "The lab freezer is set to {}. Convert it to {}."}},
};

// A unit's factor to its category's base unit as the worked step writes it (12 significant
// digits: every factor but km/h and knots is exact).
std::string factor_text(double to_base) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.12g", to_base);
  return buf;
}

// The calculator expression converting `v` (as written) between two units of `c`.
std::string conversion(const Category& c, const Unit& from, const Unit& to, const std::string& v) {
  if (c.name != "temperature")
    return "round(" + v + "*" + factor_text(from.to_base) + "/" + factor_text(to.to_base) + ",4)";
  // Through Celsius: F -> C is (v-32)*5/9, K -> C is v-273.15; then C -> the target.
  std::string celsius = v;
  if (from.name == "fahrenheit") celsius = "(" + v + "-32)*5/9";
  if (from.name == "kelvin") celsius = v + "-273.15";
  std::string out = celsius;
  if (to.name == "fahrenheit")
    out = (from.name == "celsius" ? celsius : "(" + celsius + ")") + "*9/5+32";
  if (to.name == "kelvin") out = celsius + "+273.15";
  return "round(" + out + ",4)";
}

// A unit after a number as people write it: its plural, its symbol or another spelling
// ("kilos", "sq. ft.", "deg C").
std::string unit_as_written(Faker& f, const Unit& u, bool symbol) {
  const std::string usual(symbol ? u.symbol : u.plural);
  if (!f.chance(0.35)) return usual;
  for (const auto& [name, aliases] : kAliases)
    if (name == u.name) return std::string(f.pick(aliases));
  return usual;
}

// A quantity as people write it: "8,849 m", "12mm", "180\xC2\xB0C", "two gallons".
std::string quantity_as_written(Faker& f, double value, const std::string& value_text,
                                const Unit& u, bool symbol) {
  const std::string unit = unit_as_written(f, u, symbol);
  const bool whole = value == static_cast<double>(static_cast<int64_t>(value));
  const bool grouped = whole && value >= 1000 && f.chance(0.5);
  const bool in_words = whole && value >= 2 && value <= 12 && !symbol && f.chance(0.3);
  std::string number = value_text;
  if (grouped) number = fake::grouped_integer(static_cast<int64_t>(value));
  if (in_words) number = number_words(static_cast<int>(value));
  // Symbols that read as marks stick to the number; others do now and then ("12mm").
  const bool mark = unit == "'" || unit == "\"" || unit.rfind("\xC2\xB0", 0) == 0;
  const bool attached = mark || (symbol && !in_words && f.chance(0.3));
  return number + (attached ? "" : " ") + unit;
}

void generate(Faker& f, Example* ex) {
  const Category& c = f.pick(kCategories);
  const size_t from_i = static_cast<size_t>(f.integer(0, static_cast<int64_t>(c.units.size()) - 1));
  size_t to_i = static_cast<size_t>(f.integer(0, static_cast<int64_t>(c.units.size()) - 2));
  if (to_i >= from_i) ++to_i;
  const Unit& from = c.units[from_i];
  const Unit& to = c.units[to_i];
  const bool temperature = c.name == "temperature";
  // Values with 0-2 decimals, in a range that makes sense for the unit.
  const int decimals = static_cast<int>(f.integer(0, 2));
  double value =
      static_cast<double>(temperature ? f.integer(-4000, 12000) : f.integer(1, 500000)) / 100.0;
  if (decimals == 0) value = static_cast<double>(static_cast<int64_t>(value));
  if (decimals == 1) value = static_cast<double>(static_cast<int64_t>(value * 10)) / 10.0;
  if (!temperature && value == 0) value = 1;
  const bool small_count = !temperature && f.chance(0.15);  // "two gallons", "6 kg"
  if (small_count) value = static_cast<double>(f.integer(2, 12));
  if (from.name == "kelvin") value += 273;  // no temperature below absolute zero
  // Keep results readable at 4 decimals: scale tiny conversions (mm -> miles) up.
  while (!temperature && value * from.to_base / to.to_base < 0.01) value *= 1000;
  const std::string value_text = format_number(value, 2);
  const std::string expression = conversion(c, from, to, value_text);
  ex->work = calculator_step(expression);
  ex->layout_id = static_cast<int>(f.integer(0, 2));  // names, symbols, mixed
  const std::string from_text = quantity_as_written(f, value, value_text, from, ex->layout_id == 1);
  const std::string to_text = std::string(ex->layout_id == 0 ? to.plural : to.symbol);
  // The quantity copied as written, then read: "8,849 m: 8849 meter -> foot".
  ex->work = from_text + ": " + value_text + " " + std::string(from.name) + " -> " +
             std::string(to.name) + "\n" + ex->work;
  const std::vector<std::string_view>* contexts = nullptr;
  for (const auto& [category, list] : kContexts) {
    if (category == c.name) contexts = &list;
  }
  if (contexts != nullptr && f.chance(0.5)) {  // an everyday question
    const int t = static_cast<int>(f.integer(0, static_cast<int64_t>(contexts->size()) - 1));
    ex->template_id = static_cast<int>(kTemplates.size()) + t;
    ex->prompt = fill((*contexts)[static_cast<size_t>(t)], {from_text, to_text});
  } else {
    const int t = static_cast<int>(f.integer(0, static_cast<int64_t>(kTemplates.size()) - 1));
    ex->template_id = t;
    ex->prompt = t == 1 ? fill(kTemplates[1], {to_text, from_text})
                        : fill(kTemplates[static_cast<size_t>(t)], {from_text, to_text});
  }
  if (f.chance(0.3)) ex->prompt += " Round to 4 decimal places.";
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("category").str(c.name);
  j.key("value").number(value, 2);
  j.key("from_unit").str(from.name);
  j.key("to_unit").str(to.name);
  j.key("result").raw(calculator_result(expression));
  j.end_object();
}

}  // namespace

SpecialistSpec unit_conversion_spec() {
  return {"unit_conversion",
          "quantities in 7 categories (incl. temperature) -> converted value, 4 decimals",
          {{"category", FieldKind::kText},
           {"value", FieldKind::kNumber},
           {"from_unit", FieldKind::kText},
           {"to_unit", FieldKind::kText},
           {"result", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
