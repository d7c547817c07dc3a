// invoice_processing: an invoice in one of four layouts (classic print, email body, key-value
// export, markdown table) -> vendor, number, dates, currency, line items, subtotal, tax, total.
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
  fake::Product product;
  int64_t quantity;
  int64_t amount_cents;
};

const std::vector<std::string_view> kInstructions = {
    "Extract the invoice fields as JSON: vendor, invoice_number, invoice_date, due_date, "
    "currency, line_items, subtotal, tax and total. Dates in ISO format.",
    "Read this invoice and return its data as JSON (ISO dates, amounts as numbers).",
    "Parse the following invoice into structured JSON.",
    "You are an accounts-payable assistant. Capture this invoice for payment: return JSON with "
    "the vendor, invoice number, invoice and due dates, currency, line items and totals.",
    "Convert the invoice below to JSON.",
};

void generate(Faker& f, Example* ex) {
  static const std::vector<int> kTerms = {7, 14, 15, 30, 30, 30, 45, 60};
  static const std::vector<int64_t> kTaxBasisPoints = {0, 400, 500, 625, 700, 825, 888, 950, 1000};
  const fake::Company vendor = f.company();
  const fake::Company customer = f.company();
  const fake::Address vendor_address = f.address();
  const fake::Address customer_address = f.address();
  const fake::Person contact = f.person();
  const std::string number = f.invoice_number();
  const fake::Date date = f.recent_date();
  const int terms = f.pick(kTerms);
  const fake::Date due = fake::add_days(date, terms);
  const fake::Currency& currency =
      f.chance(0.85) ? usd() : *fake::find_currency(f.chance(0.5) ? "EUR" : "GBP");
  const bool is_usd = currency.code == std::string_view("USD");
  const fake::MoneyStyle style =
      is_usd ? us_money_style(f)
             : (f.chance(0.5) ? fake::MoneyStyle::kCodeSuffix : fake::MoneyStyle::kSymbol);
  const fake::DateFormat date_format = us_date_format(f);
  const int64_t tax_bp = f.pick(kTaxBasisPoints);

  std::vector<Line> lines(static_cast<size_t>(f.integer(1, 6)));
  int64_t subtotal = 0;
  for (Line& l : lines) {
    l.product = f.product();
    l.quantity = f.chance(0.5) ? 1 : f.integer(2, l.product.unit_price_cents > 20000 ? 4 : 24);
    l.amount_cents = l.quantity * l.product.unit_price_cents;
    subtotal += l.amount_cents;
  }
  const int64_t tax = (subtotal * tax_bp + 5000) / 10000;
  const int64_t total = subtotal + tax;
  auto money = [&](int64_t c) { return fake::format_money(c, style, currency); };
  const std::string tax_label =
      "Tax (" + format_number(static_cast<double>(tax_bp) / 100.0, 3) + "%)";

  std::string doc;
  ex->layout_id = static_cast<int>(f.integer(0, 3));
  switch (ex->layout_id) {
    case 0: {  // classic printed invoice
      doc += "INVOICE\n" + vendor.name + "\n" + vendor_address.block() + "\n\n";
      doc += "Invoice #: " + number + "\nInvoice Date: " + fake::format_date(date, date_format) +
             "\nDue Date: " + fake::format_date(due, date_format) + "  (Net " +
             std::to_string(terms) + ")\n\nBill To:\n" + customer.name +
             "\nAttn: " + contact.full() + "\n" + customer_address.block() + "\n\n";
      doc += pad("Description", 34) + pad("Qty", 6) + pad("Unit Price", 16) + "Amount\n";
      for (const Line& l : lines) {
        doc += column(l.product.name, 34) + column(std::to_string(l.quantity), 6) +
               column(money(l.product.unit_price_cents), 16) + money(l.amount_cents) + "\n";
      }
      doc += "\n" + pad("", 40) + pad("Subtotal:", 16) + money(subtotal) + "\n";
      doc += pad("", 40) + pad(tax_label + ":", 16) + money(tax) + "\n";
      doc += pad("", 40) + pad("Total Due:", 16) + money(total);
      break;
    }
    case 1: {  // email body
      doc += "Hi " + contact.first + ",\n\nPlease find invoice " + number + " from " + vendor.name +
             " dated " + fake::format_date(date, date_format) + ":\n\n";
      for (const Line& l : lines) {
        doc += "- " + std::to_string(l.quantity) + " x " + l.product.name + " @ " +
               money(l.product.unit_price_cents) + " = " + money(l.amount_cents) + "\n";
      }
      doc += "\nSubtotal " + money(subtotal) + ", " + tax_label + " " + money(tax) +
             ". Total due: " + money(total) + " by " + fake::format_date(due, date_format) +
             ".\n\nThank you for your business,\n" + f.person().full() + "\n" + vendor.name;
      break;
    }
    case 2: {  // key-value export
      doc += "vendor_name: " + vendor.name + "\nvendor_address: " + vendor_address.one_line() +
             "\ninvoice_no: " + number + "\nissued: " + fake::format_date(date, date_format) +
             "\npayment_due: " + fake::format_date(due, date_format) +
             "\ncurrency: " + currency.code + "\ncustomer: " + customer.name + "\nitems:\n";
      for (size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        doc += "  " + std::to_string(i + 1) + ". " + l.product.name + " (" + l.product.sku +
               ") | qty " + std::to_string(l.quantity) + " | " +
               fake::decimal_cents(l.product.unit_price_cents) + " | " +
               fake::decimal_cents(l.amount_cents) + "\n";
      }
      doc += "subtotal: " + fake::decimal_cents(subtotal) + "\ntax: " + fake::decimal_cents(tax) +
             "\ntotal: " + fake::decimal_cents(total);
      break;
    }
    default: {  // markdown table
      doc += "**" + vendor.name + "** - Invoice " + number + "\n\nIssued " +
             fake::format_date(date, date_format) + ", payable within " + std::to_string(terms) +
             " days (by " + fake::format_date(due, date_format) +
             "). Customer: " + with_period(customer.name) +
             "\n\n| Item | SKU | Qty | Price | Line total |\n|---|---|---|---|---|\n";
      for (const Line& l : lines) {
        doc += "| " + l.product.name + " | " + l.product.sku + " | " + std::to_string(l.quantity) +
               " | " + money(l.product.unit_price_cents) + " | " + money(l.amount_cents) + " |\n";
      }
      doc += "\nSubtotal: " + money(subtotal) + "\n" + tax_label + ": " + money(tax) +
             "\n**Total: " + money(total) + "**";
    }
  }
  compose_prompt(f, ex, kInstructions, doc);
  // The digits of an amount as this invoice prints them, for the calculator.
  const bool plain = ex->layout_id == 2 || style == fake::MoneyStyle::kPlain;
  auto copied = [&](int64_t cents) { return copied_amount(cents, !plain); };
  for (const Line& l : lines) {
    ex->work += l.product.name + ": " + std::to_string(l.quantity) + " x " +
                calculator_step(copied(l.product.unit_price_cents)) + " = " +
                calculator_step(copied(l.amount_cents)) + "\n";
  }
  ex->work += "subtotal: " + calculator_step(copied(subtotal)) +
              "\ntax: " + calculator_step(copied(tax)) +
              "\ntotal: " + calculator_step(copied(total));

  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("vendor").str(vendor.name);
  j.key("invoice_number").str(number);
  j.key("invoice_date").str(fake::iso_date(date));
  j.key("due_date").str(fake::iso_date(due));
  j.key("currency").str(currency.code);
  j.key("line_items").begin_array();
  for (const Line& l : lines) {
    j.begin_object();
    j.key("description").str(l.product.name);
    j.key("quantity").integer(l.quantity);
    j.key("unit_price").raw(calculator_result(copied(l.product.unit_price_cents)));
    j.key("amount").raw(calculator_result(copied(l.amount_cents)));
    j.end_object();
  }
  j.end_array();
  j.key("subtotal").raw(calculator_result(copied(subtotal)));
  j.key("tax").raw(calculator_result(copied(tax)));
  j.key("total").raw(calculator_result(copied(total)));
  j.end_object();
}

}  // namespace

SpecialistSpec invoice_processing_spec() {
  return {"invoice_processing",
          "invoice (4 layouts) -> vendor, number, ISO dates, currency, line items, totals",
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
