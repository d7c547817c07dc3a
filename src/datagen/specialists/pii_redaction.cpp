// pii_redaction: text with personal data -> the text with each item replaced by its [TYPE] tag,
// and the items found (type and value; each distinct value once, in order of appearance). The text
// is one of the kinds people redact: a support chat (with or without timestamps), an email with a
// greeting and a sign-off, a voicemail transcript typed in lower case, an HR note, a labelled
// record whose other fields stay (company, plan, order number, card expiry), or a note with no
// personal data at all. The data comes as people write it: phones in six layouts, 15- and 16-digit
// cards grouped or not, a first name alone after the full one, work and personal emails.
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
// then asks for a way to reach them; card or address on the way.
void chat(Faker& f, Redaction* r) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kSpeakers = {
      {"Customer", "Agent"}, {"Client", "Support"}, {"Me", "Rep"}, {"Visitor", "Bot"}};
  static const std::vector<std::string_view> kOpeners = {
      "hi, my order #{order} never arrived", "Hi, I was charged twice for order #{order}",
      "hello, I need to update my account", "my package #{order} came damaged",
      "I want to cancel order #{order}"};
  static const std::vector<std::string_view> kAskName = {
      "Sorry about that! Can I get the name on the order?",
      "Happy to help. What's the name on the account?", "I can look into that. Your full name?"};
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
  line(customer);
  r->text(expand(f.pick(kOpeners), {{"order", order}}));
  line(agent);
  r->text(std::string(f.pick(kAskName)));
  line(customer);
  if (f.chance(0.5)) r->text("it's ");
  r->item("NAME", s.name);
  line(agent);
  r->text("Thanks ");
  r->item("NAME", s.person.first);
  if (f.chance(0.5)) {
    r->text(". And the shipping address?");
    line(customer);
    r->item("ADDRESS", s.address);
  } else {
    r->text(". What card did you pay with?");
    line(customer);
    r->text("the one ending... actually it's ");
    r->item("CARD", s.card);
  }
  line(agent);
  r->text("Got it. What's the best way to reach you?");
  line(customer);
  const int contact = static_cast<int>(f.integer(0, 2));
  if (contact != 1) {
    r->text("call ");
    r->item("PHONE", s.phone);
  }
  if (contact == 2) r->text(" or ");
  if (contact != 0) {
    if (contact == 1) r->text("use ");
    r->item("EMAIL", s.email);
  }
  r->text(f.chance(0.5) ? " pls" : "");
}

// An email about a colleague: greeting and sign-off names, their data in the body.
void email(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kGreetings = {"Hi ", "Hello ", "Dear ", "Hey "};
  static const std::vector<std::string_view> kAbout = {
      "Quick update on {name}'s leave: out from {from} through {to}.",
      "{name} starts on the {team} team on {from}.",
      "Forwarding the details for {name}'s reimbursement, submitted {from}."};
  const std::string recipient = f.first_name();
  const Subject s = subject(f);
  const fake::Person sender = f.person();
  const std::string from = short_date(f);
  const std::string to = short_date(f);
  const std::string team = f.department();
  r->text(std::string(f.pick(kGreetings)));
  r->item("NAME", recipient);
  r->text(",\n\n");
  const std::string about(f.pick(kAbout));
  const size_t at = about.find("{name}");
  r->text(about.substr(0, at));
  r->item("NAME", s.name);
  r->text(expand(about.substr(at + 6), {{"from", from}, {"to", to}, {"team", team}}));
  const std::string pronoun = s.person.female ? "Her" : "His";
  const int facts = static_cast<int>(f.integer(0, 2));
  r->text(" " + pronoun + (facts == 2 ? " home address is " : " personal cell is "));
  if (facts == 2) {
    r->item("ADDRESS", s.address);
  } else {
    r->item("PHONE", s.phone);
  }
  if (facts == 0) {
    r->text(", and the SSN for the claim is ");
    r->item("SSN", s.ssn);
  } else {
    r->text(", personal email ");
    r->item("EMAIL", s.email);
  }
  r->text(f.chance(0.5) ? ". Please don't forward this.\n\n" : ".\n\n");
  if (f.chance(0.5)) {
    r->text(f.chance(0.5) ? "Thanks, " : "- ");
    r->item("NAME", sender.first);
  } else {
    r->text("Best,\n");
    r->item("NAME", sender.full());
  }
}

// A voicemail as a transcription service types it: lower case, numbers spaced out.
void voicemail(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kTopics = {
      "the plumbing estimate", "my insurance claim",     "the apartment listing",
      "a billing question",    "my prescription refill", "the roof repair quote"};
  const Subject s = subject(f);
  const fake::TimeOfDay t = f.business_time();
  const std::string topic(f.pick(kTopics));
  r->text("voicemail " + short_date(f) + " " + lower(fake::format_time(t, true)) +
          ": \"hi this is ");
  r->item("NAME", lower(s.name));
  r->text(" calling about " + topic + ", you can call me back at ");
  r->item("PHONE", s.phone);
  if (f.chance(0.5)) {
    r->text(", or stop by, i'm at ");
    r->item("ADDRESS", lower(s.address));
  } else {
    r->text(", or email ");
    r->item("EMAIL", s.email);
  }
  r->text(". thanks\"");
}

// An HR note in sentences, in one of several orders.
void hr_note(Faker& f, Redaction* r) {
  static const std::vector<std::string_view> kHeads = {
      "HR note: ", "Personnel update: ", "Note to file: ", "Update: "};
  const Subject s = subject(f);
  r->text(std::string(f.pick(kHeads)));
  r->item("NAME", s.name);
  r->text(" updated their records.");
  std::vector<int> order = {0, 1, 2};
  for (size_t i = order.size() - 1; i > 0; --i) {
    std::swap(order[i], order[static_cast<size_t>(f.integer(0, static_cast<int64_t>(i)))]);
  }
  for (int which : order) {
    if (which == 0) {
      r->text(" New home address: ");
      r->item("ADDRESS", s.address);
    } else if (which == 1) {
      r->text(" SSN on file: ");
      r->item("SSN", s.ssn);
    } else {
      r->text(" Preferred contact: ");
      const bool by_email = f.chance(0.5);
      r->item(by_email ? "EMAIL" : "PHONE", by_email ? s.email : s.phone);
    }
    r->text(".");
  }
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

// A note with nothing personal in it: order numbers, dates, amounts and companies all stay.
void no_personal_data(Faker& f, Redaction* r) {
  const fake::Company company = f.company();
  const std::string order = order_number(f);
  const std::string day = short_date(f);
  const std::string team = f.department();
  const int64_t units = f.integer(2, 400);
  r->text("Reminder: the " + team + " review moved to " + day + ". Order #" + order + " (" +
          std::to_string(units) + " units) from " + company.name +
          " ships Friday; the invoice goes to the shared inbox.");
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
