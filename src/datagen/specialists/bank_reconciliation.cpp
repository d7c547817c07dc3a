// bank_reconciliation: the company ledger and the bank statement for one month (same opening
// balance) with outstanding checks, deposits in transit, bank fees and interest -> how many
// entries matched, which ledger entries are not on the statement, which statement entries are
// not in the ledger, both closing balances and their difference.
// Worked steps: each ledger entry with its amount beside the statement entry that matches it
// ("L3 139.00 = B3") or "not on the statement", and the ledger's running balance after it by the
// calculator; then each statement entry the ledger lacks ("B8 -25.00 not in the ledger"); then the
// ledger's closing balance (the last running one), the bank's from it (each uncleared ledger entry
// taken back, each statement-only entry added) and their difference. Session 23's model, summing
// every entry in one expression, wrote an amount twice or took one from the other list in 5 of 15
// wrong answers.
#include <cstdlib>

#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Reconcile the ledger with the bank statement. Return JSON: matched, unmatched_ledger (ids), "
    "unmatched_bank (ids), ledger_balance, bank_balance, difference (bank minus ledger).",
    "Do the month-end bank reconciliation for the entries below.",
    "Which entries don't match between our books and the bank? Give closing balances too.",
};

struct Entry {
  std::string id, description;
  int64_t cents;  // + deposit, - payment
  fake::Date date;
};

// "+1,250.00" or "-43.15": an amount as the document prints it, sign first.
std::string signed_amount(int64_t cents, bool grouped) {
  return (cents < 0 ? "-" : "+") + printed_cents(std::abs(cents), grouped);
}

void generate(Faker& f, Example* ex) {
  const int64_t opening = f.integer(5000, 200000) * 100;
  const fake::Date start = f.recent_date();
  std::vector<Entry> ledger, bank;
  std::vector<std::string> unmatched_ledger, unmatched_bank;
  std::vector<std::string> match_of;  // per ledger entry: its statement id, or empty
  int64_t matched = 0;
  const int64_t n = f.integer(4, 9);
  int check_no = static_cast<int>(f.integer(1001, 4999));
  for (int64_t i = 0; i < n; ++i) {
    Entry e;
    const fake::Date date = fake::add_days(start, i * 2 + f.integer(0, 1));
    e.date = date;
    if (f.chance(0.4)) {
      e.cents = f.price_cents(10000, 1500000);
      e.description = "Deposit - " + f.company().name;
    } else {
      e.cents = -f.price_cents(2000, 800000);
      e.description = "Check " + std::to_string(check_no++) + " - " + f.company().name;
    }
    e.id = "L" + std::to_string(i + 1);
    ledger.push_back(e);
    // The last couple of ledger entries may not have cleared yet.
    if (i >= n - 2 && f.chance(0.5)) {
      unmatched_ledger.push_back(e.id);
      match_of.emplace_back();
    } else {
      Entry b = e;
      b.id = "B" + std::to_string(bank.size() + 1);
      b.date = fake::add_days(e.date, f.integer(0, 3));
      bank.push_back(b);
      match_of.push_back(b.id);
      ++matched;
    }
  }
  if (f.chance(0.6)) {
    Entry fee{"B" + std::to_string(bank.size() + 1), "Monthly service fee", -f.integer(5, 35) * 100,
              fake::add_days(start, 28)};
    bank.push_back(fee);
    unmatched_bank.push_back(fee.id);
  }
  if (f.chance(0.4)) {
    Entry interest{"B" + std::to_string(bank.size() + 1), "Interest earned", f.integer(1, 2500),
                   fake::add_days(start, 29)};
    bank.push_back(interest);
    unmatched_bank.push_back(interest.id);
  }
  ex->layout_id = static_cast<int>(f.integer(0, 1));
  const bool grouped = ex->layout_id == 0;
  auto amount = [&](const Entry& e) {
    return (e.cents < 0 ? "-" : "") + printed_cents(std::abs(e.cents), grouped);
  };
  std::string balance = printed_cents(opening, true);  // as "Opening balance" prints it
  std::string bank_step;                               // the uncleared ledger entries taken back
  for (size_t i = 0; i < ledger.size(); ++i) {
    const std::string step = "round(" + balance + signed_amount(ledger[i].cents, grouped) + ",2)";
    balance = calculator_result(step);
    ex->work += ledger[i].id + " " + amount(ledger[i]) +
                (match_of[i].empty() ? " not on the statement " : " = " + match_of[i] + " ") +
                calculator_step(step) + "\n";
    if (match_of[i].empty()) bank_step += signed_amount(-ledger[i].cents, grouped);
  }
  for (const Entry& b : bank) {
    if (std::find(unmatched_bank.begin(), unmatched_bank.end(), b.id) == unmatched_bank.end())
      continue;
    ex->work += b.id + " " + amount(b) + " not in the ledger\n";
    bank_step += signed_amount(b.cents, grouped);
  }
  const std::string ledger_balance = balance;
  bank_step = "round(" + ledger_balance + bank_step + ",2)";
  const std::string bank_balance = calculator_result(bank_step);
  const std::string difference_step = "round(" + bank_balance + "-" + ledger_balance + ",2)";
  ex->work += "ledger: " + ledger_balance + "\nbank: " + calculator_step(bank_step) +
              "\ndifference: " + calculator_step(difference_step);
  auto money = [](int64_t c) { return fake::format_money(c, fake::MoneyStyle::kSymbol, usd()); };
  std::string doc = "Opening balance (both): " + money(opening) + "\n\nCOMPANY LEDGER\n";
  for (const Entry& e : ledger) {
    doc += ex->layout_id == 0 ? e.id + "  " + fake::iso_date(e.date) + "  " +
                                    column(e.description, 44) + money(e.cents) + "\n"
                              : e.id + "," + fake::iso_date(e.date) + "," + e.description + "," +
                                    fake::decimal_cents(e.cents) + "\n";
  }
  doc += "\nBANK STATEMENT\n";
  for (const Entry& e : bank) {
    std::string desc = e.description;
    for (char& c : desc) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    doc += ex->layout_id == 0
               ? e.id + "  " + fake::format_date(e.date, fake::DateFormat::kUsSlash) + "  " +
                     column(desc, 44) + money(e.cents) + "\n"
               : e.id + "," + fake::iso_date(e.date) + "," + desc + "," +
                     fake::decimal_cents(e.cents) + "\n";
  }
  doc.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("matched").integer(matched);
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
