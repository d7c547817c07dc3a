// contract_analysis: a services/lease/license/consulting/supply agreement (formal clauses, a
// summary letter, a term sheet or numbered basic provisions) -> parties, dates, term, renewal,
// notice period, governing law and fees. Written as contracts write them: terms in months or years
// and in words with figures ("five (5) years"), the parties in either order, a signing date before
// the effective date, a late fee or security deposit beside the fee. The end date is computed
// from the effective date and the term.
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
const std::vector<std::string_view> kInstructions = {
    "Analyze this contract and return JSON with contract_type, party_a, party_b, effective_date, "
    "end_date, term_months, auto_renewal, notice_period_days, governing_law, payment_amount and "
    "payment_frequency.",
    "Summarize the key commercial terms of the agreement below as JSON.",
    "Legal review: extract the parties, term, renewal, notice, governing law and fees (JSON, ISO "
    "dates).",
    "Read the contract and complete its abstract.",
};

const InstructionParts kParts = {
    {"Abstract", "Summarize the key terms of", "Pull the abstract fields out of", "Review",
     "Pull the commercial terms out of"},
    {"this contract", "this agreement", "the lease below", "this", "the following"},
    {"", "as JSON", "(ISO dates)", "for the CLM", "-> json"},
};

// "thirty (30) days", "30 days" or "thirty days"; "thirty-six (36) months".
std::string amount_of(Faker& f, int n, std::string_view unit) {
  const int style = static_cast<int>(f.integer(0, 2));
  const std::string words = number_words(n);
  if (style == 0) return words + " (" + std::to_string(n) + ") " + std::string(unit);
  if (style == 1) return std::to_string(n) + " " + std::string(unit);
  return words + " " + std::string(unit);
}

// A term as written: in months, or in years when it is whole years ("Five (5) years").
std::string term_text(Faker& f, int months) {
  if (months % 12 == 0 && f.chance(0.5))
    return amount_of(f, months / 12, months == 12 ? "year" : "years");
  return amount_of(f, months, "months");
}

// What the document says; the answer is built from the same facts.
struct Terms {
  const ContractKind* kind;
  fake::Company a, b;  // a plays a_role (provider, landlord...), b plays b_role
  fake::Date effective, signed_on;
  int term = 12, notice = 30;
  bool renew = false;
  std::string state, a_state, fee_text, freq;
  fake::DateFormat df;
};

// How often the fee is paid, in the words a clause uses.
std::string per(std::string_view freq) {
  return freq == "monthly"     ? "per month"
         : freq == "quarterly" ? "per calendar quarter"
                               : "per year";
}

std::string renewal_sentence(Faker& f, const Terms& t) {
  if (t.renew) {
    const std::string period = f.chance(0.5) ? "one-year" : "twelve (12) month";
    const std::string notice = amount_of(f, t.notice, "days");
    return "At the end of the Initial Term the term renews automatically, each time for a "
           "further " +
           period + ", unless either side sends notice of non-renewal at least " + notice +
           " before the term ends.";
  }
  const std::string notice = amount_of(f, t.notice, "days");
  return "There is no automatic renewal; either side may end this Agreement with " + notice +
         "' written notice.";
}

std::string governing_sentence(Faker& f, const std::string& state) {
  const int style = static_cast<int>(f.integer(0, 2));
  if (style == 0) return "The laws of the State of " + state + " shall apply to this Agreement.";
  if (style == 1)
    return "Governing law: the State of " + state + ", excluding its choice-of-law rules.";
  return "The laws of the State of " + state + " govern this Agreement.";
}

// Formal clauses, the parties in either order, sometimes signed before it takes effect.
std::string clauses(Faker& f, const Terms& t) {
  const ContractKind& k = *t.kind;
  const std::string a =
      t.a.name + ", a " + t.a_state + " corporation (\"" + std::string(k.a_role) + "\")";
  const std::string b = t.b.name + " (\"" + std::string(k.b_role) + "\")";
  const bool b_first = f.chance(0.3);
  const std::string parties = b_first ? b + ", and " + a : a + ", and " + b;
  std::string doc = std::string(k.title) + "\n\nThis " + capitalized(ascii_lower(k.title)) +
                    " (the \"Agreement\") ";
  if (f.chance(0.3)) {
    doc += "is signed on " + fake::format_date(t.signed_on, t.df) + " by " + parties +
           ", and takes effect on " + fake::format_date(t.effective, t.df) +
           " (the \"Effective Date\").";
  } else {
    doc += "is entered into as of " + fake::format_date(t.effective, t.df) +
           " (the \"Effective Date\") by and between " + parties + ".";
  }
  const std::string term = term_text(f, t.term);
  const std::string renewal = renewal_sentence(f, t);
  const std::string law = governing_sentence(f, t.state);
  const std::string deposit =
      fake::format_money(f.integer(1, 40) * 50000, fake::MoneyStyle::kSymbol, usd());
  return doc + "\n\n1. TERM. The initial term is " + term + " from the Effective Date. " + renewal +
         "\n\n2. FEES. " + std::string(k.b_role) + " shall pay " + std::string(k.a_role) + " " +
         t.fee_text + " " + per(t.freq) + ", invoiced " + t.freq +
         " in advance. A late payment fee of " + deposit +
         " applies to invoices unpaid after "
         "thirty (30) days.\n\n3. GOVERNING LAW. " +
         law;
}

// A letter summing the deal up.
std::string letter(Faker& f, const Terms& t) {
  const std::string name = f.person().first;
  const std::string term = term_text(f, t.term);
  return "Dear " + name + ",\n\nAs discussed, " + t.a.name + " and " + t.b.name +
         " will sign the " + std::string(t.kind->noun) + " effective " +
         fake::format_date(t.effective, t.df) + " for " + term + ". Fees are " + t.fee_text + " " +
         t.freq + ". " +
         (t.renew ? "The term renews automatically unless cancelled with " +
                        std::to_string(t.notice) + " days' notice."
                  : "There is no automatic renewal; termination requires " +
                        std::to_string(t.notice) + " days' notice.") +
         " " + t.state + " law governs.\n\nBest regards,\nLegal Department";
}

// A term sheet, or numbered basic provisions with a deposit and premises that are not the answer.
std::string provisions(Faker& f, const Terms& t, bool numbered) {
  const ContractKind& k = *t.kind;
  const std::string term = capitalized(term_text(f, t.term));
  const std::string notice = amount_of(f, t.notice, "days");
  const std::string deposit =
      fake::format_money(f.integer(2, 60) * 50000, fake::MoneyStyle::kSymbol, usd());
  const std::string premises = f.address().one_line();
  if (!numbered) {
    return "TERM SHEET - " + std::string(k.title) + "\n- " + std::string(k.a_role) + ": " +
           t.a.name + "\n- " + std::string(k.b_role) + ": " + t.b.name +
           "\n- Effective: " + fake::format_date(t.effective, t.df) + "\n- Initial term: " + term +
           "\n- Auto-renewal: " + (t.renew ? "yes" : "no") + "\n- Notice period: " + notice +
           "\n- Fees: " + t.fee_text + " (" + t.freq + ")\n- Governing law: " + t.state;
  }
  const std::string freq = capitalized(t.freq);
  return std::string(k.title) + " - BASIC PROVISIONS\n\n1.1 " + std::string(k.a_role) + ": " +
         t.a.name + "\n1.2 " + std::string(k.b_role) + ": " + t.b.name +
         (k.label == "lease" ? "\n1.3 Premises: " : "\n1.3 Notices to: ") + premises +
         "\n1.4 Commencement Date: " + fake::format_date(t.effective, t.df) +
         "\n1.5 Term: " + term + "\n1.6 " + freq + " Fee: " + t.fee_text + ", due in advance" +
         "\n1.7 Security Deposit: " + deposit + "\n1.8 Renewal: " +
         (t.renew ? "Renews automatically unless either party gives " + notice + "' notice."
                  : "None; only a signed amendment can extend it. Either party may "
                    "terminate on " +
                        notice + "' written notice.") +
         "\n1.9 Governing Law: State of " + t.state;
}

void generate(Faker& f, Example* ex) {
  Terms t;
  t.kind = &f.pick(kKinds);
  t.a = f.company();
  t.b = f.company();
  t.effective = f.recent_date();
  t.signed_on = fake::add_days(t.effective, -f.integer(3, 30));
  t.term = f.pick(kTerms);
  t.renew = f.chance(0.5);
  t.notice = f.pick(kNotice);
  t.state = std::string(f.pick(f.locale().cities).state);
  t.freq = std::string(f.pick(kFrequencies));
  int64_t fee = f.integer(5, 500) * 10000;
  if (f.chance(0.3)) fee += f.integer(1, 99) * 100;
  t.df = us_date_format(f);
  t.fee_text = fake::format_money(fee, fake::MoneyStyle::kSymbol, usd());
  t.a_state = std::string(f.pick(f.locale().cities).state);
  // The term ends the day before the same date `term` months on.
  const std::string end_step =
      "add_days(add_months(" + fake::iso_date(t.effective) + "," + std::to_string(t.term) + "),-1)";
  // Layouts: 0 clauses, 1 letter, 2 term sheet, 3 numbered basic provisions.
  ex->layout_id = static_cast<int>(f.integer(0, 3));
  const std::string doc = ex->layout_id == 0   ? clauses(f, t)
                          : ex->layout_id == 1 ? letter(f, t)
                                               : provisions(f, t, ex->layout_id == 3);
  compose_prompt(f, ex, kInstructions, kParts, doc);
  // The fee as printed ("$1,250,000.00"), its digits through the calculator: written without the
  // commas they would be regrouped, and were (payment_amount 6.7% right on fresh records).
  const std::string fee_step = copied_amount(fee, true);
  ex->work = "end: " + calculator_step(end_step) + "\npayment: " + calculator_step(fee_step);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("contract_type").str(t.kind->label);
  j.key("party_a").str(t.a.name);
  j.key("party_b").str(t.b.name);
  j.key("effective_date").str(fake::iso_date(t.effective));
  j.key("end_date").str(calculator_result(end_step));
  j.key("term_months").integer(t.term);
  j.key("auto_renewal").boolean(t.renew);
  j.key("notice_period_days").integer(t.notice);
  j.key("governing_law").str(t.state);
  j.key("payment_amount").raw(calculator_result(fee_step));
  j.key("payment_frequency").str(t.freq);
  j.end_object();
}

}  // namespace

SpecialistSpec contract_analysis_spec() {
  return {"contract_analysis",
          "agreements (clauses, letter, term sheet, basic provisions) -> parties, dates, term, "
          "renewal, notice, law, "
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
