// The data cache plan: budgets ("auto", "50%", "2G"), glob expansion and its errors, and the
// map-or-stream decisions by priority then size.
#include "anvil/data/data_cache.h"

#include <gtest/gtest.h>

#include "anvil/core/error.h"
#include "support/run_cli.h"

namespace anvil::data {
namespace {

using anvil::testing::TempDir;
using anvil::testing::write_text;

TEST(DataCache, ParsesBudgets) {
  EXPECT_EQ(parse_cache_budget("auto"), 0u);
  EXPECT_EQ(parse_cache_budget("1024"), 1024u);
  EXPECT_EQ(parse_cache_budget("512M"), 512ull << 20);
  EXPECT_EQ(parse_cache_budget("2G"), 2ull << 30);
  EXPECT_EQ(parse_cache_budget("2 GiB"), 2ull << 30);
  EXPECT_EQ(parse_cache_budget("1.5k"), 1536u);
  const uint64_t half = parse_cache_budget("50%");
  EXPECT_GT(half, 0u);
  EXPECT_LE(half, available_memory_bytes());
  EXPECT_GT(default_cache_budget(), 0u);
  for (const char* bad : {"", "-1G", "12Q", "150%", "lots"}) {
    try {
      parse_cache_budget(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage);
      EXPECT_NE(std::string(e.what()).find("data.cache_budget"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(parse_stream_mode("always"), StreamMode::kAlways);
  EXPECT_THROW(parse_stream_mode("sometimes"), Error);
}

TEST(DataCache, ExpandsGlobsSortedAndCommaLists) {
  TempDir dir("cache");
  for (const char* n : {"b.jsonl", "a.jsonl", "c.jsonl", "notes.txt"}) write_text(dir / n, "{}\n");
  const auto files = expand_data_patterns({dir / "*.jsonl"});
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], dir / "a.jsonl");
  EXPECT_EQ(files[2], dir / "c.jsonl");
  const auto listed = expand_data_patterns({dir / "c.jsonl" + "," + dir / "*.jsonl"});
  ASSERT_EQ(listed.size(), 3u);  // c first, then the rest of the glob without duplicates
  EXPECT_EQ(listed[0], dir / "c.jsonl");
  EXPECT_EQ(listed[1], dir / "a.jsonl");
}

TEST(DataCache, PatternMatchingNothingIsNamed) {
  TempDir dir("cache");
  for (const std::string& item : {dir / "*.parquet", dir / "missing.jsonl"}) {
    try {
      expand_data_patterns({item});
      ADD_FAILURE() << item;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage);
      EXPECT_NE(std::string(e.what()).find(item), std::string::npos) << e.what();
    }
  }
}

TEST(DataCache, BudgetSmallerThanTheDataStreamsSomeFiles) {
  DataCacheOptions o;
  o.budget_bytes = 1000;
  const auto plan = plan_data_cache({"a", "b", "c", "d"}, {600, 300, 500, 100}, 0, o);
  // Smallest first: d (100) and b (300) fit, then c (500) does not (600 left? 1000-400 = 600:
  // it does), then a (600) does not.
  EXPECT_EQ(plan.files[3].mode, AccessMode::kMap);
  EXPECT_EQ(plan.files[1].mode, AccessMode::kMap);
  EXPECT_EQ(plan.files[2].mode, AccessMode::kMap);
  EXPECT_EQ(plan.files[0].mode, AccessMode::kStream);
  EXPECT_EQ(plan.mapped_bytes, 900u);
  EXPECT_EQ(plan.streamed_bytes, 600u);
  EXPECT_EQ(plan.mapped_files(), 3u);
  EXPECT_EQ(plan.streamed_files(), 1u);
  // Overhead (indexes, block cache) comes off the budget first.
  EXPECT_EQ(plan_data_cache({"a"}, {600}, 500, o).files[0].mode, AccessMode::kStream);
}

TEST(DataCache, PriorityComesBeforeSize) {
  DataCacheOptions o;
  o.budget_bytes = 1000;
  o.priorities = {{"*/hot/*", 10}};
  const auto plan = plan_data_cache({"d/cold/a", "d/hot/b", "d/cold/c"}, {300, 900, 200}, 0, o);
  EXPECT_EQ(plan.files[1].priority, 10);
  EXPECT_EQ(plan.files[1].mode, AccessMode::kMap);  // first despite being the largest
  EXPECT_EQ(plan.files[2].mode, AccessMode::kStream);
  EXPECT_EQ(plan.files[0].mode, AccessMode::kStream);
}

TEST(DataCache, ParsesPriorityRules) {
  const auto rules = parse_cache_priorities({"hot/*.jsonl=10", "a=b=-2"});
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].pattern, "hot/*.jsonl");
  EXPECT_EQ(rules[0].priority, 10);
  EXPECT_EQ(rules[1].pattern, "a=b");  // the last '=' splits
  EXPECT_EQ(rules[1].priority, -2);
  for (const char* bad : {"hot", "=3", "x=", "x=1.5", "x=ten"}) {
    try {
      parse_cache_priorities({bad});
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("data.cache_priority item '" + std::string(bad)),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(DataCache, StreamModesOverrideTheBudget) {
  DataCacheOptions o;
  o.budget_bytes = 1ull << 40;
  o.stream = StreamMode::kAlways;
  EXPECT_EQ(plan_data_cache({"a"}, {10}, 0, o).files[0].mode, AccessMode::kStream);
  o.budget_bytes = 1;
  o.stream = StreamMode::kNever;
  EXPECT_EQ(plan_data_cache({"a"}, {10}, 0, o).files[0].mode, AccessMode::kMap);
}

TEST(DataCache, OptionsValidateNamesTheField) {
  DataCacheOptions o;
  o.block_bytes = 10;
  try {
    o.validate();
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("block_bytes = 10"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::data
