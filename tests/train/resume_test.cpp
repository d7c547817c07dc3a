// Resuming is exact: on one thread, 4 epochs + resume + 4 epochs gives bit-identical weights and
// optimizer state to 8 epochs straight.
#include <gtest/gtest.h>

#include "anvil/io/safetensors.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

TEST(Resume, FourPlusFourEpochsEqualsEightBitForBit) {
  TempDir dir("resume");
  ASSERT_EQ(run_anvil("datagen -n 500 --seed 5 -o train.jsonl", dir.path()).exit_code, 0);
  // Dropout on, step schedule (a pure function of the step), no early stopping, one thread.
  const std::string common =
      "--data train.jsonl -q run.threads=1 train.batch_size=64 train.scheduler=step "
      "train.step_size=2 train.early_stopping_patience=0 model.dropout=0.2 ";
  auto straight = run_anvil("train --run-dir straight " + common + "train.epochs=8", dir.path());
  ASSERT_EQ(straight.exit_code, 0) << straight.output;
  auto first = run_anvil("train --run-dir split " + common + "train.epochs=4", dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  auto second = run_anvil("train --resume split -q train.epochs=8", dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.output;

  auto a = io::read_safetensors(dir / "straight/checkpoints/last.safetensors");
  auto b = io::read_safetensors(dir / "split/checkpoints/last.safetensors");
  ASSERT_EQ(a.tensors.size(), b.tensors.size());
  size_t compared = 0;
  for (const auto& t : a.tensors) {
    const auto* u = b.find(t.name);
    ASSERT_NE(u, nullptr) << t.name;
    EXPECT_EQ(t.shape, u->shape) << t.name;
    EXPECT_TRUE(t.bytes == u->bytes) << "tensor " << t.name << " differs after resume";
    ++compared;
  }
  EXPECT_GT(compared, 20u);
  EXPECT_EQ(a.metadata.at("anvil.engine"), b.metadata.at("anvil.engine"));
  // And a checkpoint at 4 epochs is genuinely different from one at 8.
  auto straight_metrics = read_text(dir / "straight/metrics.jsonl");
  auto split_metrics = read_text(dir / "split/metrics.jsonl");
  EXPECT_EQ(straight_metrics.substr(straight_metrics.rfind("{\"epoch\":8")),
            split_metrics.substr(split_metrics.rfind("{\"epoch\":8")));
}

}  // namespace
}  // namespace anvil::testing
