// Training the intent classifier from shards that do not fit the data cache's budget (streamed):
// it finishes, the same seed gives bit-identical weights, with a full shuffle it gives exactly the
// weights of the in-memory path, and resuming continues exactly.
#include <gtest/gtest.h>

#include "support/run_cli.h"
#include "support/shards.h"

namespace anvil::testing {
namespace {

TEST(StreamingTrainCli, BudgetSmallerThanTheDataStillTrainsIdenticallyForTheSameSeed) {
  TempDir dir("datacache");
  make_shards(dir, 400, 3);
  for (int r = 0; r < 2; ++r) {
    const std::string run = "run" + std::to_string(r);
    auto t = run_anvil(std::string(kStreamTrain) + "--run-dir " + run + " data.cache_budget=64K",
                       dir.path());
    ASSERT_EQ(t.exit_code, 0) << t.output;
    EXPECT_NE(t.output.find("data: streaming 3 shard(s)"), std::string::npos) << t.output;
    EXPECT_NE(t.output.find("data cache: 3 shard(s), 0 mapped, 3 streamed;"), std::string::npos)
        << t.output;
  }
  EXPECT_TRUE(
      same_tensors(dir / "run0/model/model.safetensors", dir / "run1/model/model.safetensors"));
}

TEST(StreamingTrainCli, StreamingWithAFullShuffleMatchesTheInMemoryPath) {
  TempDir dir("datacache");
  make_shards(dir, 400, 3);
  auto mem = run_anvil(std::string(kStreamTrain) + "--run-dir mem data.stream=never", dir.path());
  ASSERT_EQ(mem.exit_code, 0) << mem.output;
  EXPECT_EQ(mem.output.find("data: streaming"), std::string::npos) << mem.output;
  auto str =
      run_anvil(std::string(kStreamTrain) + "--run-dir str data.stream=always data.shuffle_block=0",
                dir.path());
  ASSERT_EQ(str.exit_code, 0) << str.output;
  EXPECT_NE(str.output.find("data: streaming"), std::string::npos) << str.output;
  EXPECT_TRUE(
      same_tensors(dir / "mem/model/model.safetensors", dir / "str/model/model.safetensors"))
      << "the streamed run drew different batches or a different split";
}

TEST(StreamingTrainCli, ShardsInMemoryTrainLikeTheirConcatenation) {
  // A comma list of shards that fit the budget loads in memory, record k of the list being
  // record k of the concatenated file: the same split, batches and weights.
  TempDir dir("datacache");
  make_shards(dir, 300, 3);
  const std::string opts =
      " -q train.epochs=1 train.batch_size=32 run.threads=1 data.prefetch=1 "
      "train.early_stopping_patience=0 ";
  auto one = run_anvil("train --data all.jsonl --run-dir one" + opts, dir.path());
  ASSERT_EQ(one.exit_code, 0) << one.output;
  auto list = run_anvil(
      "train --data shards/part-0.jsonl,shards/part-1.jsonl,shards/part-2.jsonl --run-dir list" +
          opts,
      dir.path());
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_EQ(list.output.find("data: streaming"), std::string::npos) << list.output;
  EXPECT_TRUE(
      same_tensors(dir / "one/model/model.safetensors", dir / "list/model/model.safetensors"));
}

TEST(StreamingTrainCli, ResumeFromStreamedShardsContinuesExactly) {
  TempDir dir("datacache");
  make_shards(dir, 300, 2);
  const std::string base = std::string(kStreamTrain) + "data.stream=always data.shuffle_block=16 ";
  ASSERT_EQ(run_anvil(base + "--run-dir full train.epochs=3", dir.path()).exit_code, 0);
  ASSERT_EQ(run_anvil(base + "--run-dir part train.epochs=2", dir.path()).exit_code, 0);
  auto resumed = run_anvil("train --resume part -q train.epochs=3", dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("data: streaming"), std::string::npos) << resumed.output;
  EXPECT_TRUE(same_tensors(dir / "full/checkpoints/last.safetensors",
                           dir / "part/checkpoints/last.safetensors"))
      << "the resumed run did not continue exactly";
}

TEST(StreamingTrainCli, MalformedLineInAStreamedShardNamesItsFileAndLine) {
  TempDir dir("datacache");
  make_shards(dir, 300, 3);
  std::string text = read_text(dir / "shards/part-1.jsonl");
  const size_t second = text.find('\n') + 1;  // truncate line 2 mid-record
  text.replace(second, text.find('\n', second) - second, "{\"text\": \"add 1");
  write_text(dir / "shards/part-1.jsonl", text);
  const std::string base = std::string(kStreamTrain) + "data.stream=always train.epochs=1 ";
  auto r = run_anvil(base + "--run-dir bad", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("shards/part-1.jsonl:2:"), std::string::npos) << r.output;
  auto s = run_anvil(base + "--run-dir skip data.on_error=skip", dir.path());
  EXPECT_EQ(s.exit_code, 0) << s.output;
  EXPECT_NE(s.output.find("skipped 1 malformed"), std::string::npos) << s.output;
}

}  // namespace
}  // namespace anvil::testing
