// confidence_calibration: a staff directory or stock list and a question about it. Some questions
// have one answer (confidence 0.97), some match several entries (ambiguous: no answer, the
// candidates listed, confidence = 1/k, the chance a guess among k is right), some ask about
// someone or something not listed (unanswerable, confidence 0.05; half of those a listed first
// name with another last name, "Priya Rao" beside "Priya Dutt", or a listed item with another
// adjective). Each list comes in one of five layouts (pipes, a Markdown table, CSV, a dash list
// with "x4821" extensions, one sentence "Extensions: Maya Chen 3104, ..."), a directory also
// surname first (asked by surname) or with the extension before the department, a stock list
// also with bin codes; the question in several wordings, as people write them.
#include "anvil/core/error.h"
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

// How the list is written: its title and column line, and one row. The first five serve both
// kinds of list; a directory also comes surname first ("Lindqvist, Maja | Legal | 5120", asked by
// surname) or with the extension before the department ("Ravi Shah - 3118 (Sales)"), and a stock
// list with a bin code in front of each item ("A-12 | Deluxe Stapler | 42").
enum class Layout { kPipes, kMarkdown, kCsv, kDashes, kInline, kSurnameFirst, kExtFirst, kBins };
const std::vector<Layout> kDirectoryLayouts = {Layout::kPipes,  Layout::kMarkdown,
                                               Layout::kCsv,    Layout::kDashes,
                                               Layout::kInline, Layout::kSurnameFirst,
                                               Layout::kExtFirst};
const std::vector<Layout> kStockLayouts = {Layout::kPipes,  Layout::kMarkdown, Layout::kCsv,
                                           Layout::kDashes, Layout::kInline,   Layout::kBins};

std::string list_head(Layout layout, bool directory) {
  switch (layout) {
    case Layout::kPipes:
      return directory ? "Directory of staff (name | dept | ext)\n"
                       : "Warehouse stock (item | units on hand)\n";
    case Layout::kMarkdown:
      return directory ? "| Name | Department | Extension |\n|---|---|---|\n"
                       : "| Item | Units on hand |\n|---|---|\n";
    case Layout::kCsv:
      return directory ? "name,department,extension\n" : "item,units_on_hand\n";
    case Layout::kDashes:
      return directory ? "Phone list\n" : "Stock count\n";
    case Layout::kInline:
      return directory ? "Extensions: " : "On hand: ";
    case Layout::kSurnameFirst:
      return "Staff by surname (surname, first name | dept | ext)\n";
    case Layout::kExtFirst:
      return "Who is on which extension\n";
    case Layout::kBins:
      return "Stockroom (bin | item | qty)\n";
  }
  return "";
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

const std::vector<std::string_view> kExtensionQuestions = {
    "What is {}'s extension?",       "What's {}'s extension?",      "what is the extension for {}?",
    "Which extension does {} have?", "Can you give me {}'s ext?",   "extension of {}?",
    "I need to call {} - which extension?"};
const std::vector<std::string_view> kStockQuestions = {
    "How many units of {} do we have?", "How many units of {} are left?",
    "What's the on-hand count for {}?", "how many {} are in stock?",
    "Stock level for {}?",              "Do we still have {}? How many?"};

std::string ask(Faker& f, const std::vector<std::string_view>& wordings, const std::string& key) {
  const std::string wording(f.pick(wordings));
  const size_t at = wording.find("{}");
  return wording.substr(0, at) + key + wording.substr(at + 2);
}

// The worked steps: the first row the question's key names and the last one, each written as the
// key followed by the rest of its row, copied ("first: - Stapler | 114" for "Premium Stapler |
// 114"); their two values side by side ("compare: 114 / 87"); rows between them "also: ...";
// or "first: - KEY: not listed"; then "matches: k". One match is its own first and last row, so a
// second match is found by looking up the key's last row rather than "a row not yet written",
// which no model wrote when the rows came in list order, and whether there are two is whether the
// two values just copied next to each other are the same (the values of one list differ): session
// 29's model found the last row but never told two lines a row apart. An unlisted key starts as a
// listed one does, so whether it is listed is decided after the key, by its rows, not at the
// answer's first token. The earlier step designs and their scores: docs/specialists.md and
// docs/specialist-quality.md.
template <typename Entry>
std::string lookup_steps(const std::vector<Entry>& entries, const std::vector<std::string>& rows,
                         const std::string& key, const std::string& status, size_t candidates) {
  std::vector<std::string> found;   // "- KEY rest of the row\n", in list order
  std::vector<std::string> values;  // their values, which differ from row to row
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].key_first != key && entries[i].key_full != key) continue;
    const std::string& row = rows[i];  // ends with its newline
    found.push_back("- " + key + row.substr(row.find(key) + key.size()));
    values.push_back(entries[i].value);
  }
  const size_t expected = status == "answered" ? 1 : status == "ambiguous" ? candidates : 0;
  if (found.size() != expected)
    throw Error("confidence_calibration: " + std::to_string(found.size()) + " rows name '" + key +
                "' for status " + status);
  if (found.empty()) return "first: - " + key + ": not listed\nmatches: 0";
  std::string work = "first: " + found.front() + "last: " + found.back();
  work += "compare: " + values.front() + " / " + values.back() + "\n";
  for (size_t i = 1; i + 1 < found.size(); ++i) work += "also: " + found[i];
  return work + "matches: " + std::to_string(found.size());
}

void generate(Faker& f, Example* ex) {
  // Layout ids 0-6 a directory, 7-12 a stock list, in kDirectoryLayouts' and kStockLayouts' order.
  ex->layout_id = static_cast<int>(f.integer(0, 12));
  const bool directory = ex->layout_id < 7;
  const Layout layout =
      directory ? kDirectoryLayouts[static_cast<size_t>(ex->layout_id)]
                : kStockLayouts[static_cast<size_t>(ex->layout_id - 7)];
  // A surname-first directory is asked by surname: the short key is the surname there.
  const bool by_surname = layout == Layout::kSurnameFirst;
  // The full key as the list writes it, from the short key and its qualifier.
  auto full_key = [&](const std::string& short_key, const std::string& qualifier) {
    if (!directory) return qualifier + " " + short_key;
    return by_surname ? short_key + ", " + qualifier : short_key + " " + qualifier;
  };
  struct Entry {
    std::string key_first;  // what a question may say ("Maria", "Stapler", "Lindqvist")
    std::string qualifier;  // the rest of the name, or the product adjective
    std::string key_full;   // "Maria Lopez", "Deluxe Stapler", "Lindqvist, Maja"
    std::string extra;      // department (directory only)
    std::string bin;        // bin code (kBins only)
    std::string value;
  };
  std::vector<Entry> entries;
  const int64_t n = f.integer(4, 7);
  for (int64_t i = 0; i < n; ++i) {
    Entry e;
    if (directory) {
      const fake::Person p = f.person();
      e.key_first = by_surname ? p.last : p.first;
      e.qualifier = by_surname ? p.first : p.last;
      e.extra = f.department();
    } else {
      const fake::ProductCategory& c = f.pick(f.locale().product_categories);
      e.key_first = std::string(f.pick(c.items));
      e.qualifier = std::string(f.pick(f.locale().product_adjectives));
      e.bin = f.letters(1) + "-" + std::to_string(f.integer(1, 40));
    }
    // Each row's value differs from the others', so two matching rows show two values.
    auto taken = [&](const std::string& v) {
      for (const Entry& earlier : entries) {
        if (earlier.value == v) return true;
      }
      return false;
    };
    do {
      e.value = std::to_string(directory ? f.integer(1000, 9999) : f.integer(0, 500));
    } while (taken(e.value));
    entries.push_back(e);
  }
  // Mode: 0-9 ask about a listed entry, 10-15 plant one or two more entries sharing its short
  // name and ask by that name, 16-19 ask about something not listed. Ambiguous questions are 30%
  // (20% until session 27: every model of sessions 21-26 wrote the first matching row and stopped,
  // status right on 0 of 16 ambiguous held-out questions in session 26).
  const int mode = static_cast<int>(f.integer(0, 19));
  const size_t target_i = static_cast<size_t>(f.integer(0, n - 1));
  if (mode >= 10 && mode <= 15) {
    std::vector<size_t> others;
    for (size_t i = 0; i < entries.size(); ++i)
      if (i != target_i) others.push_back(i);
    f.rng().shuffle(others);
    const size_t planted = n >= 5 && f.chance(0.25) ? 2 : 1;
    for (size_t k = 0; k < planted; ++k) entries[others[k]].key_first = entries[target_i].key_first;
  }
  std::string doc = list_head(layout, directory);
  auto listed = [&](size_t before, const std::string& full) {
    for (size_t k = 0; k < before; ++k) {
      if (entries[k].key_full == full) return true;
    }
    return false;
  };
  std::vector<std::string> rows;  // as written, one per entry
  for (size_t i = 0; i < entries.size(); ++i) {
    Entry& e = entries[i];
    e.key_full = full_key(e.key_first, e.qualifier);
    // A stock list names each item once: a repeated item gets an adjective not yet used with it
    // (en_US has 10 adjectives and a list at most 6 earlier rows, so one is free).
    if (!directory && listed(i, e.key_full)) {
      std::vector<std::string_view> unused;
      for (std::string_view adj : f.locale().product_adjectives) {
        if (!listed(i, full_key(e.key_first, std::string(adj)))) unused.push_back(adj);
      }
      if (!unused.empty()) {
        e.qualifier = std::string(f.pick(unused));
        e.key_full = full_key(e.key_first, e.qualifier);
      }
    }
    rows.push_back(list_row(layout, e.key_full, e.extra, e.value, e.bin));
    if (layout == Layout::kInline)  // the entries in one sentence
      doc +=
          rows.back().substr(0, rows.back().size() - 1) + (i + 1 < entries.size() ? ", " : ".\n");
    else
      doc += rows.back();
  }
  // The question's key: the short key (first name, surname in a surname-first directory, item),
  // or the full one where a clear question needs it; each listed row the key names is a match.
  const Entry& target = entries[target_i];
  auto matches = [&](const std::string& k) {
    std::vector<std::string> out;
    for (const Entry& e : entries) {
      if (e.key_first == k || e.key_full == k) out.push_back(e.value);
    }
    return out;
  };
  std::string question_key = target.key_first;
  if (mode <= 9 && !by_surname && matches(target.key_first).size() > 1)
    question_key = target.key_full;
  if (mode >= 16) {
    // Someone/something not listed: half the time a listed short key with another qualifier
    // ("Priya Rao" beside "Priya Dutt", "Ada Lindqvist" beside "Lindqvist, Maja", "Eco Stapler"
    // beside "Deluxe Stapler"), otherwise a short key no row has.
    const bool near_miss = f.chance(0.5);
    bool unlisted = false;
    for (int tries = 0; near_miss && !unlisted && tries < 16; ++tries) {
      const std::string other =
          !directory ? std::string(f.pick(f.locale().product_adjectives))
          : by_surname ? f.first_name()
                       : f.last_name();
      unlisted = !listed(entries.size(), full_key(target.key_first, other));
      // Asked as people say a name: "Ada Lindqvist", not "Lindqvist, Ada".
      question_key = by_surname ? other + " " + target.key_first : full_key(target.key_first, other);
    }
    for (int tries = 0; !unlisted && tries < 16; ++tries) {
      question_key = !directory ? std::string(f.pick(f.pick(f.locale().product_categories).items))
                     : by_surname ? f.last_name()
                                  : f.first_name();
      unlisted = matches(question_key).empty();
    }
  }
  std::vector<std::string> candidates = matches(question_key);
  std::string answer;
  const std::string status = candidates.empty()       ? "unanswerable"
                             : candidates.size() == 1 ? "answered"
                                                      : "ambiguous";
  if (status == "answered") {
    answer = candidates[0];
    candidates.clear();
  }
  double confidence = 0.97;
  if (status == "ambiguous") confidence = 1.0 / static_cast<double>(candidates.size());
  if (status == "unanswerable") confidence = 0.05;
  confidence = std::round(confidence * 100.0) / 100.0;
  ex->confidence = confidence;
  const std::string question =
      ask(f, directory ? kExtensionQuestions : kStockQuestions, question_key);
  compose_prompt(f, ex, kInstructions, doc + "\nQuestion: " + question);
  ex->work = lookup_steps(entries, rows, question_key, status, candidates.size());
  JsonBuilder j(&ex->response);
  j.begin_object();
  j.key("status").str(status);
  j.key("answer");
  answer.empty() ? j.null() : j.str(answer);
  j.key("candidates").begin_array();
  for (const auto& c : candidates) j.str(c);
  j.end_array();
  j.key("confidence").number(confidence, 2);
  j.end_object();
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
