// regex_extraction: a message mixing emails, phone numbers, order ids, ISO dates, dollar amounts
// and URLs -> every match of the requested pattern kind, in order of appearance, and the count.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Kind {
  std::string_view name;      // answer label
  std::string_view question;  // how the request names it
};
const std::vector<Kind> kKinds = {{"email", "email addresses"},
                                  {"phone", "phone numbers"},
                                  {"order_id", "order IDs (ORD- followed by 6 digits)"},
                                  {"date", "ISO dates (YYYY-MM-DD)"},
                                  {"amount", "dollar amounts"},
                                  {"url", "URLs"}};

const std::vector<std::string_view> kInstructions = {
    "Extract all {} from the text, in order. Return JSON with matches and count.",
    "Find every one of the {} in the message below.",
    "Use pattern matching to pull out the {}. Answer as JSON.",
};

void generate(Faker& f, Example* ex) {
  const size_t target = static_cast<size_t>(f.integer(0, static_cast<int64_t>(kKinds.size()) - 1));
  // Sentences, each carrying one value of one kind; the target kind appears 0-4 times.
  std::vector<std::string> matches;
  std::string doc;
  const int64_t sentences = f.integer(3, 8);
  for (int64_t i = 0; i < sentences; ++i) {
    const size_t k =
        f.chance(0.45) ? target
                       : static_cast<size_t>(f.integer(0, static_cast<int64_t>(kKinds.size()) - 1));
    std::string value, sentence;
    switch (k) {
      case 0: {
        const fake::Person p = f.person();
        value = f.personal_email(p);
        sentence = "Contact " + p.first + " at " + value + ".";
        break;
      }
      case 1:
        value = f.phone(std::string_view{});
        sentence = "Call us on " + value + " if anything changes.";
        break;
      case 2:
        value = f.reference("ORD-", 6);
        sentence = "Order " + value + " is ready for pickup.";
        break;
      case 3:
        value = fake::iso_date(f.recent_date());
        sentence = "The review is planned for " + value + ".";
        break;
      case 4: {
        value = fake::format_money(f.price_cents(100, 9999999), fake::MoneyStyle::kSymbol, usd());
        sentence = "The refund of " + value + " was approved.";
        break;
      }
      default:
        value = f.url(f.company().domain);
        sentence = "Details are at " + value + " for now.";
    }
    if (k == target) matches.push_back(value);
    if (i) doc += ' ';
    doc += sentence;
  }
  ex->layout_id = 0;
  const int which = static_cast<int>(f.integer(0, static_cast<int64_t>(kInstructions.size()) - 1));
  const std::string instruction =
      fill(kInstructions[static_cast<size_t>(which)], {kKinds[target].question});
  compose_prompt(f, ex, {instruction}, doc);
  ex->template_id += which * kFramings;
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("kind").str(kKinds[target].name);
  j.key("matches").begin_array();
  for (const auto& m : matches) j.str(m);
  j.end_array();
  j.key("count").integer(static_cast<int64_t>(matches.size()));
  j.end_object();
}

}  // namespace

SpecialistSpec regex_extraction_spec() {
  return {
      "regex_extraction",
      "mixed text -> all emails / phones / order ids / dates / amounts / URLs, in order",
      {{"kind", FieldKind::kText}, {"matches", FieldKind::kList}, {"count", FieldKind::kNumber}},
      &generate};
}

}  // namespace anvil::datagen::specialists
