// purchase_order_matching: a purchase order and the supplier's invoice for it (two-way match)
// with planted discrepancies (quantity, unit price, missing or extra lines) -> match status, each
// discrepancy by SKU and kind, and both totals.
// Worked steps: each PO line's quantity and price compared with the invoice's line for its SKU by
// the calculator (`qty <<same(30,23)=no>> price <<same(113.50,113.50)=yes>> quantity_mismatch`),
// then the invoice's lines the PO does not have.
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Match the invoice against the purchase order. Return JSON: po_number, status (match or "
    "mismatch), discrepancies (sku + issue), po_total, invoice_total.",
    "Two-way match check (PO vs invoice): list every discrepancy.",
    "Does this invoice agree with the PO? Report differences by SKU.",
};

struct Line {
  std::string sku, name;
  int64_t qty, price;
};

void write_lines(const std::vector<Line>& lines, int layout, std::string* doc) {
  for (const Line& l : lines) {
    if (layout == 0) {
      *doc += "  " + column(l.sku, 12) + column(l.name, 30) + column(std::to_string(l.qty), 5) +
              "@ " + fake::decimal_cents(l.price) + "\n";
    } else {
      *doc += "- " + l.sku + ", " + l.name + ", qty " + std::to_string(l.qty) + ", $" +
              fake::decimal_cents(l.price) + " each\n";
    }
  }
}

int64_t total(const std::vector<Line>& lines) {
  int64_t t = 0;
  for (const Line& l : lines) t += l.qty * l.price;
  return t;
}

// Worked steps: each PO line's quantity and price compared with the invoice's line for its SKU
// by the calculator, and what differs; then the invoice's lines the PO does not have.
std::string compare_lines(const std::vector<Line>& ordered, const std::vector<Line>& invoiced) {
  std::string work;
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

void generate(Faker& f, Example* ex) {
  const std::string po = f.po_number();
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
  const double p_issue = f.chance(0.35) ? 0.0 : 0.3;  // a third of the pairs match exactly
  for (const Line& l : ordered) {
    const double r = f.rng().uniform();
    if (r < p_issue * 0.4) {
      Line changed = l;
      const int64_t sign = f.chance(0.5) ? 1 : -1;
      changed.qty = l.qty + sign * f.integer(1, std::max<int64_t>(1, l.qty - 1));
      if (changed.qty == l.qty || changed.qty <= 0) changed.qty = l.qty + 1;
      invoiced.push_back(changed);
      issues.push_back({l.sku, "quantity_mismatch"});
    } else if (r < p_issue * 0.8) {
      Line changed = l;
      changed.price = l.price + f.integer(1, std::max<int64_t>(1, l.price / 10));
      invoiced.push_back(changed);
      issues.push_back({l.sku, "price_mismatch"});
    } else if (r < p_issue) {
      issues.push_back({l.sku, "missing_on_invoice"});
    } else {
      invoiced.push_back(l);
    }
  }
  if (f.chance(p_issue * 0.5)) {
    const fake::Product p = f.product();
    invoiced.push_back({p.sku, p.name, f.integer(1, 10), p.unit_price_cents});
    issues.push_back({p.sku, "not_on_po"});
  }
  const fake::DateFormat df = us_date_format(f);
  const fake::Date po_date = f.recent_date();
  const fake::Date inv_date = fake::add_days(po_date, f.integer(3, 40));
  ex->layout_id = static_cast<int>(f.integer(0, 1));
  std::string doc = "PURCHASE ORDER " + po + "\nBuyer: " + buyer.name +
                    "\nSupplier: " + supplier.name + "\nDate: " + fake::format_date(po_date, df) +
                    "\nLines:\n";
  write_lines(ordered, ex->layout_id, &doc);
  doc += "PO total: $" + fake::decimal_cents(total(ordered)) + "\n\nINVOICE " + f.invoice_number() +
         " (ref. " + po + ")\nFrom: " + supplier.name +
         "\nDate: " + fake::format_date(inv_date, df) + "\nLines:\n";
  write_lines(invoiced, ex->layout_id, &doc);
  doc += "Invoice total: $" + fake::decimal_cents(total(invoiced));
  compose_prompt(f, ex, kInstructions, doc);
  ex->work = compare_lines(ordered, invoiced);
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
          "PO + invoice with planted differences -> status, discrepancies by SKU, both totals",
          {{"po_number", FieldKind::kExact},
           {"status", FieldKind::kText},
           {"discrepancies", FieldKind::kSet},
           {"po_total", FieldKind::kNumber},
           {"invoice_total", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
