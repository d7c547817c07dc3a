// Tests for dataset generation: determinism, the exact JSONL schema and key order, record
// verification, level filtering, and expansion of the annotated program library.
#include "anvil/datagen/generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/rng.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/isa.h"

namespace anvil::datagen {
namespace {

namespace fs = std::filesystem;

class GeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("anvil_datagen_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  DatagenOptions options(const std::string& name, int64_t n, uint64_t seed = 42) const {
    DatagenOptions o;
    o.n = n;
    o.seed = seed;
    o.output = (dir_ / name).string();
    o.lib_dirs = {std::string(ANVIL_SOURCE_DIR) + "/lib",
                  std::string(ANVIL_SOURCE_DIR) + "/examples"};
    return o;
  }

  static std::vector<nlohmann::ordered_json> read_lines(const std::string& path) {
    std::vector<nlohmann::ordered_json> lines;
    const std::string text = read_file(path);
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t eol = text.find('\n', pos);
      EXPECT_NE(eol, std::string::npos) << "last line lacks a newline";
      lines.push_back(nlohmann::ordered_json::parse(text.substr(pos, eol - pos)));
      pos = eol + 1;
    }
    return lines;
  }

  fs::path dir_;
};

TEST_F(GeneratorTest, SameSeedGivesByteIdenticalFiles) {
  const DatagenReport a = generate_dataset(options("a.jsonl", 2000, 7));
  generate_dataset(options("b.jsonl", 2000, 7));
  EXPECT_EQ(a.written, 2000);
  EXPECT_EQ(a.synthetic, 2000);
  EXPECT_EQ(read_file((dir_ / "a.jsonl").string()), read_file((dir_ / "b.jsonl").string()));
}

TEST_F(GeneratorTest, DifferentSeedGivesADifferentFile) {
  generate_dataset(options("a.jsonl", 500, 1));
  generate_dataset(options("b.jsonl", 500, 2));
  EXPECT_NE(read_file((dir_ / "a.jsonl").string()), read_file((dir_ / "b.jsonl").string()));
}

TEST_F(GeneratorTest, LinesParseWithTheExactKeyOrderAndConsistentFields) {
  const DatagenOptions o = options("d.jsonl", 3000);
  generate_dataset(o);
  const auto lines = read_lines(o.output);
  ASSERT_EQ(lines.size(), 3000u);
  const std::vector<std::string> keys = {"text",     "intent",  "level",     "operand_count",
                                         "operands", "program", "test_cases"};
  for (const auto& j : lines) {
    std::vector<std::string> got;
    for (auto it = j.begin(); it != j.end(); ++it) got.push_back(it.key());
    ASSERT_EQ(got, keys) << j.dump();
    const IntentSpec* spec = find_intent(j["intent"].get<std::string>());
    ASSERT_NE(spec, nullptr) << j.dump();
    EXPECT_EQ(j["level"].get<int>(), spec->level);
    EXPECT_EQ(j["operand_count"].get<int>(), spec->operand_count);
    ASSERT_EQ(j["operands"].size(), 4u);
    for (size_t i = static_cast<size_t>(spec->operand_count); i < 4; ++i) {
      EXPECT_EQ(j["operands"][i].get<int64_t>(), 0) << j.dump();
    }
    const auto& cases = j["test_cases"];
    ASSERT_GE(cases.size(), 2u);
    ASSERT_LE(cases.size(), 3u);
    std::vector<int64_t> own(j["operands"].begin(), j["operands"].begin() + spec->operand_count);
    EXPECT_EQ(cases[0]["inputs"].get<std::vector<int64_t>>(), own);
    // The stored program really prints the stored output.
    EXPECT_EQ(run(assemble(j["program"].get<std::string>())).output,
              cases[0]["output"].get<std::vector<int64_t>>());
    // Every operand appears in the text as decimal digits.
    const std::string text = j["text"].get<std::string>();
    for (int64_t v : own) EXPECT_NE(text.find(std::to_string(v)), std::string::npos) << text;
  }
}

TEST_F(GeneratorTest, IntentsAreSampledFromEveryLevelRoughlyUniformly) {
  const DatagenOptions o = options("u.jsonl", 20000);
  generate_dataset(o);
  std::map<std::string, int> counts;
  for (const auto& j : read_lines(o.output)) counts[j["intent"].get<std::string>()]++;
  EXPECT_EQ(counts.size(), intent_table().size());
  const double expected = 20000.0 / static_cast<double>(intent_table().size());
  for (const auto& [name, count] : counts) {
    EXPECT_GT(count, expected * 0.6) << name;
    EXPECT_LT(count, expected * 1.4) << name;
  }
}

TEST_F(GeneratorTest, LevelOptionRestrictsIntents) {
  DatagenOptions o = options("l.jsonl", 1000);
  o.level = 3;
  generate_dataset(o);
  for (const auto& j : read_lines(o.output)) EXPECT_EQ(j["level"].get<int>(), 3) << j.dump();
}

TEST_F(GeneratorTest, InvalidOptionsAreUsageErrors) {
  DatagenOptions o = options("x.jsonl", 10);
  o.level = 6;
  try {
    generate_dataset(o);
    FAIL() << "expected a usage error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_NE(std::string(e.what()).find("level"), std::string::npos);
  }
  o = options("", 10);
  o.output.clear();
  EXPECT_THROW(generate_dataset(o), Error);
  o = options("x.jsonl", -1);
  EXPECT_THROW(generate_dataset(o), Error);
}

TEST_F(GeneratorTest, ProgressIsReportedAndEndsAtTotal) {
  std::vector<std::pair<int64_t, int64_t>> calls;
  generate_dataset(options("p.jsonl", 9000),
                   [&calls](int64_t done, int64_t total) { calls.emplace_back(done, total); });
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(calls.back(), std::make_pair(int64_t{9000}, int64_t{9000}));
}

TEST_F(GeneratorTest, IncludeExamplesPutsLibraryRecordsFirstAndSkipsDuplicateIntents) {
  DatagenOptions o = options("e.jsonl", 400);
  o.include_examples = true;
  const DatagenReport report = generate_dataset(o);
  EXPECT_GT(report.from_examples, 0);
  EXPECT_EQ(report.from_examples + report.synthetic, 400);
  const auto lines = read_lines(o.output);
  std::map<std::string, int> first_part;
  bool saw_factorial_loop_prompt = false;
  for (int64_t i = 0; i < report.from_examples; ++i) {
    const auto& j = lines[static_cast<size_t>(i)];
    const std::string intent = j["intent"].get<std::string>();
    first_part[intent]++;
    if (j["text"].get<std::string>().rfind("what is the factorial of", 0) == 0) {
      saw_factorial_loop_prompt = true;  // examples/factorial_loop.nl must be skipped
    }
    const IntentSpec* spec = find_intent(intent);
    EXPECT_EQ(j["level"].get<int>(), spec ? spec->level : 0) << j.dump();
    EXPECT_EQ(run(assemble(j["program"].get<std::string>())).output,
              j["test_cases"][0]["output"].get<std::vector<int64_t>>());
  }
  EXPECT_FALSE(saw_factorial_loop_prompt);
  EXPECT_GT(first_part["factorial"], 0);
  EXPECT_GT(first_part["gcd"], 0);
  EXPECT_GT(first_part["triple"], 0);  // an intent only examples/ has, at level 0
  const auto& triple = *std::find_if(lines.begin(), lines.end(),
                                     [](const auto& j) { return j["intent"] == "triple"; });
  EXPECT_EQ(triple["level"].get<int>(), 0);
}

TEST_F(GeneratorTest, IncludeExamplesWithAMissingDirectoryIsAnError) {
  DatagenOptions o = options("m.jsonl", 10);
  o.include_examples = true;
  o.lib_dirs = {(dir_ / "no_such_dir").string()};
  EXPECT_THROW(generate_dataset(o), Error);
  EXPECT_FALSE(file_exists(o.output));
}

TEST(SyntheticRecord, IsVerifiedAgainstTheReference) {
  IntentSpec broken = *find_intent("add");
  broken.reference = [](const std::vector<int64_t>& o) {
    return std::vector<int64_t>{o[0] - o[1]};
  };
  Rng rng(3);
  Record record;
  try {
    for (int i = 0; i < 10; ++i) make_synthetic_record(broken, rng, &record);
    FAIL() << "expected a verification error";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("intent 'add' with operands ["), std::string::npos) << message;
    EXPECT_NE(message.find("reference says"), std::string::npos) << message;
  }
}

TEST(RecordJson, EscapesStringsAndKeepsKeyOrder) {
  Record r;
  r.text = "say \"hi\"\\\ttab\x01";
  r.intent = "x";
  r.level = 2;
  r.operand_count = 1;
  r.operands = {-5, 0, 0, 0};
  r.program = "mov r1, -5\nout r1\n";
  r.test_cases = {{{-5}, {-5}}};
  const std::string json = record_to_json(r);
  EXPECT_EQ(json,
            "{\"text\":\"say \\\"hi\\\"\\\\\\ttab\\u0001\",\"intent\":\"x\",\"level\":2,"
            "\"operand_count\":1,\"operands\":[-5,0,0,0],\"program\":\"mov r1, -5\\nout r1\\n\","
            "\"test_cases\":[{\"inputs\":[-5],\"output\":[-5]}]}");
  const auto parsed = nlohmann::json::parse(json);
  EXPECT_EQ(parsed["text"].get<std::string>(), r.text);
}

}  // namespace
}  // namespace anvil::datagen
