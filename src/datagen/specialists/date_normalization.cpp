// date_normalization: a date written in one of 12 formats, or relative to an anchor date ("3
// business days after", "the Friday after", "two weeks before"), in a sentence -> ISO date and
// weekday. Day-first numeric formats come with an explicit locale hint so they are unambiguous.
// Worked steps: a relative date and the weekday as calculator calls.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Normalize the date mentioned below to ISO 8601 (YYYY-MM-DD) and give its weekday.",
    "What calendar date is meant? Answer as JSON with date and weekday.",
    "Convert the date in this text to the standard format.",
    "Resolve the date expression to an exact date.",
};
const std::vector<std::string_view> kSentences = {"The shipment is scheduled for {}.",
                                                  "Please submit the report by {}.",
                                                  "Her start date is {}.",
                                                  "Payment was received on {}.",
                                                  "The lease ends {}.",
                                                  "We signed the contract on {}."};
const std::vector<std::string_view> kNumberWords = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

void generate(Faker& f, Example* ex) {
  const fake::Date anchor = f.recent_date();
  const fake::DateFormat anchor_format = us_date_format(f);
  const std::string iso = fake::iso_date(anchor);
  std::string expression;
  std::string step;  // the calculator expression for the date (a relative one)
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  switch (ex->layout_id) {
    case 0: {  // absolute, any unambiguous format
      static const std::vector<fake::DateFormat> kFormats = {
          fake::DateFormat::kIso,          fake::DateFormat::kUsSlash,
          fake::DateFormat::kLong,         fake::DateFormat::kLongWeekday,
          fake::DateFormat::kDayMonthYear, fake::DateFormat::kAbbrev,
          fake::DateFormat::kDashAbbrev,   fake::DateFormat::kCompact,
          fake::DateFormat::kOrdinal,      fake::DateFormat::kUsShort};
      expression = fake::format_date(anchor, f.pick(kFormats));
      break;
    }
    case 1: {  // day-first with a hint
      const bool dot = f.chance(0.5);
      expression =
          fake::format_date(anchor, dot ? fake::DateFormat::kEuDot : fake::DateFormat::kEuSlash) +
          (dot ? " (German date format)" : " (UK date format, day first)");
      break;
    }
    case 2: {  // n days / weeks before or after
      const int n = static_cast<int>(f.integer(1, 10));
      const bool weeks = f.chance(0.3);
      const bool after = f.chance(0.6);
      const int days = (weeks ? 7 * n : n) * (after ? 1 : -1);
      step = "add_days(" + iso + "," + std::to_string(days) + ")";
      expression = std::string(kNumberWords[static_cast<size_t>(n)]) + (weeks ? " week" : " day") +
                   (n > 1 ? "s" : "") + (after ? " after " : " before ") +
                   fake::format_date(anchor, anchor_format);
      break;
    }
    case 3: {  // business days
      const int n = static_cast<int>(f.integer(1, 10));
      step = "add_workdays(" + iso + "," + std::to_string(n) + ")";
      expression = std::to_string(n) + " business day" + (n > 1 ? "s" : "") + " after " +
                   fake::format_date(anchor, anchor_format);
      break;
    }
    default: {  // the next <weekday> after
      const int wd = static_cast<int>(f.integer(0, 6));
      step = std::string("next_weekday(") + iso + "," + fake::weekday_name(wd) + ")";
      expression = std::string("the first ") + fake::weekday_name(wd) + " after " +
                   fake::format_date(anchor, anchor_format);
    }
  }
  const std::string doc = fill(f.pick(kSentences), {expression});
  compose_prompt(f, ex, kInstructions, doc);
  // Worked steps: the relative date from the anchor, then the weekday of the date.
  const std::string date = step.empty() ? iso : calculator_result(step);
  ex->work =
      (step.empty() ? "" : calculator_step(step) + "\n") + calculator_step("weekday(" + date + ")");
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("date").str(date);
  j.key("weekday").str(calculator_result("weekday(" + date + ")"));
  j.end_object();
}

}  // namespace

SpecialistSpec date_normalization_spec() {
  return {"date_normalization",
          "dates in 12 formats or relative expressions -> ISO date and weekday",
          {{"date", FieldKind::kExact}, {"weekday", FieldKind::kText}},
          &generate};
}

}  // namespace anvil::datagen::specialists
