// purchase_order_matching: a purchase order and the supplier's invoice for it (two-way match)
// with planted discrepancies (quantity, unit price, missing or extra lines) -> match status, each
// discrepancy by SKU and kind, and both totals. Each section as fixed columns, a dash list, a
// Markdown table, a CSV export, an ERP item table or "25 @ 18.00" lines; the invoice's lines now
// and then in another order or in capitals, the invoice first now and then.
// Worked steps: the invoice's lines first, copied in its order (`invoice 3NKA7 20 14.20`), then
// each PO line's quantity and price compared with the invoice's line for its SKU by the calculator
// (`qty <<same(30,23)=no>> price <<same(113.50,113.50)=yes>> quantity_mismatch`), then the
// invoice's lines the PO does not have; a CSV section's total summed by the calculator. Without
// the invoice's lines listed first (until session 36), session 35's model wrote the order's value
// twice in 30 of 32 differing comparisons: the SKU is printed in both sections and the invoice's
// value had to be found at its second occurrence; the listing is its latest, and sequential.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Match the invoice against the purchase order. Return JSON: po_number, status (match or "
    "mismatch), discrepancies (sku + issue), po_total, invoice_total.",
    "Two-way match check (PO vs invoice): list every discrepancy.",
    "Check the invoice against the PO and list differences by SKU.",
};

// Requests phrased from parts too (half of them): until session 34 every prompt held one of the
// three instructions above verbatim.
const InstructionParts kParts = {
    {"Match", "Check", "Reconcile", "Compare", "Run a two-way match on", "Verify"},
    {"this invoice against our purchase order", "the supplier's bill and the PO below",
     "the order and invoice below", "this PO with the invoice we got", "these two documents"},
    {"as JSON", "and list every discrepancy by SKU", "- do the lines and totals agree?",
     "(status, discrepancies, both totals)", "and flag quantity or price differences"},
};

struct Line {
  std::string sku, name;
  int64_t qty, price;
};

// How a section lists its lines: fixed columns, a dash list, a Markdown table, a CSV export, an
// ERP's item table (item numbers 10, 20, ... and units of measure) or "25 @ 18.00" lines.
enum class Style { kColumns, kDashes, kMarkdown, kCsv, kErp, kAt, kCount };

// One section's lines. `po` says whether it is the order (its CSV rows carry the PO number and a
// line number; an invoice's carry its number and the PO it refers to).
std::string write_lines(const std::vector<Line>& lines, Style style, bool po,
                        const std::string& number, const std::string& po_number) {
  std::string doc;
  if (style == Style::kMarkdown) doc = "| SKU | Description | Qty | Price |\n|---|---|---|---|\n";
  if (style == Style::kCsv)
    doc =
        po ? "po,line_no,item_code,item,quantity,price\n" : "invoice,po,item_code,quantity,price\n";
  if (style == Style::kErp)
    doc = pad("Pos", 6) + pad("Part no.", 14) + pad("Text", 32) + pad("Qty", 5) + pad("Unit", 5) +
          "Price\n";
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    const std::string qty = std::to_string(l.qty), price = fake::decimal_cents(l.price);
    switch (style) {
      case Style::kColumns:
        doc += "  " + column(l.sku, 12) + column(l.name, 30) + column(qty, 5) + "@ " + price;
        break;
      case Style::kDashes:
        doc += "- " + l.sku + ", " + l.name + ", qty " + qty + ", $" + price + " each";
        break;
      case Style::kMarkdown:
        doc += "| " + l.sku + " | " + l.name + " | " + qty + " | " + price + " |";
        break;
      case Style::kCsv:
        doc += po ? number + "," + std::to_string(k + 1) + "," + l.sku + "," + l.name + "," + qty +
                        "," + price
                  : number + "," + po_number + "," + l.sku + "," + qty + "," + price;
        break;
      case Style::kErp:
        doc += column(std::to_string(10 * (k + 1)), 6) + column(l.sku, 14) + column(l.name, 32) +
               column(qty, 5) + column("EA", 5) + price;
        break;
      default:
        doc += po ? column(l.sku, 14) + column(l.name, 30) + qty + " @ " + price
                  : "- " + column(l.sku, 14) + column(l.name, 30) + "x " + qty + "   $" + price;
    }
    doc += "\n";
  }
  return doc;
}

int64_t total(const std::vector<Line>& lines) {
  int64_t t = 0;
  for (const Line& l : lines) t += l.qty * l.price;
  return t;
}

// A section without a printed total (a CSV export) gets its sum worked out by the calculator:
// "po total: <<round(40*6.79+2*389.00,2)=1253.10>>".
std::string total_step(const std::string& label, const std::vector<Line>& lines) {
  std::string sum;
  for (const Line& l : lines)
    sum += (sum.empty() ? "" : "+") + std::to_string(l.qty) + "*" + fake::decimal_cents(l.price);
  return label + " total: " + calculator_step("round(" + sum + ",2)");
}

// Worked steps: the invoice's lines as listed, then each PO line's quantity and price compared
// with the invoice's line for its SKU by the calculator, and what differs; then the invoice's
// lines the PO does not have.
std::string compare_lines(const std::vector<Line>& ordered, const std::vector<Line>& invoiced) {
  std::string work;
  for (const Line& i : invoiced)
    work += "invoice " + i.sku + " " + std::to_string(i.qty) + " " + fake::decimal_cents(i.price) +
            "\n";
  for (const Line& o : ordered) {
    const Line* inv = nullptr;
    for (const Line& i : invoiced)
      if (i.sku == o.sku) inv = &i;
    work += o.sku + ": ";
    if (!inv) {
      work += "- missing_on_invoice\n";
      continue;
    }
    work +=
        "qty " +
        calculator_step("same(" + std::to_string(o.qty) + "," + std::to_string(inv->qty) + ")") +
        " price " +
        calculator_step("same(" + fake::decimal_cents(o.price) + "," +
                        fake::decimal_cents(inv->price) + ")") +
        (inv->qty != o.qty       ? " quantity_mismatch\n"
         : inv->price != o.price ? " price_mismatch\n"
                                 : " ok\n");
  }
  for (const Line& i : invoiced) {
    bool on_po = false;
    for (const Line& o : ordered) on_po |= o.sku == i.sku;
    if (!on_po) work += i.sku + ": - not_on_po\n";
  }
  work.pop_back();
  return work;
}

// The invoice's lines as a supplier writes them: now and then in another order, or with the
// descriptions in capitals as its own system prints them.
std::vector<Line> as_supplier_writes(Faker& f, std::vector<Line> lines) {
  const bool reordered = f.chance(0.4);
  const bool capitals = f.chance(0.25);
  if (reordered) f.rng().shuffle(lines);
  if (capitals) {
    for (Line& l : lines) l.name = ascii_upper(l.name);
  }
  return lines;
}

// A section's heading, from layout 2 on in one of the ways buyers and suppliers head them.
std::string po_heading(Faker& f, bool classic, const std::string& po, const fake::Company& buyer,
                       const fake::Company& supplier, const std::string& when) {
  if (classic)
    return "PURCHASE ORDER " + po + "\nBuyer: " + buyer.name + "\nSupplier: " + supplier.name +
           "\nDate: " + when + "\nLines:\n";
  return expand(
      f.pick(std::vector<std::string_view>{
          "PO {po} - supplier {supplier}\n", "**Order {po}** ({buyer} buying from {supplier})\n\n",
          "Our purchase order {po}, placed {when}:\n",
          "PURCHASE ORDER {po}\nBuyer: {buyer}\nSupplier: {supplier}\n"}),
      {{"po", po}, {"supplier", supplier.name}, {"buyer", buyer.name}, {"when", when}});
}

std::string invoice_heading(Faker& f, bool classic, const std::string& number,
                            const std::string& po, const fake::Company& supplier,
                            const std::string& when) {
  if (classic)
    return "INVOICE " + number + " (ref. " + po + ")\nFrom: " + supplier.name + "\nDate: " + when +
           "\nLines:\n";
  return expand(
      f.pick(std::vector<std::string_view>{
          "{supplier} bill {number} against {po}\n", "**Invoice no. {number}** (order {po})\n\n",
          "Invoice {number} / order {po}\n", "INVOICE {number} (ref. {po})\nFrom: {supplier}\n"}),
      {{"po", po}, {"supplier", supplier.name}, {"number", number}});
}

// A section's total line as printed ("PO value: USD 750.68"); none under a CSV export.
std::string total_line(Faker& f, bool classic, Style style, bool po, int64_t cents) {
  if (style == Style::kCsv) return "";
  const std::string amount = fake::decimal_cents(cents);
  if (classic) return (po ? "PO total: $" : "Invoice total: $") + amount;
  const std::vector<std::string_view> labels =
      po ? std::vector<std::string_view>{"PO total: $", "Order value: $", "Total: $", "PO total $"}
         : std::vector<std::string_view>{"Invoice total: $", "Amount due: $", "Balance: USD ",
                                         "Total $"};
  return std::string(f.pick(labels)) + amount;
}

// The order's number as buyers' systems write it: "PO-48213" or "PO20231234" (Faker's, two in
// five), an ERP's bare number ("4500018832", "73310"), letters and digits ("HL-5521"), year,
// department and sequence ("2024-IT-0338") or "PO/2025/0093". Until session 33 every number began
// with "PO", and session 27's model wrote "PO-45000" for 4500018832 and "PO-7719" for 7719 on 7
// of the 8 hand-written orders whose number does not.
std::string order_number(Faker& f) {
  const int64_t shape = f.integer(0, 9);
  if (shape <= 3) return f.po_number();
  if (shape == 4) return "45" + f.digits(8);
  if (shape == 5)
    return std::to_string(f.integer(1, 9)) + f.digits(static_cast<int>(f.integer(3, 6)));
  if (shape == 6) return f.letters(2) + "-" + f.digits(4);
  const std::string year = std::to_string(f.integer(2019, 2026));
  if (shape == 7)
    return year + "-" +
           std::string(f.pick(std::vector<std::string_view>{"IT", "OPS", "FAC", "MKT"})) + "-" +
           f.digits(4);
  if (shape == 8) return "PO/" + year + "/" + f.digits(4);
  return "ORD-" + year + "-" + f.digits(4);
}

Style draw_style(Faker& f) {
  return static_cast<Style>(f.integer(0, static_cast<int64_t>(Style::kCount) - 1));
}

void generate(Faker& f, Example* ex) {
  const std::string po = order_number(f);
  const fake::Company buyer = f.company();
  const fake::Company supplier = f.company();
  std::vector<Line> ordered(static_cast<size_t>(f.integer(2, 6)));
  for (Line& l : ordered) {
    const fake::Product p = f.product();
    l = {p.sku, p.name, f.integer(1, 50), p.unit_price_cents};
  }
  std::vector<Line> invoiced;
  struct Issue {
    std::string sku;
    std::string_view issue;
  };
  std::vector<Issue> issues;
  // A third of the pairs match exactly. The others have at least one discrepancy, and each line
  // one at a rate of the pair's own (30-80%). Until session 34 a line had one at 30% in two pairs
  // out of three and no pair had to have one: 8.3% of the quantity and price comparisons were
  // `no`, and session 27's model called 11 of 11 hand-written pairs a match, 9 of them not.
  const bool matches = f.chance(0.35);
  const double p_issue = matches ? 0.0 : 0.3 + 0.5 * f.rng().uniform();
  const size_t planted =
      static_cast<size_t>(f.integer(0, static_cast<int64_t>(ordered.size()) - 1));
  for (size_t k = 0; k < ordered.size(); ++k) {
    const Line& l = ordered[k];
    const double r = k == planted ? p_issue * f.rng().uniform() : f.rng().uniform();
    if (r < p_issue * 0.4) {
      Line changed = l;
      const int64_t sign = f.chance(0.5) ? 1 : -1;
      changed.qty = l.qty + sign * f.integer(1, std::max<int64_t>(1, l.qty - 1));
      if (changed.qty == l.qty || changed.qty <= 0) changed.qty = l.qty + 1;
      invoiced.push_back(changed);
      issues.push_back({l.sku, "quantity_mismatch"});
    } else if (r < p_issue * 0.8) {
      Line changed = l;
      const int64_t change = f.integer(1, std::max<int64_t>(1, l.price / 10));
      // One price in three comes lower than ordered (a discount the order did not have).
      changed.price = f.chance(1.0 / 3) && l.price > change ? l.price - change : l.price + change;
      invoiced.push_back(changed);
      issues.push_back({l.sku, "price_mismatch"});
    } else if (r < p_issue) {
      issues.push_back({l.sku, "missing_on_invoice"});
    } else {
      invoiced.push_back(l);
    }
  }
  if (invoiced.empty()) {
    // Every line went missing: the supplier billed the last one after all (the others stay
    // missing), so the invoice has a line to print and total.
    invoiced.push_back(ordered.back());
    issues.pop_back();
  }
  if (f.chance(p_issue * 0.5)) {
    const fake::Product p = f.product();
    invoiced.push_back({p.sku, p.name, f.integer(1, 10), p.unit_price_cents});
    issues.push_back({p.sku, "not_on_po"});
  }
  const fake::DateFormat df = us_date_format(f);
  const fake::Date po_date = f.recent_date();
  const fake::Date inv_date = fake::add_days(po_date, f.integer(3, 40));
  const std::string invoice_number = f.invoice_number();
  const std::vector<Line> shown = as_supplier_writes(f, invoiced);
  // Layouts 0-1 as before (both sections fixed columns or dash lists, the order first); from 2
  // each section in a style of its own half the time, the supplier's invoice first a quarter.
  ex->layout_id = static_cast<int>(f.integer(0, 5));
  const bool classic = ex->layout_id <= 1;
  const Style po_style = classic ? static_cast<Style>(ex->layout_id) : draw_style(f);
  const bool same_style = classic || f.chance(0.5);
  const Style inv_style = same_style ? po_style : draw_style(f);
  const bool invoice_first = !classic && f.chance(0.25);
  std::string po_section =
      po_heading(f, classic, po, buyer, supplier, fake::format_date(po_date, df)) +
      write_lines(ordered, po_style, true, po, po) +
      total_line(f, classic, po_style, true, total(ordered));
  std::string inv_section =
      invoice_heading(f, classic, invoice_number, po, supplier, fake::format_date(inv_date, df)) +
      write_lines(shown, inv_style, false, invoice_number, po) +
      total_line(f, classic, inv_style, false, total(invoiced));
  while (po_section.back() == '\n') po_section.pop_back();
  while (inv_section.back() == '\n') inv_section.pop_back();
  const std::string doc = invoice_first ? "Hi - our bill for your order follows.\n\n" +
                                              inv_section + "\n\n" + po_section
                                        : po_section + "\n\n" + inv_section;
  compose_prompt(f, ex, kInstructions, kParts, doc);
  ex->work = compare_lines(ordered, shown);
  if (po_style == Style::kCsv) ex->work += "\n" + total_step("po", ordered);
  if (inv_style == Style::kCsv) ex->work += "\n" + total_step("invoice", shown);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("po_number").str(po);
  j.key("status").str(issues.empty() ? "match" : "mismatch");
  j.key("discrepancies").begin_array();
  for (const Issue& i : issues)
    j.begin_object().key("sku").str(i.sku).key("issue").str(i.issue).end_object();
  j.end_array();
  j.key("po_total").money(total(ordered));
  j.key("invoice_total").money(total(invoiced));
  j.end_object();
}

}  // namespace

SpecialistSpec purchase_order_matching_spec() {
  return {"purchase_order_matching",
          "PO + invoice (6 styles) with planted differences -> status, discrepancies by SKU, both "
          "totals",
          {{"po_number", FieldKind::kExact},
           {"status", FieldKind::kText},
           {"discrepancies", FieldKind::kSet},
           {"po_total", FieldKind::kNumber},
           {"invoice_total", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
