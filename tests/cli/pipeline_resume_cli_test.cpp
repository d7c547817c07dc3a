// `anvil pipeline --resume`: a language-model pipeline stopped by SIGTERM in the middle of
// training says how to resume it, and resuming keeps its generated data, continues training from
// the checkpoint and finishes the stages after training (evaluation, summary).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/io/safetensors.h"
#include "support/interrupted_run.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

TEST(PipelineResume, ALanguageModelRunStoppedInTrainingFinishesWhereItStopped) {
  TempDir dir("pipeline-resume");
  const std::string args =
      "pipeline model.type=llama llama.hidden_size=32 llama.intermediate_size=64 "
      "llama.layers=1 llama.heads=2 llama.kv_heads=1 llama.max_position=256 "
      "lm.tokenizer_vocab=400 lm.seq_len=256 lm.eval_per_specialist=2 lm.max_new_tokens=16 "
      "train.batch_size=2 train.warmup_steps=2 train.epochs=300 run.threads=1 "
      "track.enabled=false track.tensorboard=false lm.checkpoint_every=40 "
      "lm.specialists=spam_detection lm.n_per_specialist=20 run.dir=runs run.name=p";
  const auto stopped =
      interrupt_anvil(args, dir.path(), "runs/latest/checkpoints/last.safetensors");
  ASSERT_TRUE(stopped.file_appeared) << stopped.output;
  EXPECT_EQ(stopped.exit_code, 1) << stopped.output;
  // The run directory as the user would type it, from where the pipeline ran.
  const std::string rel =
      "runs/" + std::filesystem::canonical(dir / "runs/latest").filename().string();
  const std::string run = dir / rel;
  const std::string& log = stopped.output;
  EXPECT_NE(log.find("resume with `anvil pipeline --resume " + rel + "`"), std::string::npos)
      << log;
  EXPECT_FALSE(std::filesystem::exists(run + "/summary.json"));
  const std::string data = run + "/data/specialists.jsonl";
  const auto data_time = std::filesystem::last_write_time(data);

  auto resumed = run_anvil("pipeline --resume " + rel, dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming at epoch"), std::string::npos) << resumed.output;
  EXPECT_EQ(std::filesystem::last_write_time(data), data_time) << "the data was generated again";
  auto summary = nlohmann::json::parse(read_text(run + "/summary.json"));
  EXPECT_EQ(summary["run_dir"], rel);
  EXPECT_TRUE(summary["field_accuracy"].contains("spam_detection")) << summary.dump();
  EXPECT_TRUE(std::filesystem::exists(run + "/model/model.safetensors"));
  // Trained to the end: 300 epochs, not the steps before the signal.
  const auto ckpt = io::read_safetensors(run + "/checkpoints/last.safetensors");
  EXPECT_EQ(nlohmann::json::parse(ckpt.metadata.at("anvil.engine"))["epoch"], 300)
      << ckpt.metadata.at("anvil.engine");
  EXPECT_NE(read_text(run + "/eval.json").find("spam_detection"), std::string::npos);
}

}  // namespace
}  // namespace anvil::testing
