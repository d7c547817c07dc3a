// Internal helpers shared by the specialist generators: prompt framing, placeholder filling and
// the date/money formats a US document may use without ambiguity.
#pragma once

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/ascii.h"
#include "anvil/datagen/fake/faker.h"
#include "anvil/datagen/json_builder.h"
#include "anvil/datagen/record.h"
#include "anvil/datagen/specialist.h"

namespace anvil::datagen::specialists {

using fake::Faker;

// Ways an instruction and its document are put together (instruction first, document first,
// instruction then a fenced document).
constexpr int kFramings = 3;

// Picks one of `instructions` and a framing; writes ex->prompt and ex->template_id
// (= instruction * kFramings + framing). An empty document gives the instruction alone.
void compose_prompt(Faker& f, Example* ex, const std::vector<std::string_view>& instructions,
                    std::string_view document);

// A request phrased the way people phrase it, from parts: "can you" + "pull out" + "the fields of"
// + "this address" + "as JSON" + "thanks". Thousands of phrasings instead of a handful of fixed
// templates, so a model keys the task off the document and the gist of the request, not off one
// memorised sentence.
struct InstructionParts {
  std::vector<std::string_view> verbs;    // "Parse", "Split", "Extract the fields from"
  std::vector<std::string_view> objects;  // "this address", "the shipping address below"
  std::vector<std::string_view> formats;  // "as JSON", "into street, city, state and ZIP"
};

// Like compose_prompt, but half of the prompts get an instruction built from `parts` (any casing,
// politeness and punctuation; also "instruction: document" on one line, or the document followed
// by the instruction on the next line). Those have template_id instructions.size() * kFramings +
// framing (0..4).
void compose_prompt(Faker& f, Example* ex, const std::vector<std::string_view>& instructions,
                    const InstructionParts& parts, std::string_view document);

// Values a phrasing may refer to by name, as "{name}".
using Vars = std::vector<std::pair<std::string_view, std::string>>;

// Replaces each "{name}" in `tmpl` by its value in `vars`; other braces are kept as written.
std::string expand(std::string_view tmpl, const Vars& vars);

// Replaces each "{}" in `tmpl` by the next argument.
std::string fill(std::string_view tmpl, std::initializer_list<std::string_view> args);

// Two values side by side and whether they are the same, as worked steps write them:
// "compare: 4068 / 9808\nsame: no\n" (confidence_calibration's count and compare_drill, which
// trains it, must write the one format).
std::string compare_step(const std::string& a, const std::string& b);

// A date format that a US reader cannot misread (no day-first numeric formats).
fake::DateFormat us_date_format(Faker& f);
// A money style for USD documents ("$1,234.56", "1234.56", "USD 1,234.56", "1,234.56 USD").
fake::MoneyStyle us_money_style(Faker& f);
const fake::Currency& usd();

// 0..99 in words, as contracts write them: "thirty-six".
std::string number_words(int n);

// "Title Case" -> "title_case"-style label used in answers.
std::string snake_label(std::string_view s);

// `s` followed by a full stop, unless it already ends with one ("Acme Co." stays "Acme Co.").
inline std::string with_period(const std::string& s) {
  return !s.empty() && s.back() == '.' ? s : s + ".";
}

// An amount's digits as a document prints them, thousands grouped ("1,234.56") or plain
// ("1234.56"): what a worked step copies into the calculator, which reads both.
std::string printed_cents(int64_t cents, bool grouped);
// "round(DIGITS,2)" with the amount's digits as printed: a step whose result is the amount
// without thousands commas, so the model copies digits and never regroups them.
inline std::string copied_amount(int64_t cents, bool grouped) {
  return "round(" + printed_cents(cents, grouped) + ",2)";
}

// `s` padded with spaces to `width` columns (for fixed-width document layouts); a longer `s` is
// kept whole, never cut.
std::string pad(std::string_view s, size_t width);
// A fixed-width column with more text after it: `s` padded to `width`, and at least one space
// after it (a value as wide as its column or wider pushes the rest of the line right, as reports
// print it, instead of running into the next column).
std::string column(std::string_view s, size_t width);

}  // namespace anvil::datagen::specialists
