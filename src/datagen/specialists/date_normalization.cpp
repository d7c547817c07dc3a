// date_normalization: a date written in one of 12 formats, or relative to an anchor date ("3
// business days after", "the Friday after", "two weeks before"), said in a sentence, an email, a
// chat line, a letter or a labelled field -> ISO date and weekday. Day-first numeric formats come
// with their locale said once (inline, or in the question) so they are unambiguous.
// Worked steps: a relative date copied as the text says it, then worked out from its anchor by
// the calculator, its count as a digit and its weekday with the space the text gives it ("eight
// days after Nov 12, 2024: <<add_days(2024-11-12, 8)=2024-11-20>>", "two weeks before ...:
// <<add_days(..., -2*7)=...>>", "the first Friday after ...: <<next_weekday(..., Friday)=...>>");
// then the weekday as a calculator call. An absolute date is copied as written before its ISO date
// ("Thursday, March 7, 2024: 2024-03-07"): session 24's model wrote 2024-12-12 for "Thursday, 12
// September 2024" on a hand-written input. With the call alone, session 22's model wrote another
// count or weekday (mostly 7 or Tuesday) in 17 of its 20 wrong fresh answers (35% right): the
// count was not copied from a span it had just written.
#include "anvil/core/error.h"
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
const InstructionParts kParts = {
    {"Normalize the date in", "Give me the date from", "Resolve the date in", "Convert the date in",
     "Read the date out of"},
    {"this text", "the message below", "this", "this letter", "the following"},
    {"", "as YYYY-MM-DD with the weekday", "(ISO format + weekday please)", "as JSON",
     "-> date and weekday"},
};

// Where the date is said: a bare sentence, an email, a chat line, a letter, or a labelled field;
// a day-first date gets its locale said once, inline or as the question around it.
std::string in_context(Faker& f, const std::string& expression, const std::string& hint) {
  static const std::vector<std::string_view> kSignoffs = {"Thanks,", "Best,", "Cheers,"};
  static const std::vector<std::string_view> kLabels = {"Invoice date", "Due date",
                                                        "Date of service", "Delivery date"};
  const std::string sentence = fill(f.pick(kSentences), {expression});
  const int context = static_cast<int>(f.integer(0, 4));
  std::string doc;
  if (context == 0) {
    doc = sentence;
  } else if (context == 1) {
    const std::string to = f.first_name();
    const std::string from = f.first_name();
    doc = "Hi " + to + ",\n\nQuick reminder: " + sentence +
          " Let me know if anything changes.\n\n" + std::string(f.pick(kSignoffs)) + "\n" + from;
  } else if (context == 2) {
    const fake::TimeOfDay t = f.business_time();
    doc = "[" + fake::iso_time(t) + "] " + f.first_name() + ": heads up - " + ascii_lower(sentence);
  } else if (context == 3) {
    const fake::TimeOfDay t = f.business_time();
    const std::string title = f.chance(0.5) ? "Mr " : "Mrs ";
    doc = "Dear " + title + f.last_name() + ",\n\nYour appointment has been booked for " +
          expression + " at " + fake::iso_time(t) + ". Bring this letter with you.";
  } else if (hint == "German") {
    const std::string customer = f.reference("KD-", 6);
    doc = "Rechnungsdatum: " + expression + "\nKundennummer: " + customer;
  } else {
    const std::string label(f.pick(kLabels));
    doc = label + ": " + expression + "\nReference: " + f.reference("REF-", 5);
  }
  if (hint.empty()) return doc;
  if (f.chance(0.5)) {
    const std::string marked =
        expression + (hint == "German" ? " (German date format)" : " (UK date format, day first)");
    return doc.replace(doc.find(expression), expression.size(), marked);
  }
  return doc + (hint == "German" ? "\n\nThe sender is in Germany - which day do they mean?"
                                 : "\n\nIt's from the UK - when exactly is that?");
}

const std::vector<std::string_view> kNumberWords = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

void generate(Faker& f, Example* ex) {
  const fake::Date anchor = f.recent_date();
  const fake::DateFormat anchor_format = us_date_format(f);
  const std::string iso = fake::iso_date(anchor);
  std::string expression;
  std::string step;  // the calculator expression for the date (a relative one)
  std::string hint;  // "German" or "UK" for a day-first date
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
          fake::format_date(anchor, dot ? fake::DateFormat::kEuDot : fake::DateFormat::kEuSlash);
      hint = dot ? "German" : "UK";
      break;
    }
    case 2: {  // n days / weeks before or after
      const int n = static_cast<int>(f.integer(1, 10));
      const bool weeks = f.chance(0.3);
      const bool after = f.chance(0.6);
      const int days = (weeks ? 7 * n : n) * (after ? 1 : -1);
      // The count as the text says it, a digit: "-2*7" for "two weeks before".
      step = "add_days(" + iso + ", " + (after ? "" : "-") + std::to_string(n) +
             (weeks ? "*7" : "") + ")";
      if (calculator_result(step) !=
          calculator_result("add_days(" + iso + "," + std::to_string(days) + ")"))
        throw Error("date_normalization: " + step + " is not " + std::to_string(days) + " days");
      const std::string count =
          f.chance(0.5) ? std::string(kNumberWords[static_cast<size_t>(n)]) : std::to_string(n);
      expression = count + (weeks ? " week" : " day") + (n > 1 ? "s" : "") +
                   (after ? " after " : " before ") + fake::format_date(anchor, anchor_format);
      // Payment terms say days after as "net 30 from <date>".
      const bool net_terms = after && !weeks && f.chance(0.25);
      if (net_terms)
        expression =
            "net " + std::to_string(n) + " from " + fake::format_date(anchor, anchor_format);
      break;
    }
    case 3: {  // business days
      const int n = static_cast<int>(f.integer(1, 10));
      step = "add_workdays(" + iso + ", " + std::to_string(n) + ")";
      const bool within = f.chance(0.3);  // "delivered within 3 business days of <date>"
      expression = (within ? "within " : "") + std::to_string(n) + " business day" +
                   (n > 1 ? "s" : "") + (within ? " of " : " after ") +
                   fake::format_date(anchor, anchor_format);
      break;
    }
    default: {  // the next <weekday> after
      const int wd = static_cast<int>(f.integer(0, 6));
      step = std::string("next_weekday(") + iso + ", " + fake::weekday_name(wd) + ")";
      expression = std::string("the first ") + fake::weekday_name(wd) + " after " +
                   fake::format_date(anchor, anchor_format);
    }
  }
  const std::string doc = in_context(f, expression, hint);
  compose_prompt(f, ex, kInstructions, kParts, doc);
  // Worked steps: the date as the text says it, then its ISO date (a relative one from the anchor
  // by the calculator); then the weekday of the date.
  const std::string date = step.empty() ? iso : calculator_result(step);
  const std::string said =
      doc.find(expression) != std::string::npos ? expression : ascii_lower(expression);  // a chat's
  ex->work = said + ": " + (step.empty() ? iso : calculator_step(step)) + "\n" +
             calculator_step("weekday(" + date + ")");
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
