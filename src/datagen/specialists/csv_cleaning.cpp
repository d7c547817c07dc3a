// csv_cleaning: a messy CSV export of customer orders (stray spaces, mixed-case names, dates in
// several formats, "$1,234.50", "USD 1,200.00" or "$60" amounts, blank lines, duplicate rows
// copied exactly or written another way, comma, semicolon, pipe or tab delimiters, columns in any
// order under headers in any case) -> the cleaned rows (ISO dates, numeric amounts, title-case
// names, lower-case emails; columns in the file's order) and how many duplicate and blank rows
// were dropped.
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
      out = ascii_upper(out);
      break;
    case 1:
      out = ascii_lower(out);
      break;
    default:
      break;
  }
  return out;
}

struct Row {
  std::string name, email, date;  // clean values
  int64_t cents;
  fake::Date day;
};

// One line of the file: the row it shows (-1 for a blank line), as written.
struct Line {
  int64_t row;
  std::string shown_name;  // the name as the line writes it, spaces around it aside
  std::string raw;
};

// How this file is written: delimiter, column order, header case.
struct FileStyle {
  char delim;
  std::vector<int> order;  // the columns in file order: 0 name, 1 email, 2 date, 3 amount
  bool padded;             // " , " between fields, as some legacy exports write them
  std::string separator() const {
    return padded ? std::string(" ") + delim + " " : std::string(1, delim);
  }
};

const char* const kHeaders[] = {"Customer Name", "Email", "Order Date", "Amount"};
const char* const kKeys[] = {"customer_name", "email", "order_date", "amount"};

// A field that holds the delimiter goes in quotes, as an RFC 4180 writer would put it.
std::string quoted(const std::string& field, char delim) {
  return field.find(delim) == std::string::npos ? field : "\"" + field + "\"";
}

// The row written messily: the name's case, stray spaces, the email's case, a date format and
// an amount style drawn for this line.
Line messy_line(Faker& f, const FileStyle& style, const Row& r, int64_t index) {
  Line line{index, messy_case(f, r.name), ""};
  std::string email = r.email;
  if (f.chance(0.3)) email = ascii_upper(email);
  if (f.chance(0.1)) email = " " + email + " ";
  static const std::vector<fake::DateFormat> kFormats = {
      fake::DateFormat::kIso, fake::DateFormat::kUsSlash, fake::DateFormat::kAbbrev,
      fake::DateFormat::kDashAbbrev};
  const fake::DateFormat df = f.pick(kFormats);
  const std::string date = " " + fake::format_date(r.day, df);
  std::string amount;
  const double how = f.rng().uniform();
  if (how < 0.35) {
    amount = "$" + fake::format_money(r.cents, fake::MoneyStyle::kPlain, usd());
  } else if (how < 0.6) {
    amount = fake::decimal_cents(r.cents);
  } else if (how < 0.85) {
    amount = "$";
    fake::append_grouped_cents(&amount, r.cents);
  } else {
    amount = "USD ";
    fake::append_grouped_cents(&amount, r.cents);
  }
  if (r.cents % 100 == 0 && f.chance(0.5)) amount = amount.substr(0, amount.size() - 3);  // "$60"
  const std::string lead = f.chance(0.3) ? "  " : "";
  const std::string trail = f.chance(0.3) ? " " : "";
  const std::string fields[] = {lead + line.shown_name + trail, email, date, amount};
  const std::string sep = style.separator();
  for (size_t k = 0; k < style.order.size(); ++k) {
    const int column = style.order[k];
    line.raw += (k ? sep : "") + quoted(fields[column], style.delim);
  }
  return line;
}

FileStyle draw_style(Faker& f) {
  static const char kDelims[] = {',', ';', '|', '\t'};
  FileStyle style;
  style.delim = kDelims[f.integer(0, 3)];
  style.order = {0, 1, 2, 3};
  if (f.chance(0.25)) f.rng().shuffle(style.order);
  style.padded = style.delim != '\t' && f.chance(0.1);
  return style;
}

std::string header_line(Faker& f, const FileStyle& style) {
  const int64_t how = f.integer(0, 5);  // title case mostly; lower or upper case now and then
  std::string header;
  const std::string sep = style.separator();
  for (size_t k = 0; k < style.order.size(); ++k) {
    const std::string h = kHeaders[style.order[k]];
    header += (k ? sep : "") + (how == 4 ? ascii_lower(h) : how == 5 ? ascii_upper(h) : h);
  }
  return header;
}

void generate(Faker& f, Example* ex) {
  const FileStyle style = draw_style(f);
  ex->layout_id = static_cast<int>(std::string(",;|\t").find(style.delim));
  std::vector<Row> rows(static_cast<size_t>(f.integer(3, 7)));
  for (Row& r : rows) {
    const fake::Person p = f.person();
    r.name = p.first + " " + p.last;
    r.email = f.personal_email(p);
    r.day = f.recent_date();
    r.date = fake::iso_date(r.day);
    r.cents = f.price_cents(100, 500000);
  }
  std::vector<Line> lines;
  for (size_t i = 0; i < rows.size(); ++i)
    lines.push_back(messy_line(f, style, rows[i], static_cast<int64_t>(i)));
  // Duplicates: an exact copy of an earlier line, or the same row written another way (the same
  // once cleaned).
  const int64_t dups = f.integer(0, 2);
  for (int64_t i = 0; i < dups; ++i) {
    const int64_t src = f.integer(0, static_cast<int64_t>(rows.size()) - 1);
    const int64_t at = f.integer(src + 1, static_cast<int64_t>(lines.size()));
    Line copy = lines[static_cast<size_t>(src)];
    if (f.chance(0.3)) copy = messy_line(f, style, rows[static_cast<size_t>(src)], src);
    lines.insert(lines.begin() + at, copy);
  }
  const int64_t blanks = f.integer(0, 2);
  for (int64_t i = 0; i < blanks; ++i) {
    const int64_t at = f.integer(1, static_cast<int64_t>(lines.size()));
    lines.insert(lines.begin() + at, Line{-1, "", std::string(3, style.delim)});
  }
  std::string doc = header_line(f, style);
  for (const Line& l : lines) doc += "\n" + l.raw;
  // Worked steps, one per line of the file: a blank line, or the row's name as the file writes it,
  // then title-cased ("william burns: William Burns"; copying the cleaned name straight from an
  // upper- or lower-case line, session 23's model wrote another common name in 17 of 23 wrong
  // answers: Burns as Brown, Kim as King), and "@" the line of its first copy (its own line when
  // new; rows identical once cleaned are duplicates too), then a duplicate's running count.
  // Writing the first copy's line after every name turns spotting a duplicate into copying: after
  // a name met before comes what followed it then. The output keeps the first copy of each row,
  // in file order.
  std::vector<std::pair<int64_t, size_t>> kept;  // row, its line number
  int64_t dropped = 0, blank_seen = 0;
  for (size_t line = 1; line <= lines.size(); ++line) {
    const Line& l = lines[line - 1];
    ex->work += std::to_string(line) + " ";
    if (l.row < 0) {
      ex->work += "blank (blank " + std::to_string(++blank_seen) + ")\n";
      continue;
    }
    size_t first = 0;
    for (const auto& [k, at] : kept)
      if (k == l.row) first = at;
    ex->work += l.shown_name + ": " + rows[static_cast<size_t>(l.row)].name + " @";
    if (first == 0) {
      kept.push_back({l.row, line});
      ex->work += std::to_string(line) + "\n";
    } else {
      ex->work += std::to_string(first) + " (duplicate " + std::to_string(++dropped) + ")\n";
    }
  }
  ex->work.pop_back();
  compose_prompt(f, ex, kInstructions, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("columns").begin_array();
  for (int column : style.order) j.str(kKeys[column]);
  j.end_array();
  j.key("rows").begin_array();
  for (const auto& [row, line] : kept) {
    const Row& r = rows[static_cast<size_t>(row)];
    j.begin_object();
    for (int column : style.order) {
      j.key(kKeys[column]);
      if (column == 0) j.str(r.name);
      if (column == 1) j.str(r.email);
      if (column == 2) j.str(r.date);
      if (column == 3) j.money(r.cents);
    }
    j.end_object();
  }
  j.end_array();
  j.key("duplicates_removed").integer(dropped);
  j.key("blank_rows_removed").integer(blanks);
  j.end_object();
}

}  // namespace

SpecialistSpec csv_cleaning_spec() {
  return {"csv_cleaning",
          "messy CSV (any delimiter and column order, cases, spaces, date and money formats, dups, "
          "blanks) -> clean rows + counts",
          {{"columns", FieldKind::kList},
           {"rows", FieldKind::kList},
           {"duplicates_removed", FieldKind::kNumber},
           {"blank_rows_removed", FieldKind::kNumber}},
          &generate};
}

}  // namespace anvil::datagen::specialists
