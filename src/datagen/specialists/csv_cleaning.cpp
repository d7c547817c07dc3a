// csv_cleaning: a messy CSV export of customer orders (stray spaces, mixed-case names, dates in
// several formats, "$1,234.50"-style amounts, blank lines, exact duplicate rows, ; or ,
// delimiters) -> the cleaned rows (ISO dates, numeric amounts, title-case names, lower-case
// emails) and how many duplicate and blank rows were dropped.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Clean this CSV: trim spaces, title-case names, lower-case emails, ISO dates, numeric "
    "amounts; drop blank and duplicate rows. Return columns, rows, duplicates_removed and "
    "blank_rows_removed.",
    "Normalize the messy CSV export below into clean JSON records.",
    "Fix up this spreadsheet export so it can be loaded into our database.",
};

// Upper- or lower-cases a name sometimes; names whose title case cannot be restored from one
// case ("McDonald", "O'Brien") are left alone.
std::string messy_case(Faker& f, const std::string& s) {
  std::string out = s;
  const int how = static_cast<int>(f.integer(0, 2));
  for (size_t i = 1; i < s.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(s[i])) && s[i - 1] != ' ') return out;
  }
  switch (how) {
    case 0:
      for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      break;
    case 1:
      for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      break;
    default:
      break;
  }
  return out;
}

void generate(Faker& f, Example* ex) {
  struct Row {
    std::string name, email, date, amount;  // clean values
    int64_t cents;
    std::string shown_name;  // the name as the file writes it, spaces around it aside
    std::string raw;         // the messy CSV line
  };
  ex->layout_id = static_cast<int>(f.integer(0, 1));
  const char delim = ex->layout_id == 0 ? ',' : ';';
  std::vector<Row> rows(static_cast<size_t>(f.integer(3, 7)));
  for (Row& r : rows) {
    const fake::Person p = f.person();
    r.name = p.first + " " + p.last;
    r.email = f.personal_email(p);
    const fake::Date d = f.recent_date();
    r.date = fake::iso_date(d);
    r.cents = f.price_cents(100, 500000);
    r.shown_name = messy_case(f, r.name);
    std::string shown_email = r.email;
    if (f.chance(0.3)) {
      for (char& c : shown_email)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    static const std::vector<fake::DateFormat> kFormats = {
        fake::DateFormat::kIso, fake::DateFormat::kUsSlash, fake::DateFormat::kAbbrev,
        fake::DateFormat::kDashAbbrev};
    const fake::DateFormat df = f.pick(kFormats);
    std::string shown_amount =
        f.chance(0.5) ? "$" + fake::format_money(r.cents, fake::MoneyStyle::kPlain, usd())
                      : fake::decimal_cents(r.cents);
    // Amounts with a thousands comma must be quoted in a comma-delimited file.
    if (f.chance(0.3)) {
      std::string grouped = "$";
      fake::append_grouped_cents(&grouped, r.cents);
      shown_amount = delim == ',' ? "\"" + grouped + "\"" : grouped;
    }
    // So must dates with a comma ("Mar 7, 2024"): the whole field, its leading space included,
    // goes in quotes, as an RFC 4180 writer would put it.
    std::string shown_date = " " + fake::format_date(d, df);
    if (shown_date.find(delim) != std::string::npos) shown_date = "\"" + shown_date + "\"";
    const std::string lead = f.chance(0.3) ? "  " : "";
    const std::string trail = f.chance(0.3) ? " " : "";
    r.raw = lead + r.shown_name + trail + delim + shown_email + delim + shown_date + delim +
            shown_amount;
  }
  // Each line of the file: the row it shows, or -1 for a blank line.
  std::vector<int64_t> line_rows;
  for (size_t i = 0; i < rows.size(); ++i) line_rows.push_back(static_cast<int64_t>(i));
  const int64_t dups = f.integer(0, 2);
  for (int64_t i = 0; i < dups; ++i) {
    const int64_t src = f.integer(0, static_cast<int64_t>(rows.size()) - 1);
    const int64_t at = f.integer(src + 1, static_cast<int64_t>(line_rows.size()));
    line_rows.insert(line_rows.begin() + at, src);
  }
  const int64_t blanks = f.integer(0, 2);
  for (int64_t i = 0; i < blanks; ++i) {
    const int64_t at = f.integer(1, static_cast<int64_t>(line_rows.size()));
    line_rows.insert(line_rows.begin() + at, -1);
  }
  std::string doc =
      std::string("Customer Name") + delim + " Email" + delim + "Order Date" + delim + "Amount";
  for (int64_t r : line_rows)
    doc += "\n" + (r < 0 ? std::string(3, delim) : rows[static_cast<size_t>(r)].raw);
  // Worked steps, one per line of the file: a blank line, or the row's name as the file writes it,
  // then title-cased ("william burns: William Burns"; copying the cleaned name straight from an
  // upper- or lower-case line, session 23's model wrote another common name in 17 of 23 wrong
  // answers: Burns as Brown, Kim as King), and "@" the line of its first copy (its own line when
  // new; rows identical once cleaned are duplicates too), then a duplicate's running count. Writing
  // the first copy's line after every name turns spotting a duplicate into copying: after a name
  // met before comes what followed it then. The output keeps the first copy of each row, in file
  // order.
  std::vector<std::pair<const Row*, size_t>> kept;  // row, its line number
  int64_t dropped = 0, blank_seen = 0;
  for (size_t line = 1; line <= line_rows.size(); ++line) {
    const int64_t r = line_rows[line - 1];
    ex->work += std::to_string(line) + " ";
    if (r < 0) {
      ex->work += "blank (blank " + std::to_string(++blank_seen) + ")\n";
      continue;
    }
    const Row& row = rows[static_cast<size_t>(r)];
    size_t first = 0;
    for (const auto& [k, at] : kept)
      if (k->name == row.name && k->email == row.email && k->date == row.date &&
          k->cents == row.cents)
        first = at;
    if (first == 0) {
      kept.push_back({&row, line});
      ex->work += row.shown_name + ": " + row.name + " @" + std::to_string(line) + "\n";
    } else {
      ex->work += row.shown_name + ": " + row.name + " @" + std::to_string(first) + " (duplicate " +
                  std::to_string(++dropped) + ")\n";
    }
  }
  ex->work.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("columns").begin_array().str("customer_name").str("email").str("order_date").str("amount");
  j.end_array();
  j.key("rows").begin_array();
  for (const auto& [r, line] : kept) {
    j.begin_object().key("customer_name").str(r->name).key("email").str(r->email);
    j.key("order_date").str(r->date).key("amount").money(r->cents).end_object();
  }
  j.end_array();
  j.key("duplicates_removed").integer(dropped);
  j.key("blank_rows_removed").integer(blanks);
  j.end_object();
}

}  // namespace

SpecialistSpec csv_cleaning_spec() {
  return {"csv_cleaning",
          "messy CSV (cases, spaces, date and money formats, dups, blanks) -> clean rows + counts",
          {{"columns", FieldKind::kList},
           {"rows", FieldKind::kList},
           {"duplicates_removed", FieldKind::kNumber},
           {"blank_rows_removed", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
