// Tests for the specialist generators: the registry holds every required specialist; each one's
// responses have the declared shape, score 1.0 against themselves and less when a field is dropped
// or changed; prompts vary across templates and layouts; output is deterministic per seed.
#include "anvil/datagen/specialist.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/core/error.h"
#include "anvil/datagen/calculator.h"
#include "anvil/datagen/specialist_generator.h"
#include "anvil/datagen/specialist_validator.h"

namespace anvil::datagen {
namespace {

using json = nlohmann::ordered_json;

constexpr int kSamples = 120;  // per specialist

TEST(SpecialistTable, HasEveryRequiredSpecialistOnce) {
  const char* required[] = {"invoice_processing",
                            "receipt_parsing",
                            "document_extraction",
                            "contract_analysis",
                            "email_triage",
                            "support_ticket_routing",
                            "sentiment_analysis",
                            "entity_extraction",
                            "pii_redaction",
                            "address_parsing",
                            "date_normalization",
                            "unit_conversion",
                            "currency_conversion",
                            "math_word_problems",
                            "table_to_json",
                            "csv_cleaning",
                            "json_repair",
                            "log_analysis",
                            "sql_generation",
                            "regex_extraction",
                            "resume_parsing",
                            "purchase_order_matching",
                            "expense_categorization",
                            "bank_reconciliation",
                            "product_categorization",
                            "spam_detection",
                            "intent_classification",
                            "calendar_scheduling",
                            "meeting_action_items",
                            "question_answering",
                            "fact_verification",
                            "context_protocol",
                            "confidence_calibration"};
  EXPECT_GE(specialist_table().size(), 33u);
  for (const char* name : required) EXPECT_NE(find_specialist(name), nullptr) << name;
  std::set<std::string> names;
  for (const SpecialistSpec& s : specialist_table()) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_FALSE(s.description.empty()) << s.name;
    EXPECT_FALSE(s.fields.empty()) << s.name;
  }
}

TEST(SpecialistTable, SelectionAcceptsAllListsAndRejectsUnknownNames) {
  EXPECT_EQ(select_specialists("all").size(), specialist_table().size());
  auto two = select_specialists("sql_generation, json_repair");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0]->name, "sql_generation");
  try {
    select_specialists("invoice_procesing");
    FAIL() << "expected a usage error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("did you mean 'invoice_processing'"), std::string::npos)
        << e.what();
  }
}

TEST(SpecialistTable, WeightsGiveAShareAndBadOnesAreRefusedNamingTheEntry) {
  const auto mix = select_weighted_specialists("spam_detection, copy_repeat*3 ,json_repair* 2");
  ASSERT_EQ(mix.size(), 3u);
  EXPECT_EQ(mix[0].spec->name, "spam_detection");
  EXPECT_EQ(mix[0].weight, 1);
  EXPECT_EQ(mix[1].spec->name, "copy_repeat");
  EXPECT_EQ(mix[1].weight, 3);
  EXPECT_EQ(mix[2].weight, 2);
  // Without weights: which specialists, once each, in the order given.
  const auto specs = select_specialists("spam_detection,copy_repeat*3");
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[1]->name, "copy_repeat");
  for (const char* bad : {"copy_repeat*0", "copy_repeat*", "copy_repeat*x", "copy_repeat*1001",
                          "copy_repeat*-2", "copy_repeat*2*2"}) {
    try {
      select_weighted_specialists(std::string("spam_detection,") + bad);
      ADD_FAILURE() << bad << ": expected a usage error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage);
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(select_specialists("spam_detection,copy_repeat,spam_detection*2"), Error);
  EXPECT_THROW(select_specialists("spam_detecton*2"), Error);
}

TEST(SpecialistTable, MixCycleInterleavesEachSpecialistByItsWeight) {
  const SpecialistSpec* a = find_specialist("spam_detection");
  const SpecialistSpec* b = find_specialist("copy_repeat");
  const SpecialistSpec* c = find_specialist("json_repair");
  EXPECT_EQ(mix_cycle({{a, 1}, {b, 3}, {c, 2}}),
            (std::vector<const SpecialistSpec*>{a, b, c, b, c, b}));
  EXPECT_EQ(mix_cycle({{a, 1}, {c, 1}}), (std::vector<const SpecialistSpec*>{a, c}));
}

// A copy of `response` with one field changed to a different value of a plausible type.
std::string perturb_field(const std::string& response, const std::string& field) {
  json v = json::parse(response);
  json& f = v[field];
  if (f.is_string()) {
    f = f.get<std::string>() + " zz";
  } else if (f.is_boolean()) {
    f = !f.get<bool>();
  } else if (f.is_number()) {
    f = f.get<double>() + 1.5;
  } else if (f.is_array()) {
    if (f.empty()) {
      f.push_back("zz");
    } else {
      f.erase(f.begin());
    }
  } else if (f.is_object()) {
    f = json::object({{"zz", 1}});
  } else {
    f = "zz";
  }
  return v.dump();
}

std::string drop_field(const std::string& response, const std::string& field) {
  json v = json::parse(response);
  v.erase(field);
  return v.dump();
}

class EverySpecialist : public ::testing::TestWithParam<std::string> {};

TEST_P(EverySpecialist, ResponsesHaveTheDeclaredShapeAndValidateAgainstThemselves) {
  const SpecialistSpec& spec = *find_specialist(GetParam());
  Example ex;
  std::set<int> templates, layouts;
  std::set<std::string> prompts;
  for (int i = 0; i < kSamples; ++i) {
    generate_specialist_example(spec, 7, static_cast<uint64_t>(i), &ex);
    ASSERT_FALSE(ex.prompt.empty());
    ASSERT_EQ(check_response_shape(spec, ex.response), "") << ex.response;
    ASSERT_GE(ex.confidence, 0.0);
    ASSERT_LE(ex.confidence, 1.0);
    const ValidationResult self = score_output(spec, ex.response, ex.response);
    ASSERT_TRUE(self.parsed);
    ASSERT_DOUBLE_EQ(self.score, 1.0) << ex.response;
    // The same answer inside a model's chatter still scores 1.
    const ValidationResult wrapped = score_output(
        spec, ex.response, "Sure! Here it is:\n" + ex.response + "\n[confidence: 0.9]");
    ASSERT_DOUBLE_EQ(wrapped.score, 1.0);
    // Its fields name it, and no other specialist (a server scales its confidence by that).
    if (!spec.auxiliary) {
      ASSERT_EQ(specialist_of_answer("Sure! Here it is:\n" + ex.response), &spec) << ex.response;
    }
    templates.insert(ex.template_id);
    layouts.insert(ex.layout_id);
    std::string conversation;
    for (const Turn& t : ex.history) conversation += t.user + "\n" + t.assistant + "\n";
    prompts.insert(conversation + ex.prompt);
  }
  EXPECT_GE(templates.size(), 3u) << "too few prompt templates";
  EXPECT_GE(prompts.size(), static_cast<size_t>(kSamples * 9 / 10)) << "prompts repeat";
  if (spec.name != "regex_extraction") {
    EXPECT_GE(layouts.size(), 2u) << "one layout only";
  }
}

TEST_P(EverySpecialist, ValidatorScoresDroppedAndChangedFieldsBelowOne) {
  const SpecialistSpec& spec = *find_specialist(GetParam());
  Example ex;
  for (int i = 0; i < 20; ++i) {
    generate_specialist_example(spec, 11, static_cast<uint64_t>(i), &ex);
    for (const FieldRule& rule : spec.fields) {
      if (rule.kind == FieldKind::kUnscored) continue;
      const double dropped =
          score_output(spec, ex.response, drop_field(ex.response, rule.name)).score;
      EXPECT_LT(dropped, 1.0) << rule.name << " in " << ex.response;
      const ValidationResult changed =
          score_output(spec, ex.response, perturb_field(ex.response, rule.name));
      EXPECT_LT(changed.score, 1.0) << rule.name << " in " << ex.response;
      for (const FieldScore& fs : changed.fields) {
        if (fs.field != rule.name) {
          EXPECT_DOUBLE_EQ(fs.score, 1.0) << fs.field;
        }
      }
    }
    EXPECT_EQ(score_output(spec, ex.response, "I don't know.").score, 0.0);
  }
}

TEST_P(EverySpecialist, SameSeedAndIndexGiveTheSameExample) {
  const SpecialistSpec& spec = *find_specialist(GetParam());
  Example a, b, c;
  generate_specialist_example(spec, 3, 17, &a);
  generate_specialist_example(spec, 3, 17, &b);
  generate_specialist_example(spec, 4, 17, &c);
  EXPECT_EQ(a.prompt, b.prompt);
  EXPECT_EQ(a.response, b.response);
  EXPECT_TRUE(a.prompt != c.prompt || a.response != c.response);
}

std::vector<std::string> all_names() {
  std::vector<std::string> names;
  for (const SpecialistSpec& s : specialist_table()) names.push_back(s.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Specialists, EverySpecialist, ::testing::ValuesIn(all_names()),
                         [](const auto& info) { return info.param; });

// --- spot checks: answers are computed from the facts in the prompt

TEST(CopyRepeat, TheAnswerIsTheAskedTextVerbatimTwoToSixItems) {
  const SpecialistSpec& spec = *find_specialist("copy_repeat");
  EXPECT_TRUE(spec.auxiliary);
  Example ex;
  std::set<size_t> counts;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 5, i, &ex);
    const std::string text = json::parse(ex.response)["text"].get<std::string>();
    EXPECT_NE(ex.prompt.find(text), std::string::npos) << ex.prompt << "\n" << text;
    // Items apart by spaces or by ", ": words, numbers and CODE-123 codes.
    std::vector<std::string> items;
    std::string item;
    for (char ch : text + " ") {
      if (ch == ' ' || ch == ',') {
        if (!item.empty()) items.push_back(item);
        item.clear();
      } else {
        item += ch;
      }
    }
    counts.insert(items.size());
    for (const std::string& x : items) {
      const bool word = std::all_of(x.begin(), x.end(), [](char ch) { return std::isalpha(ch); });
      const bool number = std::all_of(x.begin(), x.end(), [](char ch) { return std::isdigit(ch); });
      const size_t dash = x.find('-');
      const bool code = dash != std::string::npos && dash >= 1 && dash <= 3 && dash + 1 < x.size();
      EXPECT_TRUE(word || number || code) << x;
    }
  }
  EXPECT_EQ(*counts.begin(), 2u);
  EXPECT_EQ(*counts.rbegin(), 6u);
}

// Each pair of the prompt ("a / b", "a vs b", '"a" and "b"'), copied and decided in the steps;
// half the pairs the same, about half of the others one character or one swap of neighbours apart,
// in the first's shape (digits, letters and capitals where its are; no number starting with 0).
TEST(CompareDrill, EveryPairOfThePromptIsCopiedAndDecided) {
  const SpecialistSpec& spec = *find_specialist("compare_drill");
  EXPECT_TRUE(spec.auxiliary);
  const std::regex pair_line(
      R"re(^(?:([^ "]+) / ([^ "]+)|([^ "]+) vs ([^ "]+)|"([^"]+)" and "([^"]+)")$)re");
  Example ex;
  int same = 0, differ = 0, near = 0;
  std::set<int> layouts;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 5, i, &ex);
    layouts.insert(ex.layout_id);
    std::string steps;
    json answers = json::array();
    size_t start = 0;
    while (start < ex.prompt.size()) {
      size_t end = ex.prompt.find('\n', start);
      if (end == std::string::npos) end = ex.prompt.size();
      const std::string line = ex.prompt.substr(start, end - start);
      start = end + 1;
      std::smatch m;
      if (!std::regex_match(line, m, pair_line)) continue;
      const int g = m[1].matched ? 1 : m[3].matched ? 3 : 5;
      const std::string a = m[g], b = m[g + 1];
      steps += "compare: " + a + " / " + b + "\nsame: " + (a == b ? "yes" : "no") + "\n";
      answers.push_back(a == b ? "yes" : "no");
      if (a == b) {
        ++same;
        continue;
      }
      ++differ;
      for (size_t k = 0; k + 1 < b.size(); ++k) {
        const bool leads = k == 0 || b[k - 1] == '-';
        const bool digits = std::isdigit(static_cast<unsigned char>(b[k + 1])) != 0;
        EXPECT_FALSE(leads && b[k] == '0' && digits) << a << " / " << b;
      }
      if (a.size() != b.size()) continue;
      std::vector<size_t> at;  // where they differ
      for (size_t k = 0; k < a.size(); ++k)
        if (a[k] != b[k]) at.push_back(k);
      const bool swapped =
          at.size() == 2 && at[1] == at[0] + 1 && a[at[0]] == b[at[1]] && a[at[1]] == b[at[0]];
      if (at.size() != 1 && !swapped) continue;
      ++near;
      auto kind = [](char ch) {
        return std::isdigit(static_cast<unsigned char>(ch))   ? 'd'
               : std::islower(static_cast<unsigned char>(ch)) ? 'l'
               : std::isupper(static_cast<unsigned char>(ch)) ? 'u'
                                                              : ch;
      };
      for (size_t k = 0; k < a.size(); ++k) EXPECT_EQ(kind(a[k]), kind(b[k])) << a << " / " << b;
    }
    ASSERT_GE(answers.size(), 3u) << ex.prompt;
    EXPECT_LE(answers.size(), 6u) << ex.prompt;
    EXPECT_EQ(ex.work + "\n", steps) << ex.prompt;
    EXPECT_EQ(json::parse(ex.response)["same"], answers) << ex.prompt;
  }
  EXPECT_EQ(layouts.size(), 3u);
  EXPECT_NEAR(same, differ, 0.15 * (same + differ));
  EXPECT_GT(near, differ * 2 / 5);
}

// The lines of `text` from the line after `header` up to the first empty line.
std::vector<std::string> lines_after(const std::string& text, const std::string& header) {
  std::vector<std::string> out;
  size_t at = text.find(header);
  if (at == std::string::npos) return out;
  at = text.find('\n', at);
  while (at != std::string::npos && at + 1 < text.size() && text[at + 1] != '\n') {
    const size_t end = text.find('\n', at + 1);
    out.push_back(text.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1));
    at = end;
  }
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  out.push_back(text.substr(start));
  return out;
}

// "-1,348.10" -> -134810: an amount as printed (commas allowed), in cents.
int64_t cents_of(std::string amount) {
  amount.erase(std::remove(amount.begin(), amount.end(), ','), amount.end());
  return std::llround(std::stod(amount) * 100);
}

// -134810 -> "-1348.10", as the calculator writes round(x,2).
std::string cents_text(int64_t cents) {
  char s[32];
  std::snprintf(s, sizeof s, "%s%lld.%02lld", cents < 0 ? "-" : "",
                static_cast<long long>(std::llabs(cents) / 100),
                static_cast<long long>(std::llabs(cents) % 100));
  return s;
}

TEST(ConfidenceCalibration, TheRowsMatchingTheQuestionGiveTheStatus) {
  const SpecialistSpec& spec = *find_specialist("confidence_calibration");
  Example ex;
  std::set<std::string> statuses, heads, labels;
  int near_misses = 0, surname_near_misses = 0, ambiguous = 0, three_way = 0;
  int full_keys_listed = 0, full_keys_unlisted = 0, spoken_surname_first = 0;
  int full_keys_ambiguous = 0;
  // Each list's first line, how its rows separate their cells, whether it is a directory, and
  // whether it is written surname first or with bin codes before the items.
  struct List {
    std::string head, separator;
    bool directory, surname_first = false, bins = false;
  };
  const std::vector<List> kLists = {
      {"Directory of staff (name | dept | ext)", " | ", true},
      {"Staff extensions (name | team | extension)", " | ", true},
      {"Internal directory: person | dept | ext", " | ", true},
      {"Warehouse stock (item | units on hand)", " | ", false},
      {"Inventory (item | qty)", " | ", false},
      {"Office supplies: item | count", " | ", false},
      {"| Name | Department | Extension |", " | ", true},
      {"| Employee | Team | Ext |", " | ", true},
      {"| Name | Dept | Ext. |", " | ", true},
      {"| Item | Units on hand |", " | ", false},
      {"| Product | Qty |", " | ", false},
      {"| Item | In stock |", " | ", false},
      {"name,department,extension", ",", true},
      {"employee,dept,ext", ",", true},
      {"Name,Team,Ext", ",", true},
      {"item,units_on_hand", ",", false},
      {"item,qty", ",", false},
      {"Product,In stock", ",", false},
      {"Phone list", " - ", true},
      {"Extension list", " - ", true},
      {"Who to ring", " - ", true},
      {"Stock count", " - ", false},
      {"Inventory count", " - ", false},
      {"Supplies left", " - ", false},
      {"Extensions:", " ", true},
      {"Ext. numbers:", " ", true},
      {"Phone extensions -", " ", true},
      {"On hand:", " ", false},
      {"In stock:", " ", false},
      {"Current counts -", " ", false},
      // "Lindqvist, Maja | Legal | 5120"
      {"Staff by surname (surname, first name | dept | ext)", " | ", true, true},
      {"Directory by last name (last, first | team | ext)", " | ", true, true},
      {"Surname, first name | team | ext", " | ", true, true},
      {"Who is on which extension", " - ", true},  // "Ravi Shah - 3118 (Sales)"
      {"Extensions and teams", " - ", true},
      {"Desk phones", " - ", true},
      {"Stockroom (bin | item | qty)", " | ", false, false, true},  // "A-12 | Deluxe Stapler | 42"
      {"Shelf list (bin | item | count)", " | ", false, false, true},
      {"Storeroom: bin | item | units", " | ", false, false, true}};
  const std::regex question(
      R"((?:What's the on-hand count for |What is |What's |what is the extension for )"
      R"(|Which extension does |How many units of |Can you give me |extension of )"
      R"(|I need to call |how many units of |Stock level for |Do we still have any )(.+?))"
      R"((?:'s extension\?|'s ext\?| - which extension\?|\?| have\?| do we have\?| are left\?)"
      R"(| are in stock\?))");
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 2, i, &ex);
    // The rows and the question, read from the prompt: "Maria Lopez | Sales | 4821" (the first
    // name is what a question may say; the surname in "Lindqvist, Maja | Legal | 5120") or
    // "Deluxe Stapler | 12" (the item after the adjective), in any of the layouts.
    const List* list = nullptr;
    for (const List& l : kLists) {
      if (ex.prompt.find(l.head + "\n") != std::string::npos || ex.prompt.find(l.head + " ") == 0 ||
          ex.prompt.find("\n" + l.head + " ") != std::string::npos) {
        EXPECT_EQ(list, nullptr) << "two heads match: " << ex.prompt;
        list = &l;
      }
    }
    ASSERT_NE(list, nullptr) << ex.prompt;
    const std::string& head = list->head;
    const std::string& separator = list->separator;
    const bool directory = list->directory, surname_first = list->surname_first;
    heads.insert(head);
    std::vector<std::string> rows;
    if (separator == " ") {  // one sentence: "Extensions: Maya Chen 3104, Ravi Shah 3118."
      const size_t from = ex.prompt.find(head + " ") + head.size() + 1;
      std::string sentence = ex.prompt.substr(from, ex.prompt.find(".\n", from) - from);
      for (size_t comma; (comma = sentence.find(", ")) != std::string::npos;
           sentence.erase(0, comma + 2))
        rows.push_back(sentence.substr(0, comma));
      rows.push_back(sentence);
    } else {
      rows = lines_after(ex.prompt, head);
    }
    if (!rows.empty() && rows[0].rfind("|---", 0) == 0) rows.erase(rows.begin());
    ASSERT_GE(rows.size(), 4u) << ex.prompt;
    std::smatch m;
    // After "Question: ", "Q: " or nothing, on the line after the list.
    ASSERT_TRUE(std::regex_search(ex.prompt, m, question)) << ex.prompt;
    const std::string key = m[1];
    const std::string before = ex.prompt.substr(0, static_cast<size_t>(m.position(0)));
    const std::string label = before.substr(before.rfind('\n') + 1);
    EXPECT_TRUE(label.empty() || label == "Question: " || label == "Q: ") << ex.prompt;
    labels.insert(label);
    std::vector<std::string> values;
    std::vector<std::string> found;  // each row the key names: the key, then the rest of the row
    std::set<std::string> list_values;  // a list's values differ from row to row
    for (const std::string& line : rows) {
      std::string row = line;
      if (row.rfind("| ", 0) == 0) row = row.substr(2, row.size() - 4);  // "| a | b |"
      if (list->bins) row.erase(0, row.find(separator) + separator.size());
      if (row.back() == ')') row.resize(row.rfind(" ("));  // "Ravi Shah - 3118 (Sales)"
      const std::string name =
          row.substr(0, separator == " " ? row.rfind(' ') : row.find(separator));
      std::string value = row.substr(row.rfind(separator) + separator.size());
      if (value[0] == 'x') value.erase(0, 1);  // "x4821"
      if (value.find(" units") != std::string::npos) value.resize(value.find(" units"));
      EXPECT_TRUE(list_values.insert(value).second) << "a value listed twice: " << ex.prompt;
      const std::string short_key = surname_first ? name.substr(0, name.find(", "))
                                    : directory   ? name.substr(0, name.find(' '))
                                                  : name.substr(name.find(' ') + 1);
      // A surname-first name is asked as said: "Maja Lindqvist" for "Lindqvist, Maja".
      const std::string spoken =
          surname_first ? name.substr(name.find(", ") + 2) + " " + short_key : name;
      const bool match = name == key || short_key == key || spoken == key;
      spoken_surname_first += match && surname_first && spoken == key;
      if (match) values.push_back(value);
      // A full name or item that is not listed though its short name is ("Priya Rao", "Priya
      // Dutt | Ops | 6622"; "Ada Lindqvist" beside "Lindqvist, Maja" in a surname-first list).
      const bool near_miss = !match && key.find(' ') != std::string::npos &&
                             (surname_first ? key.substr(key.rfind(' ') + 1)
                              : directory   ? key.substr(0, key.find(' '))
                                            : key.substr(key.find(' ') + 1)) == short_key;
      near_misses += near_miss;
      surname_near_misses += near_miss && surname_first;
      // The step copies the row from the key in its name cell on (not from a bin code before it),
      // or from the name cell on where the key is the name as said.
      if (match && spoken == key && name != key && surname_first)
        found.push_back("- " + line.substr(line.find(name)) + "\n");
      else if (match)
        found.push_back("- " + key + line.substr(line.find(key, line.find(name)) + key.size()) +
                        "\n");
    }
    if (key.find(' ') != std::string::npos && directory) {
      ++(values.empty() ? full_keys_unlisted : full_keys_listed);
      full_keys_ambiguous += values.size() > 1;
    }
    // The first and the last matching row, their values side by side, the ones between them, or
    // "not listed". A list's values differ, so one match shows one value twice.
    std::string steps = "first: - " + key + ": not listed\n";
    if (!found.empty())
      steps = "first: " + found.front() + "last: " + found.back() + "compare: " + values.front() +
              " / " + values.back() + "\n" +
              (values.front() == values.back() ? "same: yes\n" : "same: no\n");
    for (size_t k = 1; k + 1 < found.size(); ++k) steps += "also: " + found[k];
    EXPECT_EQ(ex.work, steps + "matches: " + std::to_string(values.size())) << ex.prompt;
    const json r = json::parse(ex.response);
    const std::string status = r["status"].get<std::string>();
    statuses.insert(status);
    const std::vector<std::string> candidates = r["candidates"].get<std::vector<std::string>>();
    const double confidence = r["confidence"].get<double>();
    if (values.size() == 1) {
      EXPECT_EQ(status, "answered");
      EXPECT_EQ(r["answer"], values[0]);
      EXPECT_TRUE(candidates.empty());
      EXPECT_DOUBLE_EQ(confidence, 0.97);
    } else if (values.empty()) {
      EXPECT_EQ(status, "unanswerable");
      EXPECT_TRUE(r["answer"].is_null());
      EXPECT_TRUE(candidates.empty());
      EXPECT_DOUBLE_EQ(confidence, 0.05);
    } else {
      EXPECT_EQ(status, "ambiguous");
      EXPECT_TRUE(r["answer"].is_null());
      EXPECT_EQ(candidates, values);
      // The chance that a guess among k is right, to two places: 0.5, 0.33, 0.25.
      EXPECT_NEAR(confidence, 1.0 / static_cast<double>(values.size()), 0.005 + 1e-9);
      ++ambiguous;
      three_way += values.size() >= 3;
    }
  }
  EXPECT_EQ(statuses.size(), 3u);
  // About 30% of the questions are ambiguous, over a third of those among three rows or more
  // (42 of 120 here; 28 when two planted rows were half as common, before session 33).
  EXPECT_GT(ambiguous, 90);
  EXPECT_GT(three_way, 34);
  // A full name is asked on 40% of the clear questions, so most full names are listed (until
  // session 33 five of six were not, and "not listed" could be read off the question).
  EXPECT_GT(full_keys_listed, full_keys_unlisted);
  EXPECT_GT(spoken_surname_first, 3);
  // Two people with one whole name ("Alex Kim" in two teams): a full name can match twice.
  EXPECT_GT(full_keys_ambiguous, 5);
  EXPECT_EQ(heads.size(), kLists.size());
  EXPECT_EQ(labels.size(), 3u);
  EXPECT_GT(near_misses, 20);
  EXPECT_GT(surname_near_misses, 0);
}

// `s` in lower or upper case (ASCII letters).
std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}
std::string uppered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// A month's number from its name or abbreviation, any case: "Sept." -> 9.
int month_number(const std::string& name) {
  static const std::vector<std::string> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
  return static_cast<int>(std::find(kMonths.begin(), kMonths.end(), lowered(name).substr(0, 3)) -
                          kMonths.begin()) +
         1;
}

// The dates with a day written in `text`, as ISO: "March 7, 2024", "Mar. 7, 2024", "Thursday,
// March 7, 2024", "7 March 2024", "07-Mar-2024", "03/07/2024" (US order) and "2024-03-07".
std::set<std::string> dates_in(const std::string& text) {
  const std::string month = R"(((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?))";
  // Each pattern with the positions of its year, month and day groups (month by name if > 0).
  struct Pattern {
    std::regex re;
    int year, month, day;
    bool named;
  };
  const std::vector<Pattern> patterns = {
      {std::regex(month + R"( (\d{1,2}), (\d{4}))"), 3, 1, 2, true},
      {std::regex(R"((\d{1,2}) )" + month + R"( (\d{4}))"), 3, 2, 1, true},
      {std::regex(R"((\d{2})-)" + month + R"(-(\d{4}))"), 3, 2, 1, true},
      {std::regex(R"((\d{2})/(\d{2})/(\d{4}))"), 3, 1, 2, false},
      {std::regex(R"((\d{4})-(\d{2})-(\d{2}))"), 1, 2, 3, false}};
  std::set<std::string> out;
  for (const Pattern& pat : patterns) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pat.re);
         it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      const int mon = pat.named ? month_number(m[pat.month]) : std::stoi(m[pat.month]);
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", std::stoi(m[pat.year]), mon,
                    std::stoi(m[pat.day]));
      out.insert(iso);
    }
  }
  return out;
}

// Reads an entity_extraction prompt on its own: every date with a day (in the US and AP styles the
// texts use) and every dollar amount ("$2.3 million", "$920,000") found in it must be exactly the
// answer's dates and amounts, each amount worked out (in the order the text first writes them) by
// the calculator from its written figure; the people, organizations and locations must be named in
// it.
TEST(EntityExtraction, DatesAndAmountsReadFromThePromptAreTheAnswers) {
  const SpecialistSpec& spec = *find_specialist("entity_extraction");
  const std::regex dollars(R"(\$(\d+(?:\.\d)?) (million|billion)|\$(\d{1,3}(?:,\d{3})+))");
  const std::regex step(
      R"(^(\$[\d.,]+(?: million| billion)?): <<round\(([\d.,]+(?:\*10+)?),2\)=(\d+\.\d\d)>>$)");
  Example ex;
  std::set<int> layouts;
  int steps = 0;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 5, i, &ex);
    layouts.insert(ex.layout_id);
    const json r = json::parse(ex.response);
    const std::string& p = ex.prompt;
    const std::set<std::string> dates = dates_in(p);
    std::set<std::string> answer_dates;
    for (const auto& d : r["dates"]) answer_dates.insert(d.get<std::string>());
    EXPECT_EQ(dates, answer_dates) << p;
    std::set<double> amounts, answer_amounts;
    for (auto it = std::sregex_iterator(p.begin(), p.end(), dollars); it != std::sregex_iterator();
         ++it) {
      const std::smatch& m = *it;
      if (m[1].matched) {
        amounts.insert(std::round(std::stod(m[1]) * (m[2] == "million" ? 1e6 : 1e9)));
      } else {
        std::string digits = m[3];
        digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
        amounts.insert(std::stod(digits));
      }
    }
    for (const auto& a : r["amounts"]) answer_amounts.insert(std::round(a.get<double>()));
    EXPECT_EQ(amounts, answer_amounts) << p;
    // One step per amount, in the order the text first writes them: the amount as written, then
    // its value worked out by the calculator from the written figure.
    std::vector<double> stepped;
    size_t last = 0;
    const std::vector<std::string> work =
        ex.work.empty() ? std::vector<std::string>{} : split_lines(ex.work);
    for (const std::string& w : work) {
      std::smatch m;
      ASSERT_TRUE(std::regex_match(w, m, step)) << w;
      const size_t at = p.find(m[1].str());
      ASSERT_NE(at, std::string::npos) << w;
      EXPECT_GE(at, last) << w;
      last = at;
      EXPECT_EQ(calculate("round(" + m[2].str() + ",2)"), m[3].str());
      std::string figure = m[2].str().substr(0, m[2].str().find('*'));
      if (figure.find(',') != std::string::npos) figure = figure.substr(0, figure.size() - 3);
      EXPECT_NE(m[1].str().find(figure), std::string::npos) << w;
      stepped.push_back(std::round(std::stod(m[3])));
      steps += 1;
    }
    EXPECT_EQ(std::set<double>(stepped.begin(), stepped.end()), answer_amounts) << ex.work;
    EXPECT_EQ(stepped.size(), answer_amounts.size()) << ex.work;
    std::string lower_prompt = lowered(p);
    for (const char* key : {"people", "organizations", "locations"}) {
      for (const auto& name : r[key]) {
        std::string lower_name = lowered(name.get<std::string>());
        EXPECT_NE(lower_prompt.find(lower_name), std::string::npos) << key << " " << name << p;
      }
    }
  }
  EXPECT_EQ(layouts.size(), 5u);
  EXPECT_GT(steps, 300);
}

// Reads a document_extraction prompt on its own: every field the answer fills is in the document
// (the name as written: in order, "Last, First M." or behind "Ms."/"Mr."), the birth date is the
// one after the document's birth label, the address and phone are the person's (not on the
// letterhead, an emergency contact's or a landlord's line), and a field left null has no label or
// value of its kind in the document.
TEST(DocumentExtraction, TheFilledFieldsAreInTheDocumentAndTheNullOnesAreNot) {
  const SpecialistSpec& spec = *find_specialist("document_extraction");
  const std::regex birth_label(R"((?:Date of birth: |DOB: |DOB \| |born ))");
  const std::regex email(R"([\w.+-]+@[\w-]+\.\w+)");
  const std::regex phone(R"(\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4})");
  Example ex;
  std::set<int> layouts;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 6, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    auto line_of = [&](size_t at) {
      const size_t from = p.rfind('\n', at) == std::string::npos ? 0 : p.rfind('\n', at) + 1;
      return p.substr(from, p.find('\n', at) - from);
    };
    // The name: "Erik J. Lindgren" may be written "Lindgren, Erik J.".
    const std::string name = r["name"].get<std::string>();
    const std::string last = name.substr(name.rfind(' ') + 1);
    const std::string rest = name.substr(0, name.rfind(' '));
    EXPECT_TRUE(p.find(name) != std::string::npos ||
                p.find(last + ", " + rest) != std::string::npos)
        << name << "\n"
        << p;
    for (const char* key : {"organization", "reference_number"})
      EXPECT_NE(p.find(r[key].get<std::string>()), std::string::npos) << key << "\n" << p;
    std::smatch m;
    const bool has_birth = std::regex_search(p, m, birth_label);
    EXPECT_EQ(has_birth, !r["date_of_birth"].is_null()) << p;
    if (has_birth) {
      const std::string after = p.substr(static_cast<size_t>(m.position() + m.length()));
      const std::string value = after.substr(0, after.find_first_of(")\n|"));
      EXPECT_EQ(dates_in(value), std::set<std::string>{r["date_of_birth"].get<std::string>()})
          << value;
    }
    if (r["email"].is_null()) {
      EXPECT_FALSE(std::regex_search(p, email)) << p;
    } else {
      EXPECT_NE(p.find(r["email"].get<std::string>()), std::string::npos) << p;
    }
    if (r["phone"].is_null()) {
      // Phones in the document belong to someone else.
      for (auto it = std::sregex_iterator(p.begin(), p.end(), phone); it != std::sregex_iterator();
           ++it) {
        const std::string line = line_of(static_cast<size_t>(it->position()));
        EXPECT_TRUE(line.find("landlord") != std::string::npos) << line;
      }
    } else {
      const size_t at = p.find(r["phone"].get<std::string>());
      ASSERT_NE(at, std::string::npos) << p;
      const std::string line = line_of(at);
      EXPECT_EQ(line.find("Emergency"), std::string::npos) << line;
      EXPECT_EQ(line.find("landlord"), std::string::npos) << line;
    }
    if (!r["address"].is_null()) {
      const size_t at = p.find(r["address"].get<std::string>());
      ASSERT_NE(at, std::string::npos) << p;
      const std::string before = p.substr(at < 40 ? 0 : at - 40, at < 40 ? at : 40);
      EXPECT_TRUE(std::regex_search(before, std::regex(R"((address|Address|Remit))"))) << before;
    }
  }
  EXPECT_EQ(layouts.size(), 9u);
}

// Reads a sql_generation record against its prompt: where the schema is DDL (on one line or
// PostgreSQL over several), the statements are run in an in-memory SQLite database and the answer
// must compile against them (every table and column exists); in every layout, the tables listed
// and every column the query names are in the prompt, and so are its string and number literals.
TEST(SqlGeneration, TheQueryCompilesAgainstThePromptsSchema) {
  const SpecialistSpec& spec = *find_specialist("sql_generation");
  const std::regex ddl(R"(CREATE TABLE [\s\S]*?\);)");
  const std::regex literal(R"('((?:[^']|'')*)')");
  const std::regex word(R"(\b([a-z_]+|\d+)\b)");
  const std::regex iso_date(R"(^\d{4}-\d{2}-\d{2}$)");
  const std::regex alias(R"((?:FROM|JOIN) [a-z_]+ ([a-z]+) )");
  Example ex;
  std::set<int> layouts;
  std::set<std::string> databases;  // the tables a query reads, joined
  int compiled = 0;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 7, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    const std::string sql = r["sql"].get<std::string>();
    if (p.find("CREATE TABLE") != std::string::npos) {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
      for (auto it = std::sregex_iterator(p.begin(), p.end(), ddl); it != std::sregex_iterator();
           ++it) {
        char* error = nullptr;
        EXPECT_EQ(sqlite3_exec(db, it->str().c_str(), nullptr, nullptr, &error), SQLITE_OK)
            << (error ? error : "") << "\n"
            << it->str();
        sqlite3_free(error);
      }
      sqlite3_stmt* stmt = nullptr;
      EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
          << sqlite3_errmsg(db) << "\n"
          << sql << "\n"
          << p;
      sqlite3_finalize(stmt);
      sqlite3_close(db);
      ++compiled;
    }
    std::string read;
    for (const auto& t : r["tables"]) {
      EXPECT_NE(p.find(t.get<std::string>()), std::string::npos);
      read += t.get<std::string>() + " ";
    }
    databases.insert(read);
    std::set<std::string> aliases = {"revenue"};
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), alias);
         it != std::sregex_iterator(); ++it)
      aliases.insert((*it)[1]);
    // String literals (dates aside, which the question writes its own way) are in the question.
    std::string rest = sql;
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), literal);
         it != std::sregex_iterator(); ++it) {
      std::string value = (*it)[1];
      for (size_t at = value.find("''"); at != std::string::npos; at = value.find("''", at + 1))
        value.erase(at, 1);
      if (!std::regex_match(value, iso_date)) EXPECT_NE(p.find(value), std::string::npos) << value;
      rest.replace(rest.find(it->str()), it->str().size(), std::string(it->str().size(), ' '));
    }
    // Outside literals: lower-case words are columns, tables or aliases; numbers are the
    // question's.
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), word);
         it != std::sregex_iterator(); ++it) {
      const std::string w = (*it)[1];
      if (aliases.count(w)) continue;
      if (w == "id" && p.find("models.Model") != std::string::npos) continue;  // Django's own
      EXPECT_TRUE(std::regex_search(p, std::regex("\\b" + w + "\\b"))) << w << " in " << sql;
    }
  }
  EXPECT_EQ(layouts.size(), 6u);
  EXPECT_GT(compiled, 60);
  EXPECT_GT(databases.size(), 20u);  // eight databases' tables, alone and in joins
}

// The number a contract writes in words or figures: "thirty-six", "36", "Five".
int number_in(std::string w) {
  static const std::vector<std::string> kOnes = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static const std::vector<std::string> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                 "fifty", "sixty", "seventy", "eighty", "ninety"};
  w = lowered(w);
  if (std::isdigit(static_cast<unsigned char>(w[0]))) return std::stoi(w);
  int n = 0;
  for (const std::string& part :
       {w.substr(0, w.find('-')),
        w.find('-') == std::string::npos ? "" : w.substr(w.find('-') + 1)}) {
    if (part.empty()) continue;
    for (size_t i = 0; i < kOnes.size(); ++i) n += part == kOnes[i] ? static_cast<int>(i) : 0;
    for (size_t i = 0; i < kTens.size(); ++i)
      n += part == kTens[i] && i ? static_cast<int>(i) * 10 : 0;
  }
  return n;
}

// Reads a contract_analysis prompt on its own: the term (first "N months/years", in words or
// figures), the notice (first "N days"), the renewal, the fee (first dollar amount), the effective
// date (after its label) and from them the end date (the day before the same date term months on).
TEST(ContractAnalysis, TermsReadFromTheDocumentAreTheAnswers) {
  const SpecialistSpec& spec = *find_specialist("contract_analysis");
  const std::string number = R"(([A-Za-z]+(?:-[a-z]+)?|\d+)(?: \((\d+)\))?)";
  const std::regex term_re("\\b" + number + R"( (months|years|year)\b)");
  const std::regex days_re("\\b" + number + R"( days)");
  const std::regex fee_re(R"(\$([\d,]+\.\d{2}))");
  const std::regex effective_re(
      R"((?:effective |Effective: |entered into as of |takes effect on |Commencement Date: ))");
  Example ex;
  std::set<int> layouts;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 8, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    std::smatch m;
    ASSERT_TRUE(std::regex_search(p, m, term_re)) << p;
    const int n = m[2].matched ? std::stoi(m[2]) : number_in(m[1]);
    const int months = m[3] == "months" ? n : n * 12;
    EXPECT_EQ(r["term_months"].get<int>(), months) << m.str() << "\n" << p;
    ASSERT_TRUE(std::regex_search(p, m, days_re)) << p;
    EXPECT_EQ(r["notice_period_days"].get<int>(), m[2].matched ? std::stoi(m[2]) : number_in(m[1]))
        << m.str();
    const bool renews = p.find("renews automatically") != std::string::npos ||
                        p.find("Renews automatically") != std::string::npos ||
                        p.find("Auto-renewal: yes") != std::string::npos;
    EXPECT_EQ(r["auto_renewal"].get<bool>(), renews) << p;
    ASSERT_TRUE(std::regex_search(p, m, fee_re)) << p;
    std::string fee = m[1];
    fee.erase(std::remove(fee.begin(), fee.end(), ','), fee.end());
    EXPECT_DOUBLE_EQ(r["payment_amount"].get<double>(), std::stod(fee)) << p;
    ASSERT_TRUE(std::regex_search(p, m, effective_re)) << p;
    const std::string after = m.suffix().str();
    const std::string date_text = after.substr(0, after.find_first_of("(\n"));
    const std::set<std::string> effective = dates_in(date_text);
    ASSERT_EQ(effective.size(), 1u) << date_text;
    EXPECT_EQ(r["effective_date"].get<std::string>(), *effective.begin());
    // The end date by hand: term months on (day clamped to the month's length), less one day.
    const std::string eff = *effective.begin();
    int y = std::stoi(eff.substr(0, 4)), mo = std::stoi(eff.substr(5, 2)),
        d = std::stoi(eff.substr(8));
    mo += months;
    y += (mo - 1) / 12;
    mo = (mo - 1) % 12 + 1;
    auto days_in = [](int year, int month) {
      static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      return month == 2 && leap ? 29 : kDays[month - 1];
    };
    d = std::min(d, days_in(y, mo)) - 1;
    if (d == 0) {
      mo = mo == 1 ? 12 : mo - 1;
      y -= mo == 12 ? 1 : 0;
      d = days_in(y, mo);
    }
    char end[16];
    std::snprintf(end, sizeof end, "%04d-%02d-%02d", y, mo, d);
    EXPECT_EQ(r["end_date"].get<std::string>(), std::string(end)) << eff << " + " << months;
    for (const char* key : {"party_a", "party_b", "governing_law"})
      EXPECT_NE(p.find(r[key].get<std::string>()), std::string::npos) << key;
  }
  EXPECT_EQ(layouts.size(), 4u);
}

// Reads a receipt_parsing record against its prompt: item names and line prices are printed,
// the lines add up to the subtotal and subtotal, tax and tip to the total (as printed), the date
// and time are printed in one of the register formats, and the payment is the printed card brand
// or cash.
TEST(ReceiptParsing, TheAnswerIsPrintedOnTheReceiptAndAddsUp) {
  const SpecialistSpec& spec = *find_specialist("receipt_parsing");
  const std::regex numeric_date(R"((\d{2})[-/](\d{2})[-/](\d{2,4})\b)");
  const std::regex clock(R"((\d{1,2}):(\d{2})(?: ?(AM|PM))?)");
  Example ex;
  std::set<int> layouts;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 9, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    auto printed = [&](double v) {
      char s[32];
      std::snprintf(s, sizeof s, "%.2f", v);
      return p.find(s) != std::string::npos;
    };
    double sum = 0;
    for (const auto& item : r["items"]) {
      EXPECT_NE(p.find(item["name"].get<std::string>()), std::string::npos) << item << p;
      EXPECT_TRUE(printed(item["price"].get<double>())) << item;
      sum += item["price"].get<double>();
    }
    const double subtotal = r["subtotal"], tax = r["tax"], tip = r["tip"], total = r["total"];
    EXPECT_NEAR(sum, subtotal, 1e-6);
    EXPECT_NEAR(subtotal + tax + tip, total, 1e-6);
    for (double v : {subtotal, tax, total}) EXPECT_TRUE(printed(v)) << v << "\n" << p;
    if (tip > 0) EXPECT_TRUE(printed(tip));
    std::set<std::string> dates = dates_in(p);
    for (auto it = std::sregex_iterator(p.begin(), p.end(), numeric_date);
         it != std::sregex_iterator(); ++it) {
      const int year = std::stoi((*it)[3]);
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%s-%s", year < 100 ? 2000 + year : year,
                    (*it)[1].str().c_str(), (*it)[2].str().c_str());
      dates.insert(iso);
    }
    EXPECT_TRUE(dates.count(r["date"].get<std::string>())) << p;
    std::set<std::string> times;
    for (auto it = std::sregex_iterator(p.begin(), p.end(), clock); it != std::sregex_iterator();
         ++it) {
      int hour = std::stoi((*it)[1]) % ((*it)[3].matched ? 12 : 24);
      if ((*it)[3] == "PM") hour += 12;
      char t[8];
      std::snprintf(t, sizeof t, "%02d:%s", hour, (*it)[2].str().c_str());
      times.insert(t);
    }
    EXPECT_TRUE(times.count(r["time"].get<std::string>())) << p;
    const std::string pay = r["payment_method"];
    std::string upper_prompt = uppered(p);
    std::string upper_pay = uppered(pay);
    EXPECT_NE(upper_prompt.find(upper_pay), std::string::npos) << pay << "\n" << p;
  }
  EXPECT_EQ(layouts.size(), 5u);
}

// 2269675 -> "2,269,675".
std::string grouped_thousands(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Reads a table_to_json record against its prompt: each column's words are a header in the
// table (any case, any punctuation between them), and the rows' values are printed in order, row
// by row, numbers exactly as printed and text as written (HTML escapes '&').
TEST(TableToJson, EveryRowsValuesArePrintedInOrderAndTheWorkListsHeadersAndRows) {
  const SpecialistSpec& spec = *find_specialist("table_to_json");
  Example ex;
  std::set<int> layouts;
  std::set<std::string> keys_seen;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 10, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    for (const auto& column : r["columns"]) {
      std::string pattern;
      std::string key = column.get<std::string>();
      keys_seen.insert(key);
      EXPECT_FALSE(key.empty()) << p;
      if (key == "id" && p.find('#') != std::string::npos) continue;  // "#" is "id"
      for (size_t at = 0; at <= key.size();) {
        const size_t end = std::min(key.find('_', at), key.size());
        pattern += (pattern.empty() ? "" : "[^A-Za-z0-9]+") + key.substr(at, end - at);
        at = end + 1;
      }
      EXPECT_TRUE(std::regex_search(p, std::regex(pattern, std::regex::icase))) << key << "\n" << p;
    }
    size_t at = 0;
    for (const auto& row : r["rows"]) {
      ASSERT_EQ(row.size(), r["columns"].size());
      for (const auto& [k, v] : row.items()) {
        std::string text = v.is_string() ? v.get<std::string>() : v.dump();
        if (v.is_number_float()) {  // printed with its decimals, as the JSON writes it
          char s[32];
          std::snprintf(s, sizeof s, "%.2f", v.get<double>());
          text = p.find(s, at) != std::string::npos ? s : v.dump();
        }
        if (v.is_number_integer() && p.find(text, at) == std::string::npos) {
          text = grouped_thousands(v.get<int64_t>());  // "2,269,675" in the table
        }
        size_t found = p.find(text, at);
        if (found == std::string::npos && text.find('&') != std::string::npos) {
          std::string html;
          for (char c : text) html += c == '&' ? std::string("&amp;") : std::string(1, c);
          found = p.find(html, at);
          text = html;
        }
        ASSERT_NE(found, std::string::npos) << k << "=" << text << " after " << at << "\n" << p;
        at = found + text.size();
      }
    }
    // The work: "k Header: key" per column, then "row k First cell" per row, each printed in the
    // table and in order (a cell quoted in CSV or escaped in HTML as printed).
    const std::vector<std::string> work = split_lines(ex.work);
    const size_t columns = r["columns"].size();
    ASSERT_EQ(work.size(), columns + r["rows"].size()) << ex.work;
    size_t header_at = 0;
    for (size_t k = 0; k < columns; ++k) {
      const std::string prefix = std::to_string(k + 1) + " ";
      ASSERT_EQ(work[k].rfind(prefix, 0), 0u) << work[k];
      const size_t colon = work[k].rfind(": ");
      ASSERT_NE(colon, std::string::npos) << work[k];
      EXPECT_EQ(work[k].substr(colon + 2), r["columns"][k].get<std::string>());
      const std::string shown = work[k].substr(prefix.size(), colon - prefix.size());
      header_at = p.find(shown, header_at);
      ASSERT_NE(header_at, std::string::npos) << shown << "\n" << p;
    }
    size_t row_at = header_at;
    for (size_t k = 0; k < r["rows"].size(); ++k) {
      const std::string prefix = "row " + std::to_string(k + 1) + " ";
      ASSERT_EQ(work[columns + k].rfind(prefix, 0), 0u) << work[columns + k];
      const std::string shown = work[columns + k].substr(prefix.size());
      const json& first = r["rows"][k][r["columns"][0].get<std::string>()];
      const std::string value = first.is_string() ? first.get<std::string>() : first.dump();
      EXPECT_NE(shown.find(value.substr(0, value.find('&'))), std::string::npos) << shown;
      row_at = p.find(shown, row_at + 1);
      ASSERT_NE(row_at, std::string::npos) << shown << "\n" << p;
    }
  }
  EXPECT_EQ(layouts.size(), 12u);
  // Listed headers (about 90 keys) and invented ones (one in five other columns).
  EXPECT_GT(keys_seen.size(), 200u);
}

// Reads a resume_parsing record against its prompt: every field is printed (the name perhaps in
// capitals), and the years of experience are the resume's year less the earliest start year of
// the jobs' spans ("2019 - Present", "Mar 2015 - Sep 2018", "(2016-2019)").
TEST(ResumeParsing, FieldsArePrintedAndExperienceCountsFromTheFirstJob) {
  const SpecialistSpec& spec = *find_specialist("resume_parsing");
  const std::regex job_span(
      R"((?:[A-Z][a-z]{2} )?(\d{4}) ?- ?(?:[A-Z][a-z]{2} )?(?:\d{4}|Present|present))");
  const std::regex resume_year(R"((?:Updated |current as of )(\d{4}))");
  const std::regex company_suffix(
      R"( (Inc\.|LLC|Corp\.|Co\.|Group|Partners|Industries|Solutions|Logistics|Analytics|Holdings|Systems|Labs|& Sons)$)");
  int employers_without_suffix = 0;
  Example ex;
  std::set<int> layouts;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 11, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    const std::string upper_prompt = uppered(p), upper_name = uppered(r["name"]);
    EXPECT_NE(upper_prompt.find(upper_name), std::string::npos);
    for (const char* key : {"email", "phone", "location", "current_title", "current_employer"})
      EXPECT_NE(p.find(r[key].get<std::string>()), std::string::npos) << key << "\n" << p;
    // Not every employer ends in a company suffix (none of them did before session 33).
    const std::string employer = r["current_employer"];
    employers_without_suffix += !std::regex_search(employer, company_suffix);
    for (const auto& skill : r["skills"])
      EXPECT_NE(p.find(skill.get<std::string>()), std::string::npos);
    // No skill twice (a list with a value twice gave 298 of 2,000 resumes a repeated skill).
    const auto skills = r["skills"].get<std::vector<std::string>>();
    EXPECT_EQ(std::set<std::string>(skills.begin(), skills.end()).size(), skills.size()) << p;
    for (const char* key : {"degree", "school"})
      EXPECT_NE(p.find(r["education"][key].get<std::string>()), std::string::npos) << key;
    EXPECT_NE(p.find(std::to_string(r["education"]["year"].get<int>())), std::string::npos);
    int first = 9999;
    for (auto it = std::sregex_iterator(p.begin(), p.end(), job_span); it != std::sregex_iterator();
         ++it)
      first = std::min(first, std::stoi((*it)[1]));
    std::smatch m;
    ASSERT_TRUE(std::regex_search(p, m, resume_year)) << p;
    EXPECT_EQ(r["years_experience"].get<int>(), std::stoi(m[1]) - first) << p;
  }
  EXPECT_EQ(layouts.size(), 5u);
  EXPECT_GT(employers_without_suffix, 60);  // about a quarter of 300
}

// Days since 1970-01-01 and back (H. Hinnant's civil-calendar algorithms), for the date tests.
int64_t civil_days(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}
std::string iso_of_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  char s[16];
  std::snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
  return s;
}
int weekday_of(int64_t days) { return static_cast<int>(((days % 7) + 10) % 7); }  // 0 = Monday

// A date as documents write it, read into ISO form: any of dates_in()'s forms alone, or
// "07.03.2024" (day first); "unread: TEXT" if it is none of them.
std::string read_written_date(const std::string& d) {
  std::smatch m;
  if (std::regex_match(d, m, std::regex(R"((\d\d)\.(\d\d)\.(\d{4}))")))
    return m[3].str() + "-" + m[2].str() + "-" + m[1].str();
  const std::set<std::string> found = dates_in(d);
  return found.size() == 1 ? *found.begin() : "unread: " + d;
}

// "2024-03-07" plus `days` days.
std::string iso_plus_days(const std::string& iso, int days) {
  return iso_of_days(civil_days(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                                std::stoi(iso.substr(8, 2))) +
                     days);
}

// Reads an invoice record: the lines add up to the subtotal and the tax to the total; the steps
// copy the invoice date and the due date as printed (net terms and "due in N days" added by the
// calculator), each read here into the answer's ISO date; and every amount goes through the
// calculator as the invoice prints it (a European "1.378,00 €" as 1,378.00).
TEST(InvoiceProcessing, TotalsAddUpAndDatesAndAmountsAreReadAsPrinted) {
  const SpecialistSpec& spec = *find_specialist("invoice_processing");
  Example ex;
  std::set<int> layouts;
  int by_terms = 0, european = 0;
  for (int i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 1, static_cast<uint64_t>(i), &ex);
    layouts.insert(ex.layout_id);
    const json r = json::parse(ex.response);
    const std::vector<std::string> work = split_lines(ex.work);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(work[0], m, std::regex(R"(date (.+): (\S+))"))) << ex.work;
    EXPECT_NE(ex.prompt.find(m[1].str()), std::string::npos) << m[1] << "\n" << ex.prompt;
    EXPECT_EQ(read_written_date(m[1]), m[2].str());
    EXPECT_EQ(r["invoice_date"], m[2].str());
    const std::string issued = m[2];
    ASSERT_TRUE(std::regex_match(work[1], m, std::regex(R"(due (.+): (.+))"))) << ex.work;
    const std::string due_text = m[1], due_value = m[2];
    EXPECT_NE(ex.prompt.find(due_text), std::string::npos) << due_text << "\n" << ex.prompt;
    if (std::regex_match(due_text, m, std::regex(R"((?:Net |in )(\d+)(?: days)?)"))) {
      const std::string added = iso_plus_days(issued, std::stoi(m[1]));
      EXPECT_EQ(due_value, "<<add_days(" + issued + "," + m[1].str() + ")=" + added + ">>");
      EXPECT_EQ(r["due_date"], added);
      ++by_terms;
    } else if (due_text == "upon receipt") {
      EXPECT_EQ(due_value, issued);
      EXPECT_EQ(r["due_date"], issued);
    } else {
      EXPECT_EQ(read_written_date(due_text), due_value);
      EXPECT_EQ(r["due_date"], due_value);
    }
    int64_t lines = 0;
    for (const json& l : r["line_items"]) {
      const int64_t amount = std::llround(l["amount"].get<double>() * 100);
      EXPECT_EQ(amount,
                l["quantity"].get<int64_t>() * std::llround(l["unit_price"].get<double>() * 100));
      lines += amount;
    }
    EXPECT_EQ(lines, std::llround(r["subtotal"].get<double>() * 100));
    EXPECT_EQ(std::llround(r["total"].get<double>() * 100),
              std::llround(r["subtotal"].get<double>() * 100) +
                  std::llround(r["tax"].get<double>() * 100));
    EXPECT_NE(ex.prompt.find(r["invoice_number"].get<std::string>()), std::string::npos);
    // Every amount goes through the calculator as the invoice prints it: "<<round(X,2)=Y>>" with
    // X in the document and Y the same digits without thousands commas; one per line's price and
    // amount, then subtotal, tax and total.
    const std::regex step(R"(<<round\(([\d,.]+),2\)=([\d.]+)>>)");
    size_t steps = 0;
    for (auto it = std::sregex_iterator(ex.work.begin(), ex.work.end(), step);
         it != std::sregex_iterator(); ++it, ++steps) {
      const std::string printed = (*it)[1], result = (*it)[2];
      std::string turned = printed;  // "1,378.00" as a European invoice prints it: "1.378,00"
      for (char& c : turned) c = c == ',' ? '.' : c == '.' ? ',' : c;
      const bool as_european = ex.prompt.find(turned + " €") != std::string::npos;
      EXPECT_TRUE(ex.prompt.find(printed) != std::string::npos || as_european) << printed << "\n"
                                                                               << ex.prompt;
      european += as_european;
      std::string plain = printed;
      plain.erase(std::remove(plain.begin(), plain.end(), ','), plain.end());
      EXPECT_EQ(result, plain);
    }
    EXPECT_EQ(steps, 2 * r["line_items"].size() + 3) << ex.work;
  }
  EXPECT_EQ(layouts.size(), 9u);
  EXPECT_GT(by_terms, 50);
  EXPECT_GT(european, 20);
}

// Reads a date_normalization prompt on its own: finds the one date in it (any of the formats, in
// any case; a numeric day-first date read day first where the text says German or UK), applies
// the relative expression before it ("three days after", "2 business days after", "the first
// Friday after"), and checks the answer's date and weekday; then the steps: the relative phrase
// and its anchor copied as written, the calculator call from the anchor giving that date, and the
// weekday.
// Reads a unit_conversion record: the first step copies the quantity as the prompt writes it
// (grouped digits, a count in words, a unit by symbol, plural or another spelling, stuck to the
// number or not) and reads it as the answer's value and unit.
TEST(UnitConversion, TheQuantityIsCopiedAsWrittenThenRead) {
  const SpecialistSpec& spec = *find_specialist("unit_conversion");
  const std::vector<std::string> kWords = {"two",   "three", "four", "five",   "six",   "seven",
                                           "eight", "nine",  "ten",  "eleven", "twelve"};
  // The value as the step writes it: at most two decimals, trailing zeros dropped.
  auto plain = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string t = buf;
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
    return t;
  };
  Example ex;
  int grouped = 0, worded = 0, attached = 0;
  std::set<std::string> spellings;
  for (uint64_t i = 0; i < 1500; ++i) {
    generate_specialist_example(spec, 12, i, &ex);
    const json r = json::parse(ex.response);
    const std::vector<std::string> steps = split_lines(ex.work);
    ASSERT_EQ(steps.size(), 2u) << ex.work;
    const std::string& copy = steps[0];
    const size_t colon = copy.rfind(": ");
    ASSERT_NE(colon, std::string::npos) << copy;
    const std::string span = copy.substr(0, colon);
    EXPECT_NE(ex.prompt.find(span), std::string::npos) << span << "\n" << ex.prompt;
    EXPECT_EQ(copy.substr(colon + 2), plain(r["value"].get<double>()) + " " +
                                          r["from_unit"].get<std::string>() + " -> " +
                                          r["to_unit"].get<std::string>())
        << copy;
    EXPECT_EQ(steps[1].rfind("<<round(", 0), 0u) << steps[1];
    // The number as written reads as the value.
    std::smatch m;
    ASSERT_TRUE(std::regex_search(span, m, std::regex(R"(^(-?[\d,]+(?:\.\d+)?|[a-z]+))"))) << span;
    std::string number = m.str(1);
    double value = 0;
    if (std::isalpha(static_cast<unsigned char>(number[0]))) {
      const auto w = std::find(kWords.begin(), kWords.end(), number);
      ASSERT_NE(w, kWords.end()) << span;
      value = static_cast<double>(w - kWords.begin() + 2);
      ++worded;
    } else {
      grouped += number.find(',') != std::string::npos;
      number.erase(std::remove(number.begin(), number.end(), ','), number.end());
      value = std::stod(number);
    }
    EXPECT_NEAR(value, r["value"].get<double>(), 1e-9) << span;
    const std::string unit = span.substr(m.length(1));
    attached += !unit.empty() && unit[0] != ' ';
    spellings.insert(unit[0] == ' ' ? unit.substr(1) : unit);
  }
  EXPECT_GT(grouped, 30);
  EXPECT_GT(worded, 20);
  EXPECT_GT(attached, 100);
  for (const char* spelling : {"kilos", "sq. ft.", "deg C", "lbs", "kph"})
    EXPECT_TRUE(spellings.count(spelling)) << spelling;
}

TEST(DateNormalization, TheDateReadFromThePromptIsTheAnswer) {
  const SpecialistSpec& spec = *find_specialist("date_normalization");
  static const char* kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                    "friday", "saturday", "sunday"};
  const std::string mon = R"(((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*))";
  const auto icase = std::regex::icase;
  const std::regex month_day_year(mon + R"( (\d{1,2}), (\d{4}))", icase);
  const std::regex day_month_year(R"(\b(\d{1,2})(?:st|nd|rd|th)?(?: of)? )" + mon + R"(,? (\d{4}))",
                                  icase);
  const std::regex dashed(R"((\d{2})-)" + mon + R"(-(\d{4}))", icase);
  const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
  const std::regex compact(R"(\b(\d{4})(\d{2})(\d{2})\b)");
  const std::regex numeric(R"(\b(\d{1,2})([./])(\d{1,2})[./](\d{2,4})\b)");
  const std::regex relative(R"((\w+) (day|week)s? (after|before) )", icase);
  const std::regex business(R"((?:within )?(\d+) business days? (?:after|of) )", icase);
  const std::regex net(R"(net (\d+) from )", icase);
  const std::regex next_weekday(R"(the first (\w+) after )", icase);
  const std::regex step(
      R"(^(.+): <<(add_days|add_workdays|next_weekday)\((\d{4}-\d\d-\d\d), ([^)]+)\)=(\d{4}-\d\d-\d\d)>>$)");
  Example ex;
  std::set<int> layouts;
  int relatives = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 12, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const bool day_first =
        p.find("German") != std::string::npos || p.find("UK") != std::string::npos;
    int64_t date = 0;
    std::smatch m;
    if (std::regex_search(p, m, month_day_year)) {
      date = civil_days(std::stoi(m[3]), month_number(m[1]), std::stoi(m[2]));
    } else if (std::regex_search(p, m, day_month_year)) {
      date = civil_days(std::stoi(m[3]), month_number(m[2]), std::stoi(m[1]));
    } else if (std::regex_search(p, m, dashed)) {
      date = civil_days(std::stoi(m[3]), month_number(m[2]), std::stoi(m[1]));
    } else if (std::regex_search(p, m, iso) || std::regex_search(p, m, compact)) {
      date = civil_days(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
    } else {
      ASSERT_TRUE(std::regex_search(p, m, numeric)) << p;
      int year = std::stoi(m[4]);
      if (year < 100) year += 2000;
      const int a = std::stoi(m[1]), b = std::stoi(m[3]);
      date = day_first ? civil_days(year, b, a) : civil_days(year, a, b);
    }
    // What comes before the date, less a weekday written with it ("Wednesday, September 10").
    const std::string before = std::regex_replace(p.substr(0, static_cast<size_t>(m.position())),
                                                  std::regex(R"([A-Za-z]+day, $)"), "");
    std::smatch rel;
    auto ends_with = [&](const std::smatch& x) {
      return static_cast<size_t>(x.position() + x.length()) == before.size();
    };
    static const std::vector<std::string> kWords = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    std::string rel_text;  // the relative phrase before the anchor date, if any
    if (std::regex_search(before, rel, business) && ends_with(rel)) {
      rel_text = rel.str();
      for (int n = std::stoi(rel[1]); n > 0;) n -= weekday_of(++date) < 5;
    } else if (std::regex_search(before, rel, net) && ends_with(rel)) {
      rel_text = rel.str();
      date += std::stoi(rel[1]);
    } else if (std::regex_search(before, rel, next_weekday) && ends_with(rel)) {
      rel_text = rel.str();
      std::string wd = lowered(rel[1]);
      do ++date;
      while (kWeekdays[weekday_of(date)] != wd);
    } else if (std::regex_search(before, rel, relative) && ends_with(rel)) {
      rel_text = rel.str();
      std::string word = lowered(rel[1]);
      const int n =
          std::isdigit(static_cast<unsigned char>(word[0]))
              ? std::stoi(word)
              : static_cast<int>(std::find(kWords.begin(), kWords.end(), word) - kWords.begin());
      ASSERT_LT(n, 11) << word;
      const std::string unit = rel[2];
      date += n * (unit == "week" || unit == "Week" ? 7 : 1) * (rel[3] == "before" ? -1 : 1);
    }
    const json r = json::parse(ex.response);
    EXPECT_EQ(r["date"].get<std::string>(), iso_of_days(date)) << p;
    std::string weekday = lowered(r["weekday"]);
    EXPECT_EQ(weekday, kWeekdays[weekday_of(date)]) << p;
    // The steps: a relative date copied as the prompt says it, then its call from the anchor
    // (the count a digit, the weekday spaced as in the prompt); the weekday last.
    const std::vector<std::string> work = split_lines(ex.work);
    EXPECT_EQ(work.back(),
              "<<weekday(" + iso_of_days(date) + ")=" + r["weekday"].get<std::string>() + ">>");
    ASSERT_EQ(work.size(), 2u) << ex.work;
    std::smatch w;
    if (rel_text.empty()) {  // an absolute date: copied as written, then its ISO date
      ASSERT_TRUE(std::regex_match(work[0], w, std::regex(R"(^(.+): (\d{4}-\d\d-\d\d)$)")))
          << work[0];
      EXPECT_NE(p.find(w[1].str()), std::string::npos) << work[0] << "\n" << p;
      EXPECT_NE(w[1].str().find(m.str()), std::string::npos) << work[0];
      EXPECT_EQ(w[2].str(), iso_of_days(date));
    } else {
      ASSERT_TRUE(std::regex_match(work[0], w, step)) << work[0];
      EXPECT_NE(p.find(w[1].str()), std::string::npos) << work[0] << "\n" << p;
      // From the relative phrase to the anchor date, as the prompt writes them.
      const std::string copied = w[1].str();
      EXPECT_EQ(copied.substr(0, rel_text.size()), rel_text) << copied;
      EXPECT_EQ(copied.substr(copied.size() - std::min(copied.size(), m.str().size())), m.str());
      EXPECT_EQ(calculate(w[2].str() + "(" + w[3].str() + ", " + w[4].str() + ")"), w[5].str());
      EXPECT_EQ(w[5].str(), iso_of_days(date));
      ++relatives;
    }
  }
  EXPECT_EQ(layouts.size(), 5u);
  EXPECT_GT(relatives, 180);
}

// Reads a currency_conversion prompt on its own: the rate from a quoted pair (either way round),
// a "USD per unit" list or table, or a "units per 1 USD" sheet; the amount as printed (whole ones
// without ".00"); the target by its code or name; the result is the amount at that rate (6-decimal
// rate, cents).
TEST(CurrencyConversion, TheRateAndResultFollowFromThePromptsRates) {
  const SpecialistSpec& spec = *find_specialist("currency_conversion");
  const std::regex pair(R"(1 ([A-Z]{3}) = ([\d.]+) ([A-Z]{3}))");
  const std::regex usd_per(R"(\b([A-Z]{3})(?::| \|) ([\d.]+))");
  const std::regex per_usd(R"(\n([A-Z]{3}) ([\d.]+))");
  Example ex;
  std::set<int> layouts;
  int wholes = 0, named = 0;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 13, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    const std::string from = r["from"], to = r["to"];
    double rate = 0;
    std::smatch m;
    auto round6 = [](double x) { return std::round(x * 1e6) / 1e6; };
    std::string rate_line = from + " to " + to + ": <<round(";
    if (std::regex_search(p, m, pair)) {
      const double q = std::stod(m[2]);
      rate = m[1] == from ? round6(q) : round6(1 / q);
      rate_line = m.str() + ", " + rate_line + (m[1] == from ? "" : "1/") + m.str(2) + ",6)=";
    } else {
      const bool units_per_usd = p.find("units per 1 USD") != std::string::npos;
      std::map<std::string, double> rates = {{"USD", 1.0}};
      const std::regex& row = units_per_usd ? per_usd : usd_per;
      for (auto it = std::sregex_iterator(p.begin(), p.end(), row); it != std::sregex_iterator();
           ++it)
        rates[(*it)[1]] = std::stod((*it)[2]);
      ASSERT_TRUE(rates.count(from) && rates.count(to)) << p;
      rate = units_per_usd ? round6(rates[to] / rates[from]) : round6(rates[from] / rates[to]);
    }
    EXPECT_NEAR(r["rate"].get<double>(), rate, 1e-9) << p;
    // The second step says which way it converts, after the quoted pair as printed.
    EXPECT_EQ(split_lines(ex.work).at(1).rfind(rate_line, 0), 0u) << rate_line << "\n" << ex.work;
    const double amount = r["amount"];
    char printed[32];
    std::snprintf(printed, sizeof printed, "%.2f", amount);
    std::string grouped = printed;  // with thousands commas, as the texts print amounts
    for (int at = static_cast<int>(grouped.find('.')) - 3; at > 0; at -= 3) grouped.insert(at, ",");
    // As printed, or as a whole amount without its ".00" ("$1,500").
    const std::string whole = grouped.substr(0, grouped.size() - 3);
    const bool as_whole = grouped.compare(grouped.size() - 3, 3, ".00") == 0 &&
                          std::regex_search(p, std::regex("[^\\d,]" + whole + "(?![\\d,]|\\.\\d)"));
    EXPECT_TRUE(p.find(grouped) != std::string::npos || as_whole) << grouped << "\n" << p;
    wholes += as_whole && p.find(grouped) == std::string::npos;
    EXPECT_NEAR(r["result"].get<double>(), std::round(amount * rate * 100) / 100, 0.0051) << p;
    // The target by its code, or by its name in the plural.
    static const std::map<std::string, std::string> kNames = {
        {"USD", "US dollars"},       {"EUR", "euros"},
        {"GBP", "pounds sterling"},  {"JPY", "Japanese yen"},
        {"CAD", "Canadian dollars"}, {"AUD", "Australian dollars"},
        {"CHF", "Swiss francs"},     {"INR", "Indian rupees"},
        {"MXN", "Mexican pesos"},    {"SEK", "Swedish kronor"}};
    const bool by_name = p.find(kNames.at(to)) != std::string::npos;
    EXPECT_TRUE(p.find(to) != std::string::npos || by_name) << to << "\n" << p;
    named += by_name;
  }
  EXPECT_EQ(layouts.size(), 4u);
  EXPECT_GT(wholes, 10);
  EXPECT_GT(named, 30);
}

// Reads a pii_redaction record the other way round: the redacted text, its tags read as gaps, must
// be found in the prompt, each gap filled by an item of the tag's type from the list, every listed
// item filling a gap; and what is left must hold no email, SSN, phone or card, nor a redacted
// name or first name.
TEST(PiiRedaction, TheRedactedTextIsThePromptsTextWithEachItemTagged) {
  const SpecialistSpec& spec = *find_specialist("pii_redaction");
  const std::regex tag(R"(\[(NAME|EMAIL|PHONE|ADDRESS|SSN|CARD)\])");
  const std::vector<std::regex> left_over = {
      std::regex(R"([\w.+-]+@[\w-]+\.\w+)"), std::regex(R"(\d{3}-\d{2}-\d{4})"),
      std::regex(R"(\d{3}[-. )]+\d{3}[-. ]\d{4})"), std::regex(R"(\d{4}[ -]?\d{4,6}[ -]?\d{4,5})")};
  Example ex;
  std::set<int> layouts;
  int without_pii = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 4, i, &ex);
    layouts.insert(ex.layout_id);
    const json r = json::parse(ex.response);
    const std::string redacted = r["redacted_text"].get<std::string>();
    std::set<std::pair<std::string, std::string>> listed;
    for (const auto& piece : r["pii"])
      listed.insert({piece["type"].get<std::string>(), piece["value"].get<std::string>()});
    without_pii += listed.empty();
    // Literal runs and the tags between them.
    std::vector<std::string> literals, types;
    size_t from = 0;
    for (auto it = std::sregex_iterator(redacted.begin(), redacted.end(), tag);
         it != std::sregex_iterator(); ++it) {
      literals.push_back(redacted.substr(from, static_cast<size_t>(it->position()) - from));
      std::string type = lowered((*it)[1]);
      types.push_back(type);
      from = static_cast<size_t>(it->position() + it->length());
    }
    literals.push_back(redacted.substr(from));
    // Gaps are single lines; each may end at any later copy of the literal after it (an email's
    // dots come before the sentence's), so the reading backtracks; the text ends at a line end.
    std::set<std::pair<std::string, std::string>> filled;
    std::function<bool(size_t, size_t)> fill_from = [&](size_t k, size_t at) {
      if (k == types.size()) return at == ex.prompt.size() || ex.prompt[at] == '\n';
      const std::string& next = literals[k + 1];
      const size_t line_end = std::min(ex.prompt.find('\n', at), ex.prompt.size());
      if (next.empty()) {  // the text ends on this tag: the gap runs to the end of its line
        filled.insert({types[k], ex.prompt.substr(at, line_end - at)});
        return line_end > at;
      }
      for (size_t end = ex.prompt.find(next, at + 1); end != std::string::npos && end <= line_end;
           end = ex.prompt.find(next, end + 1)) {
        if (fill_from(k + 1, end + next.size())) {
          filled.insert({types[k], ex.prompt.substr(at, end - at)});
          return true;
        }
      }
      return false;
    };
    bool found = false;
    for (size_t start = ex.prompt.find(literals[0]); start != std::string::npos && !found;
         start = ex.prompt.find(literals[0], start + 1)) {
      filled.clear();
      found = fill_from(0, start + literals[0].size());
    }
    ASSERT_TRUE(found) << ex.prompt << "\n" << redacted;
    EXPECT_EQ(filled, listed) << ex.prompt;
    for (const std::regex& re : left_over)
      EXPECT_FALSE(std::regex_search(redacted, re)) << redacted;
    for (const auto& [type, value] : listed) {
      if (type != "name") continue;
      // The name, and its first name alone (a surname may stay as part of a company's name).
      for (const std::string& words : {value, value.substr(0, value.find(' '))}) {
        const std::regex whole("\\b" + words + "\\b");
        EXPECT_FALSE(std::regex_search(redacted, whole)) << words << " in " << redacted;
      }
    }
  }
  EXPECT_EQ(layouts.size(), 12u);
  EXPECT_GT(without_pii, 10);
}

// Splits a delimited line, keeping quoted fields whole (quotes dropped) and trimming spaces.
std::vector<std::string> csv_fields(const std::string& line, char delim) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == delim && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  for (std::string& field : out) {
    field.erase(0, field.find_first_not_of(' '));
    field.erase(field.find_last_not_of(' ') + 1);
  }
  return out;
}

// Reads a csv_cleaning record against its prompt: the header (any case, any delimiter, columns in
// any order) and each line after it; a line repeats an earlier one when name, email and amount are
// the same once cleaned. Every step and the kept rows' names are worked out here.
TEST(CsvCleaning, EachLineCopiesItsNameTitleCasesItAndNamesTheLineOfItsFirstCopy) {
  const SpecialistSpec& spec = *find_specialist("csv_cleaning");
  Example ex;
  int repeats = 0, rewritten = 0;
  std::set<char> delimiters;
  std::set<std::vector<std::string>> orders;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 4, i, &ex);
    const std::vector<std::string> prompt = split_lines(ex.prompt);
    size_t at = 0;
    while (at < prompt.size() && lowered(prompt[at]).find("customer name") == std::string::npos)
      ++at;
    ASSERT_LT(at, prompt.size()) << ex.prompt;
    const std::string& header = prompt[at];
    const char delim = header[header.find_first_of(",;|\t")];
    delimiters.insert(delim);
    std::vector<std::string> columns;
    for (const std::string& h : csv_fields(header, delim)) {
      std::string key = lowered(h);
      std::replace(key.begin(), key.end(), ' ', '_');
      columns.push_back(key);
    }
    orders.insert(columns);
    const json r = json::parse(ex.response);
    EXPECT_EQ(r["columns"].get<std::vector<std::string>>(), columns);
    const size_t name_at =
        std::find(columns.begin(), columns.end(), "customer_name") - columns.begin();
    const size_t email_at = std::find(columns.begin(), columns.end(), "email") - columns.begin();
    const size_t amount_at = std::find(columns.begin(), columns.end(), "amount") - columns.begin();
    std::vector<std::string> file;
    for (size_t k = at + 1; k < prompt.size() && !prompt[k].empty() && prompt[k] != "\"\"\""; ++k)
      file.push_back(prompt[k]);
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_EQ(work.size(), file.size()) << ex.prompt << "\n" << ex.work;
    int blanks = 0, dropped = 0;
    std::vector<std::string> names, identities(file.size());  // kept rows' names; per line
    for (size_t k = 0; k < file.size(); ++k) {
      const std::string step = std::to_string(k + 1) + " ";
      if (file[k].find_first_not_of(std::string(1, delim)) == std::string::npos) {
        EXPECT_EQ(work[k], step + "blank (blank " + std::to_string(++blanks) + ")");
        continue;
      }
      const std::vector<std::string> fields = csv_fields(file[k], delim);
      ASSERT_EQ(fields.size(), columns.size()) << file[k];
      const std::string name = fields[name_at];
      // A name all in capitals or all in lower case is title-cased; any other is kept as is.
      std::string clean = name;
      if (clean == lowered(clean) || clean == uppered(clean)) {
        for (size_t c = 0; c < clean.size(); ++c) {
          const bool starts = c == 0 || clean[c - 1] == ' ' || clean[c - 1] == '-';
          const auto ch = static_cast<unsigned char>(clean[c]);
          clean[c] = static_cast<char>(starts ? std::toupper(ch) : std::tolower(ch));
        }
      }
      std::string amount;
      for (char c : fields[amount_at]) {
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') amount += c;
      }
      const int64_t cents = std::llround(std::stod(amount) * 100);
      identities[k] = clean + "|" + lowered(fields[email_at]) + "|" + std::to_string(cents);
      size_t first = k;
      for (size_t e = 0; e < k; ++e) {
        if (identities[e] == identities[k]) {
          first = e;
          break;
        }
      }
      std::string expected = step + name + ": " + clean + " @" + std::to_string(first + 1);
      if (first != k) {
        expected += " (duplicate " + std::to_string(++dropped) + ")";
        ++repeats;
        rewritten += file[first] != file[k];
      }
      EXPECT_EQ(work[k], expected) << ex.prompt;
      if (first == k) names.push_back(clean);
    }
    EXPECT_EQ(r["duplicates_removed"], dropped);
    EXPECT_EQ(r["blank_rows_removed"], blanks);
    ASSERT_EQ(r["rows"].size(), names.size());
    for (size_t k = 0; k < names.size(); ++k) EXPECT_EQ(r["rows"][k]["customer_name"], names[k]);
  }
  EXPECT_GT(repeats, 100);
  EXPECT_GT(rewritten, 20);
  EXPECT_EQ(delimiters.size(), 4u);
  EXPECT_GT(orders.size(), 10u);
}

// Reads a meeting_action_items record on its own: one step per action item, in order, its owner
// first (someone who speaks in the meeting, in the line that says the task or after it), then the
// task and its due date as the transcript says them, then the date: a weekday through the
// calculator from the meeting date in the heading, a month and day as the ISO date of the meeting's
// year or the next, or "no due date" where the task is said without one.
TEST(MeetingActionItems, EachItemIsWrittenOwnerFirstWithItsDueDateAsSaid) {
  const SpecialistSpec& spec = *find_specialist("meeting_action_items");
  Example ex;
  const std::regex by_weekday(
      R"(^(\w+): (.+) by (\w+day): <<next_weekday\((\d{4}-\d\d-\d\d), (\w+day)\)=(\d{4}-\d\d-\d\d)>>$)");
  const std::regex by_date(
      R"(^(\w+): (.+) by ([A-Z][a-z]{2,8}) (\d{1,2}): (\d{4})-(\d\d)-(\d\d)$)");
  const std::regex undated(R"(^(\w+): (.+), no due date$)");
  std::map<std::string, int> kinds;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 4, i, &ex);
    const json items = json::parse(ex.response)["action_items"];
    if (items.empty()) {
      EXPECT_EQ(ex.work, "no action items");
      ++kinds["none"];
      continue;
    }
    const std::string meeting = *dates_in(ex.prompt).begin();  // the heading's; a launch is later
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_EQ(work.size(), items.size()) << ex.work;
    for (size_t k = 0; k < work.size(); ++k) {
      const std::string& w = work[k];
      const json& item = items[k];
      std::smatch m;
      std::string said;  // the task and its due date as the transcript says them
      if (std::regex_match(w, m, by_weekday)) {
        said = m[2].str() + " by " + m[3].str();
        EXPECT_EQ(m[3], m[5]);
        EXPECT_EQ(m[4], meeting) << ex.prompt;
        EXPECT_EQ(calculate("next_weekday(" + m[4].str() + ", " + m[5].str() + ")"), m[6]);
        EXPECT_EQ(item["due"], m[6].str());
        ++kinds["weekday"];
      } else if (std::regex_match(w, m, by_date)) {
        said = m[2].str() + " by " + m[3].str() + " " + m[4].str();
        EXPECT_EQ(std::stoi(m[6]), month_number(m[3]));
        EXPECT_EQ(std::stoi(m[7]), std::stoi(m[4]));
        const int year = std::stoi(meeting.substr(0, 4));
        EXPECT_TRUE(std::stoi(m[5]) == year || std::stoi(m[5]) == year + 1) << w;
        const std::string due = m[5].str() + "-" + m[6].str() + "-" + m[7].str();
        EXPECT_GT(due, meeting);
        EXPECT_EQ(item["due"], due);
        ++kinds["date"];
      } else {
        ASSERT_TRUE(std::regex_match(w, m, undated)) << w;
        said = m[2].str();
        EXPECT_TRUE(item["due"].is_null());
        EXPECT_EQ(ex.prompt.find(said + " by "), std::string::npos) << ex.prompt;
        ++kinds["undated"];
      }
      EXPECT_EQ(item["owner"], m[1].str());
      EXPECT_EQ(item["task"], m[2].str());
      const size_t at = ex.prompt.find(said);
      ASSERT_NE(at, std::string::npos) << w << "\n" << ex.prompt;
      const size_t line = ex.prompt.rfind('\n', at) + 1;
      const std::string speaker = m[1].str() + ": ";
      const bool says_it = ex.prompt.compare(line, speaker.size(), speaker) == 0 ||
                           ex.prompt.find("] " + speaker, line) < at;
      EXPECT_TRUE(says_it || ex.prompt.find("\n" + speaker, at) != std::string::npos ||
                  ex.prompt.find("] " + speaker, at) != std::string::npos)
          << w << "\n"
          << ex.prompt;
    }
  }
  EXPECT_GT(kinds["weekday"], 150);
  EXPECT_GT(kinds["date"], 60);
  EXPECT_GT(kinds["undated"], 60);
  EXPECT_GT(kinds["none"], 8);
}

// Reads an intent_classification record on its own: every slot value but the normalized ones is
// written in the utterance as is, a date is the one the utterance writes, and order and tracking
// numbers have the forms shops and carriers print.
TEST(IntentClassification, TheSlotsAreWhatTheUtteranceSays) {
  const SpecialistSpec& spec = *find_specialist("intent_classification");
  const std::regex order(R"(\d{8}|\d{3}-\d{7}-\d{7}|[A-Z]\d{8})");
  const std::regex tracking(R"(1Z[A-Z]{3}AA\d{11}|9400\d{18}|\d{12})");
  Example ex;
  std::set<std::string> order_forms, amount_forms;
  int detailed = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 11, i, &ex);
    const json r = json::parse(ex.response);
    const std::string& p = ex.prompt;
    for (const auto& [key, value] : r["slots"].items()) {
      if (!value.is_string() || key == "date" || key == "time") continue;
      EXPECT_NE(p.find(value.get<std::string>()), std::string::npos) << key << "\n" << p;
    }
    const std::string intent = r["intent"];
    if (r["slots"].contains("date"))
      EXPECT_EQ(dates_in(p), std::set<std::string>{r["slots"]["date"].get<std::string>()}) << p;
    if (intent == "cancel_order") {
      const std::string id = r["slots"]["order_id"];
      EXPECT_TRUE(std::regex_match(id, order)) << id;
      order_forms.insert(std::regex_replace(id, std::regex(R"(\d)"), "9"));
    }
    if (intent == "track_package")
      EXPECT_TRUE(std::regex_match(r["slots"]["tracking_number"].get<std::string>(), tracking));
    if (intent == "transfer_money") {  // "$1,204.50", "$250", "250 bucks", "250 dollars"
      std::smatch m;
      ASSERT_TRUE(
          std::regex_search(p, m, std::regex(R"(\$([\d,]+(?:\.\d\d)?)|(\d+) (?:bucks|dollars))")))
          << p;
      const std::string said = m[1].matched ? m[1].str() : m[2].str();
      EXPECT_EQ(cents_of(said), std::llround(r["slots"]["amount"].get<double>() * 100)) << p;
      amount_forms.insert(m[1].matched ? (said.find('.') != std::string::npos ? "cents" : "$")
                                       : "words");
    }
    for (const char* detail : {"Morning if", "One adult", "bought it twice", "cheaper elsewhere",
                               "due Tuesday", "a gift", "Window seat", "Changed my mind"})
      detailed += p.find(detail) != std::string::npos;
  }
  EXPECT_GE(order_forms.size(), 3u);
  EXPECT_EQ(amount_forms.size(), 3u);
  EXPECT_GT(detailed, 30);
}

// Reads a math_word_problems record: every number the equation uses is one the story writes (the
// constants of a unit change, 60 and 100, a tip's multiplier and clock times aside), the step
// evaluates the equation to the answer, and the stories are told in more ways than one.
TEST(MathWordProblems, TheEquationUsesTheStorysNumbersAndGivesTheAnswer) {
  const SpecialistSpec& spec = *find_specialist("math_word_problems");
  const std::regex number(R"(\d+(?:\.\d+)?)");
  const std::regex clock(R"(\d\d:\d\d)");
  Example ex;
  std::set<int> kinds;
  int retold = 0;
  // The story's numbers as the equation writes them: thousands commas dropped, counts in words
  // ("six coworkers") as digits.
  const std::vector<std::string> kWords = {"one",   "two",   "three", "four", "five",   "six",
                                           "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  auto as_digits = [&](std::string text) {
    text = std::regex_replace(text, std::regex(R"((\d),(\d\d\d))"), "$1$2");
    text = std::regex_replace(text, std::regex(R"((\d),(\d\d\d))"), "$1$2");
    for (size_t w = 0; w < kWords.size(); ++w)
      text = std::regex_replace(text, std::regex("\\b" + kWords[w] + "\\b", std::regex::icase),
                                std::to_string(w + 1));
    return text;
  };
  int grouped = 0, worded = 0;
  for (uint64_t i = 0; i < 600; ++i) {
    generate_specialist_example(spec, 10, i, &ex);
    const json r = json::parse(ex.response);
    const std::string equation = std::regex_replace(r["equation"].get<std::string>(), clock, "");
    const std::string prompt = as_digits(ex.prompt);
    grouped += std::regex_search(ex.prompt, std::regex(R"(\d,\d\d\d)"));
    worded += std::regex_search(
        ex.prompt, std::regex(R"(\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) )"
                              R"((friends|coworkers|comes|of us|overtime))",
                              std::regex::icase));
    for (auto it = std::sregex_iterator(equation.begin(), equation.end(), number);
         it != std::sregex_iterator(); ++it) {
      const std::string n = it->str();
      if (n == "60" || n == "100" || n == "1" || n == "1.5" ||
          std::regex_match(n, std::regex(R"(1\.\d\d)")))
        continue;
      EXPECT_TRUE(std::regex_search(
          prompt, std::regex("(^|[^\\d.])" + std::regex_replace(n, std::regex(R"(\.)"), "\\.") +
                             "($|[^\\d])")))
          << n << " of " << equation << " not in\n"
          << ex.prompt;
    }
    const std::string step = ex.work;
    EXPECT_EQ(step.find("<<round(" + r["equation"].get<std::string>() + ","), 0u) << step;
    const std::string value = step.substr(step.find('=') + 1, step.find(">>") - step.find('=') - 1);
    EXPECT_NEAR(std::stod(value), r["answer"].get<double>(), 1e-9);
    kinds.insert(ex.layout_id);
    for (const char* told_otherwise : {"before tax?",
                                       "apiece",
                                       "what's the total?",
                                       "cost together?",
                                       "there's a",
                                       "the new price?",
                                       "coupon",
                                       "cycles at",
                                       "A train runs",
                                       "We drove",
                                       "Dinner for",
                                       "coworkers split",
                                       "there are",
                                       "went from",
                                       "in May",
                                       "count:",
                                       "How much simple",
                                       "puts $",
                                       "Simple interest on",
                                       "oz bag",
                                       "Store brand",
                                       "shift runs",
                                       "Paid $"})
      if (ex.prompt.find(told_otherwise) != std::string::npos) {
        ++retold;
        break;
      }
  }
  EXPECT_EQ(kinds.size(), 14u);
  EXPECT_GT(retold, 150);  // the eight first kinds told otherwise than the first way
  EXPECT_GT(grouped, 30);  // "$2,400", "48,200"
  EXPECT_GT(worded, 5);    // "Six coworkers"
}

// Broken JSON read leniently, independently of the generator: comment lines dropped, single quotes
// made double, bare keys quoted, Python literals mapped, trailing commas dropped; then, if it
// still does not parse, a closing brace added or one missing comma put back.
std::optional<json> lenient_json(const std::string& broken) {
  auto fix = [](std::string t) {
    t = std::regex_replace(t, std::regex(R"((^|\n)[ \t]*//[^\n]*)"), "$1");
    std::replace(t.begin(), t.end(), '\'', '"');
    t = std::regex_replace(t, std::regex(R"(([{,\s])([A-Za-z_][A-Za-z0-9_]*)\s*:)"), "$1\"$2\":");
    t = std::regex_replace(t, std::regex(R"(\bTrue\b)"), "true");
    t = std::regex_replace(t, std::regex(R"(\bFalse\b)"), "false");
    t = std::regex_replace(t, std::regex(R"(\bNone\b)"), "null");
    return std::regex_replace(t, std::regex(R"(,(\s*[}\]]))"), "$1");
  };
  auto parse = [](const std::string& text) -> std::optional<json> {
    json v = json::parse(text, nullptr, false);
    if (v.is_discarded() || !v.is_object()) return std::nullopt;
    return v;
  };
  for (const char* tail : {"", "}"}) {
    const std::string t = fix(broken + tail);
    if (auto v = parse(t)) return v;
    for (size_t at = 1; at < t.size(); ++at) {
      if (t[at] != '"' || (t[at - 1] != ' ' && t[at - 1] != '\n')) continue;
      if (auto v = parse(t.substr(0, at - 1) + "," + t.substr(at - 1))) return v;
    }
  }
  return std::nullopt;
}

// Reads a json_repair prompt on its own: the broken document in it, read leniently (above), is the
// answer's repaired document, and each listed error is there to see in the broken text, where its
// step points.
TEST(JsonRepair, TheBrokenDocumentReadLenientlyIsTheRepairedOne) {
  const SpecialistSpec& spec = *find_specialist("json_repair");
  Example ex;
  std::set<std::string> keys;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 9, i, &ex);
    const json r = json::parse(ex.response);
    const std::string& p = ex.prompt;
    // The document: from the first brace after a space or line break (not the instruction's
    // {"repaired": ...}) to the latest line end where it reads.
    size_t start = p.find('{');
    while (start != std::string::npos &&
           ((start > 0 && !std::isspace(static_cast<unsigned char>(p[start - 1]))) ||
            p.compare(start, 11, "{\"repaired\"") == 0))
      start = p.find('{', start + 1);
    ASSERT_NE(start, std::string::npos) << p;
    std::optional<json> read;
    std::string doc;
    for (size_t end = p.size(); end != std::string::npos && end > start && !read;
         end = p.rfind('\n', end - 1)) {
      doc = p.substr(start, end - start);
      read = lenient_json(doc);
    }
    ASSERT_TRUE(read.has_value()) << p;
    EXPECT_EQ(*read, r["repaired"]) << p;
    for (const auto& [k, v] : r["repaired"].items()) keys.insert(k);
    // Each error's step points at it in the text (spaces and line breaks as one space).
    const std::string flat = std::regex_replace(doc, std::regex(R"(\s+)"), " ");
    const std::vector<std::string> steps = split_lines(ex.work);
    ASSERT_EQ(steps.size(), r["errors"].size()) << ex.work;
    const std::map<std::string, std::regex> shows = {
        {"single_quotes", std::regex(R"('[^'"]*')")},
        {"unquoted_keys", std::regex(R"([A-Za-z_]\w*:)")},
        {"python_literals", std::regex("True|False|None")},
        {"trailing_comma", std::regex(R"(\S+,( ?[}\]])?)")},
        {"comment", std::regex(R"(// exported by \w+)")},
        {"missing_comma", std::regex(R"(\S*["'\w}\]] ["'\w][^,:]*)")},
        {"missing_closing_brace", std::regex(R"(\S+ ?\S*)")}};
    for (size_t k = 0; k < steps.size(); ++k) {
      const std::string e = r["errors"][k];
      ASSERT_EQ(steps[k].rfind(e + ": ", 0), 0u) << ex.work;
      const std::string where = steps[k].substr(e.size() + 2);
      EXPECT_TRUE(std::regex_match(where, shows.at(e))) << e << ": " << where;
      EXPECT_NE(flat.find(where), std::string::npos) << where << "\n" << flat;
      if (e == "missing_closing_brace")
        EXPECT_EQ(flat.substr(flat.find_last_not_of(' ') + 1 - where.size(), where.size()), where);
    }
    for (const std::string e : r["errors"]) {
      if (e == "single_quotes") EXPECT_NE(doc.find('\''), std::string::npos) << doc;
      if (e == "python_literals")
        EXPECT_TRUE(std::regex_search(doc, std::regex(R"(\b(True|False|None)\b)"))) << doc;
      if (e == "trailing_comma")
        EXPECT_TRUE(std::regex_search(doc, std::regex(R"(,\s*([}\]]|$))"))) << doc;
      if (e == "comment") EXPECT_NE(doc.find("//"), std::string::npos) << doc;
    }
  }
  EXPECT_GT(keys.size(), 30u);  // open documents, not three fixed ones
}

// Reads a question_answering prompt on its own: what the question asks about (its words: "CEO",
// "founded", "return window", ...) names the words a sentence stating it must use. An answerable
// question's step copies a sentence of the passage that uses them and holds the answer; for an
// unanswerable one the step says "none" and no sentence of the passage uses them.
TEST(QuestionAnswering, TheEvidenceSentenceIsThePassagesAndHoldsTheAnswer) {
  const SpecialistSpec& spec = *find_specialist("question_answering");
  // What a question asks about -> the words a sentence saying it uses (most specific first).
  const std::vector<std::pair<std::regex, std::regex>> kAbout = {
      {std::regex("begin a return|send something back"),
       std::regex("start a return|Returns are started")},
      {std::regex("return window|have to return"), std::regex("return window|returned within")},
      {std::regex("shipping|pay to send"), std::regex("shipping|return label")},
      {std::regex("refund"), std::regex("[Rr]efund")},
      {std::regex("Canada"), std::regex("Canada")},
      {std::regex("gift card"), std::regex("gift card")},
      {std::regex("phone"), std::regex("phone")},
      {std::regex("accrue|accrual"), std::regex("accrue|earns")},
      {std::regex("carr|roll into"), std::regex("carr|roll forward")},
      {std::regex("notice|long leave"), std::regex("notice|ahead")},
      {std::regex("remote"), std::regex("from home|Remote")},
      {std::regex("parental"), std::regex("parental")},
      {std::regex("overtime"), std::regex("overtime")},
      {std::regex("dress"), std::regex("dress")},
      {std::regex("raise|size of"), std::regex("closed a|round brings")},
      {std::regex("led the|led .*round"), std::regex(" led ")},
      {std::regex("money|funding for"), std::regex("capital|money")},
      {std::regex("CFO|chief financial"), std::regex("CFO|[Cc]hief financial")},
      {std::regex("CEO|runs|chief executive"), std::regex("CEO|[Cc]hief executive")},
      {std::regex("founded|established|start"), std::regex("[Ff]ounded|est\\.")},
      {std::regex("headquartered|head office|based"), std::regex("headquarter|head office")},
      {std::regex("employ|workforce"), std::regex("employ|staff")},
      {std::regex("stores|locations"), std::regex("stores|locations|shops")},
      {std::regex("sell|product line"), std::regex("sells|main line")},
      {std::regex("revenue"), std::regex("revenue")}};
  Example ex;
  std::set<int> layouts;
  int unanswerable = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 16, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    // The question is the line after the passage's blank line that ends with "?".
    std::smatch q;
    ASSERT_TRUE(std::regex_search(p, q, std::regex(R"(\n\n(?:Question: |Q: )?([^\n]+\?))"))) << p;
    const std::string question = q[1];
    const std::string passage = p.substr(0, static_cast<size_t>(q.position()));
    const auto about = std::find_if(kAbout.begin(), kAbout.end(), [&](const auto& a) {
      return std::regex_search(question, a.first);
    });
    ASSERT_NE(about, kAbout.end()) << question;
    ASSERT_EQ(ex.work.rfind("evidence: ", 0), 0u) << ex.work;
    const std::string evidence = ex.work.substr(10);
    if (r["answerable"] == false) {
      ++unanswerable;
      EXPECT_EQ(evidence, "none");
      EXPECT_TRUE(r["answer"].is_null());
      // No sentence of the passage says it (the FAQ's own questions aside).
      const std::string answers_only =
          std::regex_replace(passage, std::regex(R"((^|\n)Q: [^\n]*)"), "$1");
      EXPECT_FALSE(std::regex_search(answers_only, about->second)) << question << "\n" << passage;
      continue;
    }
    EXPECT_NE(passage.find(evidence), std::string::npos) << evidence << "\n" << passage;
    EXPECT_TRUE(std::regex_search(evidence, about->second)) << question << " <- " << evidence;
    const std::string answer = r["answer"];
    EXPECT_NE(evidence.find(answer), std::string::npos) << answer << " <- " << evidence;
  }
  EXPECT_EQ(layouts.size(), 4u);
  EXPECT_GT(unanswerable, 40);
}

// Reads a regex_extraction prompt on its own: the matches are exactly what the requested kind's
// pattern finds in it, in order (near misses like "ord-55012", "03/21/2025", "€45" and "@name" left
// out); the steps copy the text's sentences, marking each match with its running number, and
// end with the count.
TEST(RegexExtraction, TheMatchesAreWhatTheKindsPatternFindsInThePrompt) {
  const SpecialistSpec& spec = *find_specialist("regex_extraction");
  const std::map<std::string, std::regex> patterns = {
      {"email", std::regex(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")},
      {"phone",
       std::regex(
           R"(\(\d{3}\) \d{3}-\d{4}|\+1[ -]\d{3}[ -]\d{3}[ -]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b)")},
      {"order_id", std::regex(R"(\bORD-\d{6}\b)")},
      {"date", std::regex(R"(\b\d{4}-\d{2}-\d{2}\b)")},
      {"amount", std::regex(R"(\$\d{1,3}(?:,\d{3})*(?:\.\d{2})?)")},
      {"url", std::regex(R"(https?://[^\s)]+)")}};
  Example ex;
  std::map<std::string, int> kinds;
  int near_misses = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 8, i, &ex);
    const json r = json::parse(ex.response);
    const std::string kind = r["kind"];
    ++kinds[kind];
    const std::string& p = ex.prompt;
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(p.begin(), p.end(), patterns.at(kind));
         it != std::sregex_iterator(); ++it) {
      std::string m = it->str();
      while (!m.empty() && (m.back() == '.' || m.back() == ',')) m.pop_back();
      found.push_back(m);
    }
    EXPECT_EQ(r["matches"].get<std::vector<std::string>>(), found) << p;
    EXPECT_EQ(r["count"], found.size());
    // The steps copy the text's sentences in order, each match marked after its sentence with its
    // running number; the count last.
    const std::vector<std::string> steps = split_lines(ex.work);
    EXPECT_EQ(steps.back(), "count: " + std::to_string(found.size()));
    std::vector<std::string> marked;
    size_t from = 0;
    for (size_t k = 0; k + 1 < steps.size(); ++k) {
      const size_t mark = steps[k].find(" => ");
      const std::string sentence = steps[k].substr(0, mark);
      const size_t at = p.find(sentence, from);
      ASSERT_NE(at, std::string::npos) << sentence << "\n" << p;
      from = at + sentence.size();
      if (mark == std::string::npos) continue;
      const std::string number = std::to_string(marked.size() + 1) + " ";
      ASSERT_EQ(steps[k].compare(mark + 4, number.size(), number), 0) << steps[k];
      marked.push_back(steps[k].substr(mark + 4 + number.size()));
      EXPECT_NE(sentence.find(marked.back()), std::string::npos) << steps[k];
    }
    EXPECT_EQ(marked, found) << ex.work;
    // Every value of the text, of any kind, is in a copied sentence: none after the last one.
    const std::string tail = p.substr(from);
    for (const auto& [name, pattern] : patterns)
      EXPECT_FALSE(std::regex_search(tail, pattern)) << name << " after the steps' last sentence\n"
                                                     << tail;
    for (const char* miss : {"ord-", "(US format)", "€", "Ping @", "reservation #"})
      near_misses += p.find(miss) != std::string::npos;
  }
  EXPECT_EQ(kinds.size(), 6u);
  EXPECT_GT(near_misses, 100);
}

// A time of day as people write it, in minutes: "09:00", "9:00", "9:30 AM", "1:30pm", or a bare
// hour placed in a working day of 08:00-18:00 ("1" and "1:30" are in the afternoon). `suffix` is
// the am/pm of the span's other end when this one has none ("1-2pm"). -1 if it does not read.
int read_time(const std::string& text, const std::string& suffix = "") {
  std::smatch m;
  if (!std::regex_match(text, m, std::regex(R"((\d{1,2})(?::(\d\d))?\s*([AaPp][Mm])?)"))) return -1;
  int h = std::stoi(m[1]);
  const int minutes = m[2].matched ? std::stoi(m[2]) : 0;
  std::string half = m[3].matched ? m[3].str() : suffix;
  std::transform(half.begin(), half.end(), half.begin(), ::tolower);
  if (half == "am" && h == 12) h = 0;
  if (half == "pm" && h != 12) h += 12;
  if (half.empty() && h >= 1 && h <= 7) h += 12;
  return h * 60 + minutes;
}

// A span as written ("10 to 11:30", "1-2pm", "9:00 AM - 10:00 AM", "out until 10", "gone from
// 4pm") in minutes, the day's opening and closing times given; {-1, -1} if it does not read.
std::pair<int, int> read_span(const std::string& text, int open, int close) {
  std::smatch m;
  if (std::regex_match(text, m, std::regex(R"(out until (.+))"))) return {open, read_time(m[1])};
  if (std::regex_match(text, m, std::regex(R"(gone from (.+))"))) return {read_time(m[1]), close};
  if (!std::regex_match(text, m, std::regex(R"((.+?)(?: to | - |-)(.+))"))) return {-1, -1};
  std::smatch end_half;
  const std::string end = m[2];
  std::regex_search(end, end_half, std::regex("[AaPp][Mm]$"));
  return {read_time(m[1], end_half.empty() ? "" : end_half.str()), read_time(end)};
}

// Reads a calendar_scheduling prompt on its own. The steps' first lines copy the meeting's length,
// date and working hours as written, each with the value this test reads from it; then every busy
// span as written on its person's line (nothing else with digits left on that line) with the
// 24-hour times this test reads from it. Merged where they overlap or touch, the spans are the
// busy line; then each candidate start (opening time if free, then each merged span's end) gets
// its end and the calculator's comparison with the next busy start or closing time, until the
// first that fits, which is the answer.
TEST(CalendarScheduling, EachSpanIsReadAsWrittenAndEachCandidateComparedByTheCalculator) {
  const SpecialistSpec& spec = *find_specialist("calendar_scheduling");
  const std::regex step(
      R"(^<<add_minutes\((\d\d:\d\d),(\d+)\)=(\d\d:\d\d)>> <<at_most\((\d\d:\d\d),(\d\d:\d\d)\)=(yes|no)>> (free|busy)$)");
  const std::regex span_step(R"(^(\S+) (.+): (\d\d):(\d\d)-(\d\d):(\d\d)$)");
  const std::map<std::string, int> kLengths = {
      {"half an hour", 30},       {"an hour", 60},  {"1 hour", 60}, {"one hour", 60},
      {"an hour and a half", 90}, {"1.5 hours", 90}};
  auto hhmm = [](int t) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t / 60, t % 60);
    return std::string(buf);
  };
  Example ex;
  std::set<int> layouts;
  int exact_fits = 0, afternoon_bare = 0, phrases = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 6, i, &ex);
    layouts.insert(ex.layout_id);
    const std::string& p = ex.prompt;
    const json r = json::parse(ex.response);
    const std::vector<std::string> work = split_lines(ex.work);
    std::smatch m;
    // Length, date and hours, each as written in the prompt, with their values.
    ASSERT_TRUE(std::regex_match(work[0], m, std::regex(R"(length (.+): (\d+))"))) << ex.work;
    ASSERT_NE(p.find(m[1].str()), std::string::npos) << m[1];
    const std::string length_text = m[1];
    const int duration = std::stoi(m[2]);
    if (kLengths.count(length_text))
      EXPECT_EQ(kLengths.at(length_text), duration);
    else
      EXPECT_EQ(std::stoi(length_text), duration) << length_text;
    ASSERT_TRUE(std::regex_match(work[1], m, std::regex(R"(date (.+): (\S+))"))) << ex.work;
    EXPECT_NE(p.find(m[1].str()), std::string::npos) << m[1];
    EXPECT_EQ(read_written_date(m[1]), m[2].str());
    EXPECT_EQ(r["date"], m[2].str());
    ASSERT_TRUE(std::regex_match(work[2], m, std::regex(R"(hours (.+): (\d\d:\d\d)-(\d\d:\d\d))")))
        << ex.work;
    EXPECT_NE(p.find(m[1].str()), std::string::npos) << m[1];
    const auto [open, close] = read_span(m[1], 0, 0);
    EXPECT_EQ(hhmm(open) + "-" + hhmm(close), m[2].str() + "-" + m[3].str()) << m[1];
    // Each busy span as written on its person's line, read here; nothing else left on the line.
    std::vector<std::pair<int, int>> spans;
    std::map<std::string, std::string> left;  // each person's line with its spans taken out
    size_t k = 3;
    for (; k < work.size() && work[k].rfind("busy:", 0) != 0; ++k) {
      ASSERT_TRUE(std::regex_match(work[k], m, span_step)) << work[k];
      const std::string name = m[1], written = m[2];
      if (!left.count(name)) {
        const std::regex line("(^|\\n)((?:- |\\| )?" + name + "\\b[^\\n]*)");
        std::smatch l;
        ASSERT_TRUE(std::regex_search(p, l, line)) << name << "\n" << p;
        left[name] = l[2];
      }
      const size_t at = left[name].find(written);
      ASSERT_NE(at, std::string::npos) << written << " not on " << name << "'s line\n" << p;
      left[name].erase(at, written.size());
      const auto [s, e] = read_span(written, open, close);
      EXPECT_EQ(hhmm(s) + "-" + hhmm(e),
                m[3].str() + ":" + m[4].str() + "-" + m[5].str() + ":" + m[6].str())
          << written;
      spans.push_back({s, e});
      afternoon_bare += std::regex_search(written, std::regex(R"(^[1-5](:\d\d)?-)"));
      phrases += written.rfind("out until", 0) == 0 || written.rfind("gone from", 0) == 0;
    }
    for (auto& [name, rest] : left) {
      rest = std::regex_replace(rest, std::regex("1:1"), "");
      EXPECT_FALSE(std::regex_search(rest, std::regex(R"(\d)"))) << name << ": " << rest;
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<int, int>> merged;
    for (const auto& sp : spans) {
      if (!merged.empty() && sp.first <= merged.back().second)
        merged.back().second = std::max(merged.back().second, sp.second);
      else
        merged.push_back(sp);
    }
    std::string busy = "busy:";
    for (const auto& [a, b] : merged) busy += " " + hhmm(a) + "-" + hhmm(b);
    if (merged.empty()) busy += " none";
    ASSERT_LT(k, work.size()) << ex.work;
    EXPECT_EQ(work[k], busy) << p;
    std::vector<int> candidates;
    if (merged.empty() || merged.front().first > open) candidates.push_back(open);
    for (const auto& sp : merged) candidates.push_back(sp.second);
    const size_t first_candidate = ++k;
    for (int start : candidates) {
      if (start + duration > 24 * 60) break;
      ASSERT_LT(k, work.size()) << ex.work;
      ASSERT_TRUE(std::regex_match(work[k], m, step)) << work[k];
      ++k;
      int limit = close;
      for (const auto& sp : merged)
        if (sp.first >= start) {
          limit = std::min(limit, sp.first);
          break;
        }
      EXPECT_EQ(m[1], hhmm(start));
      EXPECT_EQ(std::stoi(m[2]), duration);
      EXPECT_EQ(m[3], hhmm(start + duration));
      EXPECT_EQ(m[4], m[3]);
      EXPECT_EQ(m[5], hhmm(limit));
      EXPECT_EQ(calculate("at_most(" + m[4].str() + "," + m[5].str() + ")"), m[6].str());
      EXPECT_EQ(m[7], m[6] == "yes" ? "free" : "busy");
      exact_fits += start + duration == limit;
      if (m[6] == "yes") {
        EXPECT_EQ(r["start"], hhmm(start)) << p;
        break;
      }
    }
    EXPECT_EQ(k, work.size()) << ex.work;
    if (k == first_candidate || work.back().find(" busy") != std::string::npos)
      EXPECT_FALSE(r["feasible"]);
  }
  EXPECT_EQ(layouts.size(), 5u);
  EXPECT_GT(exact_fits, 20);
  EXPECT_GT(afternoon_bare, 20);  // "1-2pm", "1:30-3" read in the afternoon
  EXPECT_GT(phrases, 10);         // "out until 10", "gone from 4pm"
}

// Where `what` is first said in `text` at or after `from` (a quantity as digits standing alone or
// as a word: "4", "four", "a dozen"), or npos.
size_t said_at(const std::string& text, const std::string& what, size_t from) {
  static const std::vector<std::string> kWords = {"one",  "two", "three",  "four",
                                                  "five", "six", "seven",  "eight",
                                                  "nine", "ten", "eleven", "twelve"};
  std::vector<std::string> forms = {what};
  if (!what.empty() && std::isdigit(static_cast<unsigned char>(what[0]))) {
    const int n = std::stoi(what);
    if (n >= 1 && n <= 12) forms.push_back(kWords[static_cast<size_t>(n - 1)]);
    if (n == 12) forms.push_back("a dozen");
  }
  size_t best = std::string::npos;
  for (const std::string& form : forms) {
    for (size_t at = text.find(form, from); at != std::string::npos; at = text.find(form, at + 1)) {
      const bool alone = (at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]))) &&
                         (at + form.size() == text.size() ||
                          !std::isalnum(static_cast<unsigned char>(text[at + form.size()])));
      if (alone) {
        best = std::min(best, at);
        break;
      }
    }
  }
  return best;
}

TEST(ContextProtocol, TheWorkFollowsEachFactAsSaidAndTheAnswerHasTheLatest) {
  const SpecialistSpec& spec = *find_specialist("context_protocol");
  Example ex;
  int corrected = 0, moved = 0, twice = 0, in_words = 0;
  std::set<std::string> openings;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 4, i, &ex);
    std::string user, assistant;
    for (const Turn& t : ex.history) user += t.user + "\n", assistant += t.assistant + "\n";
    openings.insert(ex.history.at(0).user.substr(0, 12));
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_EQ(work.size(), 3u) << ex.work;
    ASSERT_EQ(work[0].rfind("quantity: ", 0), 0u) << ex.work;
    ASSERT_EQ(work[1].rfind("ship to: ", 0), 0u) << ex.work;
    // Each listed value was said by the user, in that order.
    auto listed = [](const std::string& line) {
      std::vector<std::string> out;
      const std::string values = line.substr(line.find(": ") + 2);
      for (size_t from = 0;;) {
        const size_t arrow = values.find(" -> ", from);
        out.push_back(values.substr(from, arrow - from));
        if (arrow == std::string::npos) return out;
        from = arrow + 4;
      }
    };
    const std::vector<std::string> quantities = listed(work[0]), cities = listed(work[1]);
    size_t at = 0;
    for (const std::string& q : quantities) {
      at = said_at(user, q, at);
      ASSERT_NE(at, std::string::npos) << q << " not said in order\n" << user;
      in_words += !std::isdigit(static_cast<unsigned char>(user[at]));
      ++at;
    }
    at = 0;
    for (const std::string& city : cities) {
      at = user.find(city, at);
      ASSERT_NE(at, std::string::npos) << city << " not said in order\n" << user;
      ++at;
    }
    corrected += quantities.size() > 1;
    moved += cities.size() > 1;
    twice += quantities.size() + cities.size() > 3;
    // The answer: the latest of each, the names as given, the total from the quoted price.
    const json r = json::parse(ex.response);
    EXPECT_EQ(std::to_string(r["quantity"].get<int64_t>()), quantities.back());
    EXPECT_EQ(r["ship_to"], cities.back());
    EXPECT_NE(user.find(r["customer"].get<std::string>()), std::string::npos) << user;
    EXPECT_NE(user.find(r["reference"].get<std::string>()), std::string::npos) << user;
    EXPECT_NE(assistant.find(r["item"].get<std::string>() + " is $"), std::string::npos);
    std::string price;
    for (size_t k = assistant.find(" is $") + 5;
         std::isdigit(static_cast<unsigned char>(assistant[k])) || assistant[k] == ',' ||
         (assistant[k] == '.' && std::isdigit(static_cast<unsigned char>(assistant[k + 1])));
         ++k) {
      if (assistant[k] != ',') price += assistant[k];
    }
    const int64_t cents = std::llround(std::stod(price) * 100);
    const int64_t quantity = std::stoll(quantities.back());
    EXPECT_EQ(std::llround(r["total"].get<double>() * 100), quantity * cents) << assistant;
    // The total: one calculator step whose result is the answer's total.
    ASSERT_EQ(work[2].rfind("total: <<", 0), 0u) << ex.work;
    const std::string step = work[2].substr(9, work[2].size() - 11);
    const std::string expression = step.substr(0, step.rfind('='));
    EXPECT_EQ(calculate(expression), step.substr(step.rfind('=') + 1));
    EXPECT_EQ(std::llround(std::stod(step.substr(step.rfind('=') + 1)) * 100), quantity * cents);
  }
  EXPECT_GT(corrected, 40);
  EXPECT_GT(moved, 40);
  EXPECT_GT(twice, 20);
  EXPECT_GT(in_words, 40);
  EXPECT_GE(openings.size(), 5u);
}

// What a fact_verification claim is about, in the belief sentences' words ("deadline", "team works
// from"), read from its wording: "The Project Orchid deadline is ...", "Orchid will now be
// delivered on ...", "headcount on Orchid is 9".
std::string subject_of(const std::string& claim) {
  static const std::vector<std::pair<std::regex, std::string>> kCues = {
      {std::regex(R"(\b(deadline|due|delivered)\b)", std::regex::icase), "deadline"},
      {std::regex(R"(\b(budget|funding)\b)", std::regex::icase), "budget"},
      {std::regex(R"(\b(lead|leads|leading)\b)", std::regex::icase), "lead"},
      {std::regex(R"(\b(works from|works out of|moves to|relocated to|stays in)\b)"),
       "team works from"},
      {std::regex(R"(\b(people|headcount)\b)", std::regex::icase), "team has"},
      {std::regex(R"(\b(status|on track|at risk|delayed|on hold)\b)", std::regex::icase),
       "status"}};
  for (const auto& [cue, about] : kCues)
    if (std::regex_search(claim, cue)) return about;
  return "";
}

TEST(FactVerification, EachEvidenceLineIsJudgedBySourceAndTheBeliefItIsAbout) {
  const SpecialistSpec& spec = *find_specialist("fact_verification");
  const std::set<std::string> reliable = {
      "Official memo from the PMO", "Email from the sponsor's office", "Signed change request",
      "Minutes of the steering committee", "Quarterly portfolio review (official)"};
  const std::regex belief(R"((?:^|\[| |\| )(B\d)(?:\.|\]| \||:) (The Project [^.]+?\.))");
  const std::regex item(R"(^(?:- |\* |\d+\. )([^:]+): (.+)$)");
  const std::regex still(R"(\(confirmed\)|\b(still|stays|keeps|remains)\b)");
  Example ex;
  std::set<std::string> effects;
  int reworded = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 6, i, &ex);
    // The beliefs (id and sentence, in any of the layouts) and the "- Source: claim" lines.
    std::map<std::string, std::string> id_of;  // subject -> belief id
    std::string index = "beliefs:";
    std::vector<std::pair<std::string, std::string>> evidence;  // source, claim
    for (const std::string& line : split_lines(ex.prompt)) {
      std::smatch m;
      if (std::regex_match(line, m, item)) {
        evidence.push_back({m[1], m[2]});
        continue;
      }
      for (auto it = std::sregex_iterator(line.begin(), line.end(), belief);
           it != std::sregex_iterator(); ++it) {
        const std::string id = (*it)[1], about = subject_of((*it)[2]);
        ASSERT_FALSE(about.empty()) << (*it)[2];
        index += (id_of.empty() ? " " : ", ") + about + " " + id;
        id_of[about] = id;
      }
    }
    ASSERT_GE(id_of.size(), 3u) << ex.prompt;
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_EQ(work.size(), evidence.size() + 1) << ex.prompt << "\n" << ex.work;
    EXPECT_EQ(work[0], index);
    const json r = json::parse(ex.response);
    const auto revised = r["revised_beliefs"].get<std::vector<std::string>>();
    const auto retracted = r["retracted"].get<std::vector<std::string>>();
    const auto added = r["added"].get<std::vector<std::string>>();
    // The answer's sentence about a subject, from a list, or "".
    auto about_in = [](const std::vector<std::string>& v, const std::string& about) {
      for (const std::string& s : v)
        if (subject_of(s) == about) return s;
      return std::string();
    };
    for (size_t k = 0; k < evidence.size(); ++k) {
      const auto& [source, claim] = evidence[k];
      reworded += claim.rfind("The Project ", 0) != 0;
      const std::string& line = work[k + 1];
      const std::string head = std::to_string(k + 1) + " ";
      if (!reliable.count(source)) {
        EXPECT_EQ(line, head + "hearsay: ignored");
        continue;
      }
      // About a belief: confirms it when it says so ("(confirmed)", "still"), else replaces it;
      // about anything else: a new fact.
      const std::string about = subject_of(claim);
      ASSERT_FALSE(about.empty()) << claim;
      const auto known = id_of.find(about);
      const std::string effect = known == id_of.end()              ? "new fact"
                                 : std::regex_search(claim, still) ? "confirms"
                                                                   : "replaces";
      EXPECT_EQ(line, head + "reliable: " + about +
                          (known == id_of.end() ? "" : " " + known->second) + ", " + effect)
          << ex.prompt;
      effects.insert(effect);
      // The answer agrees, unless a later reliable item is about the same subject.
      bool later = false;
      for (size_t m = k + 2; m < work.size(); ++m)
        later |= work[m].find("reliable: " + about + (known == id_of.end() ? "," : " ")) !=
                 std::string::npos;
      if (effect == "replaces") {
        EXPECT_TRUE(std::find(retracted.begin(), retracted.end(), known->second) != retracted.end())
            << ex.response;
      }
      if (!later) {
        EXPECT_FALSE(about_in(revised, about).empty()) << about << "\n" << ex.response;
      }
      if (effect == "new fact") {
        EXPECT_FALSE(about_in(added, about).empty()) << claim << "\n" << ex.response;
      }
    }
  }
  EXPECT_EQ(effects.size(), 3u);
  EXPECT_GT(reworded, 200);
}

// Reads a log_analysis record against its prompt, in any of its layouts: each log line's time
// and level word (DEBUG/DBG/debug, INFO/INF/info, WARN/WARNING/WRN/warn/warning, ERROR/ERR/error);
// the step copies the line from the one to the other as printed, then names the level, and for an
// error line its service and message, which the line must hold.
TEST(LogAnalysis, TheWorkCopiesEachLineFromTimeToLevelAndMarksEachNewFailingService) {
  const SpecialistSpec& spec = *find_specialist("log_analysis");
  const std::regex time(R"(\d\d:\d\d:\d\d)");
  const std::regex level(
      R"(\b(DEBUG|DBG|debug|INFO|INF|info|WARNING|WARN|WRN|warning|warn|ERROR|ERR|error)\b)");
  const std::regex error_step(R"(^ (\S+): (.+) \(error (\d+)(, new service)?\)$)");
  std::set<int> layouts;
  std::set<std::string> services, top_errors;
  int three_errors = 0, two_failing = 0;
  Example ex;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 8, i, &ex);
    layouts.insert(ex.layout_id);
    std::vector<std::string> log;
    for (const std::string& line : split_lines(ex.prompt)) {
      if (std::regex_search(line, time) && std::regex_search(line, level)) log.push_back(line);
    }
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_EQ(work.size(), log.size()) << ex.prompt << "\n" << ex.work;
    std::vector<std::string> failing;
    std::map<std::string, int> messages;
    std::string first_error;
    int errors = 0, warnings = 0;
    for (size_t k = 0; k < log.size(); ++k) {
      std::smatch t, l;
      std::regex_search(log[k], t, time);
      std::regex_search(log[k], l, level);
      const std::string word = uppered(l[1]);
      const std::string canonical = word[0] == 'D'   ? "DEBUG"
                                    : word[0] == 'I' ? "INFO"
                                    : word[0] == 'W' ? "WARN"
                                                     : "ERROR";
      const size_t from = std::min(t.position(0), l.position(0));
      const size_t to = std::max(t.position(0) + t.length(0), l.position(0) + l.length(0));
      const std::string head =
          std::to_string(k + 1) + " " + log[k].substr(from, to - from) + " | " + canonical;
      ASSERT_EQ(work[k].substr(0, head.size()), head) << log[k];
      const std::string rest = work[k].substr(head.size());
      if (canonical == "WARN") {
        EXPECT_EQ(rest, " (warning " + std::to_string(++warnings) + ")");
      } else if (canonical != "ERROR") {
        EXPECT_EQ(rest, "");
      } else {
        std::smatch e;
        ASSERT_TRUE(std::regex_match(rest, e, error_step)) << work[k];
        const std::string service = e[1], msg = e[2];
        services.insert(service);
        EXPECT_NE(log[k].find(service), std::string::npos) << service << " in " << log[k];
        EXPECT_NE(log[k].find(msg), std::string::npos) << msg << " in " << log[k];
        EXPECT_EQ(e[3].str(), std::to_string(++errors));
        const bool is_new = std::find(failing.begin(), failing.end(), service) == failing.end();
        EXPECT_EQ(e[4].matched, is_new) << work[k];
        if (is_new) failing.push_back(service);
        ++messages[msg];
        if (first_error.empty()) first_error = t.str();
      }
    }
    const json r = json::parse(ex.response);
    EXPECT_EQ(r["total_lines"].get<size_t>(), log.size());
    EXPECT_EQ(r["error_count"].get<int>(), errors);
    EXPECT_EQ(r["warning_count"].get<int>(), warnings);
    EXPECT_EQ(r["services_with_errors"].get<std::vector<std::string>>(), failing);
    const std::string top = r["most_common_error"];
    for (const auto& [msg, count] : messages) {
      if (msg != top) EXPECT_GT(messages[top], count) << top << " vs " << msg;
    }
    const std::string at = r["first_error_at"];
    EXPECT_EQ(at.substr(at.size() - 8), first_error);
    EXPECT_NE(ex.prompt.find(at.substr(0, 4)), std::string::npos) << "the year is in the prompt";
    top_errors.insert(top);
    three_errors += errors >= 3;
    two_failing += failing.size() >= 2;
  }
  EXPECT_EQ(layouts.size(), 9u);
  // Invented services and errors besides the listed ones, and logs with an incident's errors:
  // 102 services, 61 top errors, 87 logs with three or more errors and 131 with two or more
  // failing services here before session 34 (236, 205, 185 and 166 after).
  EXPECT_GT(services.size(), 150u);
  EXPECT_GT(top_errors.size(), 130u);
  EXPECT_GT(three_errors, 150);
  EXPECT_GT(two_failing, 155);
}

// Reads a bank_reconciliation record against its prompt in any layout: entries are the lines
// that start with an id (L1, B1, GL-01, BK-01), their amount the line's last field ("-$1,234.50",
// "(1,234.50)", "-1234.50"); a ledger entry matches the first statement entry not yet taken with
// the same amount. The steps, running balances and answer are worked out here in cents.
TEST(BankReconciliation, TheWorkPairsEachLedgerEntryAndCarriesTheLedgersRunningBalance) {
  const SpecialistSpec& spec = *find_specialist("bank_reconciliation");
  const std::regex entry(R"(^\s*((L|B|GL-|BK-)\d+)[ ,].*?[ ,](\(?-?\$?[\d,]+\.\d\d\)?)$)");
  const std::regex first_amount(R"(\d{1,3}(?:,\d{3})*\.\d\d)");
  struct Row {
    std::string id, digits;  // digits as printed, sign, "$" and parentheses dropped
    int64_t cents;
  };
  std::set<int> layouts;
  int unmatched = 0, keyed_wrong = 0;
  Example ex;
  for (uint64_t i = 0; i < 300; ++i) {
    generate_specialist_example(spec, 9, i, &ex);
    layouts.insert(ex.layout_id);
    std::vector<Row> ledger, bank;
    for (const std::string& line : split_lines(ex.prompt)) {
      std::smatch m;
      if (!std::regex_match(line, m, entry)) continue;
      std::string amount = m[3];
      const bool negative = amount[0] == '-' || amount[0] == '(';
      std::string digits;
      for (char c : amount) {
        if (std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.') digits += c;
      }
      const int64_t cents = (negative ? -1 : 1) * cents_of(digits);
      (m[2].str()[0] == 'L' || m[2] == "GL-" ? ledger : bank).push_back({m[1], digits, cents});
    }
    ASSERT_GE(ledger.size(), 4u) << ex.prompt;
    std::smatch o;
    ASSERT_TRUE(std::regex_search(ex.prompt, o, first_amount));
    const std::string opening = o.str();
    std::vector<bool> taken(bank.size());
    std::string expected, previous = opening, taken_back;
    int64_t ledger_cents = cents_of(opening), bank_cents = ledger_cents;
    std::vector<std::string> missing_ledger, missing_bank;
    for (const Row& l : ledger) {
      std::string match;
      for (size_t k = 0; k < bank.size() && match.empty(); ++k) {
        if (!taken[k] && bank[k].cents == l.cents) {
          taken[k] = true;
          match = bank[k].id;
        }
      }
      const std::string sign = l.cents < 0 ? "-" : "";
      if (match.empty()) {
        missing_ledger.push_back(l.id);
        taken_back += (l.cents < 0 ? "+" : "-") + l.digits;
      }
      ledger_cents += l.cents;
      const std::string running = cents_text(ledger_cents);
      expected += l.id + " " + sign + l.digits +
                  (match.empty() ? " not on the statement" : " = " + match) + " <<round(" +
                  previous + (l.cents < 0 ? "-" : "+") + l.digits + ",2)=" + running + ">>\n";
      previous = running;
    }
    for (size_t k = 0; k < bank.size(); ++k) {
      bank_cents += bank[k].cents;
      if (taken[k]) continue;
      missing_bank.push_back(bank[k].id);
      taken_back += (bank[k].cents < 0 ? "-" : "+") + bank[k].digits;
      expected += bank[k].id + " " + (bank[k].cents < 0 ? "-" : "") + bank[k].digits +
                  " not in the ledger\n";
    }
    unmatched += static_cast<int>(missing_ledger.size());
    // An amount keyed wrong in the books: a ledger entry and a statement entry, both unmatched,
    // a multiple of 9.00 apart.
    for (const Row& l : ledger) {
      for (size_t k = 0; k < bank.size(); ++k) {
        const int64_t apart = std::llabs(bank[k].cents - l.cents);
        const bool both_unmatched =
            !taken[k] && std::count(missing_ledger.begin(), missing_ledger.end(), l.id) > 0;
        if (both_unmatched && apart % 900 == 0 && apart > 0 && apart <= 8100 &&
            (bank[k].cents < 0) == (l.cents < 0))
          ++keyed_wrong;
      }
    }
    const std::string ledger_text = cents_text(ledger_cents), bank_text = cents_text(bank_cents);
    expected += "ledger: " + ledger_text + "\nbank: <<round(" + ledger_text + taken_back +
                ",2)=" + bank_text + ">>\n";
    EXPECT_EQ(ex.work.substr(0, ex.work.find("difference: ")), expected) << ex.prompt;
    const json r = json::parse(ex.response);
    EXPECT_EQ(r["unmatched_ledger"].get<std::vector<std::string>>(), missing_ledger);
    EXPECT_EQ(r["unmatched_bank"].get<std::vector<std::string>>(), missing_bank);
    EXPECT_EQ(r["matched"].get<size_t>(), ledger.size() - missing_ledger.size());
    EXPECT_EQ(cents_of(r["ledger_balance"].dump()), ledger_cents);
    EXPECT_EQ(cents_of(r["bank_balance"].dump()), bank_cents);
    EXPECT_EQ(cents_of(r["difference"].dump()), bank_cents - ledger_cents);
  }
  EXPECT_EQ(layouts.size(), 3u);
  EXPECT_GT(unmatched, 50);
  EXPECT_GT(keyed_wrong, 5);
}

TEST(ExpenseCategorization, EachLineCarriesItsCategorysRunningSumAndTheTotalsAddUp) {
  const SpecialistSpec& spec = *find_specialist("expense_categorization");
  Example ex;
  std::set<std::string> merchants;  // first words
  for (uint64_t i = 0; i < 200; ++i) {
    generate_specialist_example(spec, 10, i, &ex);
    const json r = json::parse(ex.response);
    // The totals are the items' amounts summed per category (in cents, computed here).
    std::map<std::string, int64_t> sums;
    for (const json& item : r["items"])
      sums[item["category"].get<std::string>()] += std::llround(item["amount"].get<double>() * 100);
    int64_t all = 0;
    for (const auto& [category, cents] : sums) {
      EXPECT_EQ(std::llround(r["totals"][category].get<double>() * 100), cents) << category;
      all += cents;
    }
    EXPECT_EQ(r["totals"].size(), sums.size());
    EXPECT_EQ(std::llround(r["total"].get<double>() * 100), all);
    // Work: one line per item, "MERCHANT: category <<round(previous+amount,2)=sum>>" where
    // previous is the category's sum on its latest line above (0 at first).
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_GT(work.size(), r["items"].size());
    std::map<std::string, std::string> last;
    for (size_t k = 0; k < r["items"].size(); ++k) {
      const json& item = r["items"][k];
      const std::string category = item["category"];
      const std::string merchant = item["merchant"];
      EXPECT_NE(ex.prompt.find(merchant), std::string::npos) << merchant << "\n" << ex.prompt;
      EXPECT_EQ(work[k].rfind(merchant + ": " + category + " ", 0), 0u) << work[k];
      merchants.insert(merchant.substr(0, merchant.find(' ')));
      const size_t open = work[k].find("<<round(");
      ASSERT_NE(open, std::string::npos) << work[k];
      // The amount as the document prints it ("1,204.50" or "1204.50").
      const size_t plus = work[k].find('+', open);
      const std::string amount = work[k].substr(plus + 1, work[k].find(",2)", plus) - plus - 1);
      EXPECT_NE(ex.prompt.find(amount), std::string::npos) << amount << "\n" << ex.prompt;
      EXPECT_EQ(work[k].substr(open - category.size() - 1, category.size() + 1), category + " ");
      const std::string previous = last.count(category) ? last[category] : "0";
      EXPECT_EQ(work[k].substr(open + 8, previous.size() + 1), previous + "+") << work[k];
      const size_t eq = work[k].rfind('=');
      EXPECT_EQ(calculate(work[k].substr(open + 2, eq - open - 2)),
                work[k].substr(eq + 1, work[k].size() - eq - 3));
      last[category] = work[k].substr(eq + 1, work[k].size() - eq - 3);
    }
    for (const auto& [category, sum] : last)
      EXPECT_EQ(std::llround(std::stod(sum) * 100), sums[category]) << category;
  }
  // About sixty listed merchants and the invented ones (two in five charges since session 33).
  EXPECT_GT(merchants.size(), 200u);
}

// Reads an email_triage prompt on its own: the steps copy the sender's address, the sent date as
// the header prints it (read here, in any case), and the deadline's words as the body writes them
// with the date this test works out: a weekday is the next one after the sent date, "today" the
// sent date, a written date itself. A deadline within two days makes the email high priority.
TEST(EmailTriage, TheStepsCopySenderSentDateAndDeadlineAsWritten) {
  const SpecialistSpec& spec = *find_specialist("email_triage");
  static const std::vector<std::string> kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                     "friday"};
  Example ex;
  std::set<int> layouts;
  std::set<std::string> categories;
  int weekdays = 0, written = 0, today = 0;
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 14, i, &ex);
    layouts.insert(ex.layout_id);
    const json r = json::parse(ex.response);
    categories.insert(r["category"].get<std::string>());
    const std::vector<std::string> work = split_lines(ex.work);
    ASSERT_EQ(work.size(), 3u) << ex.work;
    EXPECT_EQ(work[0], "sender: " + r["sender"].get<std::string>());
    EXPECT_NE(ex.prompt.find(r["sender"].get<std::string>()), std::string::npos);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(work[1], m, std::regex(R"(sent (.+): (\d{4}-\d\d-\d\d))")));
    const std::string sent_text = m[1], sent = m[2];
    EXPECT_NE(ex.prompt.find(sent_text), std::string::npos) << sent_text;
    auto titled = [](std::string t) {  // "wed, 18 dec 2019" -> "Wed, 18 Dec 2019"
      for (size_t k = 0; k < t.size(); ++k)
        if (k == 0 || t[k - 1] == ' ' || t[k - 1] == '-')
          t[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[k])));
      return t;
    };
    EXPECT_EQ(read_written_date(titled(sent_text)), sent) << sent_text;
    if (work[2] == "no deadline") {
      EXPECT_TRUE(r["deadline"].is_null());
      continue;
    }
    ASSERT_TRUE(std::regex_match(work[2], m, std::regex(R"(deadline (.+): (.+))"))) << work[2];
    const std::string words = m[1], value = m[2];
    EXPECT_NE(ex.prompt.find(words), std::string::npos) << words << "\n" << ex.prompt;
    const std::string said = lowered(words);
    std::string date;
    const auto day = std::find_if(kWeekdays.begin(), kWeekdays.end(),
                                  [&](const std::string& d) { return said == "by " + d; });
    if (day != kWeekdays.end()) {
      const int64_t from = civil_days(std::stoi(sent.substr(0, 4)), std::stoi(sent.substr(5, 2)),
                                      std::stoi(sent.substr(8, 2)));
      int64_t d = from + 1;
      while (weekday_of(d) != day - kWeekdays.begin()) ++d;
      date = iso_of_days(d);
      std::string name = *day;
      name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
      EXPECT_EQ(value, "<<next_weekday(" + sent + ", " + name + ")=" + date + ">>");
      ++weekdays;
    } else if (said.find("today") != std::string::npos) {
      date = sent;
      EXPECT_EQ(value, sent);
      ++today;
    } else {
      ASSERT_TRUE(std::regex_match(said, m, std::regex("(?:by|no later than|before) (.+)")));
      date = read_written_date(titled(m[1]));
      EXPECT_EQ(value, date) << words;
      ++written;
    }
    EXPECT_EQ(r["deadline"], date) << ex.prompt;
    if (civil_days(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)),
                   std::stoi(date.substr(8, 2))) -
            civil_days(std::stoi(sent.substr(0, 4)), std::stoi(sent.substr(5, 2)),
                       std::stoi(sent.substr(8, 2))) <=
        2)
      EXPECT_EQ(r["priority"], "high") << ex.prompt;
  }
  EXPECT_EQ(layouts.size(), 5u);
  EXPECT_EQ(categories.size(), 7u);
  EXPECT_GT(weekdays, 40);
  EXPECT_GT(written, 40);
  EXPECT_GT(today, 40);
}

// Reads a purchase_order_matching prompt on its own: each section's lines in any of its six
// styles (the section is the last heading's: an order's or an invoice's), then the invoice's lines
// listed as printed, each PO line compared with the invoice's line for its SKU, the invoice's extra
// lines, and both totals summed here from the lines (a CSV section's sum is a step of its own).
TEST(PurchaseOrderMatching, TheInvoicesLinesAreListedAndTheCalculatorComparesEachLine) {
  const SpecialistSpec& spec = *find_specialist("purchase_order_matching");
  const std::vector<std::regex> po_rows = {
      std::regex(R"(^  (\S+)\s+.*?\s(\d+)\s+@ ([\d.]+)$)"),          // fixed columns
      std::regex(R"(^- ([^,]+), .*, qty (\d+), \$([\d.]+) each$)"),  // dash list
      std::regex(R"(^\| (\S+) \| .* \| (\d+) \| ([\d.]+) \|$)"),     // Markdown
      std::regex(R"(^[^,]+,\d+,([^,]+),[^,]+,(\d+),([\d.]+)$)"),     // the PO's CSV
      std::regex(R"(^\d+\s+(\S+)\s+.*?\s(\d+)\s+EA\s+([\d.]+)$)"),   // ERP items
      std::regex(R"(^(\S+)\s+.*?\s(\d+) @ ([\d.]+)$)")};             // "25 @ 18.00"
  const std::vector<std::regex> invoice_rows = {
      po_rows[0],
      po_rows[1],
      po_rows[2],
      po_rows[4],
      std::regex(R"(^[^,]+,[^,]+,([^,]+),(\d+),([\d.]+)$)"),    // the invoice's CSV
      std::regex(R"(^- (\S+)\s+.*?\sx (\d+)\s+\$([\d.]+)$)")};  // "x 25   $18.00"
  const std::regex po_heading(R"(^(PO |PURCHASE ORDER|\*\*Order|Our purchase order))");
  const std::regex invoice_heading(R"(invoice|INVOICE|Invoice| bill )");
  struct Line {
    std::string sku, qty, price;
  };
  Example ex;
  std::set<std::string> issues_seen;
  std::set<int> layouts;
  int reordered = 0, numbers_without_po = 0, fixed_instruction = 0, differing = 0, compared = 0;
  const std::vector<std::string> kFixed = {"match the invoice against the purchase order",
                                           "two-way match check (po vs invoice)",
                                           "check the invoice against the po"};
  for (uint64_t i = 0; i < 400; ++i) {
    generate_specialist_example(spec, 12, i, &ex);
    layouts.insert(ex.layout_id);
    std::vector<Line> po, inv;
    bool in_po = false;
    for (const std::string& line : split_lines(ex.prompt)) {
      if (std::regex_search(line, po_heading))
        in_po = true;
      else if (std::regex_search(line, invoice_heading))
        in_po = false;
      std::smatch m;
      for (const std::regex& row : in_po ? po_rows : invoice_rows)
        if (std::regex_match(line, m, row)) {
          (in_po ? po : inv).push_back({m[1], m[2], m[3]});
          break;
        }
    }
    // The invoice's lines first, in its order, then the comparisons.
    std::string expected;
    for (const Line& l : inv) expected += "invoice " + l.sku + " " + l.qty + " " + l.price + "\n";
    json issues = json::array();
    for (const Line& o : po) {
      auto it = std::find_if(inv.begin(), inv.end(), [&](const Line& l) { return l.sku == o.sku; });
      std::string issue;
      if (it == inv.end()) {
        issue = "missing_on_invoice";
        expected += o.sku + ": - missing_on_invoice\n";
      } else {
        const bool same_qty = std::stoll(o.qty) == std::stoll(it->qty);
        const bool same_price =
            std::llround(std::stod(o.price) * 100) == std::llround(std::stod(it->price) * 100);
        issue = !same_qty ? "quantity_mismatch" : !same_price ? "price_mismatch" : "";
        differing += !same_qty + !same_price;
        compared += 2;
        expected += o.sku + ": qty <<same(" + o.qty + "," + it->qty +
                    ")=" + (same_qty ? "yes" : "no") + ">> price <<same(" + o.price + "," +
                    it->price + ")=" + (same_price ? "yes" : "no") + ">> " +
                    (issue.empty() ? "ok" : issue) + "\n";
      }
      if (!issue.empty()) issues.push_back({{"sku", o.sku}, {"issue", issue}});
    }
    for (const Line& l : inv) {
      if (std::none_of(po.begin(), po.end(), [&](const Line& o) { return o.sku == l.sku; })) {
        expected += l.sku + ": - not_on_po\n";
        issues.push_back({{"sku", l.sku}, {"issue", "not_on_po"}});
      }
    }
    // Both totals summed from the lines read here; a section printed without one (a CSV export)
    // has its sum as a step: "po total: <<round(40*6.79+2*389.00,2)=1253.10>>".
    const json r = json::parse(ex.response);
    auto cents = [](const std::vector<Line>& lines) {
      int64_t t = 0;
      for (const Line& l : lines) t += std::stoll(l.qty) * std::llround(std::stod(l.price) * 100);
      return t;
    };
    EXPECT_EQ(std::llround(r["po_total"].get<double>() * 100), cents(po)) << ex.prompt;
    EXPECT_EQ(std::llround(r["invoice_total"].get<double>() * 100), cents(inv)) << ex.prompt;
    std::string compared = ex.work + "\n";
    for (const auto& [label, lines] : {std::pair{"po", &po}, std::pair{"invoice", &inv}}) {
      const size_t at = compared.find(std::string(label) + " total: <<round(");
      if (at == std::string::npos) continue;
      std::string sum;
      for (const Line& l : *lines) sum += (sum.empty() ? "" : "+") + l.qty + "*" + l.price;
      const std::string step = std::string(label) + " total: <<round(" + sum +
                               ",2)=" + cents_text(cents(*lines)) + ">>\n";
      EXPECT_EQ(compared.substr(at, step.size()), step);
      compared.erase(at, step.size());
    }
    EXPECT_EQ(compared, expected) << ex.prompt;
    EXPECT_EQ(r["discrepancies"], issues) << ex.response;
    EXPECT_EQ(r["status"], issues.empty() ? "match" : "mismatch");
    // The order's number stands in the prompt as written, and not every one begins with "PO".
    const std::string po_number = r["po_number"].get<std::string>();
    EXPECT_NE(ex.prompt.find(po_number), std::string::npos) << po_number;
    numbers_without_po += po_number.rfind("PO", 0) != 0;
    for (const json& x : issues) issues_seen.insert(x["issue"].get<std::string>());
    std::vector<std::string> po_skus, inv_skus;
    for (const Line& l : po) po_skus.push_back(l.sku);
    for (const Line& l : inv)
      if (std::find(po_skus.begin(), po_skus.end(), l.sku) != po_skus.end())
        inv_skus.push_back(l.sku);
    reordered +=
        !std::is_sorted(inv_skus.begin(), inv_skus.end(), [&](const auto& a, const auto& b) {
          return std::find(po_skus.begin(), po_skus.end(), a) <
                 std::find(po_skus.begin(), po_skus.end(), b);
        });
    const std::string lower = lowered(ex.prompt);
    fixed_instruction += std::any_of(kFixed.begin(), kFixed.end(), [&](const std::string& x) {
      return lower.find(x) != std::string::npos;
    });
  }
  EXPECT_EQ(issues_seen.size(), 4u);
  EXPECT_GT(numbers_without_po, 160);  // about half (none before session 33)
  // Requests phrased from parts on about half (400 of 400 held a fixed instruction before
  // session 34, 201 after), and a fair share of comparisons differing (8.1% before, 19.6% after).
  EXPECT_LT(fixed_instruction, 260);
  EXPECT_GT(differing * 100, compared * 14) << differing << " of " << compared;
  EXPECT_EQ(layouts.size(), 6u);
  EXPECT_GT(reordered, 40);  // the invoice lists its lines in another order
}

// With a line's discrepancy rate up to 80%, every order line can go missing: the invoice must
// still have a line (an empty CSV invoice made the calculator step `round(,2)` and aborted
// `anvil datagen` at record 1,016 of seed 42).
TEST(PurchaseOrderMatching, EveryInvoiceHasALine) {
  const SpecialistSpec& spec = *find_specialist("purchase_order_matching");
  Example ex;
  for (uint64_t i = 0; i < 3000; ++i) {
    ASSERT_NO_THROW(generate_specialist_example(spec, 42, i, &ex)) << "record " << i;
    EXPECT_GT(json::parse(ex.response)["invoice_total"].get<double>(), 0) << ex.prompt;
  }
}

TEST(ValidatorNormalization, CaseSpacesNumbersAndSetOrderDoNotMatter) {
  const SpecialistSpec& spec = *find_specialist("entity_extraction");
  const std::string expected =
      R"({"people":["Mary Smith","John Lee"],"organizations":["Apex Inc."],"locations":["Denver"],"dates":["2024-03-07"],"amounts":[1500.5]})";
  const std::string output =
      R"(Answer: {"people":["john  lee","MARY SMITH"],"organizations":["apex inc"],"locations":["denver"],"dates":["2024-03-07"],"amounts":["$1,500.50"]})";
  const ValidationResult r = score_output(spec, expected, output);
  EXPECT_TRUE(r.parsed);
  // Amounts as strings are not numbers inside a set: everything else matches.
  EXPECT_NEAR(r.score, 0.8, 1e-9);
  const ValidationResult half = score_output(
      spec, expected,
      R"({"people":["Mary Smith"],"organizations":["Apex Inc."],"locations":["Denver"],"dates":["2024-03-07"],"amounts":[1500.5]})");
  EXPECT_NEAR(half.fields[0].score, 2.0 / 3.0, 1e-9);  // F1 of 1 of 2
}

TEST(ValidatorNormalization, AnAnswerWithoutOneSpecialistsFieldsNamesNone) {
  EXPECT_EQ(specialist_of_answer("no JSON here"), nullptr);
  EXPECT_EQ(specialist_of_answer("{\"is_spam\": true}"), nullptr);  // signals missing
  EXPECT_EQ(specialist_of_answer("{\"is_spam\": true, \"signals\": [], \"x\": 1}"), nullptr);
  EXPECT_EQ(specialist_of_answer("{\"is_spam\": true, \"signals\": [}"), nullptr);
  EXPECT_EQ(specialist_of_answer("{\"signals\": [], \"is_spam\": false}"),
            find_specialist("spam_detection"));
}

TEST(ValidatorNormalization, ExtractsTheFirstBalancedObject) {
  EXPECT_EQ(extract_json_object(R"(x {"a":"}{","b":{"c":1}} y {"d":2})"),
            R"({"a":"}{","b":{"c":1}})");
  EXPECT_EQ(extract_json_object("no json here"), "");
}

}  // namespace
}  // namespace anvil::datagen
