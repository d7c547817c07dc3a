// table_to_json: a table -> its column names (snake_case) and rows as objects, numbers as numbers.
// Tables as people paste them: Markdown (with or without outer pipes, with alignment colons), an
// ASCII box as MySQL prints it, psql output, box-drawing characters as DuckDB prints them, columns
// aligned by spaces as kubectl prints them, a reStructuredText simple table, TSV, CSV, HTML, an
// org-mode table, tabulate's grid, pandas' to_string. The
// columns are drawn from an open pool (names, places, teams, plans, statuses, dates, counts, money,
// measures with units such as "Max (°F)", times, tickers, one-decimal and signed numbers, numbers
// with thousands commas, pod readiness and ages, short descriptions) and, one in five, invented
// ones ("Rusoa score"), two to six of them, headers in any case.
// Worked steps (no calculator): each header numbered as the table prints it with its key
// ("2 Unit Price: unit_price"), then each row numbered with its first cell as printed ("row 2
// Omaha"); the answer's keys are the listed ones and its rows the listed ones, in order. Without
// them (session 23) the model dropped or repeated columns and wrote rows the table does not have.
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

const InstructionParts kParts = {
    {"Convert", "Turn", "Parse", "Give me", "Transform"},
    {"this table", "the table below", "that result", "this output", "this"},
    {"into JSON", "as JSON (columns + rows)", "into JSON records", "to JSON with columns and rows",
     "(columns in snake_case, rows as objects)"},
};

struct Cell {
  std::string text;  // as shown in the table
  std::string json;  // canonical JSON value
  bool number;
};

// A kind of column: its possible headers and how a value is drawn.
struct ColumnKind {
  std::vector<std::string_view> headers;
  int value;  // which draw in cell()
};

const std::vector<ColumnKind> kKeyColumns = {
    {{"Name", "Player", "Staff Member", "Customer", "Owner"}, 0},
    {{"City", "Location", "Office"}, 1},
    {{"Region", "Territory"}, 2},
    {{"Team", "Company", "Vendor"}, 3},
    {{"Plan", "Tier"}, 4},
    {{"Item", "Product"}, 5},
    {{"Order ID", "SKU", "Code"}, 6},
    {{"id", "ID", "#"}, 7},
    {{"Ticker", "Symbol"}, 22},
    {{"Task", "Details"}, 26},
};
const std::vector<ColumnKind> kOtherColumns = {
    {{"Email", "Contact"}, 8},
    {{"Department", "Dept"}, 9},
    {{"Title", "Role"}, 10},
    {{"Status", "State"}, 11},
    {{"Start Date", "Date", "Joined", "Updated"}, 12},
    {{"Games", "Points", "Qty", "Stock", "Qty Sold", "Orders", "Seats", "Crashes", "Items"}, 13},
    {{"Price", "Unit Price", "Cost Each", "Revenue", "Total", "MRR", "Price / Month"}, 14},
    {{"Max (°F)", "Min (°F)", "Temp (°F)"}, 15},
    {{"Disk (GB)", "Mass (kg)", "Distance (mi)"}, 17},
    {{"Year", "Season"}, 16},
    {{"City", "Location"}, 1},
    {{"Team", "Company"}, 3},
    {{"Plan", "Tier"}, 4},
    {{"Temp", "Hours", "Effort (h)", "Average Age", "Rating", "Mass (lb)"}, 18},
    {{"Change", "Delta", "Variance"}, 19},
    {{"Inhabitants", "Volume", "Visitors", "Downloads"}, 20},
    {{"Departs", "Arrives", "Start", "End"}, 21},
    {{"Ticker", "Symbol", "IATA"}, 22},
    {{"Outlook", "Weather"}, 23},
    {{"Ready"}, 24},
    {{"Age", "Uptime"}, 25},
    {{"Details", "Notes", "Trip", "Task"}, 26},
};

// An invented column's header, one in five of the other columns: a word no list has, alone or
// with a general word ("Velbrant", "Rusoa score", "Kostam (m)"), over integers, one-decimal
// numbers or invented words. Until session 33 every header came from the lists above, and
// session 27's model got none of 29 hand-written column keys off them right ("rebounds", "isbn").
std::string invented_header(Faker& f) {
  static const std::vector<std::string_view> kTails = {"",       "",      "",       " score",
                                                       " count", " rate", " index", " level",
                                                       " (m)",   " code", " ratio", " total"};
  return f.coined_name(2, 3) + std::string(f.pick(kTails));
}
const std::vector<int> kInventedValues = {13, 18, 27};  // integers, one-decimal numbers, words

// A header's JSON key: snake_case, and "id" for "#" (which has no letters; its key was "" before
// session 33).
std::string column_key(const std::string& header) {
  const std::string key = snake_label(header);
  return key.empty() ? "id" : key;
}

Cell text_cell(const std::string& s) {
  Cell c{s, "", false};
  append_json_string(s, &c.json);
  return c;
}

Cell number_cell(const std::string& s) { return {s, s, true}; }

// Kinds 18 and up: one-decimal and signed numbers, numbers with thousands commas (plain in the
// JSON), times, tickers, conditions, pod readiness and ages, short descriptions.
Cell more_cell(Faker& f, int value) {
  static const std::vector<std::string_view> kConditions = {
      "Sunny", "Overcast", "Flurries", "Windy", "Partly cloudy", "Rain", "Fog"};
  static const std::vector<std::string_view> kReady = {"1/1", "0/1", "2/2", "1/2", "3/3"};
  static const std::vector<std::string_view> kAgeUnits = {"d", "h", "m"};
  switch (value) {
    case 18: {
      const int64_t tenths = f.integer(5, 1200);
      return number_cell(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
    }
    case 19: {
      const int64_t cents = f.integer(-2500, 2500);
      const std::string digits = fake::decimal_cents(std::abs(cents));
      return number_cell((cents < 0 ? "-" : "") + digits);
    }
    case 20: {
      const int64_t n = f.integer(1000, 9999999);
      return {fake::grouped_integer(n), std::to_string(n), true};
    }
    case 21: {
      const int64_t minutes = f.integer(5 * 60, 23 * 60 + 59);
      char t[8];
      std::snprintf(t, sizeof t, "%02d:%02d", static_cast<int>(minutes / 60),
                    static_cast<int>(minutes % 60));
      return text_cell(t);
    }
    case 22:
      return text_cell(ascii_upper(f.letters(static_cast<int>(f.integer(3, 5)))));
    case 23:
      return text_cell(std::string(f.pick(kConditions)));
    case 24:
      return text_cell(std::string(f.pick(kReady)));
    case 25: {
      const int64_t n = f.integer(1, 59);
      return text_cell(std::to_string(n) + std::string(f.pick(kAgeUnits)));
    }
    case 27:
      return text_cell(f.coined_name(1, 3));
    default: {
      std::string phrase = f.sentence(3, 5);
      while (!phrase.empty() && (phrase.back() == '.' || phrase.back() == '?')) phrase.pop_back();
      return text_cell(phrase);
    }
  }
}

Cell cell(Faker& f, int value) {
  static const std::vector<std::string_view> kRegions = {"North", "South",     "East",
                                                         "West",  "Northeast", "Midwest"};
  static const std::vector<std::string_view> kPlans = {"Starter",  "Pro",        "Team",
                                                       "Business", "Enterprise", "solo"};
  static const std::vector<std::string_view> kStatuses = {"Running", "Pending", "Active",
                                                          "Paused",  "Closed",  "Shipped"};
  switch (value) {
    case 0:
      return text_cell(f.person().full());
    case 1:
      return text_cell(std::string(f.pick(f.locale().cities).name));
    case 2:
      return text_cell(std::string(f.pick(kRegions)));
    case 3:
      return text_cell(f.chance(0.5) ? f.company().name : f.coined_name(2, 3) + " Hawks");
    case 4:
      return text_cell(std::string(f.pick(kPlans)));
    case 5:
      return text_cell(f.product().name);
    case 6:
      return text_cell(f.reference("ORD-", 6));
    case 7:
      return number_cell(std::to_string(f.integer(1, 999)));
    case 8:
      return text_cell(f.personal_email(f.person()));
    case 9:
      return text_cell(f.department());
    case 10:
      return text_cell(f.job_title());
    case 11:
      return text_cell(std::string(f.pick(kStatuses)));
    case 12:
      return text_cell(fake::iso_date(f.date_between({2005, 1, 1}, {2025, 6, 30})));
    case 13:
      return number_cell(std::to_string(f.integer(0, 2000)));
    case 14:
      return number_cell(fake::decimal_cents(f.price_cents(99, 2500000)));
    case 15:
      return number_cell(std::to_string(f.integer(-10, 120)));
    case 16:
      return number_cell(std::to_string(f.integer(2015, 2025)));
    case 17:
      return number_cell(std::to_string(f.integer(1, 500)));
    default:
      return more_cell(f, value);
  }
}

using Rows = std::vector<std::vector<Cell>>;

std::string escaped_html(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? std::string("&amp;") : std::string(1, c);
  return out;
}

std::string csv_field(const std::string& s) {
  return s.find(',') == std::string::npos ? s : "\"" + s + "\"";
}

std::vector<size_t> widths(const std::vector<std::string>& header, const Rows& rows) {
  std::vector<size_t> w(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    w[i] = header[i].size();
    for (const auto& r : rows) w[i] = std::max(w[i], r[i].text.size());
  }
  return w;
}

// Right-aligned if a number, as database shells print them.
std::string aligned(const Cell& c, size_t width) {
  return c.number ? std::string(width - c.text.size(), ' ') + c.text : pad(c.text, width);
}

// The layouts, each a function of header and rows.
enum Layout {
  kMarkdown,
  kAsciiBox,
  kTsv,
  kHtml,
  kPsql,
  kBoxDrawing,
  kSpaced,
  kRst,
  kCsv,
  kOrg,     // Emacs org-mode: "|---+---|" under the header, numbers right-aligned
  kGrid,    // Python tabulate's "grid": a rule between every row, "+===+" under the header
  kPandas,  // pandas DataFrame.to_string(index=False): right-aligned, no rules
  kLayoutCount
};

std::string render(Faker& f, Layout layout, const std::vector<std::string>& header,
                   const Rows& rows) {
  const std::vector<size_t> w = widths(header, rows);
  const size_t n = header.size();
  std::string doc;
  switch (layout) {
    case kMarkdown: {
      const bool outer = f.chance(0.6);
      const bool colons = f.chance(0.4);
      auto line = [&](const std::vector<std::string>& cells) {
        std::string s = outer ? "| " : "";
        for (size_t i = 0; i < n; ++i) s += (i ? " | " : "") + cells[i];
        return s + (outer ? " |" : "");
      };
      doc = line(header) + "\n";
      std::vector<std::string> rule(n, "---");
      if (colons) {
        for (size_t i = 0; i < n; ++i) rule[i] = rows[0][i].number ? "---:" : ":---";
      }
      doc += line(rule);
      for (const auto& r : rows) {
        std::vector<std::string> cells;
        for (const Cell& c : r) cells.push_back(c.text);
        doc += "\n" + line(cells);
      }
      return doc;
    }
    case kAsciiBox: {
      std::string rule = "+";
      for (size_t x : w) rule += std::string(x + 2, '-') + "+";
      doc = rule + "\n|";
      for (size_t i = 0; i < n; ++i) doc += " " + pad(header[i], w[i]) + " |";
      doc += "\n" + rule;
      for (const auto& r : rows) {
        doc += "\n|";
        for (size_t i = 0; i < n; ++i) doc += " " + aligned(r[i], w[i]) + " |";
      }
      doc += "\n" + rule;
      if (f.chance(0.5)) doc += "\n" + std::to_string(rows.size()) + " rows in set (0.01 sec)";
      return doc;
    }
    case kTsv:
    case kCsv: {
      const std::string sep = layout == kTsv ? "\t" : ",";
      for (size_t i = 0; i < n; ++i) doc += (i ? sep : "") + header[i];
      for (const auto& r : rows) {
        doc += "\n";
        for (size_t i = 0; i < n; ++i) {
          doc += (i ? sep : "") + (layout == kCsv ? csv_field(r[i].text) : r[i].text);
        }
      }
      return doc;
    }
    case kHtml: {
      // Indented with or without thead/tbody, or on one line with a caption; numbers perhaps
      // right-aligned by an attribute.
      const int64_t look = f.integer(0, 2);
      const bool align = f.chance(0.3);
      const std::string nl = look == 2 ? "" : "\n";
      const std::string indent = look == 2 ? "" : look == 1 ? "    " : "  ";
      doc =
          look == 2 ? "<table><caption>" + f.coined_name(2, 3) + " report</caption>" : "<table>\n";
      doc += look == 1 ? "  <thead>\n" + indent + "<tr>" : indent + "<tr>";
      for (const auto& h : header) doc += "<th>" + escaped_html(h) + "</th>";
      doc += look == 1 ? "</tr>\n  </thead>\n  <tbody>" : "</tr>";
      for (const auto& r : rows) {
        doc += nl + indent + "<tr>";
        for (const Cell& c : r)
          doc += (align && c.number ? "<td align=\"right\">" : "<td>") + escaped_html(c.text) +
                 "</td>";
        doc += "</tr>";
      }
      return doc + (look == 1 ? "\n  </tbody>\n</table>" : nl + "</table>");
    }
    case kPsql: {
      for (size_t i = 0; i < n; ++i) {
        const size_t left = (w[i] - header[i].size()) / 2;
        doc += (i ? "|" : "") + std::string(" ") + std::string(left, ' ') +
               pad(header[i], w[i] - left) + " ";
      }
      doc += "\n";
      for (size_t i = 0; i < n; ++i) doc += (i ? "+" : "") + std::string(w[i] + 2, '-');
      for (const auto& r : rows) {
        doc += "\n";
        for (size_t i = 0; i < n; ++i)
          doc += (i ? "|" : "") + std::string(" ") + aligned(r[i], w[i]) + " ";
      }
      return doc + "\n(" + std::to_string(rows.size()) + (rows.size() == 1 ? " row)" : " rows)");
    }
    case kBoxDrawing: {
      auto rule = [&](const char* left, const char* mid, const char* right) {
        std::string s = left;
        for (size_t i = 0; i < n; ++i) {
          for (size_t k = 0; k < w[i] + 2; ++k) s += "\u2500";
          s += i + 1 < n ? mid : right;
        }
        return s;
      };
      doc = rule("\u250c", "\u252c", "\u2510") + "\n\u2502";
      for (size_t i = 0; i < n; ++i) doc += " " + pad(header[i], w[i]) + " \u2502";
      doc += "\n" + rule("\u251c", "\u253c", "\u2524");
      for (const auto& r : rows) {
        doc += "\n\u2502";
        for (size_t i = 0; i < n; ++i) doc += " " + pad(r[i].text, w[i]) + " \u2502";
      }
      return doc + "\n" + rule("\u2514", "\u2534", "\u2518");
    }
    case kSpaced: {
      for (size_t i = 0; i < n; ++i) doc += pad(ascii_upper(header[i]), w[i] + 3);
      for (const auto& r : rows) {
        doc += "\n";
        for (size_t i = 0; i < n; ++i) doc += pad(r[i].text, w[i] + 3);
      }
      return doc;
    }
    case kOrg: {
      auto line = [&](const std::vector<std::string>& cells, bool right) {
        std::string l = "|";
        for (size_t i = 0; i < n; ++i) {
          const bool number = right && rows[0][i].number;
          l +=
              " " +
              (number ? std::string(w[i] - cells[i].size(), ' ') + cells[i] : pad(cells[i], w[i])) +
              " |";
        }
        return l;
      };
      std::string rule = "|";
      for (size_t i = 0; i < n; ++i) rule += std::string(w[i] + 2, '-') + (i + 1 < n ? "+" : "|");
      doc = line(header, false) + "\n" + rule;
      for (const auto& r : rows) {
        std::vector<std::string> cells;
        for (const Cell& c : r) cells.push_back(c.text);
        doc += "\n" + line(cells, true);
      }
      return doc;
    }
    case kGrid: {
      auto rule = [&](char c) {
        std::string l = "+";
        for (size_t x : w) l += std::string(x + 2, c) + "+";
        return l;
      };
      doc = rule('-') + "\n|";
      for (size_t i = 0; i < n; ++i) doc += " " + pad(header[i], w[i]) + " |";
      doc += "\n" + rule('=');
      for (const auto& r : rows) {
        doc += "\n|";
        for (size_t i = 0; i < n; ++i) doc += " " + aligned(r[i], w[i]) + " |";
        doc += "\n" + rule('-');
      }
      return doc;
    }
    case kPandas: {
      auto right = [](const std::string& t, size_t width) {
        return std::string(width - std::min(width, t.size()), ' ') + t;
      };
      for (size_t i = 0; i < n; ++i) doc += (i ? "  " : "") + right(header[i], w[i]);
      for (const auto& r : rows) {
        doc += "\n";
        for (size_t i = 0; i < n; ++i) doc += (i ? "  " : "") + right(r[i].text, w[i]);
      }
      return doc;
    }
    default: {  // reStructuredText simple table
      std::string rule;
      for (size_t i = 0; i < n; ++i) rule += (i ? "  " : "") + std::string(w[i], '=');
      doc = rule + "\n";
      for (size_t i = 0; i < n; ++i) doc += (i ? "  " : "") + pad(header[i], w[i]);
      doc += "\n" + rule;
      for (const auto& r : rows) {
        doc += "\n";
        for (size_t i = 0; i < n; ++i) doc += (i ? "  " : "") + pad(r[i].text, w[i]);
      }
      return doc + "\n" + rule;
    }
  }
}

// A cell as the layout prints it (padding aside); headers are in capitals in the spaced layout.
std::string printed(Layout layout, const std::string& text) {
  if (layout == kHtml) return escaped_html(text);
  return layout == kCsv ? csv_field(text) : text;
}

void write_work(Layout layout, const std::vector<std::string>& header, const Rows& rows,
                std::string* work) {
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string shown =
        layout == kSpaced ? ascii_upper(header[i]) : printed(layout, header[i]);
    *work += std::to_string(i + 1) + " " + shown + ": " + column_key(header[i]) + "\n";
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    *work += "row " + std::to_string(i + 1) + " " + printed(layout, rows[i][0].text);
    *work += i + 1 < rows.size() ? "\n" : "";
  }
}

void generate(Faker& f, Example* ex) {
  // The columns: a key column first, then one to five others, no header twice.
  const size_t n = static_cast<size_t>(f.integer(2, 6));
  const bool lower_case = f.chance(0.25);  // headers as listed, or all in lower case
  auto cased = [lower_case](const std::string& h) { return lower_case ? ascii_lower(h) : h; };
  std::vector<std::string> header;
  std::vector<int> values;
  const ColumnKind& key = f.pick(kKeyColumns);
  header.push_back(cased(std::string(f.pick(key.headers))));
  values.push_back(key.value);
  for (int tries = 0; header.size() < n && tries < 20; ++tries) {
    std::string h;
    int value = 0;
    if (f.chance(0.2)) {
      h = cased(invented_header(f));
      value = f.pick(kInventedValues);
    } else {
      const ColumnKind& kind = f.pick(kOtherColumns);
      h = cased(std::string(f.pick(kind.headers)));
      value = kind.value;
    }
    const std::string label = column_key(h);
    bool taken = false;
    for (const auto& existing : header) taken = taken || column_key(existing) == label;
    if (taken) continue;
    header.push_back(h);
    values.push_back(value);
  }
  Rows rows(static_cast<size_t>(f.integer(2, 6)));
  for (auto& r : rows) {
    for (int v : values) r.push_back(cell(f, v));
  }
  ex->layout_id = static_cast<int>(f.integer(0, kLayoutCount - 1));
  const auto layout = static_cast<Layout>(ex->layout_id);
  const std::string doc = render(f, layout, header, rows);
  write_work(layout, header, rows, &ex->work);
  compose_prompt(f, ex, kInstructions, kParts, doc);
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("columns").begin_array();
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(column_key(h));
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
          "tables (Markdown, ASCII box, psql, box drawing, aligned, RST, TSV, CSV, HTML, org-mode, "
          "tabulate grid, pandas) -> columns and typed row objects",
          {{"columns", FieldKind::kList}, {"rows", FieldKind::kList}},
          &generate};
}

}  // namespace anvil::datagen::specialists
