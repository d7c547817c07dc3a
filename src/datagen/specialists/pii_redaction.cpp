// pii_redaction: text with personal data -> the text with each item replaced by its [TYPE] tag,
// and the items found (type and value; each distinct value once, in order of appearance). The text
// is one of the kinds people redact: a support chat (with or without timestamps), an email with a
// greeting and a sign-off, a voicemail transcript typed in lower case, an HR note, a labelled
// record whose other fields stay (company, plan, order number, card expiry), or a note with no
// personal data at all. The data comes as people write it: phones in six layouts, 15- and 16-digit
// cards grouped or not, a first name alone after the full one, work and personal emails. The
// words around the data are drawn from several wordings per line, with details, small talk and
// work sentences from an open grammar (Faker::sentence) between: session 22's model, trained on
// one fixed sentence per line, wrote those sentences into hand-written chats and emails in place
// of their own words, so now the text around a tag can only be copied.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Redact all personal information. Replace each item with [NAME], [EMAIL], [PHONE], "
    "[ADDRESS], [SSN] or [CARD]; return redacted_text and the list of pii found.",
    "Remove PII from the text below before it is stored. Answer as JSON.",
    "Anonymize this text (tags: [NAME] [EMAIL] [PHONE] [ADDRESS] [SSN] [CARD]) and list what you "
    "removed.",
};

const InstructionParts kParts = {
    {"Redact", "Redact the personal info in", "Remove PII from", "Remove the personal data from",
     "Scrub", "Scrub the personal details out of", "Anonymize", "Mask the PII in",
     "Strip personal information from", "De-identify"},
    {"this text", "the text below", "this message", "the following", "this", "this chat log",
     "the email below", "this transcript", "this record", "the note below"},
    {"", "", "as JSON", "-> json", "and list what you removed", "and list the PII you took out",
     "(use [NAME], [EMAIL], [PHONE], [ADDRESS], [SSN], [CARD])", "before it goes in the ticket",
     "before we store it", "; give redacted_text and the pii list"},
};

// The text as literal parts and personal-data pieces; both outputs are built from it.
class Redaction {
 public:
  void text(std::string s) { parts_.push_back({std::move(s), {}, false}); }
  void item(std::string_view type, std::string value) {
    parts_.push_back({std::move(value), std::string(type), true});
  }
  std::string original() const {
    std::string out;
    for (const Part& p : parts_) out += p.value;
    return out;
  }
  std::string redacted() const {
    std::string out;
    for (const Part& p : parts_) out += p.pii ? "[" + p.type + "]" : p.value;
    return out;
  }
  // Each distinct (type, value) once, in order of first appearance.
  std::vector<std::pair<std::string, std::string>> found() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Part& p : parts_) {
      const std::pair<std::string, std::string> piece{snake_label(p.type), p.value};
      if (p.pii && std::find(out.begin(), out.end(), piece) == out.end()) out.push_back(piece);
    }
    return out;
  }

 private:
  struct Part {
    std::string value;
    std::string type;
    bool pii;
  };
  std::vector<Part> parts_;
};

std::string ssn(Faker& f) {
  std::string s = std::to_string(f.integer(100, 899));
  s += "-" + f.digits(2);
  s += "-" + f.digits(4);
  return s;
}

// A 16-digit Visa or Mastercard number, or a 15-digit Amex one (4-6-5), grouped by spaces or
// dashes or not at all.
std::string card(Faker& f) {
  const std::string_view sep = f.pick(std::vector<std::string_view>{" ", " ", "-", ""});
  if (f.chance(0.2)) {
    std::string s = f.chance(0.5) ? "34" : "37";
    s += f.digits(2);
    s += std::string(sep) + f.digits(6);
    return s + std::string(sep) + f.digits(5);
  }
  std::string s = f.chance(0.5) ? "4" : "5";
  s += f.digits(3);
  for (int i = 0; i < 3; ++i) s += std::string(sep) + f.digits(4);
  return s;
}

// One of the faker's five US layouts, or the ten digits spaced as read out ("602 555 0193").
std::string phone(Faker& f) {
  const std::string p = f.phone(std::string_view{});
  if (!f.chance(0.2)) return p;
  std::string digits;
  for (char c : p) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  digits = digits.substr(digits.size() - 10);
  return digits.substr(0, 3) + " " + digits.substr(3, 3) + " " + digits.substr(6);
}

// Someone whose data a text carries, each item drawn once so a repeat is the same string.
struct Subject {
  fake::Person person;
  std::string name, email, phone, address, ssn, card;
};

Subject subject(Faker& f) {
  Subject s;
  s.person = f.person();
  s.name = s.person.full();
  if (f.chance(0.3)) {
    const fake::Company c = f.company();
    s.email = f.email(s.person, c.domain);
  } else {
    s.email = f.personal_email(s.person);
  }
  s.phone = phone(f);
  s.address = f.address().one_line();
  s.ssn = ssn(f);
  s.card = card(f);
  return s;
}

std::string order_number(Faker& f) {
  std::string s = f.letters(1);
  return s + f.digits(5);
}

std::string short_date(Faker& f) {
  const fake::Date d = f.recent_date();
  return std::to_string(d.month) + "/" + std::to_string(d.day);
}

// A support chat: the customer gives their name, the agent answers with the first name alone,
// then asks for a way to reach them; card or address on the way. Every line around the data is
// drawn from several wordings, with small talk or a detail between, so what surrounds a tag is
// copied from the chat, not recalled.
void chat(Faker& f, Redaction* r) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kSpeakers = {
      {"Customer", "Agent"}, {"Client", "Support"}, {"Me", "Rep"},
      {"Visitor", "Bot"},    {"User", "Agent"},     {"Guest", "Support"}};
  static const std::vector<std::string_view> kGreetings = {
      "", "", "hi, ", "Hi! ", "hello, ", "hey, ", "Good morning. "};
  static const std::vector<std::string_view> kProblems = {
      "my order #{order} never arrived",
      "I was charged twice for order #{order}",
      "I need to update my account",
      "my package #{order} came damaged",
      "I want to cancel order #{order}",
      "order #{order} is missing the {item}",
      "the {item} from order #{order} stopped working",
      "I never got a refund for #{order}",
      "can I change the delivery date for #{order}?",
      "I got the wrong {item} in #{order}"};
  static const std::vector<std::string_view> kItems = {
      "charger", "blender lid", "second pillow", "blue jacket", "printer cable", "coffee grinder"};
  static const std::vector<std::string_view> kDetails = {
      "It was supposed to come {weekday}.",      "This is the second time this happened.",
      "I've been waiting on hold for ages.",     "The tracking page hasn't changed in a week.",
      "I already emailed about this {weekday}.", "It's a gift so kind of urgent."};
  static const std::vector<std::string_view> kAskName = {
      "Let me check. Whose name is the account under?",
      "Happy to help. What's the name on the account?",
      "I can look into that. Your full name?",
      "I'm sorry to hear that. Could you confirm your full name?",
      "Let me pull that up. Whose name is the order under?",
      "Sure. Name on the account, please?"};
  static const std::vector<std::string_view> kThanks = {"Thanks ", "Thank you, ", "Got it, ",
                                                        "Perfect, thanks ", "Thanks so much, "};
  static const std::vector<std::string_view> kAskAddress = {
      ". And the shipping address?", ". What address should it go to?",
      "! Can you confirm the delivery address?", ". Which address is on file?"};
  static const std::vector<std::string_view> kAskCard = {
      ". What card did you pay with?", ". Which card was charged?",
      "! Can you give me the card number you used?"};
  static const std::vector<std::string_view> kCardLead = {"the one ending... actually it's ",
                                                          "it's ", "visa ", "card is ", ""};
  static const std::vector<std::string_view> kAskContact = {
      "Got it. What's the best way to reach you?", "Thanks. How can we contact you?",
      "Okay. Is there a number or email we can reach you at?",
      "I've opened a ticket. Where should we send updates?", "Noted. Best contact for you?"};
  static const std::vector<std::string_view> kSignOffs = {"",        "",      " pls",
                                                          " thanks", " thx!", ". thank you"};
  const Subject s = subject(f);
  const auto& [customer, agent] = f.pick(kSpeakers);
  const bool stamped = f.chance(0.5);
  bool first_line = true;
  const fake::TimeOfDay start = f.business_time();
  int minute = start.hour * 60 + start.minute;
  auto line = [&](std::string_view who) {
    std::string head;
    if (stamped) {
      const std::string m = std::to_string(minute % 60);
      head = "[" + std::to_string(minute / 60) + ":" + (m.size() == 1 ? "0" + m : m) + "] ";
      minute += static_cast<int>(f.integer(0, 1));
    }
    r->text((first_line ? "" : "\n") + head + std::string(who) + ": ");
    first_line = false;
  };
  const std::string order = order_number(f);
  const std::string item(f.pick(kItems));
  const std::string weekday = fake::weekday_name(static_cast<int>(f.integer(0, 4)));
  const Vars vars = {{"order", order}, {"item", item}, {"weekday", weekday}};
  line(customer);
  const std::string greeting(f.pick(kGreetings));
  r->text(greeting + expand(f.pick(kProblems), vars));
  if (f.chance(0.4)) {
    const std::string detail = expand(f.pick(kDetails), vars);
    r->text(" " + detail);
  }
  line(agent);
  r->text(std::string(f.pick(kAskName)));
  line(customer);
  if (f.chance(0.5)) r->text(f.chance(0.5) ? "it's " : "sure, ");
  r->item("NAME", s.name);
  line(agent);
  r->text(std::string(f.pick(kThanks)));
  r->item("NAME", s.person.first);
  if (f.chance(0.5)) {
    r->text(std::string(f.pick(kAskAddress)));
    line(customer);
    r->item("ADDRESS", s.address);
  } else {
    r->text(std::string(f.pick(kAskCard)));
    line(customer);
    r->text(std::string(f.pick(kCardLead)));
    r->item("CARD", s.card);
  }
  line(agent);
  r->text(std::string(f.pick(kAskContact)));
  line(customer);
  const int contact = static_cast<int>(f.integer(0, 2));
  if (contact != 1) {
    r->text(f.chance(0.5) ? "call " : "text me at ");
    r->item("PHONE", s.phone);
  }
  if (contact == 2) r->text(" or ");
  if (contact != 0) {
    if (contact == 1) r->text(f.chance(0.5) ? "use " : "email is ");
    r->item("EMAIL", s.email);
  }
  r->text(std::string(f.pick(kSignOffs)));
}

// An email about a colleague: greeting and sign-off names, their data in the body, among
// sentences about work drawn from an open grammar (Faker::sentence).
void email(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kGreetings = {"Hi ", "Hello ", "Dear ", "Hey ",
                                                           "Morning "};
  static const std::vector<std::string_view> kAbout = {
      "Quick update on {name}'s leave: out from {from} through {to}.",
      "{name} starts on the {team} team on {from}.",
      "Forwarding the details for {name}'s reimbursement, submitted {from}.",
      "{name} from {team} is covering the front desk from {from} to {to}.",
      "As discussed, {name} will join the {team} offsite on {from}.",
      "I'm setting up payroll for {name}, who moves to {team} on {from}."};
  static const std::vector<std::string_view> kHomeAddress = {
      " home address is ", " mailing address is ", " address on file is "};
  static const std::vector<std::string_view> kCell = {" personal cell is ", " mobile is ",
                                                      " phone number is ", " cell is "};
  static const std::vector<std::string_view> kSsn = {", and the SSN for the claim is ",
                                                     "; SSN for the forms: ", ", SSN "};
  static const std::vector<std::string_view> kEmail = {", personal email ", ", and email "};
  static const std::vector<std::string_view> kCautions = {". Please don't forward this.", ".", ".",
                                                          ". Keep this between us for now.",
                                                          ". Let me know if anything is missing."};
  static const std::vector<std::string_view> kClosings = {"Thanks, ", "- ", "Cheers,\n",
                                                          "Thanks!\n"};
  const std::string recipient = f.first_name();
  const Subject s = subject(f);
  const fake::Person sender = f.person();
  const std::string from = short_date(f);
  const std::string to = short_date(f);
  const std::string team = f.department();
  r->text(std::string(f.pick(kGreetings)));
  r->item("NAME", recipient);
  r->text(",\n\n");
  if (f.chance(0.35)) r->text(f.sentence() + " ");
  const std::string about(f.pick(kAbout));
  const size_t at = about.find("{name}");
  r->text(about.substr(0, at));
  r->item("NAME", s.name);
  r->text(expand(about.substr(at + 6), {{"from", from}, {"to", to}, {"team", team}}));
  const std::string pronoun = s.person.female ? "Her" : "His";
  const int facts = static_cast<int>(f.integer(0, 2));
  r->text(" " + pronoun + std::string(facts == 2 ? f.pick(kHomeAddress) : f.pick(kCell)));
  if (facts == 2) {
    r->item("ADDRESS", s.address);
  } else {
    r->item("PHONE", s.phone);
  }
  const bool bracket = facts != 0 && f.chance(1.0 / 3);
  if (facts == 0) {
    r->text(std::string(f.pick(kSsn)));
    r->item("SSN", s.ssn);
  } else {
    r->text(bracket ? std::string(" (personal email: ") : std::string(f.pick(kEmail)));
    r->item("EMAIL", s.email);
    if (bracket) r->text(")");
  }
  r->text(std::string(f.pick(kCautions)));
  if (f.chance(0.35)) r->text(" " + f.sentence());
  r->text("\n\n");
  const std::string closing(f.pick(kClosings));
  if (closing.back() != '\n' && f.chance(0.6)) {
    r->text(closing);
    r->item("NAME", sender.first);
  } else {
    r->text(closing.back() == '\n' ? closing : "Best,\n");
    r->item("NAME", sender.full());
  }
}

// A voicemail as a transcription service types it: lower case, numbers spaced out.
void voicemail(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kTopics = {
      "the plumbing estimate", "my insurance claim",        "the apartment listing",
      "a billing question",    "my prescription refill",    "the roof repair quote",
      "the job posting",       "my daughter's appointment", "the car you're selling",
      "the invoice you sent",  "our lunch order",           "the lease renewal"};
  static const std::vector<std::string_view> kHellos = {
      "hi this is ", "hey it's ", "hello, this is ", "hi, my name is ", "good afternoon this is "};
  static const std::vector<std::string_view> kAbouts = {" calling about ", " following up on ",
                                                        " returning your call about ",
                                                        " with a question about "};
  static const std::vector<std::string_view> kCallBacks = {", you can call me back at ",
                                                           ", my number is ", ", reach me at ",
                                                           ". call me at ", ", best number is "};
  static const std::vector<std::string_view> kEnds = {". thanks\"", ". thank you bye\"",
                                                      ". talk soon\"", ". have a good one\"", "\""};
  const Subject s = subject(f);
  const fake::TimeOfDay t = f.business_time();
  const std::string topic(f.pick(kTopics));
  r->text("voicemail " + short_date(f) + " " + ascii_lower(fake::format_time(t, true)) + ": \"" +
          std::string(f.pick(kHellos)));
  r->item("NAME", ascii_lower(s.name));
  const std::string about(f.pick(kAbouts));
  r->text(about + topic + std::string(f.pick(kCallBacks)));
  r->item("PHONE", s.phone);
  if (f.chance(0.5)) {
    r->text(f.chance(0.5) ? ", or stop by, i'm at " : ", i'm over at ");
    r->item("ADDRESS", ascii_lower(s.address));
  } else {
    r->text(f.chance(0.5) ? ", or email " : " or shoot me an email at ");
    r->item("EMAIL", s.email);
  }
  r->text(std::string(f.pick(kEnds)));
}

// An HR note in sentences, in one of several orders and wordings.
void hr_note(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kHeads = {
      "HR note: ", "Personnel update: ", "Note to file: ", "Update: ", "Records change: "};
  static const std::vector<std::string_view> kUpdated = {
      " updated their records.", " submitted a change of details.", " moved house last month.",
      " asked us to update their file."};
  static const std::vector<std::string_view> kAddress = {" New home address: ", " Address now ",
                                                         " Moving to "};
  static const std::vector<std::string_view> kSsn = {
      " SSN on file: ", " SSN: ", " Social security number "};
  static const std::vector<std::string_view> kContact = {
      " Preferred contact: ", " Best to reach them at ", " Contact: "};
  const Subject s = subject(f);
  r->text(std::string(f.pick(kHeads)));
  r->item("NAME", s.name);
  r->text(std::string(f.pick(kUpdated)));
  std::vector<int> order = {0, 1, 2};
  for (size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[static_cast<size_t>(f.integer(0, static_cast<int64_t>(i)))]);
  }
  for (int which : order) {
    if (which == 0) {
      r->text(std::string(f.pick(kAddress)));
      r->item("ADDRESS", s.address);
    } else if (which == 1) {
      r->text(std::string(f.pick(kSsn)));
      r->item("SSN", s.ssn);
    } else {
      r->text(std::string(f.pick(kContact)));
      const bool by_email = f.chance(0.5);
      r->item(by_email ? "EMAIL" : "PHONE", by_email ? s.email : s.phone);
    }
    r->text(".");
  }
  if (f.chance(0.3)) r->text(" " + f.sentence());
}

// A labelled record: personal fields among fields that stay.
void record(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kTitles = {"Sign-up form", "Event registration",
                                                        "New patient intake", "Account application",
                                                        "Delivery details"};
  static const std::vector<std::string_view> kNameLabels = {"Full name", "Name", "Attendee",
                                                            "Customer"};
  static const std::vector<std::string_view> kPlans = {"Basic", "Pro", "Family", "Exhibitor",
                                                       "Student"};
  const Subject s = subject(f);
  const fake::Company company = f.company();
  const std::string title(f.pick(kTitles));
  const std::string label(f.pick(kNameLabels));
  r->text(title + "\n" + label + ": ");
  r->item("NAME", s.name);
  if (f.chance(0.5)) r->text("\nCompany: " + company.name);
  r->text(f.chance(0.5) ? "\nEmail: " : "\nE-mail address: ");
  r->item("EMAIL", s.email);
  r->text(f.chance(0.5) ? "\nMobile: " : "\nPhone: ");
  r->item("PHONE", s.phone);
  if (f.chance(0.5)) {
    r->text("\nMailing address: ");
    r->item("ADDRESS", s.address);
  }
  r->text("\nPlan: " + std::string(f.pick(kPlans)));
  if (f.chance(0.4)) {
    r->text("\nCard: ");
    r->item("CARD", s.card);
    const int64_t month = f.integer(1, 12);
    const int64_t year = f.integer(26, 31);
    r->text("\nExp: " + std::to_string(month) + "/" + std::to_string(year));
  }
  if (f.chance(0.5)) r->text("\nNewsletter: " + std::string(f.chance(0.5) ? "yes" : "no"));
}

// A note with nothing personal in it: order numbers, dates, amounts, companies and work talk
// all stay.
void no_personal_data(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kNotes = {
      "Reminder: the {team} review moved to {day}. Order #{order} ({units} units) from {company} "
      "ships Friday; the invoice goes to the shared inbox.",
      "{team} update: {company} confirmed order #{order}, {units} units, arriving {day}.",
      "FYI the {team} budget meeting is now on {day}. {company} still owes us {units} units on "
      "#{order}.",
      "Ticket #{order}: customer reports {units} failed logins since {day}. Escalated to {team}."};
  const fake::Company company = f.company();
  const std::string order = order_number(f);
  const std::string day = short_date(f);
  const std::string team = f.department();
  const int64_t units = f.integer(2, 400);
  const std::string note = expand(f.pick(kNotes), {{"team", team},
                                                   {"day", day},
                                                   {"order", order},
                                                   {"units", std::to_string(units)},
                                                   {"company", company.name}});
  r->text(f.chance(0.4) ? note + " " + f.sentence() : note);
}

void generate(Faker& f, Example* ex) {
  // Layouts 0-1 a chat, 2-3 an email, 4-5 a voicemail, 6-7 an HR note, 8-10 a record, 11 none.
  ex->layout_id = static_cast<int>(f.integer(0, 11));
  Redaction r;
  switch (ex->layout_id / 2) {
    case 0:
      chat(f, &r);
      break;
    case 1:
      email(f, &r);
      break;
    case 2:
      voicemail(f, &r);
      break;
    case 3:
      hr_note(f, &r);
      break;
    default:
      ex->layout_id == 11 ? no_personal_data(f, &r) : record(f, &r);
  }
  compose_prompt(f, ex, kInstructions, kParts, r.original());
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("redacted_text").str(r.redacted());
  j.key("pii").begin_array();
  for (const auto& [type, value] : r.found()) {
    j.begin_object().key("type").str(type).key("value").str(value);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec pii_redaction_spec() {
  return {"pii_redaction",
          "chat, email, voicemail, HR note or record with personal data -> redacted text with "
          "[TYPE] tags + items found",
          {{"redacted_text", FieldKind::kText}, {"pii", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
