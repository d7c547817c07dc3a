// intent_classification: a user utterance to a customer assistant (banking, travel, retail,
// IT helpdesk) -> the intent label and its slots, with values normalized (ISO dates, numbers).
// Each intent is said four to six ways, often with a reason or detail after it; order numbers and
// tracking numbers come in the forms shops and carriers print (8 digits, 112-4432190-7765521;
// UPS, USPS, FedEx), flight dates in any unambiguous US format.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Classify the user's intent and extract slots. Return JSON with intent and slots.",
    "What does the user want? Give the intent label and the slot values.",
    "NLU: parse this utterance into intent + slots.",
    "Which intent is this, and what are its slots? Answer as JSON.",
    "Route this customer message: intent label plus slots.",
};

const InstructionParts kParts = {
    {"Classify", "Parse", "Label", "Get the intent and slots of", "Tag"},
    {"this utterance", "the user's message", "this request", "this", "what the user said"},
    {"", "as JSON", "into intent + slots", "(intent and slots)", "-> json"},
};

void generate(Faker& f, Example* ex) {
  const int kind = static_cast<int>(f.integer(0, 7));
  ex->layout_id = kind;
  std::string utterance, intent, slots;
  JsonBuilder s(&slots);
  s.begin_object();
  const fake::Date today = f.recent_date();
  // Real users greet, sign off and mistype. Typos go into the user's own words only: slot values
  // (places, names, dates, amounts, ids) are filled in afterwards, so the answer can copy them.
  static const std::vector<std::string_view> kGreetings = {"",        "",     "hi, ",
                                                           "Hello! ", "hey ", "Good morning. "};
  static const std::vector<std::string_view> kSignoffs = {
      "", "", " Thanks!", " thx", " Thank you.", " asap please"};
  const std::string_view greeting = f.pick(kGreetings);
  const std::string_view signoff = f.pick(kSignoffs);
  const bool typos = kind != 3 && kind != 4 && f.chance(0.2);
  auto say = [&](std::string_view tmpl, std::initializer_list<std::string_view> args) {
    std::string words = std::string(greeting) + std::string(tmpl) + std::string(signoff);
    if (typos) words = f.with_typos(words, 0.1);
    return fill(words, args);
  };
  switch (kind) {
    case 0: {
      const fake::City& from = f.pick(f.locale().cities);
      const fake::City& to = f.pick(f.locale().cities);
      const fake::Date d = fake::add_days(today, f.integer(1, 60));
      const std::string_view said_as = f.pick(std::vector<std::string_view>{
          "Book me a flight from {} to {} on {}.", "I need to fly {} -> {} on {}, please.",
          "Can you find flights from {} to {} for {}?",
          "Looking for a flight {} to {}, leaving {}.", "{} to {} on {} - what's available?",
          "flights out of {} into {} on {}?"});
      const std::string_view detail = f.pick(
          std::vector<std::string_view>{"", "", " Morning if possible.", " One adult.",
                                        " Cheapest option please.", " Window seat if you can."});
      const std::string tmpl = std::string(said_as) + std::string(detail);
      const fake::DateFormat said = us_date_format(f);
      utterance = say(tmpl, {from.name, to.name, fake::format_date(d, said)});
      intent = "book_flight";
      s.key("origin")
          .str(from.name)
          .key("destination")
          .str(to.name)
          .key("date")
          .str(fake::iso_date(d));
      break;
    }
    case 1: {
      // Order numbers as shops print them: 8 digits, "112-4432190-7765521", "W12345678".
      const int form = static_cast<int>(f.integer(0, 2));
      const std::string a = f.digits(3), b = f.digits(7), c = f.digits(7);
      const std::string letter = f.letters(1);
      const std::string order = form == 0   ? f.reference("", 8)
                                : form == 1 ? a + "-" + b + "-" + c
                                            : letter + b.substr(0, 4) + c.substr(0, 4);
      const std::string_view said_as = f.pick(std::vector<std::string_view>{
          "Please cancel order {}.", "I want to cancel my order number {}",
          "cancel {} i ordered the wrong size", "can you cancel order #{}?",
          "Need to cancel {} before it ships", "Please stop order {} from going out."});
      const std::string_view detail = f.pick(std::vector<std::string_view>{
          "", "", " I bought it twice.", " Found it cheaper elsewhere.", " It was a mistake.",
          " Changed my mind."});
      const std::string tmpl = std::string(said_as) + std::string(detail);
      utterance = say(tmpl, {order});
      intent = "cancel_order";
      s.key("order_id").str(order);
      break;
    }
    case 2: {
      const std::string_view account = f.pick(
          std::vector<std::string_view>{"checking", "savings", "credit card", "money market"});
      const std::string last4 = f.digits(4);
      utterance =
          say(f.pick(std::vector<std::string_view>{
                  "What's my {} balance (account ending {})?",
                  "How much money is in my {} account ending in {}?", "balance on {} x{} pls",
                  "Show the {} balance for the account that ends with {}."}),
              {account, last4});
      intent = "check_balance";
      s.key("account").str(account).key("last4").str(last4);
      break;
    }
    case 3: {
      // UPS ("1Z" and 16 more), USPS (22 digits from 9400) or FedEx (12 digits) numbers.
      const int form = static_cast<int>(f.integer(0, 2));
      const std::string letters = f.letters(3), digits = f.digits(18);
      const std::string full = form == 0   ? "1Z" + letters + "AA" + digits.substr(0, 11)
                               : form == 1 ? "9400" + digits
                                           : digits.substr(0, 12);
      const std::string_view said_as = f.pick(std::vector<std::string_view>{
          "Where is my package? Tracking {}", "Track shipment {} please.",
          "has {} been delivered yet", "Any update on shipment {}?",
          "my package {} hasn't moved in days", "What's the status of tracking number {}?"});
      const std::string_view detail = f.pick(std::vector<std::string_view>{
          "", "", " It was due Tuesday.", " The tracking page hasn't changed.",
          " It's a gift, kind of urgent."});
      const std::string tmpl = std::string(said_as) + std::string(detail);
      utterance = say(tmpl, {full});
      intent = "track_package";
      s.key("tracking_number").str(full);
      break;
    }
    case 4: {
      const fake::Person p = f.person();
      const std::string user = f.chance(0.5) ? f.username(p) : f.personal_email(p);
      utterance = say(
          f.pick(std::vector<std::string_view>{
              "I forgot my password for {}",
              "Reset the password on account {} please, I'm locked out.",
              "can't log in as {}, need a password reset", "Password reset for {}?",
              "locked out of {} again... can you reset it", "Need a new password, my login is {}"}),
          {user});
      intent = "reset_password";
      s.key("account").str(user);
      break;
    }
    case 5: {
      const fake::Date d = fake::add_days(today, f.integer(1, 30));
      const fake::TimeOfDay t = f.business_time();
      const std::string_view what = f.pick(std::vector<std::string_view>{
          "haircut", "dental cleaning", "oil change", "consultation", "wheel alignment", "eye exam",
          "massage", "dog grooming", "physical therapy session", "tax appointment"});
      const std::string_view said_as = f.pick(std::vector<std::string_view>{
          "Schedule a {} on {} at {}.", "Can I book a {} for {} around {}?",
          "Could you fit me in for a {} on {} at {}?", "do you have a {} slot {} at {}?",
          "Please put me down for a {} on {}, {}.", "Need a {} appointment {} at {}"});
      const fake::DateFormat said = f.pick(
          std::vector<fake::DateFormat>{fake::DateFormat::kAbbrev, fake::DateFormat::kLongWeekday,
                                        fake::DateFormat::kLong, fake::DateFormat::kUsSlash});
      utterance = say(said_as, {what, fake::format_date(d, said), fake::format_time(t, true)});
      intent = "schedule_appointment";
      s.key("service")
          .str(what)
          .key("date")
          .str(fake::iso_date(d))
          .key("time")
          .str(fake::iso_time(t));
      break;
    }
    case 6: {
      int64_t cents = f.price_cents(1000, 300000);
      const fake::Person to = f.person();
      // Amounts as people type them: "$1,204.50", whole dollars "$250", "250 bucks", "250 dollars".
      const int64_t form = f.integer(0, 3);
      const int64_t whole = std::max<int64_t>(1, cents / 100);
      if (form > 0) cents = whole * 100;
      const std::string dollars = std::to_string(whole);
      const std::string amount = form == 0
                                     ? fake::format_money(cents, fake::MoneyStyle::kSymbol, usd())
                                 : form == 1 ? "$" + dollars
                                 : form == 2 ? dollars + " bucks"
                                             : dollars + " dollars";
      const std::string recipient = to.first + " " + to.last;
      const std::string_view tmpl = f.pick(std::vector<std::string_view>{
          "Send {} to {}.", "Transfer {} to {} from checking", "pay {} {} for dinner",
          "send {} over to {} out of checking - my half of the rent", "can you move {} over to {}?",
          "Wire {} to {} today."});
      // "pay" names the recipient first.
      utterance = tmpl.rfind("pay ", 0) == 0 ? say(tmpl, {recipient, amount})
                                             : say(tmpl, {amount, recipient});
      intent = "transfer_money";
      s.key("amount").money(cents).key("recipient").str(to.first + " " + to.last);
      break;
    }
    default: {
      const std::string_view device =
          f.pick(std::vector<std::string_view>{"laptop", "monitor", "printer", "VPN", "email"});
      utterance = say(f.pick(std::vector<std::string_view>{
                          "My {} isn't working.", "The {} keeps failing since this morning",
                          "I need help with my {}", "{} is broken again, can someone look?",
                          "Since the update my {} disconnects every few minutes",
                          "Can IT take a look at my {}? It won't start."}),
                      {device});
      intent = "it_support";
      s.key("device").str(device);
    }
  }
  s.end_object();
  // Who says it, as chat tools and tickets show it.
  const std::string_view speaker = f.pick(std::vector<std::string_view>{
      "User: ", "User: ", "Customer: ", "Visitor: ", "[web chat] Visitor: ", "Member: ", ""});
  const bool quoted = speaker.empty() && f.chance(0.5);
  compose_prompt(f, ex, kInstructions, kParts,
                 quoted ? "\"" + utterance + "\"" : std::string(speaker) + utterance);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("intent").str(intent);
  j.key("slots").raw(slots);
  j.end_object();
}

}  // namespace

SpecialistSpec intent_classification_spec() {
  return {"intent_classification",
          "assistant utterances (8 intents, several phrasings) -> intent and normalized slots",
          {{"intent", FieldKind::kText}, {"slots", FieldKind::kJson}},
          &generate};
}

}  // namespace anvil::datagen::specialists
