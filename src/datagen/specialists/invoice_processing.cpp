// invoice_processing: an invoice in one of nine layouts (classic print, email body, key-value
// export, markdown table, a freelancer's email with dot leaders, a trade supplier's tax invoice,
// a text message, a vendor portal's CSV, an accounting system's export; goods and services; due
// dates as dates, net terms, "due in N days" or on receipt; euro amounts as "1.378,00 €") ->
// vendor, number, dates, currency, line items, subtotal, tax, total.
// Amounts are integer cents and every total is computed from the lines, never sampled.
// Worked steps: every amount the answer holds, copied as the invoice prints it into the calculator
// ("<<round(1,176.80,2)=1176.80>>"): cl100k cuts "1,176.80" as 1 , 176 . 80 and "1176.80" as
// 117 6 . 80, so writing a grouped amount without its comma means regrouping digits, which the
// model got wrong in a third of the fresh answers' subtotals and totals; the calculator does it.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

struct Line {
  std::string description;
  std::string sku;
  int64_t quantity = 1;
  int64_t unit_cents = 0;
  int64_t amount_cents = 0;
};

// How the invoice says when it is due: a date, net terms ("Net 30"), "due in 14 days" or on
// receipt (due the day it is issued).
enum class DueShown { kDate, kNet, kDays, kReceipt };

struct Invoice {
  fake::Company vendor, customer;
  fake::Address vendor_address, customer_address;
  fake::Person contact, sender;
  std::string number;
  fake::Date date, due;
  int terms = 30;
  DueShown due_shown = DueShown::kDate;
  const fake::Currency* currency = nullptr;
  fake::MoneyStyle style = fake::MoneyStyle::kSymbol;
  fake::DateFormat date_format = fake::DateFormat::kIso;
  int64_t tax_bp = 0;
  std::vector<Line> lines;
  int64_t subtotal = 0, tax = 0, total = 0;

  std::string money(int64_t cents) const { return fake::format_money(cents, style, *currency); }
  std::string day(const fake::Date& d) const { return fake::format_date(d, date_format); }
  std::string tax_rate() const { return format_number(static_cast<double>(tax_bp) / 100.0, 3); }
  // When it is due as the invoice prints it ("April 3, 2024", "Net 30", "due in 14 days", "Due
  // upon receipt"), and the part of that the steps copy ("in 14 days", "upon receipt").
  std::string due_printed() const {
    switch (due_shown) {
      case DueShown::kNet:
        return "Net " + std::to_string(terms);
      case DueShown::kDays:
        return "due in " + std::to_string(terms) + " days";
      case DueShown::kReceipt:
        return "Due upon receipt";
      default:
        return day(due);
    }
  }
  std::string due_copied() const {
    const std::string printed = due_printed();
    return due_shown == DueShown::kDays || due_shown == DueShown::kReceipt
               ? printed.substr(printed.find(' ') + 1)
               : printed;
  }
};

const std::vector<std::string_view> kInstructions = {
    "Extract the invoice fields as JSON: vendor, invoice_number, invoice_date, due_date, "
    "currency, line_items, subtotal, tax and total. Dates in ISO format.",
    "Read this invoice and return its data as JSON (ISO dates, amounts as numbers).",
    "Parse the following invoice into structured JSON.",
    "You are an accounts-payable assistant. Capture this invoice for payment: return JSON with "
    "the vendor, invoice number, invoice and due dates, currency, line items and totals.",
    "Convert the invoice below to JSON.",
    "pls key this invoice in as JSON",
    "Enter this supplier bill as JSON (dates in ISO form).",
    "need this one entered - JSON with the usual invoice fields",
};

// Work small businesses bill for, with a price range in cents and whether it is billed by the hour.
struct Service {
  std::string_view name;
  int64_t low, high;
  bool hourly;
};
// (Names of the work billed, written for the generator; none taken from data/handwritten.)
const std::vector<Service> kServices = {{"Brand workshop facilitation", 60000, 250000, false},
                                        {"Style sheet update", 25000, 90000, false},
                                        {"Consulting", 9500, 25000, true},
                                        {"Technician time", 6500, 15000, true},
                                        {"Site visit", 7500, 20000, false},
                                        {"Design revisions", 5000, 12000, true},
                                        {"Project management", 8000, 16000, true},
                                        {"Mileage reimbursement", 2500, 12000, false},
                                        {"Equipment setup on site", 9000, 45000, false},
                                        {"Setup fee", 2500, 15000, false},
                                        {"Advisory retainer (quarterly)", 100000, 500000, false},
                                        {"Event photo coverage", 60000, 150000, false},
                                        {"Copywriting, per page", 4000, 15000, false},
                                        {"Disposal of packaging", 5000, 15000, false},
                                        {"Furniture fitting (hours)", 4500, 9000, true},
                                        {"Hedge trimming", 3500, 9000, false},
                                        {"Gravel delivery, per ton", 3000, 5500, false},
                                        {"Data migration", 40000, 200000, false},
                                        {"Training session (half day)", 45000, 120000, false},
                                        {"Support hours", 7500, 18000, true},
                                        {"Website hosting - monthly", 1500, 9000, false},
                                        {"Permit filing fee", 2500, 6000, false}};

std::vector<Line> draw_lines(Faker& f, bool services) {
  std::vector<Line> lines(static_cast<size_t>(f.integer(1, 6)));
  for (Line& l : lines) {
    const bool service = services && f.chance(0.6);
    if (service) {
      const Service& s = f.pick(kServices);
      l.description = std::string(s.name);
      l.sku = "SVC-" + std::to_string(f.integer(100, 999));
      l.unit_cents = f.integer(s.low / 100, s.high / 100) * 100;
      const bool several = f.chance(s.hourly ? 0.9 : 0.3);
      l.quantity = several ? f.integer(2, s.hourly ? 12 : 4) : 1;
    } else {
      const fake::Product product = f.product();
      l.description = product.name;
      l.sku = product.sku;
      l.unit_cents = product.unit_price_cents;
      const bool one = f.chance(0.5);
      l.quantity = one ? 1 : f.integer(2, product.unit_price_cents > 20000 ? 4 : 24);
    }
    l.amount_cents = l.quantity * l.unit_cents;
  }
  return lines;
}

// The invoice's facts, each drawn once; layouts 4-8 (the ones written as small businesses, trade
// suppliers and exports write them) also show the due date as terms and bill for services.
Invoice draw_invoice(Faker& f, int layout) {
  static const std::vector<int> kTerms = {7, 14, 15, 30, 30, 30, 45, 60};
  static const std::vector<int64_t> kTaxBasisPoints = {0, 400, 500, 625, 700, 825, 888, 950, 1000};
  Invoice inv;
  inv.vendor = f.company();
  inv.customer = f.company();
  inv.vendor_address = f.address();
  inv.customer_address = f.address();
  inv.contact = f.person();
  inv.sender = f.person();
  inv.number = f.invoice_number();
  inv.date = f.recent_date();
  inv.terms = f.pick(kTerms);
  const bool usd_invoice = f.chance(0.85);
  const bool euro = f.chance(0.5);
  inv.currency = usd_invoice ? &usd() : fake::find_currency(euro ? "EUR" : "GBP");
  const bool is_usd = usd_invoice;
  const bool symbol = f.chance(0.5);
  inv.style = is_usd ? us_money_style(f)
                     : (symbol ? fake::MoneyStyle::kCodeSuffix : fake::MoneyStyle::kSymbol);
  inv.date_format = us_date_format(f);
  inv.tax_bp = f.pick(kTaxBasisPoints);
  if (layout >= 4) {
    const int64_t shown = f.integer(0, 9);  // 0-4 a date, 5-6 net terms, 7-8 days, 9 receipt
    inv.due_shown = shown <= 4   ? DueShown::kDate
                    : shown <= 6 ? DueShown::kNet
                    : shown <= 8 ? DueShown::kDays
                                 : DueShown::kReceipt;
    if (inv.due_shown == DueShown::kReceipt) inv.terms = 0;
    // Euro invoices as continental suppliers print them ("1.378,00 €", "14.03.2024").
    const bool continental = f.chance(0.6);
    if (!is_usd && euro && continental) {
      inv.style = fake::MoneyStyle::kEuropean;
      inv.date_format = fake::DateFormat::kEuDot;
    }
  }
  inv.due = fake::add_days(inv.date, inv.terms);
  inv.lines = draw_lines(f, layout >= 4);
  for (const Line& l : inv.lines) inv.subtotal += l.amount_cents;
  inv.tax = (inv.subtotal * inv.tax_bp + 5000) / 10000;
  inv.total = inv.subtotal + inv.tax;
  return inv;
}

std::string render_classic(const Invoice& inv) {
  const std::string tax_label = "Tax (" + inv.tax_rate() + "%)";
  std::string doc = "INVOICE\n" + inv.vendor.name + "\n" + inv.vendor_address.block() + "\n\n";
  doc += "Invoice #: " + inv.number + "\nInvoice Date: " + inv.day(inv.date) +
         "\nDue Date: " + inv.day(inv.due) + "  (Net " + std::to_string(inv.terms) +
         ")\n\nBill To:\n" + inv.customer.name + "\nAttn: " + inv.contact.full() + "\n" +
         inv.customer_address.block() + "\n\n";
  doc += pad("Description", 34) + pad("Qty", 6) + pad("Unit Price", 16) + "Amount\n";
  for (const Line& l : inv.lines) {
    doc += column(l.description, 34) + column(std::to_string(l.quantity), 6) +
           column(inv.money(l.unit_cents), 16) + inv.money(l.amount_cents) + "\n";
  }
  doc += "\n" + pad("", 40) + pad("Subtotal:", 16) + inv.money(inv.subtotal) + "\n";
  doc += pad("", 40) + pad(tax_label + ":", 16) + inv.money(inv.tax) + "\n";
  return doc + pad("", 40) + pad("Total Due:", 16) + inv.money(inv.total);
}

std::string render_email(const Invoice& inv) {
  std::string doc = "Hi " + inv.contact.first + ",\n\nPlease find invoice " + inv.number +
                    " from " + inv.vendor.name + " dated " + inv.day(inv.date) + ":\n\n";
  for (const Line& l : inv.lines) {
    doc += "- " + std::to_string(l.quantity) + " x " + l.description + " @ " +
           inv.money(l.unit_cents) + " = " + inv.money(l.amount_cents) + "\n";
  }
  return doc + "\nSubtotal " + inv.money(inv.subtotal) + ", Tax (" + inv.tax_rate() + "%) " +
         inv.money(inv.tax) + ". Total due: " + inv.money(inv.total) + " by " + inv.day(inv.due) +
         ".\n\nThank you for your business,\n" + inv.sender.full() + "\n" + inv.vendor.name;
}

std::string render_export(const Invoice& inv) {
  std::string doc = "vendor_name: " + inv.vendor.name +
                    "\nvendor_address: " + inv.vendor_address.one_line() +
                    "\ninvoice_no: " + inv.number + "\nissued: " + inv.day(inv.date) +
                    "\npayment_due: " + inv.day(inv.due) + "\ncurrency: " + inv.currency->code +
                    "\ncustomer: " + inv.customer.name + "\nitems:\n";
  for (size_t i = 0; i < inv.lines.size(); ++i) {
    const Line& l = inv.lines[i];
    doc += "  " + std::to_string(i + 1) + ". " + l.description + " (" + l.sku + ") | qty " +
           std::to_string(l.quantity) + " | " + fake::decimal_cents(l.unit_cents) + " | " +
           fake::decimal_cents(l.amount_cents) + "\n";
  }
  return doc + "subtotal: " + fake::decimal_cents(inv.subtotal) +
         "\ntax: " + fake::decimal_cents(inv.tax) + "\ntotal: " + fake::decimal_cents(inv.total);
}

std::string render_markdown(const Invoice& inv) {
  std::string doc = "**" + inv.vendor.name + "** - Invoice " + inv.number + "\n\nIssued " +
                    inv.day(inv.date) + ", payable within " + std::to_string(inv.terms) +
                    " days (by " + inv.day(inv.due) +
                    "). Customer: " + with_period(inv.customer.name) +
                    "\n\n| Item | SKU | Qty | Price | Line total |\n|---|---|---|---|---|\n";
  for (const Line& l : inv.lines) {
    doc += "| " + l.description + " | " + l.sku + " | " + std::to_string(l.quantity) + " | " +
           inv.money(l.unit_cents) + " | " + inv.money(l.amount_cents) + " |\n";
  }
  return doc + "\nSubtotal: " + inv.money(inv.subtotal) + "\nTax (" + inv.tax_rate() +
         "%): " + inv.money(inv.tax) + "\n**Total: " + inv.money(inv.total) + "**";
}

// The lines "Invoice date" and "Due"/"Terms" as a layout labels them.
std::string dates_block(const Invoice& inv, const std::string& date_label,
                        const std::string& due_label) {
  const std::string due = inv.due_printed();
  if (inv.due_shown == DueShown::kDate)
    return date_label + inv.day(inv.date) + "\n" + due_label + due;
  return date_label + inv.day(inv.date) + "\nTerms: " + due;
}

// A freelancer's invoice in an email: dot leaders, "6 @ $75.00" on lines of several, signed with
// the business name and city.
std::string render_freelancer(Faker& f, const Invoice& inv) {
  std::string doc =
      "Hi " + inv.contact.first + ",\n\n" +
      std::string(f.pick(std::vector<std::string_view>{
          "Here's the invoice for this month's work.", "As discussed, my invoice is below.",
          "Invoice for the work we wrapped up last week, pasted below."})) +
      "\n\nInvoice " + inv.number + "\n" + dates_block(inv, "Date: ", "Due: ") + "\n\n";
  for (const Line& l : inv.lines) {
    std::string left = l.description;
    if (l.quantity > 1) left += ", " + std::to_string(l.quantity) + " @ " + inv.money(l.unit_cents);
    left += " ";
    if (left.size() < 38) left += std::string(38 - left.size(), '.');
    doc += left + " " + inv.money(l.amount_cents) + "\n";
  }
  doc += "\nSubtotal: " + inv.money(inv.subtotal) + "\nSales tax (" + inv.tax_rate() +
         "%): " + inv.money(inv.tax) + "\nTotal: " + inv.money(inv.total) + "\n\n";
  return doc +
         std::string(f.pick(std::vector<std::string_view>{
             "Bank details are on file from last time.", "Thanks so much!",
             "Happy to split this into two payments if that helps."})) +
         "\n\n" + inv.sender.full() + "\n" + inv.vendor.name + " · " + inv.vendor_address.city +
         ", " + inv.vendor_address.state_code;
}

// A trade supplier's printed invoice: letterhead in capitals, quantity first, net/VAT/total due.
std::string render_trade(const Invoice& inv) {
  std::string doc = ascii_upper(inv.vendor.name) + "\n" + inv.vendor_address.one_line() +
                    "\n\nTAX INVOICE\n\nInvoice No:      " + inv.number + "\n" +
                    dates_block(inv, "Invoice date:    ", "Due date:        ") +
                    "\nCustomer:        " + inv.customer.name + "\n\n" + pad("Qty", 8) +
                    pad("Item", 36) + pad("Each", 14) + "Net\n";
  for (const Line& l : inv.lines) {
    doc += column(std::to_string(l.quantity), 8) + column(l.description, 36) +
           column(inv.money(l.unit_cents), 14) + inv.money(l.amount_cents) + "\n";
  }
  const std::string tax_label = inv.currency->code == std::string_view("USD")
                                    ? "Sales tax " + inv.tax_rate() + "%"
                                    : "VAT @ " + inv.tax_rate() + "%";
  return doc + "\n" + pad("", 30) + pad("Net total", 18) + inv.money(inv.subtotal) + "\n" +
         pad("", 30) + pad(tax_label, 18) + inv.money(inv.tax) + "\n" + pad("", 30) +
         pad("TOTAL DUE", 18) + inv.money(inv.total);
}

// A text message from a small business: lower case (its lines lowered by the caller, as the
// answer copies them), "6 x 38.00 = 228.00", plain numbers.
std::string render_text_message(const Invoice& inv) {
  std::string doc = ascii_lower(inv.vendor.name) + "\ninv " + inv.number + " - " +
                    inv.day(inv.date) + "\n" +
                    (inv.due_shown == DueShown::kDate  ? "due " + inv.due_printed()
                     : inv.due_shown == DueShown::kNet ? "terms " + inv.due_printed()
                                                       : inv.due_printed()) +
                    "\n\n";
  for (const Line& l : inv.lines) {
    doc += l.description + " " + std::to_string(l.quantity) + " x " +
           fake::decimal_cents(l.unit_cents) + " = " + fake::decimal_cents(l.amount_cents) + "\n";
  }
  return doc + "\nsubtotal " + fake::decimal_cents(inv.subtotal) + "\ntax " +
         fake::decimal_cents(inv.tax) + "\ntotal " + fake::decimal_cents(inv.total) + "\n\nthx - " +
         ascii_lower(inv.sender.first);
}

// A vendor portal's CSV export of one invoice: key,value rows, then the lines, then the totals in
// the last column.
std::string render_csv(const Invoice& inv) {
  auto cell = [](const std::string& s) {
    return s.find(',') == std::string::npos ? s : "\"" + s + "\"";
  };
  std::string doc = "vendor," + cell(inv.vendor.name) + "\ninvoice_id," + inv.number +
                    "\ninvoice_date," + inv.day(inv.date) + "\n" +
                    (inv.due_shown == DueShown::kDate ? "due_date," : "terms,") +
                    cell(inv.due_printed()) + "\ncurrency," + inv.currency->code +
                    "\nline_no,item_code,item,quantity,price,line_total\n";
  for (size_t i = 0; i < inv.lines.size(); ++i) {
    const Line& l = inv.lines[i];
    doc += std::to_string(i + 1) + "," + l.sku + "," + cell(l.description) + "," +
           std::to_string(l.quantity) + "," + fake::decimal_cents(l.unit_cents) + "," +
           fake::decimal_cents(l.amount_cents) + "\n";
  }
  return doc + "subtotal,,,,," + fake::decimal_cents(inv.subtotal) + "\nsales_tax,,,,," +
         fake::decimal_cents(inv.tax) + "\ninvoice_total,,,,," + fake::decimal_cents(inv.total);
}

// An accounting system's export: "Bill no.", "Supplier:", lines as "item | 2 units | unit 289.99 |
// line 579.98", then net, tax and gross.
std::string render_erp(const Invoice& inv) {
  std::string doc = "Record: supplier bill\nBill no.: " + inv.number +
                    "\nSupplier: " + inv.vendor.name + "\nBill to: " + inv.customer.name + "\n" +
                    dates_block(inv, "Bill date: ", "Payment due: ") +
                    "\nCurrency: " + inv.currency->code + "\nItems:\n";
  for (const Line& l : inv.lines) {
    doc += "- " + l.description + " | " + std::to_string(l.quantity) + " units | unit " +
           fake::decimal_cents(l.unit_cents) + " | line " + fake::decimal_cents(l.amount_cents) +
           "\n";
  }
  return doc + "Net: " + fake::decimal_cents(inv.subtotal) + "\nTax (" + inv.tax_rate() +
         "%): " + fake::decimal_cents(inv.tax) + "\nGross: " + fake::decimal_cents(inv.total);
}

std::string render(Faker& f, const Invoice& inv, int layout) {
  switch (layout) {
    case 0:
      return render_classic(inv);
    case 1:
      return render_email(inv);
    case 2:
      return render_export(inv);
    case 3:
      return render_markdown(inv);
    case 4:
      return render_freelancer(f, inv);
    case 5:
      return render_trade(inv);
    case 6:
      return render_text_message(inv);
    case 7:
      return render_csv(inv);
    default:
      return render_erp(inv);
  }
}

// The worked steps: the invoice date and the due date as printed with their ISO dates (net terms
// and "due in N days" through the calculator), then every amount copied as printed into the
// calculator (European amounts with their separators turned: "1.378,00 €" as 1,378.00).
std::string work_of(const Invoice& inv, bool plain) {
  auto copied = [&](int64_t cents) { return calculator_step(copied_amount(cents, !plain)); };
  std::string work = "date " + inv.day(inv.date) + ": " + fake::iso_date(inv.date) + "\ndue " +
                     inv.due_copied() + ": ";
  if (inv.due_shown == DueShown::kNet || inv.due_shown == DueShown::kDays)
    work += calculator_step("add_days(" + fake::iso_date(inv.date) + "," +
                            std::to_string(inv.terms) + ")");
  else
    work += fake::iso_date(inv.due);
  for (const Line& l : inv.lines) {
    work += "\n" + l.description + ": " + std::to_string(l.quantity) + " x " +
            copied(l.unit_cents) + " = " + copied(l.amount_cents);
  }
  return work + "\nsubtotal: " + copied(inv.subtotal) + "\ntax: " + copied(inv.tax) +
         "\ntotal: " + copied(inv.total);
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 8));
  Invoice inv = draw_invoice(f, ex->layout_id);
  if (ex->layout_id == 6) {  // a text message writes its lines in lower case; so does the answer
    for (Line& l : inv.lines) l.description = ascii_lower(l.description);
  }
  compose_prompt(f, ex, kInstructions, render(f, inv, ex->layout_id));
  // Exports, text messages and plain-style documents print amounts without thousands commas.
  const bool plain =
      ex->layout_id == 2 || ex->layout_id >= 6 || inv.style == fake::MoneyStyle::kPlain;
  ex->work = work_of(inv, plain);
  auto value = [&](int64_t cents) { return calculator_result(copied_amount(cents, !plain)); };
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("vendor").str(inv.vendor.name);
  j.key("invoice_number").str(inv.number);
  j.key("invoice_date").str(fake::iso_date(inv.date));
  j.key("due_date").str(fake::iso_date(inv.due));
  j.key("currency").str(inv.currency->code);
  j.key("line_items").begin_array();
  for (const Line& l : inv.lines) {
    j.begin_object();
    j.key("description").str(l.description);
    j.key("quantity").integer(l.quantity);
    j.key("unit_price").raw(value(l.unit_cents));
    j.key("amount").raw(value(l.amount_cents));
    j.end_object();
  }
  j.end_array();
  j.key("subtotal").raw(value(inv.subtotal));
  j.key("tax").raw(value(inv.tax));
  j.key("total").raw(value(inv.total));
  j.end_object();
}

}  // namespace

SpecialistSpec invoice_processing_spec() {
  return {"invoice_processing",
          "invoice (9 layouts, goods and services, terms) -> vendor, number, ISO dates, currency, "
          "line items, totals",
          {{"vendor", FieldKind::kText},
           {"invoice_number", FieldKind::kExact},
           {"invoice_date", FieldKind::kExact},
           {"due_date", FieldKind::kExact},
           {"currency", FieldKind::kExact},
           {"line_items", FieldKind::kSet},
           {"subtotal", FieldKind::kNumber},
           {"tax", FieldKind::kNumber},
           {"total", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
