// confidence_calibration: a staff directory or stock list and a question about it. Some questions
// have one answer (confidence 0.97), some match several entries (ambiguous: no answer, the
// candidates listed, confidence = 1/k, the chance a guess among k is right), some ask about
// someone or something not listed (unanswerable, confidence 0.05; half of those a listed first
// name with another last name, "Priya Rao" beside "Priya Dutt", a listed surname with another
// first name, or a listed item with another adjective). Each list comes in one of five layouts
// (pipes, a Markdown table, CSV, a dash list with "x4821" extensions, one sentence "Extensions:
// Maya Chen 3104, ..."), a directory also surname first (asked by surname) or with the extension
// before the department, a stock list also with bin codes; each layout under one of three titles
// or column lines; the question in several wordings, as people write them, after "Question:",
// "Q:" or nothing, by the short key or the full one as said, and the request phrased from parts
// on half the prompts.
#include "datagen/specialists/common.h"
#include "datagen/specialists/specialists.h"

namespace anvil::datagen::specialists {
namespace {

const std::vector<std::string_view> kInstructions = {
    "Answer from the data below with a calibrated confidence. If several entries match, status "
    "is ambiguous and you list the candidates; if none does, status is unanswerable.",
    "Answer the question and say how confident you are (0-1). Don't guess silently.",
    "Lookup with uncertainty: return status (answered, ambiguous, unanswerable), answer, "
    "candidates and confidence.",
};

// Half the requests are phrased from parts (common.h), the instruction before or after the list.
const InstructionParts kParts = {
    {"Answer", "Look up", "Check", "Find"},
    {"the question from the list below", "this in the list", "the question against the data",
     "the answer in this list"},
    {"", "and give a confidence between 0 and 1", "and rate your confidence from 0 to 1",
     "- flag it if more than one entry fits or none does", "with your confidence"},
};

// How the list is written: its title and column line, and one row. The first five serve both
// kinds of list; a directory also comes surname first ("Lindqvist, Maja | Legal | 5120", asked by
// surname) or with the extension before the department ("Ravi Shah - 3118 (Sales)"), and a stock
// list with a bin code in front of each item ("A-12 | Deluxe Stapler | 42").
enum class Layout { kPipes, kMarkdown, kCsv, kDashes, kInline, kSurnameFirst, kExtFirst, kBins };
const std::vector<Layout> kDirectoryLayouts = {
    Layout::kPipes,  Layout::kMarkdown,     Layout::kCsv,     Layout::kDashes,
    Layout::kInline, Layout::kSurnameFirst, Layout::kExtFirst};
const std::vector<Layout> kStockLayouts = {Layout::kPipes,  Layout::kMarkdown, Layout::kCsv,
                                           Layout::kDashes, Layout::kInline,   Layout::kBins};

// The titles and column lines a list may open with, one drawn per list (each ends with its
// newline; the one-sentence layout's with a space).
std::vector<std::string_view> list_heads(Layout layout, bool directory) {
  switch (layout) {
    case Layout::kPipes:
      if (directory)
        return {"Directory of staff (name | dept | ext)\n",
                "Staff extensions (name | team | extension)\n",
                "Internal directory: person | dept | ext\n"};
      return {"Warehouse stock (item | units on hand)\n", "Inventory (item | qty)\n",
              "Office supplies: item | count\n"};
    case Layout::kMarkdown:
      if (directory)
        return {"| Name | Department | Extension |\n|---|---|---|\n",
                "| Employee | Team | Ext |\n|---|---|---|\n",
                "| Name | Dept | Ext. |\n|---|---|---|\n"};
      return {"| Item | Units on hand |\n|---|---|\n", "| Product | Qty |\n|---|---|\n",
              "| Item | In stock |\n|---|---|\n"};
    case Layout::kCsv:
      if (directory)
        return {"name,department,extension\n", "employee,dept,ext\n", "Name,Team,Ext\n"};
      return {"item,units_on_hand\n", "item,qty\n", "Product,In stock\n"};
    case Layout::kDashes:
      if (directory) return {"Phone list\n", "Extension list\n", "Who to ring\n"};
      return {"Stock count\n", "Inventory count\n", "Supplies left\n"};
    case Layout::kInline:
      if (directory) return {"Extensions: ", "Ext. numbers: ", "Phone extensions - "};
      return {"On hand: ", "In stock: ", "Current counts - "};
    case Layout::kSurnameFirst:
      return {"Staff by surname (surname, first name | dept | ext)\n",
              "Directory by last name (last, first | team | ext)\n",
              "Surname, first name | team | ext\n"};
    case Layout::kExtFirst:
      return {"Who is on which extension\n", "Extensions and teams\n", "Desk phones\n"};
    case Layout::kBins:
      return {"Stockroom (bin | item | qty)\n", "Shelf list (bin | item | count)\n",
              "Storeroom: bin | item | units\n"};
  }
  return {""};
}

std::string list_row(Layout layout, const std::string& name, const std::string& department,
                     const std::string& value, const std::string& bin) {
  const bool directory = !department.empty();
  switch (layout) {
    case Layout::kPipes:
      return name + (directory ? " | " + department : "") + " | " + value + "\n";
    case Layout::kMarkdown:
      return "| " + name + (directory ? " | " + department : "") + " | " + value + " |\n";
    case Layout::kCsv:
      return name + (directory ? "," + department : "") + "," + value + "\n";
    case Layout::kDashes:
      return name + (directory ? " - " + department + " - x" + value : " - " + value + " units") +
             "\n";
    case Layout::kInline:  // one sentence: "Extensions: Maya Chen 3104, Ravi Shah 3118."
      return name + " " + value + "\n";
    case Layout::kSurnameFirst:  // the name comes as "Lindqvist, Maja"
      return name + " | " + department + " | " + value + "\n";
    case Layout::kExtFirst:
      return name + " - " + value + " (" + department + ")\n";
    case Layout::kBins:
      return bin + " | " + name + " | " + value + "\n";
  }
  return "";
}

const std::vector<std::string_view> kExtensionQuestions = {"What is {}'s extension?",
                                                           "What's {}'s extension?",
                                                           "what is the extension for {}?",
                                                           "Which extension does {} have?",
                                                           "Can you give me {}'s ext?",
                                                           "extension of {}?",
                                                           "I need to call {} - which extension?"};
const std::vector<std::string_view> kStockQuestions = {"How many units of {} do we have?",
                                                       "How many units of {} are left?",
                                                       "What's the on-hand count for {}?",
                                                       "how many units of {} are in stock?",
                                                       "Stock level for {}?",
                                                       "Do we still have any {}? How many units?"};

std::string ask(Faker& f, const std::vector<std::string_view>& wordings, const std::string& key) {
  const std::string wording(f.pick(wordings));
  const size_t at = wording.find("{}");
  return wording.substr(0, at) + key + wording.substr(at + 2);
}

// One listed entry: a person with a department, or an item.
struct Entry {
  std::string key_first;  // what a question may say ("Maria", "Stapler", "Lindqvist")
  std::string qualifier;  // the rest of the name, or the product adjective
  std::string key_full;   // "Maria Lopez", "Deluxe Stapler", "Lindqvist, Maja"
  std::string key_spoken;  // the full key as a question says it: "Maja Lindqvist", else key_full
  std::string extra;      // department (directory only)
  std::string bin;        // bin code (kBins only)
  std::string value;      // extension or units; no two entries of a list share one

  // Whether a question's key names this entry: by its short or its full key, either as listed or
  // as said.
  bool named_by(const std::string& key) const {
    return key_first == key || key_full == key || key_spoken == key;
  }
};

// The list a question is asked about, and how it is written.
struct Lookup {
  int layout_id = 0;  // 0-6 a directory in kDirectoryLayouts' order, 7-12 a stock list
  Layout layout = Layout::kPipes;
  bool directory = true;
  bool by_surname = false;  // a surname-first directory, asked by surname
  std::vector<Entry> entries;
  std::vector<std::string> rows;  // as written, one per entry, each ending with its newline
  std::string doc;

  // The full key as the list writes it, from a short key and its qualifier.
  std::string full_key(const std::string& short_key, const std::string& qualifier) const {
    if (!directory) return qualifier + " " + short_key;
    return by_surname ? short_key + ", " + qualifier : short_key + " " + qualifier;
  }
  // Whether one of the first `before` entries has the full key `full`.
  bool listed(size_t before, const std::string& full) const {
    for (size_t k = 0; k < before; ++k) {
      if (entries[k].key_full == full) return true;
    }
    return false;
  }
  // The values of the rows a question's key names: by their short or their full key.
  std::vector<std::string> matches(const std::string& key) const {
    std::vector<std::string> out;
    for (const Entry& e : entries) {
      if (e.named_by(key)) out.push_back(e.value);
    }
    return out;
  }
};

// 4 to 7 entries of a directory or a stock list, in one of its layouts; their full keys are set
// when the list is written.
Lookup draw_entries(Faker& f) {
  Lookup list;
  list.layout_id = static_cast<int>(f.integer(0, 12));
  list.directory = list.layout_id < 7;
  list.layout = list.directory ? kDirectoryLayouts[static_cast<size_t>(list.layout_id)]
                               : kStockLayouts[static_cast<size_t>(list.layout_id - 7)];
  list.by_surname = list.layout == Layout::kSurnameFirst;
  const int64_t n = f.integer(4, 7);
  for (int64_t i = 0; i < n; ++i) {
    Entry e;
    if (list.directory) {
      const fake::Person p = f.person();
      e.key_first = list.by_surname ? p.last : p.first;
      e.qualifier = list.by_surname ? p.first : p.last;
      e.extra = f.department();
    } else {
      const fake::ProductCategory& c = f.pick(f.locale().product_categories);
      e.key_first = std::string(f.pick(c.items));
      e.qualifier = std::string(f.pick(f.locale().product_adjectives));
      e.bin = f.letters(1) + "-" + std::to_string(f.integer(1, 40));
    }
    auto taken = [&](const std::string& v) {
      for (const Entry& earlier : list.entries) {
        if (earlier.value == v) return true;
      }
      return false;
    };
    do {
      e.value = std::to_string(list.directory ? f.integer(1000, 9999) : f.integer(0, 500));
    } while (taken(e.value));
    list.entries.push_back(e);
  }
  return list;
}

// One or two more entries take the target's short key, so a question by it is ambiguous. Two on
// half the lists of five or more rows (a quarter until session 33): the row between the first and
// the last match (`also:`) was the rarest step, and run C's models (session 32's command, three
// training seeds) left it out on every fresh question with three matches (8 of 8). With
// `whole_name`, they take the whole name (two "Sam Lee"s in different teams), asked by it.
void plant_shared_key(Faker& f, size_t target_i, bool whole_name, Lookup* list) {
  std::vector<size_t> others;
  for (size_t i = 0; i < list->entries.size(); ++i)
    if (i != target_i) others.push_back(i);
  f.rng().shuffle(others);
  const size_t planted = list->entries.size() >= 5 && f.chance(0.5) ? 2 : 1;
  for (size_t k = 0; k < planted; ++k) {
    Entry& planted_entry = list->entries[others[k]];
    planted_entry.key_first = list->entries[target_i].key_first;
    if (whole_name) planted_entry.qualifier = list->entries[target_i].qualifier;
  }
}

// The entries' full keys, rows and the list as one document.
void write_list(Faker& f, Lookup* list) {
  list->doc = std::string(f.pick(list_heads(list->layout, list->directory)));
  for (size_t i = 0; i < list->entries.size(); ++i) {
    Entry& e = list->entries[i];
    e.key_full = list->full_key(e.key_first, e.qualifier);
    // A stock list names each item once: a repeated item gets an adjective not yet used with it
    // (en_US has 10 adjectives and a list at most 6 earlier rows, so one is free).
    if (!list->directory && list->listed(i, e.key_full)) {
      std::vector<std::string_view> unused;
      for (std::string_view adj : f.locale().product_adjectives) {
        if (!list->listed(i, list->full_key(e.key_first, std::string(adj)))) unused.push_back(adj);
      }
      if (!unused.empty()) {
        e.qualifier = std::string(f.pick(unused));
        e.key_full = list->full_key(e.key_first, e.qualifier);
      }
    }
    e.key_spoken = list->by_surname ? e.qualifier + " " + e.key_first : e.key_full;
    const std::string row = list_row(list->layout, e.key_full, e.extra, e.value, e.bin);
    list->rows.push_back(row);
    if (list->layout == Layout::kInline)  // the entries in one sentence
      list->doc += row.substr(0, row.size() - 1) + (i + 1 < list->entries.size() ? ", " : ".\n");
    else
      list->doc += row;
  }
}

// A key no row has: half the time the target's short key with another qualifier ("Priya Rao"
// beside "Priya Dutt", "Ada Lindqvist" beside "Lindqvist, Maja", "Eco Stapler" beside "Deluxe
// Stapler"), otherwise a short key no row has. Names are asked as people say them ("Ada
// Lindqvist", not "Lindqvist, Ada").
std::string unlisted_key(Faker& f, const Lookup& list, const Entry& target) {
  std::string key;
  const bool near_miss = f.chance(0.5);
  bool unlisted = false;
  for (int tries = 0; near_miss && !unlisted && tries < 16; ++tries) {
    const std::string other = !list.directory   ? std::string(f.pick(f.locale().product_adjectives))
                              : list.by_surname ? f.first_name()
                                                : f.last_name();
    unlisted = !list.listed(list.entries.size(), list.full_key(target.key_first, other));
    key = list.by_surname ? other + " " + target.key_first : list.full_key(target.key_first, other);
  }
  for (int tries = 0; !unlisted && tries < 16; ++tries) {
    key = !list.directory   ? std::string(f.pick(f.pick(f.locale().product_categories).items))
          : list.by_surname ? f.last_name()
                            : f.first_name();
    unlisted = list.matches(key).empty();
  }
  return key;
}

// The worked steps: the first row the question's key names and the last one, each written as the
// key followed by the rest of its row, copied ("first: - Stapler | 114" for "Premium Stapler |
// 114"); their two values side by side ("compare: 114 / 87") and whether they are the same
// ("same: no", the test compare_drill trains on its own); rows between them "also: ...";
// or "first: - KEY: not listed"; then "matches: k". One match is its own first and last row, so a
// second match is found by looking up the key's last row rather than "a row not yet written",
// which no model wrote when the rows came in list order, and whether there are two is whether the
// two values just copied next to each other are the same (the values of one list differ): session
// 29's model found the last row but never told two lines a row apart. An unlisted key starts as a
// listed one does, so whether it is listed is decided after the key, by its rows, not at the
// answer's first token. The earlier step designs and their scores: docs/specialists.md and
// docs/specialist-quality.md.
std::string lookup_steps(const Lookup& list, const std::string& key) {
  std::vector<std::string> found;   // "- KEY rest of the row\n", in list order
  std::vector<std::string> values;  // their values, which differ from row to row
  for (size_t i = 0; i < list.entries.size(); ++i) {
    const Entry& e = list.entries[i];
    if (!e.named_by(key)) continue;
    const std::string& row = list.rows[i];
    // The key as the row's name cell has it (not a bin code or a department before it); a name
    // asked as said ("Maja Lindqvist") is not in its row ("Lindqvist, Maja"): the row's own name
    // on.
    const size_t name_at = row.find(e.key_full);
    const size_t at = row.find(key, name_at);
    found.push_back(at == std::string::npos ? "- " + row.substr(name_at)
                                            : "- " + key + row.substr(at + key.size()));
    values.push_back(e.value);
  }
  if (found.empty()) return "first: - " + key + ": not listed\nmatches: 0";
  std::string work = "first: " + found.front() + "last: " + found.back();
  work += compare_step(values.front(), values.back());
  for (size_t i = 1; i + 1 < found.size(); ++i) work += "also: " + found[i];
  return work + "matches: " + std::to_string(found.size());
}

// The answer: answered (confidence 0.97), ambiguous among k candidates (1/k) or unanswerable
// (0.05).
void write_answer(const std::vector<std::string>& matched, Example* ex) {
  const std::string status = matched.empty()       ? "unanswerable"
                             : matched.size() == 1 ? "answered"
                                                   : "ambiguous";
  double confidence = 0.97;
  if (status == "ambiguous") confidence = 1.0 / static_cast<double>(matched.size());
  if (status == "unanswerable") confidence = 0.05;
  ex->confidence = std::round(confidence * 100.0) / 100.0;
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("status").str(status);
  j.key("answer");
  status == "answered" ? j.str(matched[0]) : j.null();
  j.key("candidates").begin_array();
  if (status == "ambiguous") {
    for (const auto& c : matched) j.str(c);
  }
  j.end_array();
  j.key("confidence").number(ex->confidence, 2);
  j.end_object();
}

void generate(Faker& f, Example* ex) {
  Lookup list = draw_entries(f);
  ex->layout_id = list.layout_id;
  // Mode: 0-9 ask about a listed entry, 10-15 plant one or two more entries sharing its short
  // name and ask by that name, 16-19 ask about something not listed. Ambiguous questions are 30%
  // (20% until session 27: every model of sessions 21-26 wrote the first matching row and stopped,
  // status right on 0 of 16 ambiguous held-out questions in session 26).
  const int mode = static_cast<int>(f.integer(0, 19));
  const size_t target_i =
      static_cast<size_t>(f.integer(0, static_cast<int64_t>(list.entries.size()) - 1));
  // A quarter of the ambiguous questions about a directory name two people with one whole name.
  const bool whole_name = mode >= 10 && mode <= 15 && list.directory && f.chance(0.25);
  if (mode >= 10 && mode <= 15) plant_shared_key(f, target_i, whole_name, &list);
  write_list(f, &list);
  // By the short key; by the full one as said on 40% of the clear questions and where a clear
  // question needs it. Until session 33 a full name was asked almost only when it was not listed
  // (115 of 138 full-name questions about directories in 2,000 records of seed 5), which a model
  // could learn instead of looking: session 32's answered "Jordan Mills: not listed".
  const Entry& target = list.entries[target_i];
  std::string key = target.key_first;
  if (whole_name || (mode <= 9 && (f.chance(0.4) || list.matches(target.key_first).size() > 1)))
    key = target.key_spoken;
  if (mode >= 16) key = unlisted_key(f, list, target);
  const std::string question = ask(f, list.directory ? kExtensionQuestions : kStockQuestions, key);
  // "Question: ..." on half the prompts, the bare question or "Q: ..." on the others.
  const int64_t framing = f.integer(0, 3);
  const std::string_view label = framing < 2 ? "Question: " : framing == 2 ? "" : "Q: ";
  compose_prompt(f, ex, kInstructions, kParts, list.doc + "\n" + std::string(label) + question);
  ex->work = lookup_steps(list, key);
  write_answer(list.matches(key), ex);
}
}  // namespace

SpecialistSpec confidence_calibration_spec() {
  return {
      "confidence_calibration",
      "lookups that are clear, ambiguous or unanswerable -> status, answer, candidates, confidence",
      {{"status", FieldKind::kText},
       {"answer", FieldKind::kText},
       {"candidates", FieldKind::kSet},
       {"confidence", FieldKind::kConfidence}},
      &generate};
}

}  // namespace anvil::datagen::specialists
