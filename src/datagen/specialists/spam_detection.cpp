// spam_detection: SMS or email messages, either ordinary (deliveries, colleagues, appointments)
// or spam/phishing assembled from known signals (prize, urgency, suspicious link, money request,
// credential request) -> is_spam and the signals present.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Signal {
  std::string_view name;
  std::vector<std::string_view> phrases;  // "{}" = a fake link or amount
};
const std::vector<Signal> kSignals = {
    {"prize",
     {"Congratulations! You have won a $1000 gift card.",
      "You were selected for an exclusive reward."}},
    {"urgency", {"Act now, this offer expires in 24 hours!", "Final notice: respond immediately."}},
    {"suspicious_link", {"Claim it here: {}", "Verify at {} now."}},
    {"money_request",
     {"Send a $49.99 processing fee to release your package.",
      "Wire the balance today to avoid penalties."}},
    {"credential_request",
     {"Confirm your password and PIN to keep your account active.",
      "Reply with your account number and SSN to verify your identity."}},
};
// Ordinary messages; the placeholders are filled with a sender, a day and a time or number.
const std::vector<std::string_view> kHam = {
    "Your package from {} will arrive {} between {} and 5pm.",
    "Hi, are we still on for lunch {}? - {} (around {})",
    "Reminder from {}: your dental appointment is on {} at {}.",
    "The Q3 numbers are in the shared folder, {} asked me to forward them before {} {}.",
    "Your verification code for {} is {}{}. Do not share it.",
    "Thanks for your order from {}! It ships {}, order #{}."};
const std::vector<std::string_view> kShadyDomains = {"bit.ly/3xK9", "secure-verify-login.co",
                                                     "prize-claim.top", "acct-update.info",
                                                     "pay-release.net"};

const std::vector<std::string_view> kInstructions = {
    "Is this message spam? Return JSON with is_spam and the spam signals found (prize, urgency, "
    "suspicious_link, money_request, credential_request).",
    "Classify the message as spam or not spam and explain with signal labels.",
    "Spam filter: analyze the following message.",
};

void generate(Faker& f, Example* ex) {
  const bool spam = f.chance(0.5);
  ex->layout_id = static_cast<int>(f.integer(0, 1));  // SMS, email
  std::string body;
  std::vector<std::string_view> signals;
  if (spam) {
    for (const Signal& s : kSignals) {
      if (f.chance(0.45)) signals.push_back(s.name);
    }
    if (signals.empty()) signals.push_back(kSignals[2].name);
    for (const Signal& s : kSignals) {
      bool on = false;
      for (auto n : signals) on |= n == s.name;
      if (!on) continue;
      const std::string link = "http://" + std::string(f.pick(kShadyDomains)) + "/" + f.digits(4);
      if (!body.empty()) body += ' ';
      body += fill(f.pick(s.phrases), {link});
    }
  } else {
    const std::string who = f.chance(0.5) ? f.first_name() : f.company().name;
    const std::string day = fake::weekday_name(static_cast<int>(f.integer(0, 4)));
    const std::string when = fake::format_time(f.business_time(), true);
    const std::string code = f.digits(3);
    const std::string code2 = f.digits(3);
    const std::string_view tmpl = f.pick(kHam);
    if (tmpl.find("verification") != std::string_view::npos) {
      body = fill(tmpl, {who, code, code2});
    } else if (tmpl.find("order #") != std::string_view::npos) {
      body = fill(tmpl, {who, day, code});
    } else if (tmpl.find("lunch") != std::string_view::npos) {
      body = fill(tmpl, {day, who, when});
    } else {
      body = fill(tmpl, {who, day, when});
    }
  }
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "SMS from " + (spam ? "+1" + f.digits(10) : f.phone(std::string_view{})) + ": " + body;
  } else {
    const fake::Person p = f.person();
    const std::string from =
        spam ? "support@" + std::string(f.pick(kShadyDomains)) : f.personal_email(p);
    const fake::Person to = f.person();
    const std::string to_address = f.personal_email(to);
    static const std::vector<std::string_view> kSubjects = {"Important notice", "Account alert",
                                                            "Re: your order", "Final reminder"};
    const std::string subject = spam ? std::string(f.pick(kSubjects)) : "Quick note";
    doc = "From: " + from + "\nTo: " + to_address + "\nSubject: " + subject + "\n\nHi " + to.first +
          ",\n\n" + body;
  }
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("is_spam").boolean(spam);
  j.key("signals").begin_array();
  for (auto s : signals) j.str(s);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec spam_detection_spec() {
  return {"spam_detection",
          "SMS / email, ordinary or built from spam signals -> is_spam and signals",
          {{"is_spam", FieldKind::kBool}, {"signals", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
