// Tests for curation: exact and near duplicates removed with the line they duplicate, length
// filters, balancing, the JSON report, and errors naming file:line.
#include "anvil/datagen/curate.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"

namespace anvil::datagen {
namespace {

namespace fs = std::filesystem;

class CurateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("anvil_curate_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    SpecialistDatagenOptions o;
    o.n = 132;
    o.seed = 21;
    o.output = path("in.jsonl");
    generate_specialist_dataset(o);
    lines_.clear();
    const std::string text = read_file(o.output);
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t eol = text.find('\n', pos);
      lines_.push_back(text.substr(pos, eol - pos));
      pos = eol + 1;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  void write_input(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    write_file_atomic(path("in.jsonl"), text);
  }
  CurateOptions options() const {
    CurateOptions o;
    o.input = path("in.jsonl");
    o.output = path("out.jsonl");
    return o;
  }
  fs::path dir_;
  std::vector<std::string> lines_;
};

// The record with `suffix` appended to its prompt (and to the prompt part of its text).
std::string edit_record(const std::string& line, const std::string& suffix) {
  auto j = nlohmann::ordered_json::parse(line);
  const std::string prompt = j["prompt"];
  std::string text = j["text"];
  text.insert(prompt.size(), suffix);
  j["prompt"] = prompt + suffix;
  j["text"] = text;
  return j.dump();
}

TEST_F(CurateTest, RemovesExactAndNearDuplicatesAndSaysOfWhich) {
  std::vector<std::string> lines = lines_;
  lines.push_back(lines_[4]);                           // line 133: exact copy of 5
  lines.push_back(edit_record(lines_[0], " Thanks!"));  // line 134: near copy of 1
  write_input(lines);
  const CurateReport r = curate_dataset(options());
  EXPECT_EQ(r.read, 134);
  EXPECT_EQ(r.removed_count("exact_duplicate"), 1);
  EXPECT_EQ(r.removed_count("near_duplicate"), 1);
  EXPECT_EQ(r.kept, 132);
  bool saw_exact = false, saw_near = false;
  for (const RemovedRecord& x : r.removed_records) {
    if (x.reason == "exact_duplicate") {
      EXPECT_EQ(x.line, 133u);
      EXPECT_EQ(x.duplicate_of, 5u);
      saw_exact = true;
    }
    if (x.reason == "near_duplicate") {
      EXPECT_EQ(x.line, 134u);
      EXPECT_EQ(x.duplicate_of, 1u);
      EXPECT_GE(x.similarity, 0.85);
      saw_near = true;
    }
  }
  EXPECT_TRUE(saw_exact && saw_near);
  // The output is the kept input lines, byte for byte; the report says the same as the result.
  std::string expected;
  for (const auto& l : lines_) expected += l + "\n";
  EXPECT_EQ(read_file(path("out.jsonl")), expected);
  const auto report = nlohmann::json::parse(read_file(path("out.jsonl.report.json")));
  EXPECT_EQ(report["kept"], 132);
  EXPECT_EQ(report["removed"].size(), 2u);
  EXPECT_EQ(report["removed_by_reason"]["near_duplicate"]["invoice_processing"], 1);
}

TEST_F(CurateTest, NearDuplicateRemovalCanBeTurnedOff) {
  std::vector<std::string> lines = lines_;
  lines.push_back(edit_record(lines_[0], " Thanks!"));
  write_input(lines);
  CurateOptions o = options();
  o.near_duplicate_threshold = 0;
  EXPECT_EQ(curate_dataset(o).kept, 133);
}

TEST_F(CurateTest, LengthFiltersAndBalancing) {
  write_input(lines_);
  CurateOptions o = options();
  o.min_chars = 300;
  o.max_chars = 1500;
  const CurateReport lengths = curate_dataset(o);
  EXPECT_GT(lengths.removed_count("too_short"), 0);
  EXPECT_GT(lengths.removed_count("too_long"), 0);
  EXPECT_EQ(lengths.kept + lengths.removed_count("too_short") + lengths.removed_count("too_long"),
            132);
  CurateOptions b = options();
  b.max_per_specialist = 2;
  const CurateReport balanced = curate_dataset(b);
  const int64_t kept = 2 * static_cast<int64_t>(specialist_table().size());  // each has >= 3
  EXPECT_EQ(balanced.kept, kept);
  for (const auto& [name, n] : balanced.kept_per_specialist) EXPECT_EQ(n, 2) << name;
  EXPECT_EQ(balanced.removed_count("balance"), 132 - kept);
}

TEST_F(CurateTest, MalformedInputNamesFileAndLine) {
  std::vector<std::string> lines = {lines_[0], lines_[1], "{\"specialist\":\"x\"}"};
  write_input(lines);
  try {
    curate_dataset(options());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("in.jsonl:3:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("missing key 'prompt'"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(path("out.jsonl")));
  CurateOptions same = options();
  same.output = same.input;
  EXPECT_THROW(same.validate(), Error);
}

TEST(MinHash, EstimatesJaccardSimilarity) {
  const MinHasher h(MinHashOptions{});
  const std::string a =
      "Please review the attached invoice from Harbor Analytics for the March consulting hours "
      "and confirm the amount before Friday so finance can schedule the payment run.";
  std::string b = a;
  b.replace(b.find("March"), 5, "April");
  EXPECT_DOUBLE_EQ(MinHasher::similarity(h.signature(a), h.signature(a)), 1.0);
  EXPECT_GT(MinHasher::similarity(h.signature(a), h.signature(b)), 0.7);
  EXPECT_LT(MinHasher::similarity(h.signature(a), h.signature("completely different words here "
                                                              "about cats and weather")),
            0.1);
  EXPECT_NE(hash_bytes("abc"), hash_bytes("abd"));
  EXPECT_EQ(hash_bytes("abc", 1), hash_bytes("abc", 1));
  MinHashOptions bad;
  bad.bands = 7;
  EXPECT_THROW(bad.validate(), Error);
}

}  // namespace
}  // namespace anvil::datagen
