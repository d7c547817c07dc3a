// email_triage: an email (headers + body, several scenarios and writing styles) -> category,
// priority, whether it needs a reply, the sender and any deadline, resolved to an ISO date from
// the email's own date ("by Friday" means the next Friday after it was sent). Headers as mail
// programs write them (RFC dates with zones, Outlook's "Sent:", "Last, First" names, lower-case
// forwards), seven messages per scenario, urgency in the subject or the body. Worked steps: the
// sender's address, the sent date as printed, the deadline's words with their date.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Scenario {
  std::string_view category;
  bool needs_reply;
  // subjects[i] goes with bodies[i] (same size), so the subject names what the body is about.
  std::vector<std::string_view> subjects;  // "{}" = a reference
  std::vector<std::string_view> bodies;    // "{}" = a reference
};

// Subjects and bodies written for the generator (none taken from data/handwritten).
const std::vector<Scenario> kScenarios = {
    {"billing",
     true,
     {"Invoice {} past due", "Duplicate charge on invoice {}", "Corrected copy of invoice {}",
      "Statement balance question ({})", "Refund still pending", "Tax exemption certificate ({})",
      "Wrong billing address on {}"},
     {"Our records show invoice {} is still unpaid. Could you confirm when payment will be sent?",
      "Invoice {} went through twice on our card. Could the second payment be reversed?",
      "Invoice {} went out without our PO number - please reissue it.",
      "Account {} shows a balance we believe was settled in March. Can you send the payment "
      "history so we can match it up?",
      "We returned the unused licences two weeks ago (RMA {}) but haven't seen the credit. When "
      "should it post?",
      "We're a registered nonprofit and were billed sales tax on order {}. Our exemption "
      "certificate is attached; please reissue the bill without it.",
      "Invoice {} went to our old office. Please update the billing address and resend it to "
      "accounts payable."}},
    {"technical_support",
     true,
     {"Cannot log in ({})", "Error {} when exporting", "App crashes on startup",
      "Sync stuck at 99%", "Webhook deliveries failing ({})", "scanner not working",
      "Two-factor codes not arriving"},
     {"Since this morning I get error {} every time I try to log in. Nothing changed on our side.",
      "The export fails with code {} after about a minute. Can someone take a look?",
      "The desktop app closes as soon as it opens (build {}). Reinstalling did not help.",
      "The mobile app has shown 'syncing' at 99% since yesterday (device {}). Logging out and "
      "back in changed nothing.",
      "Since last night none of our webhook calls arrive; your dashboard lists them as timed out "
      "(endpoint {}).",
      "the scanner on the second floor wont send to email anymore, shows an auth error. asset "
      "tag {}",
      "Text-message login codes stopped reaching my phone this week (user {}). Can you switch me "
      "to an authenticator app?"}},
    {"sales_inquiry",
     true,
     {"Pricing for our team", "Quote request {}", "Volume discount question",
      "Pricing for a school district", "trial extension?", "Bulk order of headsets ({})",
      "Enterprise plan details"},
     {"We are evaluating tools for about 40 people. Could you send pricing and a quote ({})?",
      "Please send a quote for 25 seats, reference {}. We would like to start next quarter.",
      "Do you offer volume discounts? Our procurement reference is {}.",
      "Our district is looking at the platform for 12 schools. What would site licences cost, "
      "and is there an education discount? Ref {}.",
      "hi, our trial ends friday and we havent finished testing. any chance of two more weeks? "
      "workspace {}",
      "We'd like 80 headsets with a two-year support plan. Could you quote delivery to two "
      "offices? Ref {}.",
      "Which features come with the enterprise tier, and can we pay yearly by bank transfer? "
      "Company id {}."}},
    {"meeting_request",
     true,
     {"Meeting request: {} review", "Can we meet this week?", "Sync about {}", "{} budget review",
      "Kickoff for {}", "Lunch next Thursday?", "Quick chat about {}"},
     {"Could we set up 30 minutes to go over the {} numbers?",
      "I'd like to walk through the {} proposal with you. What times work?",
      "Are you free for a quick call about {}?",
      "Can we grab half an hour this week to check the {} budget before finance locks it?",
      "Let's do a kickoff for {} with both teams - could you send a few times that suit you?",
      "It was good to catch up at the trade fair. Fancy lunch one day to talk about {}?",
      "Have you got 20 minutes to go through the open questions on {}?"}},
    {"hr",
     true,
     {"PTO request", "Benefits enrollment question", "Updated W-4 ({})", "Parental leave dates",
      "Direct deposit change ({})", "Onboarding paperwork for Monday", "Overtime not paid ({})"},
     {"I'd like to request time off; my manager has approved it. Ticket {}.",
      "I have a question about adding my spouse to the dental plan (case {}).",
      "Attached is my updated W-4, form {}. Please process it for the next payroll.",
      "I'd like to confirm my parental leave dates and how pay works while I'm out. Case {}.",
      "I've moved banks - could you switch my direct deposit for the next pay run? Form {} is "
      "attached.",
      "Welcome aboard! Please complete the tax and emergency contact forms before your first "
      "day. Ref {}.",
      "My overtime from the last two weekends isn't on my payslip. Timesheet {} shows the "
      "hours."}},
    {"newsletter",
     false,
     {"Your weekly digest", "{} product updates", "Webinar invitation: {}", "Monthly roundup: {}",
      "Changelog {}", "Join our live demo", "Flash sale: 48 hours only"},
     {"Here is what happened this week. Read the highlights in issue {}.",
      "New features are live in release {}. No action is required.",
      "Join our free webinar, session {}. Unsubscribe at any time.",
      "In this month's roundup: five tips for faster reporting and a customer story. Read issue "
      "{} online.",
      "Version {} adds bulk editing and a new export screen. Nothing to do on your side.",
      "See the new planning board in a 30-minute live demo (event {}). Registration is free.",
      "Take 15% off annual plans with code {} until Sunday. Unsubscribe anytime."}},
    {"legal",
     true,
     {"NDA for review ({})", "Contract redlines {}", "Subpoena notice {}",
      "Licence agreement for review ({})", "Court order - matter {}", "Copyright complaint",
      "Privacy request {}"},
     {"Please review the attached NDA, matter {}, and return comments.",
      "Attached are our redlines for agreement {}. Please confirm the changes.",
      "We received a records request under case {}. Legal needs to respond.",
      "Please find the software licence agreement (ref {}) for your review. Could legal mark up "
      "any concerns?",
      "Enclosed is a court order in matter {} requiring the documents listed in the schedule.",
      "We believe images on your website copy our client's photographs (claim {}). Please "
      "remove them.",
      "A customer has asked us to export all data we hold on them (request {}). Please advise "
      "how to respond."}},
};

// Every cue is visible text: an urgent email must show why it is high priority.
const std::vector<std::string_view> kUrgent = {"URGENT: ", "Action required: ", "ASAP - "};
const std::vector<std::string_view> kInstructions = {
    "Triage this email. Return JSON with category, priority (high/normal/low), needs_reply, "
    "sender and deadline (ISO date or null).",
    "Classify the message below for the shared inbox.",
    "Route this email: what kind is it, how urgent, does it need an answer, who sent it, and is "
    "there a deadline?",
    "Inbox assistant: label the following email as JSON.",
};

const InstructionParts kParts = {
    {"Triage", "Classify", "Label", "Route", "Sort"},
    {"this email", "the message below", "this", "the following email", "this message"},
    {"", "as JSON", "for the shared inbox", "(category, priority, needs_reply, sender, deadline)",
     "-> json"},
};

// A deadline as the email says it, the words the steps copy, and its date.
struct Deadline {
  std::string sentence;  // " I need this by Friday." (empty: none)
  std::string copied;    // "by Friday"
  std::string step;      // "<<next_weekday(2024-03-05, Friday)=2024-03-08>>" or the ISO date
  fake::Date date{};
};

Deadline draw_deadline(Faker& f, int kind, const fake::Date& sent) {
  Deadline d;
  if (kind == 1) {  // a date
    d.date = fake::add_days(sent, f.integer(1, 21));
    const std::string when = fake::format_date(d.date, us_date_format(f));
    const std::string_view lead =
        f.pick(std::vector<std::string_view>{"by ", "no later than ", "before "});
    d.copied = std::string(lead) + when;
    d.sentence = std::string(f.pick(std::vector<std::string_view>{
                     " Please respond ", " We need this ", " Please reply "})) +
                 d.copied + ".";
    d.step = fake::iso_date(d.date);
  } else if (kind == 2) {  // a weekday: the next one strictly after the sent date
    const int wd = static_cast<int>(f.integer(0, 4));
    int delta = (wd - fake::weekday(sent) + 7) % 7;
    if (delta == 0) delta = 7;
    d.date = fake::add_days(sent, delta);
    d.copied = std::string("by ") + fake::weekday_name(wd);
    d.sentence = std::string(f.pick(std::vector<std::string_view>{
                     " I need this ", " Could you get back to me ", " Please let us know "})) +
                 d.copied + ".";
    d.step = calculator_step("next_weekday(" + fake::iso_date(sent) + ", " +
                             fake::weekday_name(wd) + ")");
  } else if (kind == 3) {  // today
    d.date = sent;
    d.copied = std::string(
        f.pick(std::vector<std::string_view>{"by end of day today", "today", "by EOD today"}));
    d.sentence = " This needs to be resolved " + d.copied + ".";
    d.step = fake::iso_date(sent);
  }
  return d;
}

// "Tue, 5 Mar 2024" (the date part of an RFC 5322 Date header).
std::string rfc_date(const fake::Date& d) {
  const std::string abbrev = fake::format_date(d, fake::DateFormat::kAbbrev);  // "Mar 5, 2024"
  return std::string(fake::weekday_name(fake::weekday(d))).substr(0, 3) + ", " +
         std::to_string(d.day) + " " + abbrev.substr(0, 3) + " " + std::to_string(d.year);
}

void generate(Faker& f, Example* ex) {
  const Scenario& s = f.pick(kScenarios);
  const fake::Person sender = f.person();
  const fake::Company company = f.company();
  const std::string from = f.email(sender, company.domain);
  const fake::Date sent = f.recent_date();
  const fake::TimeOfDay time = f.business_time();
  const std::string ref = f.chance(0.5) ? f.reference("#", 5) : f.invoice_number();
  const size_t variant =
      static_cast<size_t>(f.integer(0, static_cast<int64_t>(s.bodies.size()) - 1));
  const std::string subject = fill(s.subjects[variant], {ref});
  const std::string body = fill(s.bodies[variant], {ref});
  // Urgency shows as a subject prefix or, a third of the time, in the body's words.
  const bool urgent = s.category != "newsletter" && f.chance(0.3);
  const bool urgent_in_body = urgent && f.chance(0.35);
  const int deadline_kind = s.category == "newsletter" ? 0 : static_cast<int>(f.integer(0, 3));
  const Deadline deadline = draw_deadline(f, deadline_kind, sent);
  const bool has_deadline = deadline_kind != 0;
  const bool soon =
      has_deadline && fake::days_from_civil(deadline.date) - fake::days_from_civil(sent) <= 2;
  const std::string priority = s.category == "newsletter" ? "low"
                               : (urgent || soon)         ? "high"
                                                          : "normal";
  const std::string urgent_prefix = urgent && !urgent_in_body ? std::string(f.pick(kUrgent)) : "";
  const std::string urgent_words = urgent_in_body
                                       ? std::string(f.pick(std::vector<std::string_view>{
                                             " Please treat this as urgent.", " ASAP please.",
                                             " This is blocking us - please escalate."}))
                                       : "";
  const std::string text = body + urgent_words + deadline.sentence;
  // Who it is from, as mail programs show it.
  const std::string who = f.pick(
      std::vector<std::string>{sender.full() + " <" + from + ">",
                               "\"" + sender.last + ", " + sender.first + "\" <" + from + ">",
                               sender.last + ", " + sender.first + " <" + from + ">", from});
  const std::string sign_off = f.chance(0.5)
                                   ? "Thanks,\n" + sender.first + "\n" + company.name
                                   : sender.full() + " | " + f.job_title() + " | " + company.name;
  const std::string greeting =
      f.pick(std::vector<std::string>{"Hi team,", "Hello,", "Hi,", "Good morning,", "Hi all,"});
  const std::string inbox_domain = f.company().domain;
  const int64_t second = f.integer(0, 59);
  const std::string seconds = (second < 10 ? "0" : "") + std::to_string(second);
  const std::string zone =
      f.pick(std::vector<std::string>{"-0500", "-0400", "-0700", "+0000", "-0600"});
  std::string sent_text;  // the date as the header prints it, which the steps copy
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  std::string doc;
  if (ex->layout_id == 0) {
    sent_text = fake::format_date(sent, fake::DateFormat::kLongWeekday);
    doc = "From: " + who + "\nDate: " + sent_text + " " + fake::format_time(time, true) +
          "\nSubject: " + urgent_prefix + subject + "\n\n" + greeting + "\n\n" + text + "\n\n" +
          sign_off;
  } else if (ex->layout_id == 1) {
    sent_text = fake::iso_date(sent);
    doc = "[" + sent_text + " " + fake::iso_time(time) + "] " + from + " wrote:\n" + urgent_prefix +
          subject + " -- " + text + " /" + sender.first;
  } else if (ex->layout_id == 2) {
    sent_text = fake::format_date(sent, fake::DateFormat::kLongWeekday);
    doc = "Subject: " + urgent_prefix + subject + "\nSent: " + sent_text + " " +
          fake::format_time(time, true) + "\nFrom: " + who + "\nTo: team@" + inbox_domain + "\n\n" +
          greeting + "\n\n" + text + "\n\n-- \n" + sign_off;
  } else if (ex->layout_id == 3) {
    sent_text = rfc_date(sent);
    doc = "From: " + who + "\nTo: inbox@" + inbox_domain + "\nDate: " + sent_text + " " +
          fake::iso_time(time) + ":" + seconds + " " + zone + "\nSubject: " + urgent_prefix +
          subject + "\n\n" + greeting + "\n\n" + text + "\n\n" + sign_off;
  } else {
    sent_text = ascii_lower(rfc_date(sent));
    doc = "subject: " + ascii_lower(urgent_prefix + subject) + "\nfrom: " + from +
          "\ndate: " + sent_text + " " + fake::iso_time(time) + "\n\n" + ascii_lower(text) +
          "\n\n- " + ascii_lower(sender.first);
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
  // Worked steps: the sender's address, the sent date as printed with its ISO date, then the
  // deadline's words as written with its date (a weekday through the calculator).
  std::string deadline_words = deadline.copied;
  if (ex->layout_id == 4) deadline_words = ascii_lower(deadline_words);
  ex->work = "sender: " + from + "\nsent " + sent_text + ": " + fake::iso_date(sent) + "\n" +
             (has_deadline ? "deadline " + deadline_words + ": " + deadline.step : "no deadline");
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("category").str(s.category);
  j.key("priority").str(priority);
  j.key("needs_reply").boolean(s.needs_reply);
  j.key("sender").str(from);
  j.key("deadline");
  has_deadline ? j.str(fake::iso_date(deadline.date)) : j.null();
  j.end_object();
}

}  // namespace

SpecialistSpec email_triage_spec() {
  return {"email_triage",
          "email (5 header styles, 7 scenarios of 7 messages) -> category, priority, needs_reply, "
          "sender, deadline",
          {{"category", FieldKind::kText},
           {"priority", FieldKind::kText},
           {"needs_reply", FieldKind::kBool},
           {"sender", FieldKind::kText},
           {"deadline", FieldKind::kExact}},
          &generate};
}

}  // namespace anvil::datagen::specialists
