// entity_extraction: a business news item, press release, council minutes, earnings blurb or court
// report -> the people, organizations, locations, dates (ISO) and dollar amounts it mentions, each
// as a list. One to three of each kind, written as such texts write them: people with titles
// ("Chief executive Dana Whitcomb", "Dr. Aaron Feldstein"; the name alone is the entity),
// companies, funds and public bodies, datelines in capitals ("AUSTIN, TX"), dates in US and AP
// styles ("Feb. 1, 2024"), amounts in figures or millions and billions ("$2.3 million" is 2300000).
// Numbers that are not dollar amounts (percentages, head counts, stores) and dates without a day
// ("January 2025") are in the texts and not in the answer.
// Worked steps: each amount as written, then its value through the calculator, "$2.3 million:
// <<round(2.3*1000000,2)=2300000.00>>", "$920,000: <<round(920,000.00,2)=920000.00>>".
#include "anvil/core/error.h"
#include "anvil/datagen/calculator.h"
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Extract the named entities: people, organizations, locations, dates (ISO) and amounts "
    "(numbers, USD).",
    "List every person, company, place, date and dollar amount mentioned below, as JSON.",
    "Run NER on this text and return JSON with people, organizations, locations, dates, amounts.",
    "Who, which companies, where, when and how much? Answer as JSON lists.",
};

const InstructionParts kParts = {
    {"Extract the named entities from",
     "Pull out people, organizations, locations, dates and "
     "amounts from",
     "Run entity extraction on", "List the entities in", "Tag the entities in",
     "Find every person, org, place, date and dollar figure in"},
    {"this text", "the article below", "this press release", "these minutes", "this blurb",
     "the following", "this"},
    {"", "as JSON", "as JSON lists", "(dates as ISO, amounts as numbers)",
     "(JSON: people, organizations, locations, dates, amounts)", "-> json"},
};

// What the answer lists, in order of first mention.
struct Entities {
  std::vector<std::string> people, organizations, locations, dates;
  std::vector<int64_t> amounts;  // cents
};

// One entity a text may name: the template slots that write it ("{p1}" plainly, "{p1t}" with a
// title)
// and what the answer lists for it.
struct Mention {
  enum Kind { kPerson, kOrganization, kLocation, kDate, kAmount } kind;
  std::vector<std::pair<std::string, std::string>> forms;  // slot name, text
  std::string value;                                       // name or ISO date
  int64_t cents = 0;                                       // an amount's value

  void record(Entities* e) const {
    std::vector<std::string>* list = kind == kPerson         ? &e->people
                                     : kind == kOrganization ? &e->organizations
                                     : kind == kLocation     ? &e->locations
                                                             : &e->dates;
    if (kind == kAmount) {
      if (std::find(e->amounts.begin(), e->amounts.end(), cents) == e->amounts.end())
        e->amounts.push_back(cents);
    } else if (std::find(list->begin(), list->end(), value) == list->end()) {
      list->push_back(value);
    }
  }
};

std::string organization(Faker& f) {
  static const std::vector<std::string_view> kSectors = {
      "Biologics", "Pharma", "Outfitters", "Robotics",        "Labs",   "Foods",
      "Ventures",  "Health", "Energy",     "Equity Partners", "Paving", "Logistics"};
  if (f.chance(0.5)) return f.company().name;
  const std::string base = f.coined_name(2, 3);
  return base + " " + std::string(f.pick(kSectors));
}

std::string public_body(Faker& f, const fake::City& city) {
  static const std::vector<std::string_view> kStateBodies = {
      "Public Defender's Office", "Department of Transportation", "Genomics Institute",
      "Housing Finance Agency"};
  static const std::vector<std::string_view> kCityBodies = {"Zoning Board", "Board of Education",
                                                            "Port Authority", "Transit District"};
  if (f.chance(0.5)) return std::string(city.state) + " " + std::string(f.pick(kStateBodies));
  return std::string(city.name) + " " + std::string(f.pick(kCityBodies));
}

// "$2.3 million", "$18 million", "$1.2 billion" or "$920,000"; `cents` gets the value.
std::string amount(Faker& f, int64_t* cents) {
  const int kind = static_cast<int>(f.integer(0, 3));
  if (kind == 3) {
    *cents = f.integer(5, 990) * 100000;  // whole thousands
    const std::string printed = printed_cents(*cents, true);
    return "$" + printed.substr(0, printed.size() - 3);
  }
  const int64_t tenths = kind == 1 ? f.integer(1, 99) * 10 : f.integer(11, 999);
  const int64_t unit = kind == 2 ? 1000000000 : 1000000;
  *cents = tenths * unit / 10 * 100;
  std::string figure = std::to_string(tenths / 10);
  if (tenths % 10 != 0) figure += "." + std::to_string(tenths % 10);
  return "$" + figure + (kind == 2 ? " billion" : " million");
}

// A date with its day, in a US document style or AP style ("Feb. 1, 2024", "Sept. 9, 2025").
std::string date(Faker& f, const fake::Date& d) {
  static const std::vector<std::string_view> kAp = {"Jan.",  "Feb.", "March", "April",
                                                    "May",   "June", "July",  "Aug.",
                                                    "Sept.", "Oct.", "Nov.",  "Dec."};
  if (f.chance(0.25)) {
    return std::string(kAp[static_cast<size_t>(d.month - 1)]) + " " + std::to_string(d.day) + ", " +
           std::to_string(d.year);
  }
  const fake::DateFormat format = us_date_format(f);
  return fake::format_date(d, format == fake::DateFormat::kIso ? fake::DateFormat::kLong : format);
}

// A town: a listed city, or three times in ten an invented one ("Brandellville").
std::string town(Faker& f, const fake::City& city) {
  static const std::vector<std::string_view> kEnds = {"ton", "ville", " Falls", " Heights", ""};
  if (!f.chance(0.3)) return std::string(city.name);
  std::string name = f.coined_name(1, 2);
  return name + std::string(f.pick(kEnds));
}

// The kinds of text, as templates over the mentions' slots.
const std::vector<std::vector<std::string_view>> kKinds = {
    // A news item with a dateline.
    {"{C1}, {st1} ({d1}) - ", "{c1} - ", "{c1}, {st1}, {d1} -- "},
    // A press release.
    {"FOR IMMEDIATE RELEASE - {d1}\n\n{o1} to build {a1} {facility} in {c1}, {st1}\n\n"},
    // Council minutes.
    {"{b1} - regular meeting, {d1}\nPresent: {p1t}; {p2} and {p3}\n"},
    // An earnings blurb.
    {""},
    // A court report.
    {""},
};

std::string body(Faker& f, int kind) {
  static const std::vector<std::string_view> kNews = {
      "{o1}, a {sector} startup, has raised {a1} in a Series {series} round led by {o2}.",
      "{o1} agreed to acquire {o2} for {a1}.",
      "{o1} announced on {d1} that it will open a {n}-person office in {c1}."};
  static const std::vector<std::string_view> kNewsMore = {
      " {p1t} said the funds will pay for new premises in {c2}.",
      " \"This brings our teams together,\" said {p1}, {title} at {o1}. {p2} will continue to "
      "lead {o2}.",
      " The deal is expected to close by {d2}, pending approval from the {b1}.",
      " The company grew {pct} last year and plans to hire {n} people by {month}."};
  switch (kind) {
    case 0: {
      std::string s(f.pick(kNews));
      return s + std::string(f.pick(kNewsMore));
    }
    case 1:
      return "Work starts in {month}, with doors due to open by {d2}. \"This "
             "investment brings {n} skilled jobs to the region,\" said {p1}, {title} of {o1}. "
             "A {a2} grant from the {b1} helps fund the project.\n\nMedia contact: {p2}";
    case 2:
      return "- Approved a {a1} contract with {o2} to resurface roads in {c1} and neighboring "
             "{c2}.\n- Next meeting: {d2}.";
    case 3:
      return "{o1} on {d1} posted {quarter} revenue of {a1}, {pct} higher than the same quarter "
             "last year, with "
             "net income of {a2}. {p1t} said the {c1}-based company plans to open {n} stores "
             "this year.";
    default:
      return "A federal judge in {c1} on {d1} approved a {a1} settlement between {o1} and the "
             "{b1} over the marketing of its products. {p1t} called the agreement \"fair and "
             "reasonable.\"";
  }
}

// Every entity a template may name, drawn in a fixed order.
std::vector<Mention> draw_mentions(Faker& f, const fake::City& city1, const fake::City& city2) {
  static const std::vector<std::string_view> kTitles = {
      "Chief executive", "CFO", "Dr.", "Mayor", "District Judge", "Council member", "Founder"};
  std::vector<Mention> m;
  for (const std::string id : {"p1", "p2", "p3"}) {
    const std::string name = f.person().full();
    const std::string title(f.pick(kTitles));
    m.push_back({Mention::kPerson, {{id, name}, {id + "t", title + " " + name}}, name});
  }
  for (const std::string id : {"o1", "o2"}) {
    const std::string name = organization(f);
    m.push_back({Mention::kOrganization, {{id, name}}, name});
  }
  const std::string body_name = public_body(f, city1);
  m.push_back({Mention::kOrganization, {{"b1", body_name}}, body_name});
  const std::string town1 = town(f, city1);
  m.push_back({Mention::kLocation, {{"c1", town1}, {"C1", ascii_upper(town1)}}, town1});
  m.push_back({Mention::kLocation, {{"c2", std::string(city2.name)}}, std::string(city2.name)});
  fake::Date d = f.date_between({2019, 1, 1}, {2025, 12, 31});
  for (const std::string id : {"d1", "d2"}) {
    const std::string text = date(f, d);
    m.push_back({Mention::kDate, {{id, text}}, fake::iso_date(d)});
    d = fake::add_days(d, f.integer(7, 500));  // the second date follows the first
  }
  for (const std::string id : {"a1", "a2"}) {
    Mention a{Mention::kAmount, {}, ""};
    const std::string text = amount(f, &a.cents);
    a.forms = {{id, text}};
    m.push_back(a);
  }
  return m;
}

// Words and numbers in the texts that are not entities.
Vars other_words(Faker& f, const fake::City& city1) {
  static const std::vector<std::string_view> kSectors = {"fintech", "farm-tech", "biotech",
                                                         "logistics", "retail"};
  static const std::vector<std::string_view> kQuarters = {"first-quarter", "second-quarter",
                                                          "third-quarter", "fourth-quarter"};
  static const std::vector<std::string_view> kFacilities = {"manufacturing plant",
                                                            "distribution center", "data center"};
  const std::string title = f.job_title();
  const std::string sector(f.pick(kSectors));
  const std::string series(1, static_cast<char>('A' + f.integer(0, 3)));
  const std::string pct = std::to_string(f.integer(2, 40)) + "%";
  const std::string count = std::to_string(f.integer(12, 400));
  const std::string month(fake::month_name(static_cast<int>(f.integer(1, 12))));
  const std::string year = std::to_string(f.integer(2025, 2027));
  const std::string quarter(f.pick(kQuarters));
  const std::string facility(f.pick(kFacilities));
  return {{"st1", std::string(city1.state_code)},
          {"title", title},
          {"sector", sector},
          {"series", series},
          {"pct", pct},
          {"n", count},
          {"month", month + " " + year},  // a month without a day: not a date entity
          {"quarter", quarter},
          {"facility", facility}};
}

// Each dollar amount the answer lists, as the text writes it, through the calculator: "$2.3
// million: <<round(2.3*1000000,2)=2300000.00>>", "$920,000: <<round(920,000.00,2)=920000.00>>" (the
// digits as printed; written from memory, the model regrouped the digits of an amount in millions
// in a third of session 22's answers).
std::string amount_steps(const std::vector<std::pair<size_t, const Mention*>>& named) {
  std::string work;
  std::vector<int64_t> done;
  for (const auto& [at, m] : named) {
    if (m->kind != Mention::kAmount) continue;
    if (std::find(done.begin(), done.end(), m->cents) != done.end()) continue;
    done.push_back(m->cents);
    const std::string& text = m->forms.front().second;  // "$2.3 million"
    const size_t space = text.find(' ');
    // "2.3*1000000", or "149,000.00": the calculator reads a thousands group only before a
    // decimal point ("round(149,000,2)" would be three arguments).
    std::string call = "round(";
    if (space == std::string::npos) {
      call += text.substr(1) + ".00";
    } else {
      call += text.substr(1, space - 1);
      call += text.substr(space) == " billion" ? "*1000000000" : "*1000000";
    }
    call += ",2)";
    if (calculator_result(call) != fake::decimal_cents(m->cents))
      throw Error("entity_extraction: " + call + " is not " + fake::decimal_cents(m->cents));
    work += (work.empty() ? "" : "\n") + text + ": " + calculator_step(call);
  }
  return work;
}

void generate(Faker& f, Example* ex) {
  ex->layout_id = static_cast<int>(f.integer(0, 4));
  std::string tmpl(f.pick(kKinds[static_cast<size_t>(ex->layout_id)]));
  tmpl += body(f, ex->layout_id);
  const fake::City& city1 = f.pick(f.locale().cities);
  const fake::City& city2 = f.pick(f.locale().cities);
  const std::vector<Mention> mentions = draw_mentions(f, city1, city2);
  Vars vars = other_words(f, city1);
  // Only the entities the template names are listed, in the order it first names them.
  std::vector<std::pair<size_t, const Mention*>> named;
  for (const Mention& m : mentions) {
    size_t first = std::string::npos;
    for (const auto& [slot, text] : m.forms) {
      first = std::min(first, tmpl.find("{" + slot + "}"));
      vars.push_back({slot, text});  // the key views the mention's own string
    }
    if (first != std::string::npos) named.push_back({first, &m});
  }
  std::sort(named.begin(), named.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  Entities e;
  for (const auto& [at, m] : named) m->record(&e);
  ex->work = amount_steps(named);
  std::string text = expand(tmpl, vars);
  for (size_t at = text.find(".."); at != std::string::npos; at = text.find("..", at)) {
    text.erase(at, 1);  // "Acme Co." ending a sentence
  }
  compose_prompt(f, ex, kInstructions, kParts, text);
  JsonBuilder j(&ex->response);
  j.begin_object();
  for (const auto& [key, list] :
       {std::pair{"people", &e.people}, std::pair{"organizations", &e.organizations},
        std::pair{"locations", &e.locations}, std::pair{"dates", &e.dates}}) {
    j.key(key).begin_array();
    for (const std::string& s : *list) j.str(s);
    j.end_array();
  }
  j.key("amounts").begin_array();
  for (int64_t cents : e.amounts) j.money(cents);
  j.end_array();
  j.end_object();
}

}  // namespace

SpecialistSpec entity_extraction_spec() {
  return {"entity_extraction",
          "news item, press release, minutes, earnings or court report -> people, organizations, "
          "locations, dates, amounts",
          {{"people", FieldKind::kSet},
           {"organizations", FieldKind::kSet},
           {"locations", FieldKind::kSet},
           {"dates", FieldKind::kSet},
           {"amounts", FieldKind::kSet}},
          &generate};
}

}  // namespace anvil::datagen::specialists
