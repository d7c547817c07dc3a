// email_triage: an email (headers + body, several scenarios and writing styles) -> category,
// priority, whether it needs a reply, the sender and any deadline, resolved to an ISO date from
// the email's own date ("by Friday" means the next Friday after it was sent).
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

const std::vector<Scenario> kScenarios = {
    {"billing",
     true,
     {"Invoice {} past due", "Duplicate charge on invoice {}", "Corrected copy of invoice {}"},
     {"Our records show invoice {} is still unpaid. Could you confirm when payment will be sent?",
      "I was charged twice for invoice {}. Please refund the duplicate charge.",
      "Can you send a corrected copy of invoice {}? The PO number is missing."}},
    {"technical_support",
     true,
     {"Cannot log in ({})", "Error {} when exporting", "App crashes on startup"},
     {"Since this morning I get error {} every time I try to log in. Nothing changed on our side.",
      "The export fails with code {} after about a minute. Can someone take a look?",
      "The desktop app closes as soon as it opens (build {}). Reinstalling did not help."}},
    {"sales_inquiry",
     true,
     {"Pricing for our team", "Quote request {}", "Volume discount question"},
     {"We are evaluating tools for about 40 people. Could you send pricing and a quote ({})?",
      "Please send a quote for 25 seats, reference {}. We would like to start next quarter.",
      "Do you offer volume discounts? Our procurement reference is {}."}},
    {"meeting_request",
     true,
     {"Meeting request: {} review", "Can we meet this week?", "Sync about {}"},
     {"Could we set up 30 minutes to go over the {} numbers?",
      "I'd like to walk through the {} proposal with you. What times work?",
      "Are you free for a quick call about {}?"}},
    {"hr",
     true,
     {"PTO request", "Benefits enrollment question", "Updated W-4 ({})"},
     {"I'd like to request time off; my manager has approved it. Ticket {}.",
      "I have a question about adding my spouse to the dental plan (case {}).",
      "Attached is my updated W-4, form {}. Please process it for the next payroll."}},
    {"newsletter",
     false,
     {"Your weekly digest", "{} product updates", "Webinar invitation: {}"},
     {"Here is what happened this week. Read the highlights in issue {}.",
      "New features are live in release {}. No action is required.",
      "Join our free webinar, session {}. Unsubscribe at any time."}},
    {"legal",
     true,
     {"NDA for review ({})", "Contract redlines {}", "Subpoena notice {}"},
     {"Please review the attached NDA, matter {}, and return comments.",
      "Attached are our redlines for agreement {}. Please confirm the changes.",
      "We received a records request under case {}. Legal needs to respond."}},
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
  const bool urgent = s.category != "newsletter" && f.chance(0.3);
  const int deadline_kind = s.category == "newsletter" ? 0 : static_cast<int>(f.integer(0, 3));
  fake::Date deadline{};
  std::string deadline_text;
  if (deadline_kind == 1) {  // explicit date
    deadline = fake::add_days(sent, f.integer(1, 21));
    deadline_text = " Please respond by " + fake::format_date(deadline, us_date_format(f)) + ".";
  } else if (deadline_kind == 2) {  // weekday name: the next one strictly after the sent date
    const int wd = static_cast<int>(f.integer(0, 4));
    int delta = (wd - fake::weekday(sent) + 7) % 7;
    if (delta == 0) delta = 7;
    deadline = fake::add_days(sent, delta);
    deadline_text = std::string(" I need this by ") + fake::weekday_name(wd) + ".";
  } else if (deadline_kind == 3) {  // end of day
    deadline = sent;
    deadline_text = " This needs to be resolved by end of day today.";
  }
  const bool has_deadline = deadline_kind != 0;
  const bool soon =
      has_deadline && fake::days_from_civil(deadline) - fake::days_from_civil(sent) <= 2;
  const std::string priority = s.category == "newsletter" ? "low"
                               : (urgent || soon)         ? "high"
                                                          : "normal";
  const std::string urgent_prefix = urgent ? std::string(f.pick(kUrgent)) : "";

  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  const std::string greeting = f.chance(0.5) ? "Hi team," : "Hello,";
  if (ex->layout_id == 0) {
    doc = "From: " + sender.full() + " <" + from +
          ">\nDate: " + fake::format_date(sent, fake::DateFormat::kLongWeekday) + " " +
          fake::format_time(time, true) + "\nSubject: " + urgent_prefix + subject + "\n\n" +
          greeting + "\n\n" + body + deadline_text + "\n\nThanks,\n" + sender.first + "\n" +
          company.name;
  } else if (ex->layout_id == 1) {
    doc = "[" + fake::iso_date(sent) + " " + fake::iso_time(time) + "] " + from + " wrote:\n" +
          urgent_prefix + subject + " -- " + body + deadline_text + " /" + sender.first;
  } else {
    doc = "Subject: " + urgent_prefix + subject +
          "\nSent: " + fake::format_date(sent, fake::DateFormat::kLongWeekday) + "\nFrom: " + from +
          "\n\n" + body + deadline_text + "\n\n-- \n" + sender.full() + " | " + f.job_title() +
          " | " + company.name;
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("category").str(s.category);
  j.key("priority").str(priority);
  j.key("needs_reply").boolean(s.needs_reply);
  j.key("sender").str(from);
  j.key("deadline");
  has_deadline ? j.str(fake::iso_date(deadline)) : j.null();
  j.end_object();
}

}  // namespace

SpecialistSpec email_triage_spec() {
  return {"email_triage",
          "email (3 layouts, 7 scenarios) -> category, priority, needs_reply, sender, deadline",
          {{"category", FieldKind::kText},
           {"priority", FieldKind::kText},
           {"needs_reply", FieldKind::kBool},
           {"sender", FieldKind::kText},
           {"deadline", FieldKind::kExact}},
          &generate};
}

}  // namespace anvil::datagen::specialists
