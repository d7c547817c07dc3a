// `anvil eval --model RUN/checkpoints/last.safetensors`: a language-model run's training checkpoint
// is scored as it stands. At the end of a run it answers exactly as the run's model folder does
// (shared space rows folded in as the run folds them); a stopped run is scored without resuming;
// a checkpoint away from its run is refused naming what is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "support/run_cli.h"
#include "support/tiny_train_args.h"

namespace anvil::testing {
namespace {

const std::string kTiny = kTinyLmTrainArgs + "train.lr=1e-2 ";
const std::string kEval = "lm.eval_per_specialist=6 lm.max_new_tokens=24 run.threads=1";

TEST(LmCheckpointEval, TheLastCheckpointAnswersAsTheRunsModelFolder) {
  TempDir dir("ckpt-eval");
  ASSERT_EQ(run_anvil("datagen --specialist address_parsing -n 60 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  auto run = run_anvil(
      "train --run-dir r --data d.jsonl " + kTiny + "train.epochs=2 lm.share_space_embeddings=true",
      dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.output;
  auto from_model =
      run_anvil("eval --model r/model --data d.jsonl --answers model.jsonl " + kEval, dir.path());
  ASSERT_EQ(from_model.exit_code, 0) << from_model.output;
  auto from_checkpoint = run_anvil(
      "eval --model r/checkpoints/last.safetensors --data d.jsonl --answers ckpt.jsonl " + kEval,
      dir.path());
  ASSERT_EQ(from_checkpoint.exit_code, 0) << from_checkpoint.output;
  EXPECT_NE(from_checkpoint.output.find("checkpoint r/checkpoints/last.safetensors (epoch 2,"),
            std::string::npos)
      << from_checkpoint.output;
  const std::string answers = read_text(dir / "model.jsonl");
  EXPECT_GT(std::count(answers.begin(), answers.end(), '\n'), 5);
  EXPECT_EQ(read_text(dir / "ckpt.jsonl"), answers);
}

TEST(LmCheckpointEval, AStoppedRunIsScoredWithoutResumingAndStrayCheckpointsAreRefused) {
  TempDir dir("ckpt-eval-stopped");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 60 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  auto stopped =
      run_anvil("train --run-dir s --stop-after-steps 3 --data d.jsonl " + kTiny + "train.epochs=2",
                dir.path());
  ASSERT_EQ(stopped.exit_code, 1) << stopped.output;
  ASSERT_FALSE(std::filesystem::exists(dir / "s/model"));
  auto scored = run_anvil(
      "eval --model s/checkpoints/last.safetensors --data d.jsonl --answers a.jsonl " + kEval,
      dir.path());
  ASSERT_EQ(scored.exit_code, 0) << scored.output;
  EXPECT_NE(scored.output.find("(epoch 1, step 3)"), std::string::npos) << scored.output;
  EXPECT_NE(scored.output.find("spam_detection"), std::string::npos) << scored.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "a.jsonl"));
  EXPECT_FALSE(std::filesystem::exists(dir / "s/model"));  // nothing written into the run

  // Away from its run folder: no configuration to read it with.
  std::filesystem::create_directories(dir / "stray/x");
  std::filesystem::copy_file(dir / "s/checkpoints/last.safetensors", dir / "stray/x/c.safetensors");
  auto stray = run_anvil("eval --model stray/x/c.safetensors --data d.jsonl " + kEval, dir.path());
  EXPECT_NE(stray.exit_code, 0);
  EXPECT_NE(stray.output.find("stray/x/c.safetensors: no config.yaml"), std::string::npos)
      << stray.output;
}

}  // namespace
}  // namespace anvil::testing
