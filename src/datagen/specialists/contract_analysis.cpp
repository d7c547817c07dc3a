// contract_analysis: a services/lease/license/NDA agreement (formal clauses, summary letter or
// term sheet) -> parties, dates, term, renewal, notice period, governing law and fees. The end
// date is computed from the effective date and the term.
// Worked steps: the end date as a calculator call, add_days(add_months(effective,term),-1), and
// the fee's digits as printed through the calculator, which drops the thousands commas.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct ContractKind {
  std::string_view label;  // answer value
  std::string_view title;  // "MASTER SERVICES AGREEMENT"
  std::string_view noun;   // what a letter calls it: "services agreement"
  std::string_view a_role;
  std::string_view b_role;
};

const std::vector<ContractKind> kKinds = {
    {"services", "MASTER SERVICES AGREEMENT", "services agreement", "Provider", "Client"},
    {"lease", "COMMERCIAL LEASE AGREEMENT", "lease", "Landlord", "Tenant"},
    {"software_license", "SOFTWARE LICENSE AGREEMENT", "software license agreement", "Licensor",
     "Licensee"},
    {"consulting", "CONSULTING AGREEMENT", "consulting agreement", "Consultant", "Company"},
    {"supply", "SUPPLY AGREEMENT", "supply agreement", "Supplier", "Buyer"},
};
const std::vector<std::string_view> kFrequencies = {"monthly", "quarterly", "annually"};
const std::vector<int> kTerms = {6, 12, 12, 24, 36, 48, 60};
const std::vector<int> kNotice = {15, 30, 30, 45, 60, 90};
const std::vector<std::string_view> kWordNumbers = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

const std::vector<std::string_view> kInstructions = {
    "Analyze this contract and return JSON with contract_type, party_a, party_b, effective_date, "
    "end_date, term_months, auto_renewal, notice_period_days, governing_law, payment_amount and "
    "payment_frequency.",
    "Summarize the key commercial terms of the agreement below as JSON.",
    "Legal review: extract the parties, term, renewal, notice, governing law and fees (JSON, ISO "
    "dates).",
    "Read the contract and fill in the contract abstract fields.",
};

void generate(Faker& f, Example* ex) {
  const ContractKind& kind = f.pick(kKinds);
  const fake::Company a = f.company();
  const fake::Company b = f.company();
  const fake::Date effective = f.recent_date();
  const int term = f.pick(kTerms);
  // The term ends the day before the same date `term` months on.
  const std::string end_step =
      "add_days(add_months(" + fake::iso_date(effective) + "," + std::to_string(term) + "),-1)";
  const bool renew = f.chance(0.5);
  const int notice = f.pick(kNotice);
  const std::string state(f.pick(f.locale().cities).state);
  const std::string_view freq = f.pick(kFrequencies);
  int64_t fee = f.integer(5, 500) * 10000;
  if (f.chance(0.3)) fee += f.integer(1, 99) * 100;
  const fake::DateFormat df = us_date_format(f);
  const std::string fee_text = fake::format_money(fee, fake::MoneyStyle::kSymbol, usd());
  const std::string a_state(f.pick(f.locale().cities).state);
  const std::string notice_words = notice <= 10
                                       ? std::string(kWordNumbers[static_cast<size_t>(notice)])
                                       : (notice == 30   ? "thirty"
                                          : notice == 60 ? "sixty"
                                          : notice == 90 ? "ninety"
                                          : notice == 45 ? "forty-five"
                                                         : "fifteen");
  ex->layout_id = static_cast<int>(f.integer(0, 2));
  std::string doc;
  switch (ex->layout_id) {
    case 0:
      doc = std::string(kind.title) + "\n\nThis " + std::string(kind.title) +
            " (the \"Agreement\") is entered into as of " + fake::format_date(effective, df) +
            " (the \"Effective Date\") by and between " + a.name + ", a " + a_state +
            " corporation (\"" + std::string(kind.a_role) + "\"), and " + b.name + " (\"" +
            std::string(kind.b_role) +
            "\").\n\n1. TERM. This Agreement commences on the "
            "Effective Date and continues for a period of " +
            std::to_string(term) + " months" +
            (renew ? ", and shall automatically renew for successive one-year periods unless "
                     "either party gives written notice of non-renewal at least " +
                         notice_words + " (" + std::to_string(notice) +
                         ") days before the end of the then-current term."
                   : ". This Agreement shall not renew automatically. Either party may terminate "
                     "it upon " +
                         notice_words + " (" + std::to_string(notice) + ") days' written notice.") +
            "\n\n2. FEES. " + std::string(kind.b_role) + " shall pay " + std::string(kind.a_role) +
            " " + fee_text + ", payable " + std::string(freq) +
            " in advance.\n\n3. GOVERNING LAW. This Agreement shall be governed by the laws of "
            "the State of " +
            state + ".";
      break;
    case 1:
      doc = "Dear " + f.person().first + ",\n\nAs discussed, " + a.name + " and " + b.name +
            " will sign the " + std::string(kind.noun) + " effective " +
            fake::format_date(effective, df) + " for " + std::to_string(term) +
            " months. Fees are " + fee_text + " " + std::string(freq) + ". " +
            (renew ? "The term renews automatically unless cancelled with " +
                         std::to_string(notice) + " days' notice."
                   : "There is no automatic renewal; termination requires " +
                         std::to_string(notice) + " days' notice.") +
            " " + state + " law governs.\n\nBest regards,\nLegal Department";
      break;
    default:
      doc = "TERM SHEET - " + std::string(kind.title) + "\n- " + std::string(kind.a_role) + ": " +
            a.name + "\n- " + std::string(kind.b_role) + ": " + b.name +
            "\n- Effective: " + fake::format_date(effective, df) +
            "\n- Initial term: " + std::to_string(term) +
            " months\n- Auto-renewal: " + (renew ? "yes" : "no") +
            "\n- Notice period: " + std::to_string(notice) + " days\n- Fees: " + fee_text + " (" +
            std::string(freq) + ")\n- Governing law: " + state;
  }
  compose_prompt(f, ex, kInstructions, doc);
  // The fee as printed ("$1,250,000.00"), its digits through the calculator: written without the
  // commas they would be regrouped, and were (payment_amount 6.7% right on fresh records).
  const std::string fee_step = copied_amount(fee, true);
  ex->work = "end: " + calculator_step(end_step) + "\npayment: " + calculator_step(fee_step);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("contract_type").str(kind.label);
  j.key("party_a").str(a.name);
  j.key("party_b").str(b.name);
  j.key("effective_date").str(fake::iso_date(effective));
  j.key("end_date").str(calculator_result(end_step));
  j.key("term_months").integer(term);
  j.key("auto_renewal").boolean(renew);
  j.key("notice_period_days").integer(notice);
  j.key("governing_law").str(state);
  j.key("payment_amount").raw(calculator_result(fee_step));
  j.key("payment_frequency").str(freq);
  j.end_object();
}

}  // namespace

SpecialistSpec contract_analysis_spec() {
  return {"contract_analysis",
          "agreements (clauses, letter, term sheet) -> parties, dates, term, renewal, notice, law, "
          "fees",
          {{"contract_type", FieldKind::kText},
           {"party_a", FieldKind::kText},
           {"party_b", FieldKind::kText},
           {"effective_date", FieldKind::kExact},
           {"end_date", FieldKind::kExact},
           {"term_months", FieldKind::kNumber},
           {"auto_renewal", FieldKind::kBool},
           {"notice_period_days", FieldKind::kNumber},
           {"governing_law", FieldKind::kText},
           {"payment_amount", FieldKind::kNumber},
           {"payment_frequency", FieldKind::kText}},
          &generate};
}

}  // namespace anvil::datagen::specialists
