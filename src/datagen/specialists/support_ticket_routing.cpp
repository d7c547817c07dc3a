// support_ticket_routing: a customer support ticket (web form, chat transcript, forwarded email)
// -> the team that owns it, priority (from plan tier and severity cues), product and issue type.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Issue {
  std::string_view type;
  std::string_view team;
  std::vector<std::string_view> texts;  // "{}" = product
};

const std::vector<Issue> kIssues = {
    {"refund_request",
     "billing",
     {"I was billed for {} after I cancelled. I want a refund.",
      "Please refund last month's {} charge, we never used it."}},
    {"invoice_question",
     "billing",
     {"Our invoice for {} shows the wrong number of seats.",
      "Where can I download invoices for {}?"}},
    {"bug_report",
     "engineering",
     {"{} throws an error when I save a report with more than 100 rows.",
      "Since the last update, {} shows a blank screen on the dashboard."}},
    {"outage",
     "engineering",
     {"{} is completely down for our whole team!", "Nobody in our office can reach {} right now."}},
    {"login_problem",
     "account_management",
     {"I'm locked out of {} after resetting my password.",
      "Two-factor codes for {} are not arriving."}},
    {"plan_change",
     "account_management",
     {"We want to upgrade {} to the next plan.", "How do I remove 5 seats from {}?"}},
    {"shipping_delay",
     "logistics",
     {"My {} order hasn't arrived and tracking hasn't moved in a week.",
      "The {} hardware was supposed to ship Monday. Where is it?"}},
    {"security_concern",
     "security",
     {"I got a suspicious login alert for {} from another country.",
      "I think someone shared our {} API key publicly."}},
};
const std::vector<std::string_view> kProducts = {"Ledger Cloud",     "Atlas CRM",  "PulseDesk",
                                                 "Beacon Analytics", "Relay Mail", "Nimbus Drive"};
const std::vector<std::string_view> kTiers = {"free", "pro", "business", "enterprise"};
const std::vector<std::string_view> kSevere = {" This is blocking our whole team.",
                                               " We are losing sales because of this.",
                                               " It's critical, please escalate."};

const std::vector<std::string_view> kInstructions = {
    "Route this support ticket. Return JSON: team, priority (urgent/high/normal/low), product, "
    "issue_type.",
    "Which team should handle this ticket, and how urgent is it?",
    "Classify the ticket below for the helpdesk queue.",
    "Support triage bot: read the ticket and answer in JSON.",
};

void generate(Faker& f, Example* ex) {
  const Issue& issue = f.pick(kIssues);
  const std::string_view product = f.pick(kProducts);
  const std::string_view tier = f.pick(kTiers);
  const bool severe = issue.type == "outage" || issue.type == "security_concern" || f.chance(0.2);
  std::string text = fill(f.pick(issue.texts), {product});
  if (severe && issue.type != "outage") text += f.pick(kSevere);
  // Priority: severity first, then plan tier.
  std::string priority;
  if (severe) {
    priority = tier == "enterprise" || tier == "business" ? "urgent" : "high";
  } else {
    priority = tier == "enterprise" ? "high" : tier == "free" ? "low" : "normal";
  }
  const fake::Person customer = f.person();
  const fake::Company company = f.company();
  const std::string ticket = f.reference("TCK-", 6);
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  if (ex->layout_id == 0) {
    doc = "Ticket " + ticket + "\nCustomer: " + customer.full() + " (" + company.name +
          ")\nPlan: " + std::string(tier) + "\nProduct: " + std::string(product) +
          "\nMessage: " + text;
  } else if (ex->layout_id == 1) {
    doc = "Chat transcript\n[agent] Hi, thanks for contacting support! What's going on?\n[" +
          customer.first + "] " + text + "\n[agent] Which plan are you on?\n[" + customer.first +
          "] We're on " + std::string(tier) + ".";
  } else {
    doc = "---------- Forwarded message ----------\nFrom: " + f.email(customer, company.domain) +
          "\nSubject: " + std::string(product) + " help (" + std::string(tier) + " account)\n\n" +
          text + "\n\n" + customer.full();
  }
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("team").str(issue.team);
  j.key("priority").str(priority);
  j.key("product").str(product);
  j.key("issue_type").str(issue.type);
  j.end_object();
}

}  // namespace

SpecialistSpec support_ticket_routing_spec() {
  return {"support_ticket_routing",
          "support ticket (form, chat, email) -> team, priority, product, issue type",
          {{"team", FieldKind::kText},
           {"priority", FieldKind::kText},
           {"product", FieldKind::kText},
           {"issue_type", FieldKind::kText}},
          &generate};
}

}  // namespace anvil::datagen::specialists
