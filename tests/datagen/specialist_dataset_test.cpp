// Tests for specialist dataset files: thread-count-independent determinism, both record forms,
// the --validate report (and its errors naming file:line), and the record parser.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/record.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_check.h"
#include "anvil/datagen/specialist_generator.h"

namespace anvil::datagen {
namespace {

namespace fs = std::filesystem;

class SpecialistDatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("anvil_specialist_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  std::string generate(const std::string& name, int64_t n, uint64_t seed, int threads,
                       RecordFormat format = RecordFormat::kText,
                       const std::string& specialists = "all") {
    SpecialistDatagenOptions o;
    o.n = n;
    o.seed = seed;
    o.threads = threads;
    o.format = format;
    o.specialists = specialists;
    o.output = path(name);
    const auto report = generate_specialist_dataset(o);
    EXPECT_EQ(report.written, n);
    return read_file(o.output);
  }
  fs::path dir_;
};

TEST_F(SpecialistDatasetTest, SameSeedIsByteIdenticalForAnyThreadCount) {
  const std::string one = generate("a.jsonl", 5000, 42, 1);
  const std::string three = generate("b.jsonl", 5000, 42, 3);
  EXPECT_EQ(one, three);
  EXPECT_NE(one, generate("c.jsonl", 5000, 43, 2));
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 5000);
}

TEST_F(SpecialistDatasetTest, TextRecordsHaveTheDocumentedKeysAndTrainingString) {
  const std::string text = generate("t.jsonl", 66, 5, 1);
  size_t pos = 0;
  int seen = 0;
  while (pos < text.size()) {
    const size_t eol = text.find('\n', pos);
    const auto j = nlohmann::ordered_json::parse(text.substr(pos, eol - pos));
    pos = eol + 1;
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    // "work" (calculator steps before the answer) only for the specialists that compute.
    const bool work = j.contains("work");
    std::vector<std::string> want = {"specialist", "prompt", "response", "text", "meta"};
    if (work) want.insert(want.begin() + 3, "work");
    ASSERT_EQ(keys, want);
    // The answer is the first JSON object of what the model writes: no brace before it.
    if (work) EXPECT_EQ(j["work"].get<std::string>().find('{'), std::string::npos);
    const std::string conf = j["meta"]["confidence"].dump();
    EXPECT_EQ(j["text"].get<std::string>(),
              j["prompt"].get<std::string>() +
                  "\n\nAssistant: " + (work ? j["work"].get<std::string>() + "\n" : "") +
                  j["response"].get<std::string>() + "\n[confidence: " +
                  format_confidence(j["meta"]["confidence"].get<double>()) + "]");
    EXPECT_EQ(j["specialist"],
              specialist_table()[static_cast<size_t>(seen) % specialist_table().size()].name);
    ++seen;
  }
  EXPECT_EQ(seen, 66);
}

TEST_F(SpecialistDatasetTest, AWeightedSpecialistGetsItsShareAndRecordsStayTheSameForTheirIndex) {
  const std::string text =
      generate("w.jsonl", 400, 8, 2, RecordFormat::kText, "spam_detection,copy_repeat*3");
  const std::vector<std::string> cycle = {"spam_detection", "copy_repeat", "copy_repeat",
                                          "copy_repeat"};
  size_t pos = 0;
  int64_t i = 0, repeats = 0;
  Example ex;
  while (pos < text.size()) {
    const size_t eol = text.find('\n', pos);
    const auto j = nlohmann::json::parse(text.substr(pos, eol - pos));
    pos = eol + 1;
    const std::string name = j["specialist"];
    ASSERT_EQ(name, cycle[static_cast<size_t>(i) % cycle.size()]) << "record " << i;
    repeats += name == "copy_repeat";
    // Record i is what its specialist makes for (seed, i), whatever the mix around it.
    generate_specialist_example(*find_specialist(name), 8, static_cast<uint64_t>(i), &ex);
    EXPECT_EQ(j["prompt"], ex.prompt);
    ++i;
  }
  EXPECT_EQ(i, 400);
  EXPECT_EQ(repeats, 300);
  // Weight 1 is no weight: the cycle is the list itself.
  EXPECT_EQ(generate("u1.jsonl", 50, 8, 1, RecordFormat::kText, "spam_detection,copy_repeat"),
            generate("u2.jsonl", 50, 8, 1, RecordFormat::kText, "spam_detection,copy_repeat*1"));
}

TEST_F(SpecialistDatasetTest, MessagesFormRoundTripsIncludingHistory) {
  generate("m.jsonl", 40, 9, 2, RecordFormat::kMessages, "context_protocol,json_repair");
  SpecialistCheckOptions o;
  o.path = path("m.jsonl");
  const SpecialistCheckReport r = check_specialist_dataset(o);
  EXPECT_TRUE(r.ok()) << r.format();
  ASSERT_EQ(r.per_specialist.size(), 2u);
  const std::string first_line = read_file(o.path).substr(0, read_file(o.path).find('\n'));
  const SpecialistRecord rec = parse_specialist_record(first_line, "m.jsonl", 1);
  EXPECT_EQ(rec.format, RecordFormat::kMessages);
  EXPECT_EQ(rec.specialist, "context_protocol");
  EXPECT_GE(rec.history.size(), 2u);
}

// Calculator steps ("work") come before the answer in both forms; the messages form splits them
// off again, and --validate flags a step whose result is not the calculator's.
TEST_F(SpecialistDatasetTest, WorkedStepsRoundTripAndAWrongResultIsFlagged) {
  generate("c.jsonl", 20, 4, 1, RecordFormat::kMessages, "unit_conversion");
  const std::string first =
      read_file(path("c.jsonl")).substr(0, read_file(path("c.jsonl")).find('\n'));
  const SpecialistRecord m = parse_specialist_record(first, "c.jsonl", 1);
  EXPECT_NE(m.work.find("\n<<round("), std::string::npos) << m.work;  // after the quantity copied
  EXPECT_EQ(m.response.front(), '{');
  const std::string text = generate("w.jsonl", 20, 4, 1, RecordFormat::kText, "unit_conversion");
  SpecialistCheckOptions o;
  o.path = path("w.jsonl");
  EXPECT_TRUE(check_specialist_dataset(o).ok());
  // Change the first record's result in its work and text alike: only the calculator can tell.
  const std::string line = text.substr(0, text.find('\n'));
  const SpecialistRecord r = parse_specialist_record(line, "w.jsonl", 1);
  const size_t eq = r.work.find('=');
  const std::string result = r.work.substr(eq + 1, r.work.find(">>") - eq - 1);
  std::string bad = line;
  for (size_t at = bad.find("=" + result + ">>"); at != std::string::npos;
       at = bad.find("=" + result + ">>", at + 1))
    bad.replace(at + 1, result.size(), "1" + result);
  write_file_atomic(path("w.jsonl"), bad + "\n" + text.substr(text.find('\n') + 1));
  const SpecialistCheckReport report = check_specialist_dataset(o);
  EXPECT_FALSE(report.ok());
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("w.jsonl:1: unit_conversion: work step <<"), std::string::npos)
      << report.problems[0];
  EXPECT_NE(report.problems[0].find("should give " + result + ">>"), std::string::npos)
      << report.problems[0];
}

TEST_F(SpecialistDatasetTest, ValidateReportsEverySpecialistAndPlotsLengths) {
  const int n = static_cast<int>(specialist_table().size()) * 30;
  generate("v.jsonl", n, 3, 2);
  SpecialistCheckOptions o;
  o.path = path("v.jsonl");
  o.plot_path = path("lengths.png");
  const SpecialistCheckReport r = check_specialist_dataset(o);
  EXPECT_TRUE(r.ok()) << r.format();
  EXPECT_EQ(r.records, n);
  EXPECT_EQ(r.per_specialist.size(), specialist_table().size());
  for (const SpecialistQuality& q : r.per_specialist) {
    EXPECT_EQ(q.records, 30) << q.specialist;
    EXPECT_GT(q.length.min, 20) << q.specialist;
    EXPECT_LE(q.length.p50, q.length.p90);
  }
  const std::string table = r.format();
  EXPECT_NE(table.find("invoice_processing"), std::string::npos);
  EXPECT_NE(table.find("date_of_birth"), std::string::npos) << "document_extraction has nulls";
  EXPECT_EQ(read_file(o.plot_path).substr(0, 4), "\x89PNG");
}

TEST_F(SpecialistDatasetTest, ValidateCountsBrokenResponsesAndNamesTheLine) {
  std::string text = generate("bad.jsonl", 3, 1, 1);
  // Line 2: drop the response's first field.
  const size_t l2 = text.find('\n') + 1;
  const size_t resp = text.find("\"response\":\"{", l2) + 13;
  const size_t comma = text.find(',', resp);
  text.erase(resp, comma - resp + 1);
  write_file_atomic(path("bad.jsonl"), text);
  SpecialistCheckOptions o;
  o.path = path("bad.jsonl");
  const SpecialistCheckReport r = check_specialist_dataset(o);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.valid, 2);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].find("bad.jsonl:2:"), std::string::npos) << r.problems[0];
}

TEST_F(SpecialistDatasetTest, MalformedLinesThrowNamingFileAndLine) {
  const std::string good = generate("g.jsonl", 1, 1, 1);
  struct Case {
    std::string line;
    std::string expected;
  } cases[] = {
      {"{not json", "invalid JSON"},
      {R"({"specialist":"invoice_processing","prompt":"p","text":"t","meta":{}})",
       "missing key 'response'"},
      {R"({"specialist":"nope","prompt":"p","response":"{}","text":"t","meta":{}})",
       "unknown specialist 'nope'"},
      {R"({"specialist":"json_repair","prompt":"p","response":"{}","text":"t"})",
       "missing key 'meta'"},
      {R"({"specialist":"json_repair","messages":[{"role":"assistant","content":"x"},{"role":"user","content":"y"}],"meta":{}})",
       "expected 'user'"},
  };
  for (const Case& c : cases) {
    write_file_atomic(path("x.jsonl"), good + "\n" + c.line + "\n");
    SpecialistCheckOptions o;
    o.path = path("x.jsonl");
    try {
      check_specialist_dataset(o);
      FAIL() << "no error for " << c.line;
    } catch (const Error& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("x.jsonl:3:"), std::string::npos) << what;
      EXPECT_NE(what.find(c.expected), std::string::npos) << what;
    }
  }
}

TEST_F(SpecialistDatasetTest, OptionsRejectBadValues) {
  SpecialistDatagenOptions o;
  o.output = path("x.jsonl");
  o.n = -1;
  EXPECT_THROW(o.validate(), Error);
  o.n = 1;
  o.specialists = "nope";
  EXPECT_THROW(o.validate(), Error);
  EXPECT_THROW(parse_record_format("xml"), Error);
}

}  // namespace
}  // namespace anvil::datagen

namespace anvil::datagen {
namespace {

// append_json_string skips 8 clean bytes at a time; every position of every special character
// (and UTF-8) must still round-trip through a real JSON parser.
TEST(JsonEscaping, RoundTripsEverySpecialCharacterAtEveryOffset) {
  const std::string specials[] = {"\"",
                                  "\\",
                                  "\n",
                                  "\t",
                                  "\r",
                                  "\b",
                                  "\f",
                                  std::string(1, '\x01'),
                                  std::string(1, '\x1f'),
                                  "\xC3\xA9",
                                  "\xE2\x82\xAC"};
  for (const std::string& sp : specials) {
    for (size_t pos = 0; pos < 20; ++pos) {
      const std::string s = std::string(pos, 'a') + sp + std::string(19 - pos, 'b');
      std::string json;
      append_json_string(s, &json);
      EXPECT_EQ(nlohmann::json::parse(json).get<std::string>(), s) << json;
    }
  }
}

}  // namespace
}  // namespace anvil::datagen
