// spam_detection: SMS or email messages, either ordinary (friends and family, colleagues,
// appointment and school reminders, deliveries, bills and bank alerts, 2FA codes; some mention
// money, deadlines or links in a legitimate way) or spam/phishing in one of several scam schemes
// (parcel redelivery, bank, tax, crypto, boss gift cards, tech support, account verification,
// prize draws, "hi Mom"/romance money requests) assembled from known signals (prize, urgency,
// suspicious link, money request, credential request) -> is_spam and the signals present. Each
// signal phrasing carries exactly its own signal; a scheme's story sentence, the senders, subjects,
// greetings and sign-offs carry none, so the signals of a spam message are exactly those whose
// phrasing was used and an ordinary message has none. Suspicious links and sender domains are
// built from coined names, so a model cannot memorise them.
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

// The letters and digits of `s`, lower-cased ("FedEx" -> "fedex", "Tovaris Bank" -> "tovarisbank").
std::string lower_alnum(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out += ascii_lower(c);
    }
  }
  return out;
}

// "$1,250": whole dollars, as scam texts and casual messages write amounts.
std::string dollars(int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return "$" + s;
}

// An amount of money, whole dollars or with cents.
std::string amount_text(Faker& f) {
  if (f.chance(0.5)) {
    const int64_t quarters = f.integer(2, 80);
    return dollars(quarters * 25);
  }
  const int64_t cents = f.price_cents(800, 250000);
  return fake::format_money(cents, fake::MoneyStyle::kSymbol, usd());
}

// A small fee ("$1.99").
std::string fee_text(Faker& f) {
  static const std::vector<std::string_view> kCents = {"99", "49", "95", "00"};
  const int64_t whole = f.integer(1, 9);
  const std::string_view cents = f.pick(kCents);
  return "$" + std::to_string(whole) + "." + std::string(cents);
}

struct Signal {
  std::string_view name;
  // Generic phrasings that fit any scheme; each carries this signal and no other. Placeholders:
  // {link} a suspicious link, {amount} money, {fee} a small fee.
  std::vector<std::string_view> phrases;
};
// In answer order; the scheme tables below index their phrasings and chances the same way.
const std::vector<Signal> kSignals = {
    {"prize",
     {"Congratulations! You have won a $1000 gift card.",
      "You were selected for an exclusive reward.",
      "You have an unclaimed reward of {amount} waiting for you.",
      "You're our lucky winner of the week!", "A free iPhone has been reserved in your name."}},
    {"urgency",
     {"Act now, this offer expires in 24 hours!", "Final notice: respond immediately.",
      "This is your last chance to respond.", "Time-sensitive: reply within 2 hours.",
      "Respond today to avoid suspension."}},
    {"suspicious_link",
     {"Verify at {link}", "Details: {link}", "Click here: {link}", "More info at {link}",
      "Open {link} to continue.", "Visit {link}", "Tap the link to view: {link}"}},
    {"money_request",
     {"Please wire the outstanding balance of {amount} to settle your account.",
      "A small {fee} fee is required to proceed.",
      "Pay {amount} in gift cards to settle your account.",
      "Send {amount} via Zelle or Cash App to continue."}},
    {"credential_request",
     {"Confirm your password and PIN to keep your account active.",
      "Reply with your account number and SSN to verify your identity.",
      "Reply with the 6-digit code we just sent you.",
      "Send a photo of your driver's license and both sides of your debit card.",
      "Provide your login details to continue."}},
};

// A kind of scam: who it impersonates, how likely each signal is, its own phrasing of each signal
// (empty: only the generic ones) and story sentences that set it up without carrying a signal.
struct Scheme {
  std::vector<std::string_view> brands;  // "{brand}"; "{}" in a brand = a coined name; none: empty
  std::vector<double> chances;           // of each signal, in kSignals order
  std::vector<std::vector<std::string_view>> phrases;  // in kSignals order
  std::vector<std::string_view> stories;
};
// Placeholders besides those of kSignals: {brand}, {card} a gift card value, {wallet} a crypto
// address, {ref} a case or parcel number, {boss} a first name, {year}.
const std::vector<Scheme> kSchemes = {
    // Parcel redelivery.
    {{"USPS", "UPS", "FedEx", "DHL"},
     {0.05, 0.45, 0.8, 0.5, 0.25},
     {{},
      {"Your package will be returned to the sender in 12 hours.",
       "This is the final delivery attempt."},
      {"Update your delivery address here: {link}", "Reschedule your delivery at {link}",
       "Track your parcel: {link}"},
      {"Send a $49.99 processing fee to release your package.",
       "A redelivery fee of {fee} must be paid before we can deliver it.",
       "Pay the {fee} customs charge to release your package."},
      {"Reply with your card number, expiration date and CVV to schedule redelivery.",
       "Confirm your full name, date of birth and card details to receive your parcel."}},
     {"We attempted to deliver your package but the address was incomplete.",
      "Your parcel {ref} is being held at our local facility.",
      "Delivery of your shipment {ref} was unsuccessful.",
      "We were unable to deliver your parcel {ref} because no one was home."}},
    // Bank account.
    {{"{} Bank", "{} Federal Credit Union", "First {} Bank", "{} Savings"},
     {0.05, 0.55, 0.6, 0.2, 0.65},
     {{},
      {"Your account will be permanently suspended if you do not respond within 24 hours.",
       "Failure to act within 12 hours will result in your card being closed."},
      {"Review the activity at {link}", "Restore access here: {link}"},
      {"To unlock your account, transfer {amount} to the holding account we provide.",
       "A {fee} reactivation fee is required to lift the restriction."},
      {"Reply with your bank login and PIN so we can confirm your identity.",
       "Please confirm your card number and PIN so we can restore access."}},
     {"We detected unusual activity on your {brand} account.",
      "A sign-in from a new device was blocked on your {brand} account.",
      "Your {brand} debit card has been temporarily restricted.",
      "A payment of {amount} from your {brand} account is pending review."}},
    // Tax and government.
    {{"IRS", "Social Security Administration", "US Treasury"},
     {0.25, 0.6, 0.45, 0.5, 0.5},
     {{"You are eligible for a tax refund of {amount}.",
       "Good news: you qualify for a {amount} stimulus payment."},
      {"A warrant may be issued for your arrest if you do not call back immediately.",
       "This is your final notice before legal action is taken."},
      {"Check your case status at {link}", "View the notice at {link}"},
      {"You owe {amount} in back taxes, payable by prepaid debit card.",
       "Settle the outstanding balance of {amount} with gift cards from any store."},
      {"Verify your Social Security number and date of birth by replying to this message.",
       "Reply with your bank account and routing number to verify your tax account."}},
     {"Our records show a problem with your {year} tax return.",
      "This is the {brand} regarding case {ref}.",
      "Your Social Security number has been flagged for suspicious activity.",
      "Your tax account has been flagged for review."}},
    // Crypto.
    {{"{}Coin", "{} Exchange", "{}Swap", "{} Wallet"},
     {0.5, 0.4, 0.6, 0.5, 0.35},
     {{"We're giving away 5 BTC to our community and your wallet was picked!",
       "You've received an airdrop of {amount} in {brand} tokens."},
      {"Your wallet will be frozen in 24 hours.",
       "Complete this step today or your funds will be locked."},
      {"Connect your wallet at {link}", "Follow the migration guide at {link}"},
      {"Send 0.05 BTC to {wallet} to activate your account.",
       "Pay the {fee} network fee to {wallet} to release your funds."},
      {"Confirm your 12-word recovery phrase to keep access to your funds.",
       "Reply with your wallet seed phrase to complete the verification."}},
     {"Your {brand} wallet has been flagged for a compliance review.",
      "{brand} is moving to a new network.", "Your {brand} withdrawal of {amount} is on hold."}},
    // A boss asking for gift cards.
    {{},
     {0.02, 0.55, 0.05, 0.95, 0.05},
     {{},
      {"I need this done within the hour.", "It's time-sensitive, please handle it right away."},
      {},
      {"Buy four {card} Apple gift cards and send me photos of the codes.",
       "Pick up {amount} in Google Play gift cards for a client and text me the numbers on the "
       "back."},
      {"Also send me your login for the payroll portal so I can fix something."}},
     {"Hi, it's {boss}. I'm in meetings all day and can't take calls.",
      "Are you at your desk? I need a favor.", "This is {boss}, texting from my personal phone."}},
    // Tech support.
    {{"Microsoft", "Apple", "Windows Defender", "Norton", "McAfee", "Geek Squad"},
     {0.02, 0.5, 0.5, 0.55, 0.4},
     {{},
      {"Call us within 24 hours to cancel, or the charge cannot be reversed.",
       "Do not restart your computer, your files may be deleted at any moment."},
      {"Download our remote support tool from {link}", "Cancel your renewal at {link}"},
      {"To fix your device, pay a one-time service charge of {amount} with gift cards.",
       "The technician fee is {amount}, payable over the phone by card."},
      {"Our technician needs your computer password and the remote access code on your screen.",
       "Please provide your Apple ID email and password so we can secure your device."}},
     {"Our system detected a virus on your computer.",
      "Your {brand} subscription has been renewed for {amount}.",
      "We noticed suspicious activity on your device.", "Your {brand} license has expired."}},
    // Account verification (shopping, streaming, email).
    {{"Netflix", "Amazon", "PayPal", "Apple ID", "{} Mail", "{}Stream"},
     {0.05, 0.5, 0.75, 0.2, 0.6},
     {{},
      {"Your account will be closed within 48 hours unless you respond.",
       "Act now to avoid losing access."},
      {"Update your details at {link}", "Verify your account here: {link}"},
      {"Pay the outstanding {fee} to keep your membership."},
      {"Reply with your login email and password to confirm ownership.",
       "Confirm your password and the code we just texted you."}},
     {"We couldn't process the payment for your {brand} membership.",
      "Your {brand} account has been limited.",
      "Someone tried to sign in to your {brand} account from a new device.",
      "Your {brand} mailbox is almost full."}},
    // Prize draws and surveys.
    {{"{} Rewards", "{} Sweepstakes", "{} Shopper Club", "Walmart"},
     {0.9, 0.5, 0.6, 0.45, 0.2},
     {{"Your entry won {amount} in the {brand} customer appreciation draw.",
       "As a loyal {brand} customer you've been chosen to receive a free gift.",
       "You've been selected for a complimentary cruise for two to the Bahamas."},
      {"Only 3 left, so hurry!", "This offer ends at midnight tonight."},
      {"Complete the short survey at {link}", "Details here: {link}"},
      {"Just cover the {fee} shipping and handling.",
       "A {fee} processing fee is required before delivery."},
      {"Reply with your card details so we can verify your age."}},
     {"Thank you for being a loyal customer.", "You recently took part in our customer survey.",
      "This is a message from the {brand} promotions team."}},
    // Family emergencies and romance.
    {{},
     {0.02, 0.5, 0.1, 0.95, 0.05},
     {{},
      {"I need it today, please, it's really important.", "Please hurry, I'm running out of time."},
      {},
      {"Can you send {amount} for the repair? I'll pay you back next week.",
       "Could you Zelle me {amount} for rent? My bank app isn't working on this phone.",
       "I need {amount} for my plane ticket so I can finally come see you.",
       "Can you buy a {card} gift card and send me a photo of the back?"},
      {"Can you send me the code that just came to your phone? I need it to log in."}},
     {"Hi Mom, I dropped my phone in the sink, this is my new number.",
      "Hey Dad, it's me, I'm texting from a friend's phone.",
      "Hi sweetheart, I've been thinking about you since we talked last night.",
      "Hello my love, my work contract overseas ends next month."}},
};

// What lookalike and throwaway domains are made of.
const std::vector<std::string_view> kShadyWords = {
    "secure", "verify", "login", "account",    "update", "claim",  "help",    "service",
    "alert",  "pay",    "track", "redelivery", "id",     "portal", "support", "rewards"};
const std::vector<std::string_view> kShadyTlds = {"top",    "info", "xyz",  "net",   "co",
                                                  "online", "site", "live", "click", "com"};
const std::vector<std::string_view> kShorteners = {"bit.ly", "tinyurl.com", "cutt.ly", "rb.gy",
                                                   "is.gd"};

// A lookalike or throwaway domain: a scam word and a coined name, with the impersonated brand's
// `stem` where there is one ("usps-redelivery-tovaris.top", "verify-brandell.info").
std::string shady_domain(Faker& f, std::string_view stem) {
  const std::string name = lower_alnum(f.coined_name(2, 3));
  const std::string word(f.pick(kShadyWords));
  const std::string_view tld = f.pick(kShadyTlds);
  const int style = static_cast<int>(f.integer(0, 3));
  std::string d;
  if (stem.empty() || style == 0) {
    d = word + "-" + name;
  } else if (style == 1) {
    d = std::string(stem) + "-" + word + "-" + name;
  } else if (style == 2) {
    d = std::string(stem) + "." + word + "-" + name;
  } else {
    d = name + "-" + std::string(stem) + word;
  }
  return d + "." + std::string(tld);
}

// A suspicious link: a lookalike domain with a path, or a URL shortener.
std::string shady_link(Faker& f, std::string_view stem) {
  if (f.chance(0.2)) {
    const std::string_view host = f.pick(kShorteners);
    const std::string number = f.digits(2);
    const std::string letters = f.letters(2);
    const std::string tail = lower_alnum(f.letters(3));
    return "https://" + std::string(host) + "/" + number + letters + tail;
  }
  static const std::vector<std::string_view> kUrlSchemes = {"http://", "https://", ""};
  const std::string_view scheme = f.pick(kUrlSchemes);
  const std::string domain = shady_domain(f, stem);
  const std::string_view page = f.pick(kShadyWords);
  std::string link = std::string(scheme) + domain + "/" + std::string(page);
  if (f.chance(0.5)) link += "?id=" + f.digits(6);
  return link;
}

// Ordinary messages, from people (kPersonalHam) and from services (kServiceHam). Placeholders:
// {first} a first name, {company}, {url} a page on the company's own site, {day}, {time}, {date},
// {code} a 6-digit code, {amount}, {fee}, {order}, {carrier}, {carrier_url} the carrier's real
// tracking page, {tracking}, {doctor}, {last4}, {bank}, {place} a restaurant, {school}, {city},
// {phone}. Some mention money, deadlines or links, but in the way legitimate senders do.
const std::vector<std::string_view> kPersonalHam = {
    // friends and family
    "Hi, are we still on for lunch {day}? - {first}",
    "Running about 10 min late, save me a seat!",
    "Can you grab milk and eggs on the way home?",
    "Happy birthday!! Hope you have the best day. Dinner's on me this weekend.",
    "Mom says dinner is at 6 on {day}, bring the potato salad.",
    "Just landed, will call you once I get my bags.",
    "Thanks for covering dinner last night, I just sent you {amount} on Venmo for my half.",
    "Hey, soccer practice moved to {time} on {day}. Can you drive the kids this week?",
    "Did you see the game last night? What an ending.",
    "Love you, drive safe! Text me when you get there.",
    "Hi, the landlord is coming by {day} morning to check the smoke detectors. - {first}",
    // colleagues
    "The Q3 numbers are in the shared folder, {first} asked me to forward them before {day} "
    "{time}.",
    "Heads up, the client call moved to {time} on {day}.",
    "I'll be out tomorrow, {first} is covering my tickets.",
    "Reminder: expense reports are due {day} at {time}. Please submit yours through the usual "
    "portal.",
    "Could you send me the final contract draft when you get a chance? - {first}",
    "Lunch order goes in at 11:30, reply with what you want.",
    "Slides for tomorrow's review are here: {url}. Comments welcome.",
};
const std::vector<std::string_view> kServiceHam = {
    // appointments
    "Reminder from {company}: your dental appointment is on {day} at {time}.",
    "{company}: you are booked in with {doctor} on {date} at {time}. Reply C "
    "to confirm or call {phone} to reschedule.",
    "Your table for 4 at {place} is confirmed for {day} at {time}.",
    "Hi, this is {first} from {company} confirming your service appointment on {day} at {time}.",
    // deliveries and orders
    "Your package from {company} will arrive {day} between {time} and 5pm.",
    "{carrier}: Your package {tracking} was delivered at {time} and left at the front door.",
    "{carrier}: Your shipment {tracking} is scheduled for delivery on {date}. Track it at "
    "{carrier_url}",
    "Thanks for your order from {company}! It ships {day}, order #{order}.",
    "Your {company} order #{order} has shipped. Follow it at {url}",
    // sign-in codes
    "Your verification code for {company} is {code}. Do not share it.",
    "{code} is your {company} login code. It expires in 10 minutes. Never share this code with "
    "anyone.",
    "{company}: Use code {code} to sign in. We will never ask you for this code.",
    // school
    "{school}: School will dismiss 2 hours early on {day} for staff training.",
    "Reminder: picture day is {day}! Order forms are due in the front office by {date}.",
    "Hi families, permission slips and the {fee} field trip fee are due {day}. Thank you!",
    // bills, banks and payments
    "{company}: Your statement is ready. Balance {amount}, autopay is scheduled for {date}. No "
    "action needed.",
    "Your payment of {amount} to {company} was received on {date}. Thank you!",
    "{bank} alert: a purchase of {amount} was made with your card ending in {last4}. If you don't "
    "recognize it, phone the number printed on your card.",
    "Your refund of {amount} from {company} has been issued and should show up in 3-5 business "
    "days.",
    "Your paycheck of {amount} was deposited into your {bank} checking account.",
    // other
    "Your refill can be collected at the pharmacy counter, open 9am to 9pm today.",
    "Library notice: 2 items are due back on {date}. You can renew them online or at the front "
    "desk.",
    "Your flight to {city} on {date} is on time. Boarding starts at {time}.",
    "Thanks for signing up for the {company} newsletter. You can change your preferences anytime "
    "at {url}",
};
// Real carriers and their real sites, for ordinary delivery notices.
const std::vector<std::pair<std::string_view, std::string_view>> kCarriers = {
    {"UPS", "ups.com"}, {"FedEx", "fedex.com"}, {"USPS", "usps.com"}, {"DHL", "dhl.com"}};

// Shared by spam and ordinary messages, so none of them tells the two apart.
const std::vector<std::string_view> kSmsHeaders = {"SMS from {}: ", "Text message from {}:\n",
                                                   "From {}: "};
const std::vector<std::string_view> kSubjects = {
    "Quick note",       "Re: your order",  "Update",
    "Important notice", "Account notice",  "Hi",
    "Following up",     "Delivery update", "Reminder",
    "Your account",     "Message for you", "(no subject)"};
const std::vector<std::string_view> kGreetings = {
    "Hi {},", "Hello {},", "Dear {},", "Dear Customer,", "Hello,", "Hi,", ""};
const std::vector<std::string_view> kClosings = {"", "", "Thanks", "Best regards",
                                                 "Sent from my iPhone"};
// Mailbox names of senders that are a service rather than a person.
const std::vector<std::string_view> kServiceMailboxes = {"support", "security", "no-reply",
                                                         "alerts",  "service",  "billing"};

// Who a text comes from: a long number, a formatted number, a short code or a saved contact.
// Spam comes from numbers and short codes; people text from their numbers or a saved contact
// name; services from short codes and long numbers.
std::string sms_sender(Faker& f, bool spam, bool personal, const std::string& first) {
  const int kind = static_cast<int>(f.integer(0, 9));
  if (spam) {
    if (kind < 5) return "+1" + f.digits(10);
    if (kind < 8) return f.phone(std::string_view{});
    return f.digits(5);
  }
  if (personal) {
    if (kind < 4) return f.phone(std::string_view{});
    if (kind < 7) return "+1" + f.digits(10);
    return first;
  }
  if (kind < 6) return f.digits(5);
  return "+1" + f.digits(10);
}

const std::vector<std::string_view> kInstructions = {
    "Is this message spam? Return JSON with is_spam and the spam signals found (prize, urgency, "
    "suspicious_link, money_request, credential_request).",
    "Classify the message as spam or not spam and explain with signal labels.",
    "Spam filter: analyze the following message.",
};

const InstructionParts kParts = {
    {"Check", "Classify", "Screen", "Flag", "Filter", "Look at", "Scan", "Judge"},
    {"this message", "this SMS", "this email", "the text below", "this DM", "the following message",
     "what I just got", "this notification"},
    {"", "", "for spam", "- spam or not?", "and list the spam signals",
     "as JSON (is_spam, signals)", "for phishing or spam", "for our spam filter"},
};

void generate(Faker& f, Example* ex) {
  const bool spam = f.chance(0.5);
  ex->layout_id = static_cast<int>(f.integer(0, 1));  // SMS, email
  std::string body;
  std::vector<std::string_view> signals;
  std::string brand;          // whom a scam impersonates ("" if nobody)
  std::string sender_domain;  // the domain an email comes from
  std::string service_name;   // display name of an ordinary service sender
  bool personal = false;      // an ordinary message from a person (not a service)
  const fake::Person sender = f.person();
  if (spam) {
    const Scheme& scheme = f.pick(kSchemes);
    if (!scheme.brands.empty()) {
      const std::string_view brand_template = f.pick(scheme.brands);
      const std::string coined = f.coined_name(2, 3);
      brand = fill(brand_template, {coined});
    }
    const std::string stem = lower_alnum(brand);
    // The signals: each with the scheme's chance, at least the scheme's likeliest one.
    std::vector<size_t> used;
    for (size_t s = 0; s < kSignals.size(); ++s) {
      if (f.chance(scheme.chances[s])) used.push_back(s);
    }
    if (used.empty()) {
      size_t likeliest = 0;
      for (size_t s = 1; s < kSignals.size(); ++s) {
        if (scheme.chances[s] > scheme.chances[likeliest]) likeliest = s;
      }
      used.push_back(likeliest);
    }
    for (size_t s : used) signals.push_back(kSignals[s].name);
    // The details the phrasings may mention, one draw per statement.
    const std::string link = shady_link(f, stem);
    const std::string amount = amount_text(f);
    const std::string fee = fee_text(f);
    static const std::vector<std::string_view> kCards = {"$100", "$200", "$250", "$500"};
    const std::string_view card = f.pick(kCards);
    const std::string wallet_letters = lower_alnum(f.letters(12));
    const std::string wallet = "bc1q" + wallet_letters + f.digits(8);
    const std::string ref_letters = f.letters(2);
    const std::string ref = ref_letters + f.digits(9);
    const std::string boss = f.first_name();
    const int64_t year = f.integer(2021, 2024);
    const Vars vars = {{"brand", brand},
                       {"link", link},
                       {"amount", amount},
                       {"fee", fee},
                       {"card", std::string(card)},
                       {"wallet", wallet},
                       {"ref", ref},
                       {"boss", boss},
                       {"year", std::to_string(year)}};
    // One phrasing per signal: mostly the scheme's own, otherwise a generic one.
    std::vector<std::string> parts;
    for (size_t s : used) {
      const std::vector<std::string_view>& own = scheme.phrases[s];
      const bool use_own = !own.empty() && f.chance(0.75);
      const std::string_view phrase = f.pick(use_own ? own : kSignals[s].phrases);
      parts.push_back(expand(phrase, vars));
    }
    if (f.chance(0.5)) f.rng().shuffle(parts);
    if (!scheme.stories.empty() && f.chance(0.7)) {
      const std::string_view story = f.pick(scheme.stories);
      parts.insert(parts.begin(), expand(story, vars));
    }
    for (const std::string& part : parts) {
      if (!body.empty()) body += ' ';
      body += part;
    }
    if (!brand.empty() && ex->layout_id == 0 && f.chance(0.4)) body = brand + ": " + body;
    sender_domain = shady_domain(f, stem);
  } else {
    const std::string& first = sender.first;
    const fake::Company company = f.company();
    const std::string url = f.url(company.domain);
    const std::string day = fake::weekday_name(static_cast<int>(f.integer(0, 4)));
    const fake::TimeOfDay time = f.business_time();
    const fake::Date date = f.recent_date();
    const fake::DateFormat date_format = us_date_format(f);
    const std::string code = f.digits(6);
    const std::string amount = amount_text(f);
    const std::string fee = fee_text(f);
    const std::string order = f.digits(6);
    const auto& carrier = f.pick(kCarriers);
    const std::string tracking = f.digits(12);
    const std::string doctor = "Dr. " + f.last_name();
    const std::string last4 = f.digits(4);
    static const std::vector<std::string_view> kBanks = {"{} Bank", "{} Federal Credit Union",
                                                         "First {} Bank"};
    const std::string_view bank_template = f.pick(kBanks);
    const std::string bank_name = f.coined_name(2, 3);
    static const std::vector<std::string_view> kPlaces = {"Bistro", "Grill", "Kitchen", "Trattoria",
                                                          "Cafe"};
    const std::string_view place_kind = f.pick(kPlaces);
    const std::string place_name = f.coined_name(2, 3);
    static const std::vector<std::string_view> kSchools = {"Elementary", "Middle School",
                                                           "High School", "Academy"};
    const std::string_view school_kind = f.pick(kSchools);
    const std::string school_name = f.coined_name(2, 3);
    const fake::Address address = f.address();
    const std::string phone = f.phone(std::string_view{});
    const Vars vars = {{"first", first},
                       {"company", company.name},
                       {"url", url},
                       {"day", day},
                       {"time", fake::format_time(time, true)},
                       {"date", fake::format_date(date, date_format)},
                       {"code", code},
                       {"amount", amount},
                       {"fee", fee},
                       {"order", order},
                       {"carrier", std::string(carrier.first)},
                       {"carrier_url", "https://www." + std::string(carrier.second) + "/tracking"},
                       {"tracking", tracking},
                       {"doctor", doctor},
                       {"last4", last4},
                       {"bank", fill(bank_template, {bank_name})},
                       {"place", place_name + " " + std::string(place_kind)},
                       {"school", school_name + " " + std::string(school_kind)},
                       {"city", address.city},
                       {"phone", phone}};
    personal = f.chance(0.5);
    const std::string_view tmpl = f.pick(personal ? kPersonalHam : kServiceHam);
    body = expand(tmpl, vars);
    sender_domain = company.domain;
    service_name = company.name;
  }
  std::string doc;
  if (ex->layout_id == 0) {
    const std::string from = sms_sender(f, spam, personal, sender.first);
    const std::string_view header = f.pick(kSmsHeaders);
    doc = fill(header, {from}) + body;
  } else {
    // Spam: a free mailbox (scammers use them too) or a service mailbox at a lookalike domain,
    // sometimes behind the brand's name. People: their own or their work mailbox. Services: a
    // service mailbox at their own domain, sometimes behind their name.
    const int from_kind = static_cast<int>(f.integer(0, 2));
    std::string from;
    if ((spam || personal) && from_kind == 0) {
      from = f.personal_email(sender);
    } else if (personal) {
      from = f.email(sender, sender_domain);
    } else {
      const std::string_view mailbox = f.pick(kServiceMailboxes);
      from = std::string(mailbox) + "@" + sender_domain;
      const std::string& display = spam ? brand : service_name;
      if (from_kind == 2 && !display.empty()) from = display + " <" + from + ">";
    }
    const fake::Person to = f.person();
    const std::string to_address = f.personal_email(to);
    const std::string_view subject = f.pick(kSubjects);
    const std::string_view greeting = f.pick(kGreetings);
    const std::string_view closing = f.pick(kClosings);
    doc = "From: " + from + "\nTo: " + to_address + "\nSubject: " + std::string(subject) + "\n\n";
    if (!greeting.empty()) doc += fill(greeting, {to.first}) + "\n\n";
    doc += body;
    if (!closing.empty()) doc += "\n\n" + std::string(closing);
  }
  compose_prompt(f, ex, kInstructions, kParts, doc);
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
