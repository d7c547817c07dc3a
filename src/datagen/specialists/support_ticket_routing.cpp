// support_ticket_routing: a customer support ticket (web form, chat transcript, email or forwarded
// email, contact form) -> the team that owns it, priority (from plan tier and severity cues),
// product and issue type. Each issue type has many customer phrasings with concrete details (order
// and invoice numbers, dates, amounts, seat counts, error messages); greetings, context sentences
// and sign-offs carry no label information. The plan tier is always stated somewhere in the
// ticket (a form field, an answer in the chat, the subject or a sentence of the message) and the
// product name is always in the customer's text.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

// The non-empty `parts`, joined by `sep`.
std::string join(std::initializer_list<std::string_view> parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

struct Issue {
  std::string_view type;
  std::string_view team;
  // What the customer writes. Every phrasing names {product}; the other placeholders are the
  // details drawn in generate(). None of them carries a severity cue or a plan tier name.
  std::vector<std::string_view> texts;
};

const std::vector<Issue> kIssues = {
    {"refund_request",
     "billing",
     {"I was billed for {product} after I cancelled. I want a refund.",
      "Please refund last month's {product} charge, we never used it.",
      "We cancelled {product} on {date} but were still charged {amount}. Please refund it to the "
      "card ending in {last4}.",
      "hi, i got charged twice for {product} this month ({amount} both times). can you refund the "
      "duplicate?",
      "I signed up for {product} to try it out and forgot to cancel before it renewed. Is there "
      "any way to get the {amount} back? I haven't logged in once since.",
      "Requesting a full refund for {product}. The annual renewal went through on {date} even "
      "though auto-renew was switched off in our settings.",
      "You charged me {amount} for {product} seats we removed months ago. That's not okay and I "
      "want the money back.",
      "Could we get a prorated refund for the unused months on our {product} subscription? We've "
      "moved our team to another tool.",
      "I returned the {product} hardware {days} days ago (order {order}) and still haven't seen "
      "the refund on my card.",
      "Hello, I'd like my money back for {product}. It doesn't do what your sales rep told us it "
      "would."}},
    {"invoice_question",
     "billing",
     {"Our invoice for {product} shows the wrong number of seats.",
      "Where can I download invoices for {product}?",
      "Invoice {invoice} for {product} lists {billed_seats} seats, but we only have {seats} users. "
      "Can you check?",
      "Our accounts payable team needs invoice {invoice} reissued with our legal company name and "
      "tax ID on it. Product is {product}.",
      "What is the \"platform fee\" line on our latest {product} invoice? It wasn't there before.",
      "Quick question: does the {amount} on our {product} invoice from {date} include sales tax?",
      "Can future {product} invoices be sent to our finance team's shared inbox instead of to me?",
      "I can't find invoice {invoice} anywhere on the {product} billing page. Could you email me a "
      "copy?",
      "Why did our {product} invoice go up to {amount} this month? As far as I know nothing "
      "changed on our side.",
      "Our PO number {po} has to be on the {product} invoices or accounting won't process them. "
      "How do we add it?"}},
    {"bug_report",
     "engineering",
     {"{product} throws an error when I save a report with more than 100 rows.",
      "Since the last update, {product} shows a blank screen on the dashboard.",
      "When I export to CSV in {product} I get \"{error}\". Same thing in Chrome and Firefox.",
      "Search in {product} returns nothing for names with an apostrophe, like O'Brien.",
      "Dates in {product} are off by one day for users in the Pacific time zone. Something "
      "scheduled for {date} shows up a day early.",
      "Small thing: the Save button in {product} stays grayed out after I edit a contact, so I "
      "have to refresh the page every time.",
      "Whenever I upload an attachment over about 10 MB, {product} spins for a minute and then "
      "says \"{error}\".",
      "The {product} iPhone app crashes as soon as I open the Settings tab. I already deleted and "
      "reinstalled it.",
      "Steps to reproduce in {product}: 1) open Reports 2) filter by last month 3) click Export. "
      "Expected: a file downloads. Actual: \"{error}\".",
      "Totals in the {product} summary view don't match the detail view; most rows are off by a "
      "few cents."}},
    {"outage",
     "engineering",
     {"{product} is completely down for our whole team!",
      "Nobody in our office can reach {product} right now.",
      "{product} has been returning \"{error}\" for everyone here since {time}. Is there an "
      "outage?",
      "Is {product} down? Your status page says all systems operational, but none of us can load "
      "anything.",
      "Every {product} API call has been timing out since this morning, and all of our "
      "integrations have stopped.",
      "{product} won't load at all, not on the web app and not on mobile. Colleagues in our other "
      "two offices see the same.",
      "{product} is down for the whole company. Every page hangs and then shows \"{error}\".",
      "Since around {time} today {product} has been unreachable from every network we've tried, "
      "including phone hotspots.",
      "Is there an incident? {product} has been down for over an hour for all {seats} of our "
      "users."}},
    {"login_problem",
     "account_management",
     {"I'm locked out of {product} after resetting my password.",
      "Two-factor codes for {product} are not arriving.",
      "I switched phones and now I can't get into {product} because the authenticator app was on "
      "my old one.",
      "The password reset email for {product} never shows up. I've checked spam, nothing there.",
      "{product} keeps saying \"Invalid email or password\" even though I've reset it twice.",
      "SSO sign-in to {product} sends me back to the login page in a loop. My coworkers can sign "
      "in fine, it's just me.",
      "hey can you unlock my {product} account? too many wrong password attempts i guess",
      "Our only {product} admin left the company and none of us can log in with admin rights "
      "anymore. How do we get access back?",
      "Right after I log in to {product} I get \"Your session has expired\", every single time.",
      "The email on my {product} login is an old work address I can't access anymore, so I can't "
      "sign in or reset my password."}},
    {"plan_change",
     "account_management",
     {"We want to upgrade {product} to the next plan.", "How do I remove 5 seats from {product}?",
      "We're growing, please add {extra_seats} more seats to our {product} account from next "
      "month.",
      "What would we get by moving {product} up a plan? We're thinking about upgrading this "
      "quarter.",
      "We'd like to downgrade {product} at the end of this billing cycle. Which features would we "
      "lose?",
      "Please reduce our {product} seats from {billed_seats} to {seats}; a few people have left "
      "the team.",
      "Our team is shrinking, so I'd like to move {product} to a smaller plan before it renews on "
      "{date}.",
      "Can I add the advanced reporting add-on to our {product} subscription without changing "
      "anything else?",
      "Is it possible to pause our {product} subscription for {months} months instead of "
      "cancelling?",
      "I'd like to make my colleague {colleague} the owner of our {product} subscription and add "
      "{extra_seats} seats at the same time."}},
    {"shipping_delay",
     "logistics",
     {"My {product} order hasn't arrived and tracking hasn't moved in a week.",
      "The {product} hardware was supposed to ship Monday. Where is it?",
      "Order {order} ({product} starter kit) was due on {date} and still isn't here.",
      "Tracking for our {product} scanners has said \"label created\" for {days} days. Has it "
      "actually shipped?",
      "Just checking on order {order}. We ordered the {product} card readers on {date} and never "
      "got a shipping confirmation.",
      "The carrier says our {product} package was delivered, but nobody here received it. Order "
      "{order}.",
      "Any update on when the {product} devices will ship? The order page still says "
      "\"processing\".",
      "We were told the replacement {product} unit would go out in 2-3 days. It's been {days} days "
      "now (order {order}).",
      "Your site said {product} hardware ships within 48 hours. I ordered last {weekday} and still "
      "nothing."}},
    {"security_concern",
     "security",
     {"I got a suspicious login alert for {product} from another country.",
      "I think someone shared our {product} API key publicly.",
      "{product} emailed me about a sign-in from {ip} at {time}. That wasn't me.",
      "One of our admins got a phishing email that looked exactly like the {product} login page. "
      "Has anyone else reported this?",
      "We just found our {product} API token in a public GitHub repo. How do we revoke it and see "
      "what it accessed?",
      "There's a user with admin rights in our {product} workspace that none of us recognize.",
      "Someone changed the payout bank details in our {product} account and nobody here approved "
      "it.",
      "Someone who left the company can still log in to {product}; we see activity from their "
      "account after their last day on {date}.",
      "A customer told us they could see another company's records inside {product}. Is this a "
      "data leak?"}},
};
const std::vector<std::string_view> kProducts = {"Ledger Cloud",     "Atlas CRM",  "PulseDesk",
                                                 "Beacon Analytics", "Relay Mail", "Nimbus Drive"};

struct Tier {
  std::string_view name;  // the label used in the priority rule
  // Ways to state this tier that only fit this one (the general ones are in kTierSentences).
  std::vector<std::string_view> own_phrasings;
};
const std::vector<Tier> kTiers = {
    {"free",
     {"I'm just on the free plan.", "We use the free version.", "This is our free workspace.",
      "We haven't upgraded yet, still on free."}},
    {"pro", {"I have a Pro subscription.", "(pro account)", "I'm a Pro user.", "We pay for Pro."}},
    {"business",
     {"We're a Business plan customer.", "We pay for the Business tier.", "(business account)",
      "We pay for the Business tier."}},
    {"enterprise",
     {"We're an Enterprise customer.", "We have an enterprise contract with you.",
      "(enterprise account)", "Our company is on an Enterprise agreement."}},
};
// A sentence stating the plan; "{tier}" = the tier name ("Business" or "business").
const std::vector<std::string_view> kTierSentences = {"We're on the {tier} plan.",
                                                      "We're on {tier}.",
                                                      "Our account is on the {tier} plan.",
                                                      "We have the {tier} plan.",
                                                      "Our subscription is {tier}.",
                                                      "Plan: {tier}.",
                                                      "Our workspace is on the {tier} tier.",
                                                      "We've been on {tier} for a while now.",
                                                      "Account type: {tier}.",
                                                      "For reference, we're on the {tier} plan."};
// The plan as a tag after an email subject.
const std::vector<std::string_view> kTierTags = {"({tier} account)", "[{tier} plan]",
                                                 "- {tier} customer", "({tier})"};
// The label of the plan field in the web form.
const std::vector<std::string_view> kPlanLabels = {"Plan", "Subscription", "Tier", "Account plan",
                                                   "Plan level"};

// Severity cues (business impact, deadlines, people waiting); only severe tickets get one.
const std::vector<std::string_view> kSevereCues = {
    "This is blocking our whole team.",
    "We are losing sales because of this.",
    "It's critical, please escalate.",
    "Please treat this as P1.",
    "Our CEO is waiting on an answer, we need this resolved ASAP.",
    "Customers are calling us about it and we can't help them.",
    "This is stopping {seats} people from doing their jobs.",
    "We have a major client demo at {time} today and need this fixed before then.",
    "Every hour this goes on is costing us real money.",
    "Month-end close is tomorrow and our finance team is stuck until this is sorted out.",
    "URGENT - please have someone call me back as soon as possible.",
    "Our VP is asking me for updates every 30 minutes.",
    "This is affecting all of our own customers.",
    "We're in the busiest week of our year and this can't wait.",
    "Our support queue is piling up because of this, we need help now."};
// Remarks that a ticket can wait; only tickets without severity get one, so they never conflict
// with the priority rule.
const std::vector<std::string_view> kNoRush = {
    "No rush on this.", "Not urgent, whenever someone gets a chance.",
    "No hurry, just wanted to flag it.", "Whenever you have a moment is fine."};

// Context that carries no label information.
const std::vector<std::string_view> kContext = {
    "I'm the admin for our {product} account.",
    "I've been using {product} for about {years} years.",
    "I checked the help center first but couldn't find an answer.",
    "My colleague {colleague} suggested I contact you.",
    "Sorry if this is the wrong place to ask.",
    "I'm writing on behalf of {company}.",
    "This is my first time contacting support.",
    "Our team uses {product} every day.",
    "I searched the community forum before writing in."};
const std::vector<std::string_view> kGreetings = {"",
                                                  "",
                                                  "Hi,",
                                                  "Hello,",
                                                  "Hi there,",
                                                  "Hello support team,",
                                                  "Hey,",
                                                  "Hi team,",
                                                  "Good morning,",
                                                  "Good afternoon,",
                                                  "To whom it may concern,"};
const std::vector<std::string_view> kChatGreetings = {"", "", "hi", "hello", "Hi!", "hey there,"};
const std::vector<std::string_view> kSignoffs = {"",
                                                 "Thanks,",
                                                 "Thank you,",
                                                 "Best,",
                                                 "Regards,",
                                                 "Best regards,",
                                                 "Cheers,",
                                                 "Thanks in advance,",
                                                 "Appreciate the help,"};
// Email subjects without label information.
const std::vector<std::string_view> kSubjects = {"{product} help",
                                                 "Question about {product}",
                                                 "{product} support request",
                                                 "Help with {product}",
                                                 "Re: {product}",
                                                 "Issue with our {product} account",
                                                 "{company} - {product}"};
// Chat lines of the agent; "{}" = the agent's name.
const std::vector<std::string_view> kAgentHellos = {
    "Hi, thanks for contacting support! What's going on?",
    "Hello, you're chatting with {}. How can I help today?", "Hi there! What can I help you with?",
    "Thanks for reaching out. What can I do for you?"};
const std::vector<std::string_view> kAgentAsks = {
    "Which plan are you on?", "Thanks. Which plan is your account on?",
    "Got it. Can you tell me which plan you have?",
    "Thanks for the details. What plan is the workspace on?"};
const std::vector<std::string_view> kAgentClosings = {"Thanks, let me look into that.",
                                                      "Got it, give me a moment to check.",
                                                      "Thanks for the details, checking now."};

const std::vector<std::string_view> kTicketPrefixes = {"TCK-", "#", "SUP-", "CS-"};
const std::vector<std::string_view> kOrderPrefixes = {"#", "ORD-", "SO-", "#A"};
// Error messages customers paste; "{code}" = digits.
const std::vector<std::string_view> kErrors = {
    "Error 500: Internal Server Error",
    "Something went wrong. Please try again later. (code {code})",
    "Request failed with status code 502",
    "Unexpected token < in JSON at position 0",
    "An unknown error occurred (ref {code})",
    "ERR_CONNECTION_TIMED_OUT",
    "Object reference not set to an instance of an object",
    "Upload failed: 413 Payload Too Large",
    "Error {code}: operation timed out"};

// Whether a phrasing fits the plan: no upgrading past enterprise, no downgrading the free plan.
bool fits_tier(std::string_view text, std::string_view tier) {
  const bool up = text.find("upgrad") != std::string_view::npos ||
                  text.find("up a plan") != std::string_view::npos;
  const bool down = text.find("downgrad") != std::string_view::npos ||
                    text.find("smaller plan") != std::string_view::npos;
  return !(up && tier == "enterprise") && !(down && tier == "free");
}

const std::vector<std::string_view> kInstructions = {
    "Route this support ticket. Return JSON: team, priority (urgent/high/normal/low), product, "
    "issue_type.",
    "Which team should handle this ticket, and how urgent is it?",
    "Classify the ticket below for the helpdesk queue.",
    "Support triage bot: read the ticket and answer in JSON.",
};

const InstructionParts kParts = {
    {"Route", "Triage", "Classify", "Assign", "Sort", "Prioritize and route", "Tag",
     "Decide where to send"},
    {"this ticket", "this support request", "the customer message below", "this helpdesk ticket",
     "the following complaint", "this email from a customer", "this chat", "the request below"},
    {"", "", "as JSON", "(team, priority, product, issue type)", "for the support queue",
     "to the right team", "and set a priority", "for the on-call rotation"},
};

void generate(Faker& f, Example* ex) {
  const Issue& issue = f.pick(kIssues);
  const std::string_view product = f.pick(kProducts);
  const Tier& tier = f.pick(kTiers);
  const bool severe = issue.type == "outage" || issue.type == "security_concern" || f.chance(0.2);
  // Priority: severity first, then plan tier.
  std::string priority;
  if (severe) {
    priority = tier.name == "enterprise" || tier.name == "business" ? "urgent" : "high";
  } else {
    priority = tier.name == "enterprise" ? "high" : tier.name == "free" ? "low" : "normal";
  }

  // The details the phrasings may mention, one draw per statement.
  const fake::Person customer = f.person();
  const fake::Company company = f.company();
  const std::string_view order_prefix = f.pick(kOrderPrefixes);
  const std::string order = f.reference(order_prefix, 7);
  const std::string invoice = f.invoice_number();
  const std::string po = f.po_number();
  const fake::Date date = f.recent_date();
  const fake::DateFormat date_format = us_date_format(f);
  const int64_t cents = f.price_cents(1900, 480000);
  const fake::MoneyStyle money_style = us_money_style(f);
  const int64_t seats = f.integer(4, 180);
  const int64_t extra_seats = f.integer(2, 15);
  const std::string_view error_template = f.pick(kErrors);
  const std::string error_code = f.digits(5);
  const fake::TimeOfDay time = f.business_time();
  const bool twelve_hour = f.chance(0.75);
  const int weekday = static_cast<int>(f.integer(0, 4));
  const int64_t days = f.integer(4, 16);
  const int64_t months = f.integer(2, 4);
  const int64_t years = f.integer(2, 8);
  const std::string ip = f.ipv4();
  const std::string last4 = f.digits(4);
  const std::string colleague = f.first_name();
  const bool capital_tier = f.chance(0.6);
  const std::string tier_word =
      capital_tier ? capitalized(std::string(tier.name)) : std::string(tier.name);
  const Vars vars = {
      {"product", std::string(product)},
      {"company", company.name},
      {"order", order},
      {"invoice", invoice},
      {"po", po},
      {"date", fake::format_date(date, date_format)},
      {"amount", fake::format_money(cents, money_style, usd())},
      {"seats", std::to_string(seats)},
      {"billed_seats", std::to_string(seats + extra_seats)},
      {"extra_seats", std::to_string(extra_seats)},
      {"error", expand(error_template, Vars{{"code", error_code}})},
      {"time", fake::format_time(time, twelve_hour)},
      {"weekday", fake::weekday_name(weekday)},
      {"days", std::to_string(days)},
      {"months", std::to_string(months)},
      {"years", std::to_string(years)},
      {"ip", ip},
      {"last4", last4},
      {"colleague", colleague},
      {"tier", tier_word},
  };

  // The customer's message: the issue, with a severity cue (severe tickets; outages describe
  // themselves and get one only sometimes) or now and then a remark that it can wait.
  std::vector<std::string_view> texts;
  for (std::string_view t : issue.texts) {
    if (fits_tier(t, tier.name)) texts.push_back(t);
  }
  const std::string_view text_template = f.pick(texts);
  const std::string text = expand(text_template, vars);
  std::string cue;
  if (severe && (issue.type != "outage" || f.chance(0.3))) {
    const std::string_view cue_template = f.pick(kSevereCues);
    cue = expand(cue_template, vars);
  } else if (!severe && f.chance(0.2)) {
    cue = std::string(f.pick(kNoRush));
  }
  const bool cue_first = severe && f.chance(0.3);
  const std::string message = cue_first ? join({cue, text}, " ") : join({text, cue}, " ");
  const bool with_context = f.chance(0.35);
  std::string context;
  if (with_context) {
    const std::string_view context_template = f.pick(kContext);
    context = expand(context_template, vars);
  }
  // How the customer states the plan: a general phrasing or one only this tier uses.
  const bool own_phrasing = f.chance(0.4);
  const std::string_view tier_template =
      own_phrasing ? f.pick(tier.own_phrasings) : f.pick(kTierSentences);
  const std::string tier_sentence = expand(tier_template, vars);
  const std::string_view ticket_prefix = f.pick(kTicketPrefixes);
  const std::string ticket = f.reference(ticket_prefix, 6);

  ex->layout_id = static_cast<int>(f.integer(0, 3));
  std::string doc;
  if (ex->layout_id == 0) {  // web form: the plan is a field
    const std::string_view plan_label = f.pick(kPlanLabels);
    doc = "Ticket " + ticket + "\nCustomer: " + customer.full() + " (" + company.name + ")\n" +
          std::string(plan_label) + ": " + tier_word + "\nProduct: " + std::string(product) +
          "\nMessage: " + join({context, message}, " ");
  } else if (ex->layout_id == 1) {  // chat: the customer says the plan, asked or not
    const bool bracket_style = f.chance(0.5);
    const std::string agent_name = f.first_name();
    const std::string agent = bracket_style ? "[agent] " : agent_name + " (support): ";
    const std::string me = bracket_style ? "[" + customer.first + "] " : customer.first + ": ";
    const std::string_view hello = f.pick(kAgentHellos);
    const std::string_view chat_greeting = f.pick(kChatGreetings);
    const bool plan_up_front = f.chance(0.35);
    doc = "Chat transcript\n" + agent + fill(hello, {agent_name}) + "\n" + me;
    if (plan_up_front) {
      const std::string_view closing = f.pick(kAgentClosings);
      doc +=
          join({chat_greeting, tier_sentence, message}, " ") + "\n" + agent + std::string(closing);
    } else {
      const std::string_view ask = f.pick(kAgentAsks);
      doc += join({chat_greeting, message}, " ") + "\n" + agent + std::string(ask) + "\n" + me +
             tier_sentence;
    }
  } else if (ex->layout_id == 2) {  // email: the plan in the subject or in the message
    const bool forwarded = f.chance(0.5);
    const std::string address = f.email(customer, company.domain);
    const std::string_view subject_template = f.pick(kSubjects);
    std::string subject = expand(subject_template, vars);
    const bool plan_in_subject = f.chance(0.5);
    if (plan_in_subject) {
      const std::string_view tag = f.pick(kTierTags);
      subject += " " + expand(tag, vars);
    }
    if (severe && f.chance(0.3)) subject = "URGENT: " + subject;
    const bool plan_first = f.chance(0.5);
    std::string body;
    if (plan_in_subject) {
      body = join({context, message}, " ");
    } else if (plan_first) {
      body = join({context, tier_sentence, message}, " ");
    } else {
      body = join({context, message, tier_sentence}, " ");
    }
    const std::string_view greeting = f.pick(kGreetings);
    const std::string_view signoff = f.pick(kSignoffs);
    if (forwarded) doc = "---------- Forwarded message ----------\n";
    doc += "From: " + address + "\nSubject: " + subject + "\n\n";
    if (!greeting.empty()) doc += std::string(greeting) + "\n\n";
    doc += body + "\n\n";
    if (!signoff.empty()) doc += std::string(signoff) + "\n";
    doc += customer.full();
  } else {  // contact form on the product's site: one paragraph with the plan in it
    const std::string address = f.email(customer, company.domain);
    const std::string_view greeting = f.pick(kGreetings);
    const std::string_view signoff = f.pick(kSignoffs);
    const bool plan_first = f.chance(0.5);
    const std::string body = plan_first ? join({greeting, context, tier_sentence, message}, " ")
                                        : join({greeting, context, message, tier_sentence}, " ");
    doc = "Contact form - " + std::string(product) + "\nName: " + customer.full() +
          "\nEmail: " + address + "\nCompany: " + company.name + "\n\n" + body + "\n" +
          join({signoff, customer.first}, "\n");
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
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
