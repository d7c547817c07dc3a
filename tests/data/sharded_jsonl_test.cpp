// ShardedJsonl: one line sequence over many shards, identical contents whether shards are mapped
// or streamed, block cache statistics, path:LINE locations, and changed files detected.
#include "anvil/data/sharded_jsonl.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "anvil/core/error.h"
#include "support/run_cli.h"

namespace anvil::data {
namespace {

using anvil::testing::TempDir;
using anvil::testing::write_text;

// Three shards of different sizes with blank lines and CRLF; returns their paths.
std::vector<std::string> make_shards(const TempDir& dir) {
  std::vector<std::string> paths;
  for (int s = 0; s < 3; ++s) {
    std::string text;
    for (int i = 0; i < 200 * (s + 1); ++i) {
      text += "{\"shard\":" + std::to_string(s) + ",\"i\":" + std::to_string(i) + ",\"pad\":\"" +
              std::string(static_cast<size_t>(i % 37), 'x') + "\"}";
      text += i % 5 == 0 ? "\r\n\n" : "\n";
    }
    paths.push_back(dir / ("shard-" + std::to_string(s) + ".jsonl"));
    write_text(paths.back(), text);
  }
  return paths;
}

DataCacheOptions small_blocks(StreamMode mode) {
  DataCacheOptions o;
  o.stream = mode;
  o.block_bytes = 4096;
  o.cache_blocks = 4;
  return o;
}

TEST(ShardedJsonl, MappedAndStreamedShardsGiveIdenticalLines) {
  TempDir dir("sharded");
  const auto paths = make_shards(dir);
  const ShardedJsonl mapped(paths, small_blocks(StreamMode::kNever));
  const ShardedJsonl streamed(paths, small_blocks(StreamMode::kAlways));
  ASSERT_EQ(mapped.size(), 1200u);
  ASSERT_EQ(streamed.size(), mapped.size());
  std::string a, b;
  for (size_t i = 0; i < mapped.size(); ++i) {
    ASSERT_EQ(mapped.line(i, a), streamed.line(i, b)) << i;
    ASSERT_EQ(mapped.location(i), streamed.location(i));
  }
  EXPECT_EQ(mapped.location(200), paths[1] + ":1");
  EXPECT_EQ(mapped.location(201), paths[1] + ":3");  // line 2 is blank
  EXPECT_EQ(mapped.line(0, a), "{\"shard\":0,\"i\":0,\"pad\":\"\"}");
  EXPECT_THROW(mapped.line(1200, a), Error);

  const auto ms = mapped.stats(), ss = streamed.stats();
  EXPECT_EQ(ms.mapped_files, 3u);
  EXPECT_EQ(ms.streamed_files, 0u);
  EXPECT_EQ(ms.mapped_reads, 1200u + 1);  // the loop, plus line(0) (line(1200) throws)
  EXPECT_EQ(ss.streamed_files, 3u);
  EXPECT_EQ(ss.streamed_reads, 1200u);
  EXPECT_GT(ss.block_hits, ss.block_misses);  // sequential reads reuse blocks
  EXPECT_GT(ss.block_evictions, 0u);          // 4 blocks of 4 KiB hold less than the data
  EXPECT_EQ(ss.sidecars_loaded, 3u);          // the first object wrote them
}

TEST(ShardedJsonl, BudgetSmallerThanTheDataStreamsSomeShards) {
  TempDir dir("sharded");
  const auto paths = make_shards(dir);
  DataCacheOptions o = small_blocks(StreamMode::kAuto);
  const uint64_t index_and_cache = 1200 * sizeof(LineSpan) + 4 * 4096;
  o.budget_bytes =
      index_and_cache + std::filesystem::file_size(paths[0]) + std::filesystem::file_size(paths[1]);
  const ShardedJsonl data(paths, o);
  const auto st = data.stats();
  EXPECT_EQ(st.mapped_files, 2u);
  EXPECT_EQ(st.streamed_files, 1u);
  EXPECT_EQ(data.plan().files[2].mode, AccessMode::kStream);  // the largest shard
  EXPECT_EQ(st.bytes_streamed, std::filesystem::file_size(paths[2]));
  // Lines still read back in order across mapped and streamed shards.
  std::string scratch;
  EXPECT_EQ(data.line(1199, scratch).substr(0, 19), "{\"shard\":2,\"i\":599,");
}

TEST(ShardedJsonl, ConcurrentReadersSeeTheSameLines) {
  TempDir dir("sharded");
  const auto paths = make_shards(dir);
  const ShardedJsonl data(paths, small_blocks(StreamMode::kAlways));
  std::vector<std::string> expected(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    std::string s;
    expected[i] = std::string(data.line(i, s));
  }
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::string s;
      for (size_t k = 0; k < data.size(); ++k) {
        const size_t i = (k * 7919 + static_cast<size_t>(t) * 131) % data.size();
        if (data.line(i, s) != expected[i]) ++mismatches;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST(ShardedJsonl, ChangedFileIsDetectedAndNamed) {
  TempDir dir("sharded");
  const auto paths = make_shards(dir);
  const ShardedJsonl data(paths, small_blocks(StreamMode::kAlways));
  EXPECT_NO_THROW(data.check_fresh());
  write_text(paths[1], "{\"replaced\":true}\n");
  try {
    data.check_fresh();
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(paths[1]), std::string::npos) << what;
    EXPECT_NE(what.find("changed since it was indexed"), std::string::npos) << what;
  }
  std::string s;
  EXPECT_THROW(data.line(250, s), Error);   // the changed shard is invalid now
  EXPECT_NO_THROW(data.line(0, s));         // the others are still fine
  EXPECT_THROW(data.check_fresh(), Error);  // and it stays reported
}

TEST(ShardedJsonl, ShrunkStreamedShardFailsWithPathAndOffset) {
  TempDir dir("sharded");
  const auto paths = make_shards(dir);
  const ShardedJsonl data(paths, small_blocks(StreamMode::kAlways));
  std::filesystem::resize_file(paths[2], 100);
  std::string s;
  try {
    data.line(data.size() - 1, s);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(paths[2]), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("offset"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::data
