// bank_reconciliation: the company's cash ledger and the bank statement for one month (same
// opening balance) -> how many entries matched, which ledger entries are not on the statement,
// which statement entries are not in the ledger, both closing balances and their difference.
// As books and banks print them: ids L1/B1 or GL-01/BK-01; the ledger's memo beside the bank's
// own words for the same entry ("Check 2218 - Pacific Gas" / "CHECK #2218", "Deposit - Inv 1041
// Harmon Co." / "MOBILE DEPOSIT"); payments with a minus sign, a minus and a dollar sign, or in
// parentheses; fixed-width registers, CSV files or month/day registers; the statement in date
// order with fees, interest, returned deposits (NSF) and incoming ACH credits among its entries;
// checks not yet cleared and, now and then, an amount keyed wrong in the books (both sides then
// unmatched). A ledger entry matches the statement entry of the same amount.
// Worked steps: each ledger entry with its amount beside the statement entry that matches it
// ("L3 139.00 = B4") or "not on the statement", and the ledger's running balance after it by the
// calculator; then each statement entry the ledger lacks ("B8 -25.00 not in the ledger"); then the
// ledger's closing balance (the last running one), the bank's from it (each uncleared ledger entry
// taken back, each statement-only entry added) and their difference. Session 23's model, summing
// every entry in one expression, wrote an amount twice or took one from the other list in 5 of 15
// wrong answers.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Reconcile the ledger with the bank statement. Return JSON: matched, unmatched_ledger (ids), "
    "unmatched_bank (ids), ledger_balance, bank_balance, difference (bank minus ledger).",
    "Reconcile the entries below for the month end.",
    "Which entries are on one side only, ours or the bank's? Closing balances too.",
};

const InstructionParts kParts = {
    {"Reconcile", "Do the bank rec for", "Match up", "Compare", "Check"},
    {"our books and the bank statement", "the ledger against the statement", "this month",
     "the two lists below", "these entries"},
    {"as JSON", "- items on one side only, each closing balance and the gap",
     "(matched count, unmatched ids, closing balances)", "and tell me what doesn't tie out",
     "into the usual reconciliation JSON"},
};

const std::vector<std::string_view> kOpenings = {
    "Opening balance (both): ${}", "Both sides started the period with ${}.",
    "Opening balance, ledger and bank alike: {}", "The ledger and the bank each began at ${}.",
    "Starting cash, both sides: ${}"};
const std::vector<std::string_view> kLedgerTitles = {"COMPANY LEDGER", "OUR BOOKS (register)",
                                                     "Cash ledger", "GENERAL LEDGER - CASH (1010)",
                                                     "Our checkbook:"};
const std::vector<std::string_view> kBankTitles = {
    "BANK STATEMENT", "Bank statement",
    "Statement from the bank:", "MERIDIAN SAVINGS BANK - ACCOUNT STATEMENT"};
const std::vector<std::string_view> kFees = {"MONTHLY SERVICE FEE", "MAINTENANCE FEE",
                                             "ACCOUNT ANALYSIS FEE", "Monthly service fee"};
const std::vector<std::string_view> kDepositWords = {"DEPOSIT", "MOBILE DEPOSIT", "BRANCH DEPOSIT",
                                                     ""};  // "": the memo
const std::vector<std::string_view> kInterest = {"INTEREST EARNED", "INTEREST PAYMENT",
                                                 "Interest earned"};

struct Entry {
  std::string id, memo;
  int64_t cents;  // + deposit, - payment
  fake::Date date;
  int from = -1;  // statement entries: the ledger entry it clears, or -1
};

// How this month's books print: ids, dates, amounts.
struct Look {
  int layout;      // 0 fixed width, 1 CSV files, 2 month/day register
  bool short_ids;  // L1/B1, or GL-01/BK-01
  int negative;    // fixed width: 0 "-1,234.50", 1 "-$1,234.50", 2 "(1,234.50)"
  bool grouped() const { return layout != 1; }
};

std::string entry_id(const Look& look, bool ledger, size_t index) {
  if (look.short_ids) return (ledger ? "L" : "B") + std::to_string(index + 1);
  const std::string n = std::to_string(index + 1);
  return (ledger ? "GL-" : "BK-") + (n.size() < 2 ? "0" + n : n);
}

// An amount as the document prints it.
std::string shown_amount(const Look& look, int64_t cents) {
  const std::string digits = printed_cents(std::abs(cents), look.grouped());
  if (cents >= 0) return look.negative == 1 ? "$" + digits : digits;
  if (look.negative == 2) return "(" + digits + ")";
  return look.negative == 1 ? "-$" + digits : "-" + digits;
}

// An amount as a step writes it: sign and digits as printed, no dollar sign or parentheses.
// `with_plus` writes a deposit as "+1,370.65", a term of a running sum.
std::string step_amount(const Look& look, int64_t cents, bool with_plus = false) {
  return (cents < 0 ? "-" : with_plus ? "+" : "") + printed_cents(std::abs(cents), look.grouped());
}

// A payment or deposit amount not yet used this month (amounts are how entries are matched).
int64_t fresh_amount(Faker& f, int64_t lo, int64_t hi, std::set<int64_t>* used) {
  for (;;) {
    const int64_t c = f.price_cents(lo, hi);
    if (used->insert(c).second) return c;
  }
}

// The ledger's entries and, for each, the bank's words for it ("" when the bank shows it as
// the memo in capitals).
std::vector<Entry> draw_ledger(Faker& f, const fake::Date& start, std::set<int64_t>* used,
                               std::vector<std::string>* bank_words) {
  std::vector<Entry> ledger;
  const int64_t n = f.integer(4, 8);
  int check_no = static_cast<int>(f.integer(1001, 7999));
  for (int64_t i = 0; i < n; ++i) {
    Entry e;
    e.date = fake::add_days(start, i * 3 + f.integer(0, 2));
    const std::string company = f.company().name;
    const double kind = f.rng().uniform();
    std::string words;
    if (kind < 0.55) {
      e.cents = -fresh_amount(f, 2000, 800000, used);
      const std::string no = std::to_string(check_no++);
      e.memo = (f.chance(0.7) ? "Check " + no + " - " : "Chk " + no + " ") + company;
      const int64_t style = f.integer(0, 3);
      words = style == 0   ? "CHECK " + no
              : style == 1 ? "CHECK #" + no
              : style == 2 ? "CHK " + no
                           : "";
    } else if (kind < 0.85) {
      e.cents = fresh_amount(f, 10000, 1500000, used);
      const bool invoice = f.chance(0.4);
      e.memo = invoice ? "Deposit - Inv " + f.digits(4) + " " + company : "Deposit - " + company;
      words = std::string(f.pick(kDepositWords));
    } else if (kind < 0.93) {
      e.cents = fresh_amount(f, 100000, 5000000, used);
      e.memo = "Wire in - " + company;
      words = "INCOMING WIRE " + ascii_upper(company);
    } else {
      e.cents = -fresh_amount(f, 5000, 300000, used);
      e.memo = "ACH - " + company + " autopay";
      words = "ACH DEBIT " + ascii_upper(company);
    }
    e.id = std::to_string(i);  // numbered once the look is known
    ledger.push_back(e);
    bank_words->push_back(words);
  }
  return ledger;
}

// The statement: the ledger entries that cleared (the last few may not have; one amount may be
// keyed wrong in the books), bank-only entries, in date order.
std::vector<Entry> draw_statement(Faker& f, const fake::Date& start,
                                  const std::vector<Entry>& ledger,
                                  const std::vector<std::string>& bank_words,
                                  std::set<int64_t>* used) {
  std::vector<Entry> bank;
  bool miskeyed = false;
  for (size_t i = 0; i < ledger.size(); ++i) {
    const Entry& l = ledger[i];
    if (i + 3 >= ledger.size() && f.chance(0.3)) continue;  // not cleared yet
    Entry b = l;
    b.from = static_cast<int>(i);
    b.memo = bank_words[i].empty() ? ascii_upper(l.memo) : bank_words[i];
    b.date = fake::add_days(l.date, f.integer(0, 3));
    if (!miskeyed && f.chance(0.08)) {
      // The books hold a mistyped amount: the bank's is off by 9 dollars times some digit.
      const int64_t off = 900 * f.integer(1, 9);
      const int64_t keyed =
          std::abs(l.cents) > off + 100 ? std::abs(l.cents) - off : std::abs(l.cents) + off;
      if (used->insert(keyed).second) {
        b.cents = l.cents < 0 ? -keyed : keyed;
        b.from = -1;
        miskeyed = true;
      }
    }
    bank.push_back(b);
  }
  auto add = [&](std::string memo, int64_t cents, int day) {
    Entry e;
    e.memo = std::move(memo);
    e.cents = cents;
    e.date = fake::add_days(start, day);
    bank.push_back(e);
  };
  if (f.chance(0.15)) {  // a customer paid straight into the account
    const std::string company = ascii_upper(f.company().name);
    const int64_t cents = fresh_amount(f, 10000, 900000, used);
    add("ACH CREDIT " + company + " REMIT", cents, static_cast<int>(f.integer(3, 25)));
  }
  for (size_t i = 0; i < ledger.size(); ++i) {  // a deposit came back unpaid
    if (ledger[i].cents > 0 && ledger[i].memo.rfind("Deposit", 0) == 0 && f.chance(0.06)) {
      const std::string who = ascii_upper(ledger[i].memo.substr(std::string("Deposit - ").size()));
      add("RETURNED ITEM - NSF " + who, -ledger[i].cents, static_cast<int>(f.integer(26, 27)));
      break;
    }
  }
  if (f.chance(0.6)) {
    const std::string_view fee = f.pick(kFees);
    add(std::string(fee), -fresh_amount(f, 500, 4500, used), 28);
  }
  if (f.chance(0.35)) {
    const std::string_view interest = f.pick(kInterest);
    add(std::string(interest), fresh_amount(f, 1, 2500, used), 29);
  }
  std::stable_sort(bank.begin(), bank.end(), [](const Entry& a, const Entry& b) {
    return fake::days_from_civil(a.date) < fake::days_from_civil(b.date);
  });
  return bank;
}

std::string render_entry(const Look& look, const Entry& e, bool ledger) {
  if (look.layout == 1) {
    return e.id + "," + fake::iso_date(e.date) + "," + e.memo + "," + fake::decimal_cents(e.cents);
  }
  std::string date = ledger && look.layout == 0
                         ? fake::iso_date(e.date)
                         : fake::format_date(e.date, fake::DateFormat::kUsSlash);
  if (look.layout == 2) date = date.substr(0, 5);  // "06/02"
  return column(e.id, look.short_ids ? 3 : 6) + " " + date + "  " + column(e.memo, 44) +
         shown_amount(look, e.cents);
}

std::string render(Faker& f, const Look& look, int64_t opening, const std::vector<Entry>& ledger,
                   const std::vector<Entry>& bank) {
  const std::string_view opening_line = f.pick(kOpenings);
  std::string doc = fill(opening_line, {printed_cents(opening, true)}) + "\n\n";
  const std::string ledger_title =
      look.layout == 1 ? std::string("ledger.csv") : std::string(f.pick(kLedgerTitles));
  const std::string bank_title =
      look.layout == 1 ? std::string("bank.csv") : std::string(f.pick(kBankTitles));
  doc += ledger_title + "\n";
  if (look.layout == 1) doc += "id,date,memo,amount\n";
  for (const Entry& e : ledger) doc += render_entry(look, e, true) + "\n";
  doc += "\n" + bank_title + "\n";
  if (look.layout == 1) doc += "id,date,description,amount\n";
  for (const Entry& e : bank) doc += render_entry(look, e, false) + "\n";
  doc.pop_back();
  return doc;
}

void generate(Faker& f, Example* ex) {
  const int64_t opening = f.integer(3000, 200000) * 100;
  const fake::Date start = f.recent_date();
  Look look;
  look.layout = static_cast<int>(f.integer(0, 2));
  look.short_ids = f.chance(0.7);
  look.negative = static_cast<int>(f.integer(0, 2));
  ex->layout_id = look.layout;
  std::set<int64_t> used;
  std::vector<std::string> bank_words;
  std::vector<Entry> ledger = draw_ledger(f, start, &used, &bank_words);
  std::vector<Entry> bank = draw_statement(f, start, ledger, bank_words, &used);
  for (size_t i = 0; i < ledger.size(); ++i) ledger[i].id = entry_id(look, true, i);
  for (size_t i = 0; i < bank.size(); ++i) bank[i].id = entry_id(look, false, i);
  std::vector<std::string> match_of(ledger.size());  // per ledger entry: its statement id
  for (const Entry& b : bank)
    if (b.from >= 0) match_of[static_cast<size_t>(b.from)] = b.id;
  // Worked steps: the ledger with its running balance, the statement-only entries, the balances.
  std::string balance = printed_cents(opening, true);  // as the opening line prints it
  std::string bank_step;  // the uncleared ledger entries taken back, statement-only ones added
  std::vector<std::string> unmatched_ledger, unmatched_bank;
  for (size_t i = 0; i < ledger.size(); ++i) {
    const std::string step = "round(" + balance + step_amount(look, ledger[i].cents, true) + ",2)";
    balance = calculator_result(step);
    ex->work += ledger[i].id + " " + step_amount(look, ledger[i].cents) +
                (match_of[i].empty() ? " not on the statement " : " = " + match_of[i] + " ") +
                calculator_step(step) + "\n";
    if (!match_of[i].empty()) continue;
    unmatched_ledger.push_back(ledger[i].id);
    bank_step += step_amount(look, -ledger[i].cents, true);
  }
  for (const Entry& b : bank) {
    if (b.from >= 0) continue;
    unmatched_bank.push_back(b.id);
    ex->work += b.id + " " + step_amount(look, b.cents) + " not in the ledger\n";
    bank_step += step_amount(look, b.cents, true);
  }
  const std::string ledger_balance = balance;
  bank_step = "round(" + ledger_balance + bank_step + ",2)";
  const std::string bank_balance = calculator_result(bank_step);
  const std::string difference_step = "round(" + bank_balance + "-" + ledger_balance + ",2)";
  ex->work += "ledger: " + ledger_balance + "\nbank: " + calculator_step(bank_step) +
              "\ndifference: " + calculator_step(difference_step);
  compose_prompt(f, ex, kInstructions, kParts, render(f, look, opening, ledger, bank));
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("matched").integer(static_cast<int64_t>(ledger.size() - unmatched_ledger.size()));
  j.key("unmatched_ledger").begin_array();
  for (const auto& id : unmatched_ledger) j.str(id);
  j.end_array();
  j.key("unmatched_bank").begin_array();
  for (const auto& id : unmatched_bank) j.str(id);
  j.end_array();
  j.key("ledger_balance").raw(ledger_balance);
  j.key("bank_balance").raw(bank_balance);
  j.key("difference").raw(calculator_result(difference_step));
  j.end_object();
}

}  // namespace

SpecialistSpec bank_reconciliation_spec() {
  return {"bank_reconciliation",
          "ledger + bank statement -> matched count, unmatched entries both sides, balances",
          {{"matched", FieldKind::kNumber},
           {"unmatched_ledger", FieldKind::kSet},
           {"unmatched_bank", FieldKind::kSet},
           {"ledger_balance", FieldKind::kNumber},
           {"bank_balance", FieldKind::kNumber},
           {"difference", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
