// The calculator a specialist model calls while it answers. A small model copies numbers and
// dates reliably but does not do multi-digit arithmetic or date arithmetic in one pass, so the
// generators write a worked step before the JSON answer, "<<round(12.5*0.3048,4)=3.81>>", and at
// generation time the text after "=" is not sampled: the calculator evaluates the expression and
// its result (and the closing ">>") is fed to the model instead (Cobbe et al. 2021's calculator
// annotations). docs/specialist-quality.md says what each generator works out this way.
//
// Expressions: numbers, + - * / and parentheses; dates YYYY-MM-DD and times HH:MM as values;
// numbers may group thousands as documents print money, 81,169.00 (a comma, then exactly three
// digits, up to a decimal point: write "max(3, 250.5)" with a space to mean two arguments);
// functions round(x,n) (half away from zero, printed with n decimals), min(...), max(...),
// weekday(d) (a weekday name), add_days(d,n), add_workdays(d,n) (Monday-Friday),
// add_months(d,n) (the day clamped to the month's end), next_weekday(d,Name) (strictly after d),
// days_between(d1,d2), add_minutes(t,n), minutes_between(t1,t2); comparisons answer yes or no:
// same(a,b) (a == b) and at_most(a,b) (a <= b), of two numbers, dates or times. A number prints
// with up to 6 decimals, trailing zeros dropped (round's result keeps its n).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::datagen {

// The result of `expression` as text, or nullopt with the reason in `error` (when given).
std::optional<std::string> calculate(std::string_view expression, std::string* error = nullptr);

// For generators: "<<expression=result>>". Throws anvil::Error if the expression does not
// evaluate (a generator bug).
std::string calculator_step(std::string_view expression);
// The result alone (the same text calculator_step writes after "=").
std::string calculator_result(std::string_view expression);

// For generation: if `generated` ends with an open "<<expression=" (no ">>" or newline after
// the "<<") whose expression evaluates, the text to feed next: the result and ">>". Otherwise "".
std::string calculator_completion(std::string_view generated);

// `text` cut after each "<<expression=" whose expression evaluates and after the ">>" that closes
// its result, so each result is tokenized on its own, as it is fed in at generation time. The
// pieces concatenate to `text`.
std::vector<std::string_view> split_at_calculator_results(std::string_view text);

}  // namespace anvil::datagen
