// table_to_json: a table (markdown, ASCII box, TSV, HTML) of employees, products or orders ->
// its column names (snake_case) and rows as objects, numbers as numbers.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Convert this table to JSON: columns (snake_case) and rows (one object per row; numbers as "
    "numbers).",
    "Turn the table below into a JSON array of records.",
    "Parse the table. Return {\"columns\": [...], \"rows\": [...]}.",
};

struct Cell {
  std::string text;  // as shown in the table
  std::string json;  // canonical JSON value
};

void generate(Faker& f, Example* ex) {
  const int kind = static_cast<int>(f.integer(0, 2));
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows(static_cast<size_t>(f.integer(2, 6)));
  auto text_cell = [](const std::string& s) {
    Cell c{s, ""};
    append_json_string(s, &c.json);
    return c;
  };
  if (kind == 0) {
    header = {"Name", "Department", "Title", "Salary", "Start Date"};
    for (auto& r : rows) {
      const fake::Person p = f.person();
      const std::string dept = f.department();
      const std::string title = f.job_title();
      const int64_t salary = f.integer(40, 220) * 1000;
      const fake::Date start = f.date_between({2005, 1, 1}, {2025, 6, 30});
      r = {text_cell(p.full()),
           text_cell(dept),
           text_cell(title),
           {std::to_string(salary), std::to_string(salary)},
           text_cell(fake::iso_date(start))};
    }
  } else if (kind == 1) {
    header = {"SKU", "Product", "Category", "Unit Price", "In Stock"};
    for (auto& r : rows) {
      const fake::Product p = f.product();
      const int64_t stock = f.integer(0, 900);
      r = {text_cell(p.sku),
           text_cell(p.name),
           text_cell(p.category),
           {fake::decimal_cents(p.unit_price_cents), fake::decimal_cents(p.unit_price_cents)},
           {std::to_string(stock), std::to_string(stock)}};
    }
  } else {
    header = {"Order ID", "Customer", "City", "Items", "Total"};
    for (auto& r : rows) {
      const std::string id = f.reference("ORD-", 6);
      const fake::Person p = f.person();
      const fake::City& city = f.pick(f.locale().cities);
      const int64_t items = f.integer(1, 12);
      const int64_t total = f.price_cents(999, 250000);
      r = {text_cell(id),
           text_cell(p.full()),
           text_cell(std::string(city.name)),
           {std::to_string(items), std::to_string(items)},
           {fake::decimal_cents(total), fake::decimal_cents(total)}};
    }
  }
  ex->layout_id = static_cast<int>(f.integer(0, 3));
  std::string doc;
  if (ex->layout_id == 0) {  // markdown
    doc += "|";
    for (const auto& h : header) doc += " " + h + " |";
    doc += "\n|";
    for (size_t i = 0; i < header.size(); ++i) doc += "---|";
    for (const auto& r : rows) {
      doc += "\n|";
      for (const Cell& c : r) doc += " " + c.text + " |";
    }
  } else if (ex->layout_id == 1) {  // ASCII box
    std::vector<size_t> w(header.size());
    for (size_t i = 0; i < header.size(); ++i) {
      w[i] = header[i].size();
      for (const auto& r : rows) w[i] = std::max(w[i], r[i].text.size());
    }
    std::string rule = "+";
    for (size_t x : w) rule += std::string(x + 2, '-') + "+";
    doc += rule + "\n|";
    for (size_t i = 0; i < header.size(); ++i) doc += " " + pad(header[i], w[i]) + " |";
    doc += "\n" + rule;
    for (const auto& r : rows) {
      doc += "\n|";
      for (size_t i = 0; i < r.size(); ++i) doc += " " + pad(r[i].text, w[i]) + " |";
    }
    doc += "\n" + rule;
  } else if (ex->layout_id == 2) {  // TSV
    for (size_t i = 0; i < header.size(); ++i) doc += (i ? "\t" : "") + header[i];
    for (const auto& r : rows) {
      doc += "\n";
      for (size_t i = 0; i < r.size(); ++i) doc += (i ? "\t" : "") + r[i].text;
    }
  } else {  // HTML
    doc += "<table>\n  <tr>";
    for (const auto& h : header) doc += "<th>" + h + "</th>";
    doc += "</tr>";
    for (const auto& r : rows) {
      doc += "\n  <tr>";
      for (const Cell& c : r) doc += "<td>" + c.text + "</td>";
      doc += "</tr>";
    }
    doc += "\n</table>";
  }
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("columns").begin_array();
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(snake_label(h));
  for (const auto& k : keys) j.str(k);
  j.end_array();
  j.key("rows").begin_array();
  for (const auto& r : rows) {
    j.begin_object();
    for (size_t i = 0; i < r.size(); ++i) j.key(keys[i]).raw(r[i].json);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec table_to_json_spec() {
  return {"table_to_json",
          "tables (markdown, ASCII box, TSV, HTML) -> columns and typed row objects",
          {{"columns", FieldKind::kList}, {"rows", FieldKind::kList}},
          &generate};
}

}  // namespace anvil::datagen::specialists
