// sql_generation: a schema (CREATE TABLE statements on one line or several, a column list, a
// Markdown table of columns, a sentence or Django models) and a question in English, asked after
// "Question:" or as people ask it, before or after the schema -> the canonical SQL query (one fixed
// spelling per question shape) and the tables it reads. Literal values come from the question, so
// the query is checkable by exact match.
// The database is one of eight of the same three-table shape (people, what they do, what is on
// offer: a shop's customers, orders and products, a library's members, loans and books, a hotel's
// guests, bookings and rooms, ...), each with its own table, column and status names and its own
// words in the questions, so a query is built from the schema in the prompt, not recalled: session
// 22's model, trained on the shop alone, wrote the shop's tables for a library's question. Each of
// the twelve query shapes is asked in five to seven ways.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

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
};

// One database: the people table (name, email, a place, when they joined), their events (whose,
// when, an amount, a status) and a catalog (a name, a category, a price, a count on hand), with
// the words a question uses for each.
struct Domain {
  Table people, events, catalog;
  std::vector<Table> distractors;
  std::string_view place, joined;                              // people's columns
  std::string_view owner, when, amount;                        // events' columns (and "status")
  std::string_view item_name, category, price, stock;          // catalog's columns
  std::vector<std::string_view> statuses, categories, places;  // empty: the locale's
  Vars words;  // {people} {person} {events} {event} {placed} {joined} {items} {category_word}
               // {stock_words} {place_word}
};

Table people_table(std::string_view name, std::string_view place, std::string_view joined) {
  return {name,
          {{"id", "INTEGER PRIMARY KEY", false},
           {"name", "TEXT", false},
           {"email", "TEXT", false},
           {"phone", "TEXT", true},
           {place, "TEXT", false},
           {joined, "DATE", false}}};
}
Table events_table(std::string_view name, std::string_view owner, std::string_view owner_table,
                   std::string_view when, std::string_view amount, std::string_view extra) {
  return {name,
          {{"id", "INTEGER PRIMARY KEY", false},
           {owner, "INTEGER", false, owner_table},
           {when, "DATE", false},
           {amount, "DECIMAL(10,2)", false},
           {"status", "TEXT", false},
           {extra, "TEXT", true}}};
}
Table catalog_table(std::string_view name, std::string_view item_name, std::string_view category,
                    std::string_view price, std::string_view stock, std::string_view extra) {
  return {name,
          {{"id", "INTEGER PRIMARY KEY", false},
           {extra, "TEXT", true},
           {item_name, "TEXT", false},
           {category, "TEXT", false},
           {price, "DECIMAL(10,2)", false},
           {stock, "INTEGER", false}}};
}

const Table kStaff = {"staff",
                      {{"id", "INTEGER PRIMARY KEY", false},
                       {"name", "TEXT", false},
                       {"role", "TEXT", true},
                       {"hired_on", "DATE", true}}};
const Table kAuditLog = {"audit_log",
                         {{"id", "INTEGER PRIMARY KEY", false},
                          {"actor", "TEXT", false},
                          {"action", "TEXT", true},
                          {"created_at", "TIMESTAMP", true}}};

// The names one database gives its people, its events and its catalog: each table's name, what
// one row is called, and its columns.
struct PeopleNames {
  std::string_view table, singular, place, joined;
};
struct EventNames {
  std::string_view table, singular, owner, when, amount;
};
struct CatalogNames {
  std::string_view table, singular, name, category, price, stock;
};

Domain domain(const PeopleNames& people, const EventNames& events, const CatalogNames& catalog) {
  Domain d;
  d.place = people.place;
  d.joined = people.joined;
  d.owner = events.owner;
  d.when = events.when;
  d.amount = events.amount;
  d.item_name = catalog.name;
  d.category = catalog.category;
  d.price = catalog.price;
  d.stock = catalog.stock;
  d.people = people_table(people.table, people.place, people.joined);
  d.events = events_table(events.table, d.owner, people.table, events.when, events.amount, "notes");
  d.catalog = catalog_table(catalog.table, catalog.name, catalog.category, catalog.price,
                            catalog.stock, "sku");
  d.distractors = {kStaff, kAuditLog};
  d.words = {{"people", std::string(people.table)}, {"person", std::string(people.singular)},
             {"events", std::string(events.table)}, {"event", std::string(events.singular)},
             {"items", std::string(catalog.table)}, {"item", std::string(catalog.singular)}};
  return d;
}

const std::vector<Domain>& domains() {
  static const std::vector<Domain> kDomains = [] {
    std::vector<Domain> out;
    Domain shop = domain({"customers", "customer", "city", "signup_date"},
                         {"orders", "order", "customer_id", "order_date", "total"},
                         {"products", "product", "name", "category", "price", "stock"});
    shop.statuses = {"pending", "shipped", "delivered", "cancelled", "returned"};
    shop.distractors.push_back({"suppliers",
                                {{"id", "INTEGER PRIMARY KEY", false},
                                 {"name", "TEXT", false},
                                 {"country", "TEXT", true},
                                 {"rating", "INTEGER", true}}});
    shop.distractors.push_back({"shipments",
                                {{"id", "INTEGER PRIMARY KEY", false},
                                 {"order_id", "INTEGER", false, "orders"},
                                 {"carrier", "TEXT", true},
                                 {"tracking_number", "TEXT", true}}});
    shop.words.insert(shop.words.end(), {{"placed", "placed"},
                                         {"joined", "signed up"},
                                         {"category_word", "category"},
                                         {"stock_words", "units in stock"},
                                         {"place_word", "city"},
                                         {"places_word", "cities"}});
    Domain library = domain({"members", "member", "branch", "joined_on"},
                            {"loans", "loan", "member_id", "loaned_on", "fee"},
                            {"books", "book", "title", "genre", "price", "copies"});
    library.statuses = {"active", "returned", "overdue", "lost"};
    library.categories = {"Mystery", "Fantasy", "Biography", "History", "Romance", "Poetry"};
    library.places = {"Central", "Eastside", "Riverside", "Northgate", "Hillcrest"};
    library.words.insert(library.words.end(), {{"placed", "taken out"},
                                               {"joined", "joined"},
                                               {"category_word", "genre"},
                                               {"stock_words", "copies"},
                                               {"place_word", "branch"},
                                               {"places_word", "branches"}});
    Domain hotel = domain({"guests", "guest", "country", "created_at"},
                          {"bookings", "booking", "guest_id", "check_in", "total"},
                          {"rooms", "room", "name", "room_type", "nightly_rate", "available"});
    hotel.statuses = {"confirmed", "cancelled", "completed", "no_show"};
    hotel.categories = {"Suite", "Double", "Single", "Family", "Deluxe"};
    hotel.places = {"Canada", "Mexico", "Germany", "Japan", "Brazil", "France", "Kenya"};
    hotel.words.insert(hotel.words.end(), {{"placed", "made"},
                                           {"joined", "registered"},
                                           {"category_word", "room type"},
                                           {"stock_words", "rooms available"},
                                           {"place_word", "country"},
                                           {"places_word", "countries"}});
    Domain saas = domain({"accounts", "account", "region", "created_at"},
                         {"invoices", "invoice", "account_id", "issued_on", "amount"},
                         {"plans", "plan", "name", "tier", "monthly_price", "seats"});
    saas.statuses = {"paid", "unpaid", "overdue", "void"};
    saas.categories = {"Starter", "Team", "Business", "Enterprise"};
    saas.places = {"EMEA", "APAC", "North America", "LATAM"};
    saas.words.insert(saas.words.end(), {{"placed", "issued"},
                                         {"joined", "signed up"},
                                         {"category_word", "tier"},
                                         {"stock_words", "seats"},
                                         {"place_word", "region"},
                                         {"places_word", "regions"}});
    Domain gym = domain({"members", "member", "home_club", "joined_on"},
                        {"payments", "payment", "member_id", "paid_on", "amount"},
                        {"classes", "class", "name", "category", "price", "spots_left"});
    gym.statuses = {"settled", "pending", "refunded", "failed"};
    gym.categories = {"Yoga", "Spin", "Pilates", "HIIT", "Boxing"};
    gym.places = {"Downtown", "Westfield", "Harbor", "Uptown", "Lakeside"};
    gym.words.insert(gym.words.end(), {{"placed", "made"},
                                       {"joined", "joined"},
                                       {"category_word", "category"},
                                       {"stock_words", "spots left"},
                                       {"place_word", "home club"},
                                       {"places_word", "clubs"}});
    Domain clinic = domain({"patients", "patient", "city", "registered_on"},
                           {"appointments", "appointment", "patient_id", "appointment_date", "fee"},
                           {"medications", "medication", "name", "category", "price", "in_stock"});
    clinic.statuses = {"scheduled", "completed", "cancelled", "no_show"};
    clinic.categories = {"Antibiotics", "Vitamins", "Pain Relief", "Allergy", "Cardiac"};
    clinic.words.insert(clinic.words.end(), {{"placed", "booked"},
                                             {"joined", "registered"},
                                             {"category_word", "category"},
                                             {"stock_words", "in stock"},
                                             {"place_word", "city"},
                                             {"places_word", "cities"}});
    Domain warehouse = domain({"clients", "client", "city", "onboarded_on"},
                              {"shipments", "shipment", "client_id", "shipped_on", "value"},
                              {"parts", "part", "name", "category", "unit_cost", "on_hand"});
    warehouse.statuses = {"in_transit", "delivered", "delayed", "returned"};
    warehouse.categories = {"Fasteners", "Electrical", "Plumbing", "Tools", "Hydraulics"};
    warehouse.words.insert(warehouse.words.end(), {{"placed", "sent"},
                                                   {"joined", "onboarded"},
                                                   {"category_word", "category"},
                                                   {"stock_words", "on hand"},
                                                   {"place_word", "city"},
                                                   {"places_word", "cities"}});
    Domain school = domain({"students", "student", "campus", "enrolled_on"},
                           {"registrations", "registration", "student_id", "registered_on", "fee"},
                           {"courses", "course", "title", "subject", "price", "seats_left"});
    school.statuses = {"active", "withdrawn", "completed", "waitlisted"};
    school.categories = {"Math", "Biology", "History", "Art", "Chemistry"};
    school.places = {"North", "South", "Online", "Downtown"};
    school.words.insert(school.words.end(), {{"placed", "made"},
                                             {"joined", "enrolled"},
                                             {"category_word", "subject"},
                                             {"stock_words", "seats left"},
                                             {"place_word", "campus"},
                                             {"places_word", "campuses"}});
    for (Domain* d : {&shop, &library, &hotel, &saas, &gym, &clinic, &warehouse, &school})
      out.push_back(std::move(*d));
    return out;
  }();
  return kDomains;
}

// The tables and columns one schema shows.
struct Shown {
  const Table* table;
  std::vector<const Column*> columns;
};

// The three tables and at most `distractors` unrelated ones (the layouts over several lines would
// run past a row), in any order, each column that may be left out shown half the time.
std::vector<Shown> pick_schema(Faker& f, const Domain& d, int distractors) {
  std::vector<const Table*> tables = {&d.people, &d.events, &d.catalog};
  for (const Table& t : d.distractors) {
    if (f.chance(0.3) && distractors-- > 0) tables.push_back(&t);
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
    return c.name == "email"                       ? "VARCHAR(255)"
           : c.name == "name" || c.name == "title" ? "VARCHAR(120)"
                                                   : "VARCHAR(80)";
  return std::string(t);
}

std::string short_type(const Column& c) {
  const std::string_view t = c.type;
  if (t == "INTEGER PRIMARY KEY" || t == "INTEGER") return "int";
  if (t == "DECIMAL(10,2)") return "decimal(10,2)";
  return ascii_lower(std::string(t));
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

// "orders" -> "Order", "classes" -> "Class", "audit_log" -> "AuditLog".
std::string model_name(std::string_view table) {
  std::string s(table);
  if (s.size() > 4 && s.compare(s.size() - 4, 4, "sses") == 0) {
    s.resize(s.size() - 2);
  } else if (s.size() > 3 && s.compare(s.size() - 3, 3, "ies") == 0) {
    s.replace(s.size() - 3, 3, "y");
  } else if (s.back() == 's') {
    s.pop_back();
  }
  std::string out;
  bool up = true;
  for (char c : s) {
    if (c == '_') {
      up = true;
      continue;
    }
    out += up ? ascii_upper(c) : c;
    up = false;
  }
  return out;
}

std::string joined(const std::vector<std::string_view>& words, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i)
    out += (i ? std::string(sep) : "") + std::string(words[i]);
  return out;
}

// The schema in one of six layouts: one-line CREATE TABLE statements, a "- table(col, ...)" list,
// PostgreSQL DDL over several lines, a Markdown table of columns, a sentence, Django models.
std::string schema_text(const std::vector<Shown>& schema, int layout,
                        const std::vector<std::string_view>& statuses) {
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
          if (cols[i]->name == "status") out += "  -- " + joined(statuses, " | ");
        }
        out += "\n);";
        break;
      }
      case 3:
        for (const Column* c : cols) {
          std::string notes = c->type == "INTEGER PRIMARY KEY" ? "PK" : "";
          if (!c->references.empty()) notes = "FK -> " + std::string(c->references) + ".id";
          if (c->name == "status") notes = joined(statuses, "/");
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
    question[0] = ascii_lower(question[0]);
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

// A question of one of the twelve shapes, in the domain's words, and its canonical query. P, E
// and C stand for the people, events and catalog tables, p and e for their aliases.
struct Query {
  std::string question, sql;
  std::vector<std::string_view> tables;
};

// The aliases of a join: first letters, the events' first two where they clash ("members m JOIN
// ... " and "payments p" but "patients p JOIN payments pa").
std::pair<std::string, std::string> aliases(const Domain& d) {
  const std::string p(d.people.name.substr(0, 1));
  std::string e(d.events.name.substr(0, 1));
  if (e == p) e = std::string(d.events.name.substr(0, 2));
  return {p, e};
}

// A date as a question writes it: "March 7, 2024", "2024-03-07", "Mar 7, 2024", "7 March 2024".
std::string said_date(Faker& f, const fake::Date& d) {
  static const std::vector<fake::DateFormat> kFormats = {
      fake::DateFormat::kLong, fake::DateFormat::kLong, fake::DateFormat::kIso,
      fake::DateFormat::kAbbrev, fake::DateFormat::kDayMonthYear};
  return fake::format_date(d, f.pick(kFormats));
}

Query query(Faker& f, const Domain& d, int shape) {
  const std::string people(d.people.name), events(d.events.name), items(d.catalog.name);
  const std::string place(d.place), joined_col(d.joined), owner(d.owner), when(d.when),
      amount(d.amount), item(d.item_name), category_col(d.category), price(d.price), stock(d.stock);
  const auto [p, e] = aliases(d);
  const std::string join = " FROM " + people + " " + p + " JOIN " + events + " " + e + " ON " + e +
                           "." + owner + " = " + p + ".id";
  const std::string join_events_first = " FROM " + events + " " + e + " JOIN " + people + " " + p +
                                        " ON " + e + "." + owner + " = " + p + ".id";
  Vars v = d.words;
  auto ask = [&](std::initializer_list<std::string_view> options) {
    const std::vector<std::string_view> all(options);
    return expand(f.pick(all), v);
  };
  const auto pick_status = [&] { return std::string(f.pick(d.statuses)); };
  const auto pick_category = [&]() -> std::string {
    if (d.categories.empty()) return std::string(f.pick(f.locale().product_categories).name);
    return std::string(f.pick(d.categories));
  };
  const auto pick_place = [&]() -> std::string {
    if (d.places.empty()) return std::string(f.pick(f.locale().cities).name);
    return std::string(f.pick(d.places));
  };
  Query q;
  switch (shape) {
    case 0: {
      const std::string status = pick_status();
      const fake::Date since = f.recent_date();
      v.insert(v.end(), {{"status", status}, {"date", said_date(f, since)}});
      q.question = ask({"How many {events} {placed} since {date} have status '{status}'?",
                        "Count the {events} from {date} onward that are {status}.",
                        "What is the number of {events} on or after {date} with status {status}?",
                        "How many {status} {events} have there been since {date}?",
                        "Number of {events} with status '{status}' dated {date} or later?"});
      q.sql = "SELECT COUNT(*) FROM " + events + " WHERE status = '" + status + "' AND " + when +
              " >= '" + fake::iso_date(since) + "';";
      q.tables = {d.events.name};
      break;
    }
    case 1: {
      const std::string city = pick_place();
      const std::string year = std::to_string(f.integer(2015, 2025));
      v.insert(v.end(), {{"place", city}, {"year", year}});
      q.question =
          ask({"List the names and emails of {people} in {place} who {joined} in {year} "
               "or later, sorted by name.",
               "Which {people} from {place} {joined} since {year}? Show name and email, "
               "alphabetically.",
               "Name and email of every {person} in {place} who {joined} in {year} or "
               "after, A-Z.",
               "I need the names and emails of {place} {people} who {joined} from {year} "
               "on, ordered by name."});
      q.sql = "SELECT name, email FROM " + people + " WHERE " + place + " = " + quoted(city) +
              " AND " + joined_col + " >= '" + year + "-01-01' ORDER BY name;";
      q.tables = {d.people.name};
      break;
    }
    case 2: {
      const std::string category = pick_category();
      const std::string n = std::to_string(f.integer(3, 25));
      v.insert(v.end(), {{"n", n}, {"category", category}});
      q.question = ask({"Show the {n} most expensive {items} in the {category} {category_word}.",
                        "Top {n} {category} {items} by price, with their prices.",
                        "What are the {n} priciest {category} {items}? Name and price.",
                        "List the {n} highest-priced {items} in {category}, with prices.",
                        "{n} most expensive {category} {items} please (name, price)"});
      q.sql = "SELECT " + item + ", " + price + " FROM " + items + " WHERE " + category_col +
              " = " + quoted(category) + " ORDER BY " + price + " DESC LIMIT " + n + ";";
      q.tables = {d.catalog.name};
      break;
    }
    case 3: {
      const fake::Date since = f.recent_date();
      v.insert(v.end(), {{"date", said_date(f, since)}, {"amount", amount}});
      q.question = ask({"What is the total {amount} of {events} {placed} on or after {date}?",
                        "Sum the {event} {amount}s since {date} (inclusive).",
                        "How much in total across all {events} dated {date} or later?",
                        "Total {amount} of every {event} from {date} onward?",
                        "Add up the {amount} of all {events} since {date}."});
      q.sql = "SELECT SUM(" + amount + ") FROM " + events + " WHERE " + when + " >= '" +
              fake::iso_date(since) + "';";
      q.tables = {d.events.name};
      break;
    }
    case 4: {
      const std::string year = std::to_string(f.integer(2019, 2025));
      const std::string over = std::to_string(f.integer(1, 100) * 5);
      v.insert(v.end(), {{"year", year}, {"over", over}, {"amount", amount}});
      q.question =
          ask({"What is the average {event} {amount} for each status in {year}, "
               "counting only {events} over ${over}?",
               "Average {event} {amount} by status for {year} {events} above {over} "
               "dollars.",
               "For {year}, break down the average {amount} by status, ignoring {events} "
               "of ${over} or less.",
               "By status: mean {amount} of {year} {events} over ${over}?"});
      q.sql = "SELECT status, AVG(" + amount + ") FROM " + events + " WHERE " + when +
              " BETWEEN '" + year + "-01-01' AND '" + year + "-12-31' AND " + amount + " > " +
              over + " GROUP BY status;";
      q.tables = {d.events.name};
      break;
    }
    case 5: {
      const fake::Person someone = f.person();
      const std::string name = someone.first + " " + someone.last;
      v.insert(v.end(), {{"name", name}, {"amount", amount}});
      q.question = ask({"List the id and {amount} of every {event} {placed} by {name}.",
                        "Which {events} did {name} have? Give {event} id and {amount}.",
                        "Show {name}'s {events} (id and {amount}).",
                        "Get the id and {amount} of all {events} for the {person} {name}."});
      q.sql = "SELECT " + e + ".id, " + e + "." + amount + join_events_first + " WHERE " + p +
              ".name = " + quoted(name) + ";";
      q.tables = {d.events.name, d.people.name};
      break;
    }
    case 6: {
      const std::string n = std::to_string(f.integer(2, 50));
      const std::string category = pick_category();
      v.insert(v.end(), {{"n", n}, {"category", category}});
      q.question =
          ask({"Which {items} in the {category} {category_word} have fewer than {n} "
               "{stock_words}?",
               "Find {category} {items} with fewer than {n} {stock_words}.",
               "Running low: which {category} {items} are under {n} {stock_words}? Just "
               "the names.",
               "Names of {category} {items} with less than {n} {stock_words}."});
      q.sql = "SELECT " + item + " FROM " + items + " WHERE " + stock + " < " + n + " AND " +
              category_col + " = " + quoted(category) + ";";
      q.tables = {d.catalog.name};
      break;
    }
    case 7: {
      const std::string n = std::to_string(f.integer(1, 10));
      const fake::Date since = f.recent_date();
      v.insert(v.end(), {{"n", n}, {"date", said_date(f, since)}});
      q.question =
          ask({"Which {people} have more than {n} {events} since {date}? Show name and "
               "{event} count.",
               "{people} with over {n} {events} on or after {date}, with how many they "
               "had.",
               "Who has had more than {n} {events} since {date}? Name and number of "
               "{events}.",
               "List each {person} with more than {n} {events} from {date} on, and the "
               "count."});
      q.sql = "SELECT " + p + ".name, COUNT(" + e + ".id)" + join + " WHERE " + e + "." + when +
              " >= '" + fake::iso_date(since) + "' GROUP BY " + p + ".name HAVING COUNT(" + e +
              ".id) > " + n + ";";
      q.tables = {d.people.name, d.events.name};
      break;
    }
    case 8: {
      const int64_t lo = f.integer(1, 50) * 10;
      const int64_t hi = lo + f.integer(1, 40) * 10;
      const std::string category = pick_category();
      v.insert(v.end(),
               {{"category", category}, {"lo", std::to_string(lo)}, {"hi", std::to_string(hi)}});
      q.question =
          ask({"List {category} {items} priced between ${lo} and ${hi}, cheapest first.",
               "Which {category} {items} cost from {lo} to {hi} dollars? Sort by price.",
               "Show {category} {items} from ${lo} to ${hi}, lowest price on top (name and "
               "price).",
               "{category} {items} between {lo} and {hi} dollars, lowest price first, "
               "with prices"});
      q.sql = "SELECT " + item + ", " + price + " FROM " + items + " WHERE " + category_col +
              " = " + quoted(category) + " AND " + price + " BETWEEN " + std::to_string(lo) +
              " AND " + std::to_string(hi) + " ORDER BY " + price + " ASC;";
      q.tables = {d.catalog.name};
      break;
    }
    case 9: {
      const int year = static_cast<int>(f.integer(2019, 2025));
      const int month = static_cast<int>(f.integer(1, 12));
      const fake::Date first{year, month, 1};
      const fake::Date last{year, month, fake::days_in_month(year, month)};
      v.insert(v.end(), {{"month", fake::month_name(month)}, {"year", std::to_string(year)}});
      q.question = ask({"How many {people} {joined} in {month} {year}?",
                        "Count the {people} who {joined} during {month} {year}.",
                        "Number of new {people} in {month} {year}?",
                        "how many {people} {joined} in {month} of {year}"});
      q.sql = "SELECT COUNT(*) FROM " + people + " WHERE " + joined_col + " BETWEEN '" +
              fake::iso_date(first) + "' AND '" + fake::iso_date(last) + "';";
      q.tables = {d.people.name};
      break;
    }
    case 10: {
      const std::string n = std::to_string(f.integer(3, 10));
      const std::string status = pick_status();
      v.insert(v.end(), {{"n", n}, {"status", status}});
      q.question = ask({"Which {n} {places_word} bring in the most revenue from {status} {events}?",
                        "Top {n} {places_word} by total of {status} {events}.",
                        "Which {n} {places_word} earn the most from {status} {events}? "
                        "Name the total column revenue.",
                        "Rank the top {n} {places_word} by revenue from {status} {events}.",
                        "Revenue from {status} {events} by {place_word}, top {n} only."});
      q.sql = "SELECT " + p + "." + place + ", SUM(" + e + "." + amount + ") AS revenue" +
              join_events_first + " WHERE " + e + ".status = '" + status + "' GROUP BY " + p + "." +
              place + " ORDER BY revenue DESC LIMIT " + n + ";";
      q.tables = {d.events.name, d.people.name};
      break;
    }
    default: {
      const fake::Date since = f.recent_date();
      const std::string city = pick_place();
      const std::string over = std::to_string(f.integer(1, 50) * 100);
      v.insert(v.end(), {{"place", city}, {"over", over}, {"date", said_date(f, since)}});
      q.question =
          ask({"Show the email of every {person} from {place} with at least one {event} "
               "over ${over} since {date}.",
               "Emails of {place} {people} who had a single {event} over ${over} on or "
               "after {date}.",
               "Which {people} in {place} had an {event} above ${over} since {date}? "
               "Emails only, no duplicates.",
               "Distinct emails of {people} from {place} with any {event} over {over} "
               "dollars since {date}."});
      q.sql = "SELECT DISTINCT " + p + ".email" + join + " WHERE " + p + "." + place + " = " +
              quoted(city) + " AND " + e + "." + amount + " > " + over + " AND " + e + "." + when +
              " >= '" + fake::iso_date(since) + "';";
      q.tables = {d.people.name, d.events.name};
    }
  }
  q.question = capitalized(q.question);
  return q;
}

void generate(Faker& f, Example* ex) {
  // The shop four times in ten, so its records stay as many as before; the other seven share the
  // rest.
  const std::vector<Domain>& all = domains();
  const Domain& d = f.chance(0.4) ? all[0] : all[static_cast<size_t>(f.integer(1, 7))];
  const Query q = query(f, d, static_cast<int>(f.integer(0, 11)));
  ex->layout_id = static_cast<int>(f.integer(0, 5));
  const bool long_layout = ex->layout_id == 2 || ex->layout_id == 5;
  const std::string schema =
      schema_text(pick_schema(f, d, long_layout ? 1 : 2), ex->layout_id, d.statuses);
  compose_prompt(f, ex, kInstructions, kParts, framed(f, schema, ex->layout_id, q.question));
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("sql").str(q.sql);
  j.key("tables").begin_array();
  for (auto t : q.tables) j.str(t);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec sql_generation_spec() {
  return {
      "sql_generation",
      "schema of one of eight databases (shop, library, hotel, SaaS billing, gym, clinic, "
      "warehouse, school; DDL, column list, Markdown, sentence or Django models) + question (12 "
      "query shapes, 4-5 wordings each) -> canonical SQL and tables used",
      {{"sql", FieldKind::kText}, {"tables", FieldKind::kSet}},
      &generate};
}

}  // namespace anvil::datagen::specialists
