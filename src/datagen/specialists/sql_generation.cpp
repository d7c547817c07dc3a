// sql_generation: a schema (CREATE TABLE statements on one line or several, a column list, a
// Markdown table of columns, a sentence or Django models) and a question in English, asked after
// "Question:" or as people ask it, before or after the schema -> the canonical SQL query (one fixed
// spelling per question type) and the tables it reads. Literal values come from the question, so
// the query is checkable by exact match.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kStatuses = {"pending", "shipped", "delivered", "cancelled",
                                                 "returned"};

// The schema: the columns the queries use are always there; optional columns and unrelated
// tables vary from record to record, as real schemas do (and so prompts are not near-copies).
struct Column {
  std::string_view name;
  std::string_view type;
  bool optional;
  std::string_view references = {};  // table whose id this column refers to
};
struct Table {
  std::string_view name;
  std::vector<Column> columns;
  bool distractor;  // never used by a query
};
const std::vector<Table> kTables = {
    {"customers",
     {{"id", "INTEGER PRIMARY KEY", false},
      {"name", "TEXT", false},
      {"email", "TEXT", false},
      {"phone", "TEXT", true},
      {"city", "TEXT", false},
      {"state", "CHAR(2)", true},
      {"signup_date", "DATE", false},
      {"loyalty_tier", "TEXT", true}},
     false},
    {"orders",
     {{"id", "INTEGER PRIMARY KEY", false},
      {"customer_id", "INTEGER", false, "customers"},
      {"order_date", "DATE", false},
      {"total", "DECIMAL(10,2)", false},
      {"currency", "CHAR(3)", true},
      {"status", "TEXT", false},
      {"shipped_at", "TIMESTAMP", true}},
     false},
    {"products",
     {{"id", "INTEGER PRIMARY KEY", false},
      {"sku", "TEXT", true},
      {"name", "TEXT", false},
      {"category", "TEXT", false},
      {"price", "DECIMAL(10,2)", false},
      {"stock", "INTEGER", false},
      {"supplier_id", "INTEGER", true}},
     false},
    {"suppliers",
     {{"id", "INTEGER PRIMARY KEY", false},
      {"name", "TEXT", false},
      {"country", "TEXT", true},
      {"rating", "INTEGER", true}},
     true},
    {"employees",
     {{"id", "INTEGER PRIMARY KEY", false},
      {"name", "TEXT", false},
      {"department", "TEXT", true},
      {"hired_on", "DATE", true}},
     true},
    {"shipments",
     {{"id", "INTEGER PRIMARY KEY", false},
      {"order_id", "INTEGER", false, "orders"},
      {"carrier", "TEXT", true},
      {"tracking_number", "TEXT", true}},
     true},
};

// The tables and columns one schema shows.
struct Shown {
  const Table* table;
  std::vector<const Column*> columns;
};

// At most `distractors` unrelated tables (the layouts over several lines would run past a row).
std::vector<Shown> pick_schema(Faker& f, int distractors) {
  std::vector<const Table*> tables;
  for (const Table& t : kTables) {
    if (!t.distractor || (f.chance(0.35) && distractors-- > 0)) tables.push_back(&t);
  }
  f.rng().shuffle(tables);
  std::vector<Shown> out;
  for (const Table* t : tables) {
    Shown s{t, {}};
    for (const Column& c : t->columns) {
      if (!c.optional || f.chance(0.5)) s.columns.push_back(&c);
    }
    out.push_back(s);
  }
  return out;
}

// How each layout writes a column's type ("DECIMAL(10,2)" is "NUMERIC(10, 2)" in PostgreSQL).
std::string postgres_type(const Column& c) {
  const std::string_view t = c.type;
  if (t == "INTEGER PRIMARY KEY") return "SERIAL PRIMARY KEY";
  if (!c.references.empty())
    return "INT NOT NULL REFERENCES " + std::string(c.references) + " (id)";
  if (t == "INTEGER") return "INT";
  if (t == "DECIMAL(10,2)") return "NUMERIC(10, 2)";
  if (t == "TEXT")
    return c.name == "email" ? "VARCHAR(255)" : c.name == "name" ? "VARCHAR(120)" : "VARCHAR(80)";
  return std::string(t);
}

std::string short_type(const Column& c) {
  const std::string_view t = c.type;
  if (t == "INTEGER PRIMARY KEY" || t == "INTEGER") return "int";
  if (t == "DECIMAL(10,2)") return "decimal(10,2)";
  return lower(std::string(t));
}

std::string django_field(const Column& c) {
  const std::string_view t = c.type;
  if (t == "DATE") return "models.DateField()";
  if (t == "TIMESTAMP") return "models.DateTimeField()";
  if (t == "DECIMAL(10,2)") return "models.DecimalField(max_digits=10, decimal_places=2)";
  if (t == "INTEGER") return "models.IntegerField()";
  if (t.rfind("CHAR(", 0) == 0)
    return "models.CharField(max_length=" + std::string(t.substr(5, 1)) + ")";
  if (c.name == "email") return "models.EmailField(unique=True)";
  return "models.CharField(max_length=120)";
}

// "orders" -> "Order".
std::string model_name(std::string_view table) {
  std::string s(table.substr(0, table.size() - 1));
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

const char* kStatusList = "pending | shipped | delivered | cancelled | returned";

// The schema in one of six layouts: one-line CREATE TABLE statements, a "- table(col, ...)" list,
// PostgreSQL DDL over several lines, a Markdown table of columns, a sentence, Django models.
std::string schema_text(const std::vector<Shown>& schema, int layout) {
  static const std::vector<std::string_view> kCounts = {"no",   "one",  "two", "three",
                                                        "four", "five", "six"};
  std::string out;
  if (layout == 1) out = "Tables:";
  if (layout == 3) out = "| table | column | type | notes |\n|---|---|---|---|";
  if (layout == 4) out = "Our database has " + std::string(kCounts[schema.size()]) + " tables: ";
  for (size_t ti = 0; ti < schema.size(); ++ti) {
    const Table& t = *schema[ti].table;
    const std::vector<const Column*>& cols = schema[ti].columns;
    const std::string name(t.name);
    switch (layout) {
      case 0:
        out += (ti ? "\n" : "") + std::string("CREATE TABLE ") + name + " (";
        for (size_t i = 0; i < cols.size(); ++i) {
          out += (i ? ", " : "") + std::string(cols[i]->name) + " " + std::string(cols[i]->type);
          if (!cols[i]->references.empty())
            out += " REFERENCES " + std::string(cols[i]->references) + "(id)";
        }
        out += ");";
        break;
      case 1:
        out += "\n- " + name + "(";
        for (size_t i = 0; i < cols.size(); ++i) {
          out += (i ? ", " : "") + std::string(cols[i]->name);
          if (!cols[i]->references.empty())
            out += " -> " + std::string(cols[i]->references) + ".id";
        }
        out += ")";
        break;
      case 2: {
        size_t width = 0;
        for (const Column* c : cols) width = std::max(width, c->name.size());
        out += (ti ? "\n\n" : "") + std::string("CREATE TABLE ") + name + " (";
        for (size_t i = 0; i < cols.size(); ++i) {
          out += "\n    " + std::string(cols[i]->name) +
                 std::string(width + 2 - cols[i]->name.size(), ' ') + postgres_type(*cols[i]) +
                 (i + 1 < cols.size() ? "," : "");
          if (cols[i]->name == "status") out += "  -- " + std::string(kStatusList);
        }
        out += "\n);";
        break;
      }
      case 3:
        for (const Column* c : cols) {
          std::string notes = c->type == "INTEGER PRIMARY KEY" ? "PK" : "";
          if (!c->references.empty()) notes = "FK -> " + std::string(c->references) + ".id";
          if (c->name == "status") notes = "pending/shipped/delivered/cancelled/returned";
          out += "\n| " + name + " | " + std::string(c->name) + " | " + short_type(*c) + " | " +
                 notes + (notes.empty() ? "|" : " |");
        }
        break;
      case 4:
        out += ti == 0 ? "" : ti + 1 == schema.size() ? " and " : ", ";
        out += name + " (";
        for (size_t i = 0; i < cols.size(); ++i) {
          out += (i ? ", " : "") + std::string(cols[i]->name);
          if (!cols[i]->references.empty())
            out += " which points at " + std::string(cols[i]->references) + ".id";
        }
        out += ")";
        if (ti + 1 == schema.size()) out += ".";
        break;
      default:
        out +=
            (ti ? "\n\n\n" : "") + std::string("class ") + model_name(t.name) + "(models.Model):";
        for (const Column* c : cols) {
          if (c->type == "INTEGER PRIMARY KEY") continue;  // Django adds the id
          if (!c->references.empty()) {
            const std::string field(c->name.substr(0, c->name.size() - 3));
            out += "\n    " + field + " = models.ForeignKey(\"" + model_name(c->references) +
                   "\", on_delete=models.PROTECT)  # column: " + std::string(c->name);
          } else {
            out += "\n    " + std::string(c->name) + " = " + django_field(*c);
          }
        }
        out += "\n\n    class Meta:\n        db_table = \"" + name + "\"";
    }
  }
  return out;
}

// The question and the schema together: "Question:" after the schema, the question first with
// the schema under a heading, or a request after the schema as people write one.
std::string framed(Faker& f, const std::string& schema, int layout, std::string question) {
  static const std::vector<std::string_view> kLeads = {"Marketing wants to know: ",
                                                       "Finance asks: ",
                                                       "quick one - ",
                                                       "Can you write the query? ",
                                                       "",
                                                       "hey, "};
  static const std::vector<std::string_view> kHeadings = {"Schema:\n", "Given these tables:\n", ""};
  static const std::vector<std::string_view> kAfter = {"", "", " Give me the raw SQL.",
                                                       " SQL please."};
  const int framing = static_cast<int>(f.integer(0, 2));
  if (framing == 0) return schema + "\n\nQuestion: " + question;
  const std::string lead(f.pick(kLeads));
  if (!lead.empty() && lead != "Can you write the query? ") {
    question[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(question[0])));
  }
  const std::string after(f.pick(kAfter));
  if (framing == 1) {
    const std::string heading(f.pick(kHeadings));
    return lead + question + after + "\n\n" + heading + schema;
  }
  std::string intro = layout == 5 ? "Those are our Django models. " : "";
  return schema + "\n\n" + intro + lead + question + after;
}

const std::vector<std::string_view> kInstructions = {
    "Write a SQL query for the question, using the schema. Return JSON with sql and tables.",
    "Translate the question into SQL (standard SQL, single quotes for strings).",
    "Given this database schema, answer with the SQL query that computes the result.",
};

const InstructionParts kParts = {
    {"Write the SQL for", "Write a query for", "Give me SQL for", "Write the query that answers",
     "Answer with SQL"},
    {"this question", "the question", "the request below", "this", "the following"},
    {"", "as JSON with sql and tables", "(standard SQL)", "-> json", "using the schema"},
};

// A SQL string literal: single quotes, embedded quotes doubled (O'Brien -> 'O''Brien').
std::string quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

void generate(Faker& f, Example* ex) {
  const int kind = static_cast<int>(f.integer(0, 11));
  std::string question, sql;
  std::vector<std::string_view> tables;
  auto phrasing = [&](std::initializer_list<std::string_view> options) {
    const std::vector<std::string_view> v(options);
    return std::string(f.pick(v));
  };
  switch (kind) {
    case 0: {
      const std::string status(f.pick(kStatuses));
      const fake::Date since = f.recent_date();
      question = fill(phrasing({"How many orders placed since {} have status '{}'?",
                                "Count the orders from {} onward that are {}.",
                                "What is the number of orders on or after {} with status {}?"}),
                      {fake::format_date(since, fake::DateFormat::kLong), status});
      sql = "SELECT COUNT(*) FROM orders WHERE status = '" + status + "' AND order_date >= '" +
            fake::iso_date(since) + "';";
      tables = {"orders"};
      break;
    }
    case 1: {
      const std::string city(f.pick(f.locale().cities).name);
      const std::string year = std::to_string(f.integer(2015, 2025));
      question = fill(phrasing({"List the names and emails of customers in {} who signed up in {} "
                                "or later, sorted by name.",
                                "Which customers from {} joined since {}? Show name and email, "
                                "alphabetically."}),
                      {city, year});
      sql = "SELECT name, email FROM customers WHERE city = " + quoted(city) +
            " AND signup_date >= '" + year + "-01-01' ORDER BY name;";
      tables = {"customers"};
      break;
    }
    case 2: {
      const std::string category(f.pick(f.locale().product_categories).name);
      const std::string n = std::to_string(f.integer(3, 25));
      question = fill(phrasing({"Show the {} most expensive products in the {} category.",
                                "Top {} {} products by price, with their prices."}),
                      {n, category});
      sql = "SELECT name, price FROM products WHERE category = '" + category +
            "' ORDER BY price DESC LIMIT " + n + ";";
      tables = {"products"};
      break;
    }
    case 3: {
      const std::string since = fake::iso_date(f.recent_date());
      question = fill(phrasing({"What is the total revenue from orders placed on or after {}?",
                                "Sum the order totals since {} (inclusive)."}),
                      {since});
      sql = "SELECT SUM(total) FROM orders WHERE order_date >= '" + since + "';";
      tables = {"orders"};
      break;
    }
    case 4: {
      const std::string year = std::to_string(f.integer(2019, 2025));
      const std::string over = std::to_string(f.integer(1, 100) * 5);
      question = fill(phrasing({"What is the average order total for each status in {}, counting "
                                "only orders over ${}?",
                                "Average order value by status for {} orders above {} dollars."}),
                      {year, over});
      sql = "SELECT status, AVG(total) FROM orders WHERE order_date BETWEEN '" + year +
            "-01-01' AND '" + year + "-12-31' AND total > " + over + " GROUP BY status;";
      tables = {"orders"};
      break;
    }
    case 5: {
      const fake::Person p = f.person();
      const std::string name = p.first + " " + p.last;
      question = fill(phrasing({"List the id and total of every order placed by {}.",
                                "Which orders did {} place? Give order id and total."}),
                      {name});
      sql =
          "SELECT o.id, o.total FROM orders o JOIN customers c ON o.customer_id = c.id WHERE "
          "c.name = " +
          quoted(name) + ";";
      tables = {"orders", "customers"};
      break;
    }
    case 6: {
      const std::string n = std::to_string(f.integer(2, 50));
      const std::string category(f.pick(f.locale().product_categories).name);
      question = f.chance(0.5) ? "Which products in the " + category +
                                     " category have fewer than " + n + " units in stock?"
                               : "Find " + category + " products with stock below " + n + ".";
      sql = "SELECT name FROM products WHERE stock < " + n + " AND category = " + quoted(category) +
            ";";
      tables = {"products"};
      break;
    }
    case 7: {
      const std::string n = std::to_string(f.integer(1, 10));
      const fake::Date since = f.recent_date();
      question = fill(phrasing({"Which customers have placed more than {} orders since {}? Show "
                                "name and order count.",
                                "Customers with over {} orders on or after {}, with how many "
                                "they placed."}),
                      {n, fake::format_date(since, fake::DateFormat::kLong)});
      sql =
          "SELECT c.name, COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id "
          "WHERE o.order_date >= '" +
          fake::iso_date(since) + "' GROUP BY c.name HAVING COUNT(o.id) > " + n + ";";
      tables = {"customers", "orders"};
      break;
    }
    case 8: {
      const int64_t lo = f.integer(1, 50) * 10;
      const int64_t hi = lo + f.integer(1, 40) * 10;
      const std::string category(f.pick(f.locale().product_categories).name);
      question = fill(phrasing({"List {} products priced between ${} and ${}, cheapest first.",
                                "Which {} items cost from {} to {} dollars? Sort by price."}),
                      {category, std::to_string(lo), std::to_string(hi)});
      sql = "SELECT name, price FROM products WHERE category = " + quoted(category) +
            " AND price BETWEEN " + std::to_string(lo) + " AND " + std::to_string(hi) +
            " ORDER BY price ASC;";
      tables = {"products"};
      break;
    }
    case 9: {
      const int year = static_cast<int>(f.integer(2019, 2025));
      const int month = static_cast<int>(f.integer(1, 12));
      const fake::Date first{year, month, 1};
      const fake::Date last{year, month, fake::days_in_month(year, month)};
      question = fill(phrasing({"How many customers signed up in {} {}?",
                                "Count the customers who joined during {} {}."}),
                      {fake::month_name(month), std::to_string(year)});
      sql = "SELECT COUNT(*) FROM customers WHERE signup_date BETWEEN '" + fake::iso_date(first) +
            "' AND '" + fake::iso_date(last) + "';";
      tables = {"customers"};
      break;
    }
    case 10: {
      const std::string n = std::to_string(f.integer(3, 10));
      const std::string status(f.pick(kStatuses));
      question = fill(phrasing({"Which {} cities bring in the most revenue from {} orders?",
                                "Top {} cities by total of {} orders."}),
                      {n, status});
      sql =
          "SELECT c.city, SUM(o.total) AS revenue FROM orders o JOIN customers c ON "
          "o.customer_id = c.id WHERE o.status = '" +
          status + "' GROUP BY c.city ORDER BY revenue DESC LIMIT " + n + ";";
      tables = {"orders", "customers"};
      break;
    }
    default: {
      const fake::Date since = f.recent_date();
      const std::string city(f.pick(f.locale().cities).name);
      const std::string over = std::to_string(f.integer(1, 50) * 100);
      question = fill(phrasing({"Show the email of every customer from {} with an order over ${} "
                                "since {}.",
                                "Emails of {} customers who spent more than ${} in one order on "
                                "or after {}."}),
                      {city, over, fake::format_date(since, fake::DateFormat::kLong)});
      sql =
          "SELECT DISTINCT c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE "
          "c.city = " +
          quoted(city) + " AND o.total > " + over + " AND o.order_date >= '" +
          fake::iso_date(since) + "';";
      tables = {"customers", "orders"};
    }
  }
  ex->layout_id = static_cast<int>(f.integer(0, 5));
  const bool long_layout = ex->layout_id == 2 || ex->layout_id == 5;
  const std::string schema = schema_text(pick_schema(f, long_layout ? 1 : 3), ex->layout_id);
  compose_prompt(f, ex, kInstructions, kParts, framed(f, schema, ex->layout_id, question));
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("sql").str(sql);
  j.key("tables").begin_array();
  for (auto t : tables) j.str(t);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec sql_generation_spec() {
  return {
      "sql_generation",
      "schema (DDL, column list, Markdown, sentence or Django models) + question (12 query shapes) "
      "-> canonical SQL and tables used",
      {{"sql", FieldKind::kText}, {"tables", FieldKind::kSet}},
      &generate};
}

}  // namespace anvil::datagen::specialists
