// regex_extraction: a message mixing emails, phone numbers, order ids, ISO dates, dollar amounts
// and URLs -> every match of the requested pattern kind, in order of appearance, and the count.
// Each kind is said in five ways, in running text, notes, chat lines or an email, with near misses
// the pattern does not take (a Slack handle, a booking number, "ord-55012", a US-style date,
// euros): session 22's generator had one sentence per kind. Worked steps: every sentence of the
// text copied in order, each one holding a match marked after it with the matches' running number
// ("We were charged $255.99 twice. => 1 $255.99"), then "count: k". Session 23's steps numbered
// the matches alone ("1 $48.20"): the model, finding each next match from the last one, repeated
// one, skipped one or stopped early in 27% of the fresh fields; copying the text is a skill the
// models have, and each mark is then a judgement on the sentence just written.
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

// Where a value sits: "{v}" is the value, "{name}" someone's first name.
const std::vector<std::vector<std::string_view>> kSentences = {
    {"Contact {name} at {v}.", "Looping in {name} ({v}), who owns the contracts.",
     "For billing questions use {v}.", "{v} is my new address.", "Please reply to {v} by Friday."},
    {"Call us on {v} if anything changes.", "The front desk is {v}.", "After hours, try {v}.",
     "My cell: {v}", "You can reach {name} at {v} until noon."},
    {"Order {v} is ready for pickup.", "Two boxes from {v} never arrived.",
     "Refund issued for {v}.", "{v} shipped this morning.", "{name} asked about {v} again."},
    {"The review is planned for {v}.", "Kickoff {v}.", "Design freeze on {v}.",
     "Invoice dated {v}.", "Launch moved to {v}."},
    {"The refund of {v} was approved.", "Hotel {v} for 2 nights.", "Dinner came to {v} with tip.",
     "Total reimbursable: {v}.", "We were charged {v} twice."},
    {"Details are at {v} for now.", "Runbook: {v}", "The dashboard is {v}.",
     "See {v} before the call.", "PR with the fix: {v}."}};

// Something like a value of the kind that its pattern does not match: a Slack handle, a booking
// number, a lower-case or short order id, a US-style date or a version, euros, a bare domain.
std::string near_miss(Faker& f, size_t kind) {
  // One draw per statement: the order of draws inside one expression is unspecified.
  const bool first_form = f.chance(0.5);
  const std::string a = f.digits(4);
  const std::string b = f.digits(5);
  const std::string c = f.digits(10);
  switch (kind) {
    case 0:
      return "Ping @" + ascii_lower(f.first_name()) + " on Slack if it's urgent.";
    case 1:
      return first_form ? "Your reservation # is " + a + "-" + b.substr(0, 4) + "."
                        : "Dial extension " + a.substr(0, 3) + " from the lobby.";
    case 2:
      return first_form ? "My friend's order was ord-" + b + " I think?"
                        : "Tracking number 1Z" + a.substr(0, 3) + "AA" + c + " says delivered.";
    case 3: {
      const fake::Date d = f.recent_date();
      return first_form ? "The old doc used " + fake::format_date(d, fake::DateFormat::kUsSlash) +
                              " (US format)."
                        : "Version v" + a.substr(0, 1) + "." + a.substr(1, 1) + "." +
                              a.substr(2, 1) + " shipped last week.";
    }
    case 4:
      return "Per diem is €" + std::to_string(20 + std::stoi(b.substr(0, 2)) % 70) +
             "/day in Berlin.";
    default:
      return "The wiki moved to the intranet, ask " + f.first_name() + " for the page.";
  }
}

// A value of the kind as people write it.
std::string value_of(Faker& f, size_t kind) {
  switch (kind) {
    case 0: {
      const fake::Person p = f.person();
      return f.chance(0.5) ? f.personal_email(p) : f.email(p, f.company().domain);
    }
    case 1:
      return f.phone(std::string_view{});
    case 2:
      return f.reference("ORD-", 6);
    case 3:
      return fake::iso_date(f.recent_date());
    case 4: {
      const int64_t cents = f.price_cents(100, 9999999);
      if (f.chance(0.25)) {  // whole dollars: "$12", "$1,400"
        const std::string whole = printed_cents(cents - cents % 100, true);
        return "$" + whole.substr(0, whole.size() - 3);
      }
      return fake::format_money(cents, fake::MoneyStyle::kSymbol, usd());
    }
    default: {
      std::string url = f.url(f.company().domain);
      if (f.chance(0.3)) url += "?id=" + f.digits(4);
      return url;
    }
  }
}

// The text: sentences run together, one per line as notes or chat lines, or an email.
std::string text_of(Faker& f, const std::vector<std::string>& sentences) {
  const int layout = static_cast<int>(f.integer(0, 3));
  std::string doc;
  if (layout == 3) doc = "Hi " + f.first_name() + ",\n\n";
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (layout == 1) {
      doc += (i ? "\n- " : "- ") + sentences[i];
    } else if (layout == 2) {
      const std::string who = f.first_name();
      doc += (i ? "\n" : "") + who + ": " + sentences[i];
    } else {
      doc += (i ? " " : "") + sentences[i];
    }
  }
  if (layout == 3) doc += "\n\nThanks,\n" + f.first_name();
  return doc;
}

void generate(Faker& f, Example* ex) {
  const size_t target = static_cast<size_t>(f.integer(0, static_cast<int64_t>(kKinds.size()) - 1));
  // Sentences, each carrying one value of one kind or a near miss of the target kind; the target
  // kind appears 0-4 times.
  std::vector<std::string> matches, sentences;
  std::vector<bool> holds_match;  // per sentence
  const int64_t n = f.integer(3, 8);
  for (int64_t i = 0; i < n; ++i) {
    if (f.chance(0.15)) {
      sentences.push_back(near_miss(f, target));
      holds_match.push_back(false);
      continue;
    }
    const size_t k =
        f.chance(0.45) ? target
                       : static_cast<size_t>(f.integer(0, static_cast<int64_t>(kKinds.size()) - 1));
    const std::string value = value_of(f, k);
    const std::string_view sentence = f.pick(kSentences[k]);
    sentences.push_back(expand(sentence, {{"v", value}, {"name", f.first_name()}}));
    if (k == target) matches.push_back(value);
    holds_match.push_back(k == target);
  }
  ex->layout_id = 0;
  const int which = static_cast<int>(f.integer(0, static_cast<int64_t>(kInstructions.size()) - 1));
  const std::string instruction =
      fill(kInstructions[static_cast<size_t>(which)], {kKinds[target].question});
  compose_prompt(f, ex, {instruction}, text_of(f, sentences));
  ex->template_id += which * kFramings;
  // Worked steps: each sentence copied, a match marked after it with its running number.
  size_t marked = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    ex->work += sentences[i];
    if (holds_match[i]) {
      ++marked;
      ex->work += " => " + std::to_string(marked) + " " + matches[marked - 1];
    }
    ex->work += "\n";
  }
  ex->work += "count: " + std::to_string(marked);
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
