// `anvil data index|stats`: sidecars written and reused, the plan under a budget, and the errors
// for a pattern that matches nothing and a bad budget.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/run_cli.h"
#include "support/shards.h"

namespace anvil::testing {
namespace {

TEST(DataCacheCli, IndexWritesSidecarsAndStatsShowsThePlan) {
  TempDir dir("datacache");
  make_shards(dir, 300, 3);
  auto idx = run_anvil("data index shards/part-0.jsonl shards/part-1.jsonl", dir.path());
  ASSERT_EQ(idx.exit_code, 0) << idx.output;
  EXPECT_NE(idx.output.find("built+saved"), std::string::npos) << idx.output;
  EXPECT_NE(idx.output.find("2 shard(s), 200 lines"), std::string::npos) << idx.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "shards/part-0.jsonl.anvil-idx"));
  auto again = run_anvil("data index 'shards/*.jsonl'", dir.path());
  EXPECT_NE(again.output.find("sidecar"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("3 shard(s), 300 lines"), std::string::npos) << again.output;

  auto all = run_anvil("data stats 'shards/*.jsonl' --budget 1G", dir.path());
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_NE(all.output.find("3 file(s) mapped"), std::string::npos) << all.output;
  EXPECT_NE(all.output.find("0 streamed"), std::string::npos) << all.output;
  // A budget that holds only the block cache and indexes streams every file.
  auto tight = run_anvil("data stats 'shards/*.jsonl' --budget 64M", dir.path());
  ASSERT_EQ(tight.exit_code, 0) << tight.output;
  EXPECT_NE(tight.output.find("stream"), std::string::npos) << tight.output;
  EXPECT_NE(tight.output.find("3 streamed"), std::string::npos) << tight.output;

  auto hot = run_anvil("data stats 'shards/*.jsonl' --budget 64M --stream never", dir.path());
  EXPECT_NE(hot.output.find("3 file(s) mapped"), std::string::npos) << hot.output;
  auto prio = run_anvil("data stats 'shards/*.jsonl' --priority 'shards/part-2*=5' --priority x=1",
                        dir.path());
  ASSERT_EQ(prio.exit_code, 0) << prio.output;
  EXPECT_NE(prio.output.find("       5  mmap"), std::string::npos) << prio.output;
  EXPECT_EQ(run_anvil("data stats shards/part-0.jsonl --priority nonsense", dir.path()).exit_code,
            2);
  for (const char* help : {"data --help", "data index --help", "data stats --help"})
    EXPECT_EQ(run_anvil(help).exit_code, 0) << help;

  auto none = run_anvil("data stats 'nothing/*.jsonl'", dir.path());
  EXPECT_EQ(none.exit_code, 2) << none.output;
  EXPECT_NE(none.output.find("nothing/*.jsonl"), std::string::npos) << none.output;
  EXPECT_EQ(run_anvil("data stats shards/part-0.jsonl --budget lots", dir.path()).exit_code, 2);
}

}  // namespace
}  // namespace anvil::testing
