// The intent classifier trained data-parallel through `anvil launch`: 2 ranks x 32 records per
// step train as well as 1 process x 64 (not to the bit: BatchNorm normalises each rank's batch by
// its own statistics), rank 0 alone writes, and --resume needs the same number of ranks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "anvil/train/dist/process_group.h"
#include "support/dist_ranks.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

const std::string kSmall =
    "-q model.embed_dim=32 model.channels=[32,64,64] train.epochs=6 run.threads=1 "
    "train.mode=train_only track.enabled=false ";

double best_accuracy(const std::string& output) {
  std::smatch m;
  const std::regex re("best validation intent accuracy ([0-9.]+)%");
  EXPECT_TRUE(std::regex_search(output, m, re)) << output;
  return m.empty() ? -1 : std::stod(m[1]);
}

TEST(IntentDistCli, TwoRanksTrainTheClassifierAsOneProcessDoes) {
  if (dist::built_backends().empty()) GTEST_SKIP() << "built without c10d Gloo";
  TempDir dir("intent-dist");
  ASSERT_EQ(run_anvil("datagen -n 3000 --seed 4 -o d.jsonl", dir.path()).exit_code, 0);
  auto one =
      run_anvil("train --data d.jsonl --run-dir one " + kSmall + "train.batch_size=64", dir.path());
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const std::string launch =
      "launch --nproc-per-node 2 --master-port " + std::to_string(free_port()) + " -- anvil ";
  auto two = run_anvil(
      launch + "train --data d.jsonl --run-dir two " + kSmall + "train.batch_size=32", dir.path());
  ASSERT_EQ(two.exit_code, 0) << two.output;
  EXPECT_NE(two.output.find("[rank 0] data-parallel over 2 ranks (gloo): 64 records per step"),
            std::string::npos)
      << two.output;
  EXPECT_EQ(two.output.find("[rank 1] best validation"), std::string::npos) << two.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "two/model/model.safetensors"));
  const double a = best_accuracy(one.output), b = best_accuracy(two.output);
  EXPECT_GT(b, 50.0);
  EXPECT_NEAR(b, a, 10.0) << "1 process " << a << "%, 2 ranks " << b << "%";

  // Resuming with one process is refused, saying why; with two it continues.
  auto alone = run_anvil("train --resume two " + kSmall + "train.epochs=7", dir.path());
  EXPECT_EQ(alone.exit_code, 2) << alone.output;
  EXPECT_NE(alone.output.find("written by a run of 2 rank(s); this run has 1"), std::string::npos)
      << alone.output;
  auto resumed = run_anvil(launch + "train --resume two " + kSmall + "train.epochs=7", dir.path());
  EXPECT_EQ(resumed.exit_code, 0) << resumed.output;
}

// The default job, `anvil pipeline`, as two ranks: rank 0 generates the data and the benchmark set
// and evaluates; both train. One run directory, the benchmark in its summary.
TEST(IntentDistCli, ThePipelineRunsAsTwoRanks) {
  if (dist::built_backends().empty()) GTEST_SKIP() << "built without c10d Gloo";
  TempDir dir("intent-dist-pipeline");
  auto r = run_anvil("launch --nproc-per-node 2 --master-port " + std::to_string(free_port()) +
                         " -- anvil pipeline " + kSmall.substr(3) +  // pipeline has no -q
                         "train.batch_size=32 datagen.n=3000 eval.benchmark_n=300 "
                         "run.dir=runs run.name=p",
                     dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("[rank 0] data-parallel over 2 ranks (gloo): 64 records per step"),
            std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("[rank 1] benchmark"), std::string::npos) << r.output;
  int dirs = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir / "runs")) dirs += !e.is_symlink();
  EXPECT_EQ(dirs, 1);
  const std::string run = dir / "runs/latest";
  const auto summary = nlohmann::json::parse(read_text(run + "/summary.json"));
  EXPECT_EQ(summary["benchmark"]["records"], 300);
  EXPECT_GT(summary["benchmark"]["intent_acc"].get<double>(), 0.3);
  EXPECT_EQ(nlohmann::json::parse(read_text(run + "/dist.json"))["world_size"], 2);
  // 3000 generated records, written once.
  const std::string data = read_text(run + "/data/train.jsonl");
  EXPECT_EQ(std::count(data.begin(), data.end(), '\n'), 3000);
}

}  // namespace
}  // namespace anvil::testing
