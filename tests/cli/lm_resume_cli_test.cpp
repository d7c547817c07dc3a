// LM checkpoint/resume end to end: on one thread, a run stopped mid-epoch and resumed ends with
// bit-identical weights, AdamW state and RNG to a straight run (from scratch, and LoRA with
// dropout, which draws from the generator); SIGTERM checkpoints and says how to resume.
#include <gtest/gtest.h>

#include "anvil/io/safetensors.h"
#include "support/interrupted_run.h"
#include "support/run_cli.h"
#include "support/tiny_train_args.h"

namespace anvil::testing {
namespace {

const std::string kTiny = kTinyLmTrainArgs;

void expect_same_checkpoint(const std::string& a_path, const std::string& b_path) {
  auto a = io::read_safetensors(a_path);
  auto b = io::read_safetensors(b_path);
  ASSERT_EQ(a.tensors.size(), b.tensors.size());
  size_t optimizer_tensors = 0;
  for (const auto& t : a.tensors) {
    const auto* u = b.find(t.name);
    ASSERT_NE(u, nullptr) << t.name;
    EXPECT_EQ(t.shape, u->shape) << t.name;
    EXPECT_TRUE(t.bytes == u->bytes) << "tensor " << t.name << " differs after resume";
    optimizer_tensors += t.name.rfind("optimizer.", 0) == 0;
  }
  EXPECT_GT(optimizer_tensors, 3u);
  EXPECT_NE(a.find("rng.torch_cpu"), nullptr);
  EXPECT_EQ(a.metadata.at("anvil.engine"), b.metadata.at("anvil.engine"));
  EXPECT_EQ(a.metadata.at("anvil.lm_data"), b.metadata.at("anvil.lm_data"));
}

// Trains `args` straight into `straight`, and again into `split` stopped after `stop_after` steps
// and resumed; the two must end with the same checkpoint, bit for bit.
void expect_resumed_equals_straight(const TempDir& dir, const std::string& args,
                                    const std::string& straight, const std::string& split,
                                    int stop_after) {
  auto a = run_anvil("train --run-dir " + straight + " " + args, dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.output;
  auto stopped = run_anvil(
      "train --run-dir " + split + " --stop-after-steps " + std::to_string(stop_after) + " " + args,
      dir.path());
  EXPECT_EQ(stopped.exit_code, 1) << stopped.output;
  auto resumed = run_anvil("train --resume " + split + " -q", dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  expect_same_checkpoint(dir / (straight + "/checkpoints/last.safetensors"),
                         dir / (split + "/checkpoints/last.safetensors"));
}

// `anvil pipeline` generates its data into the run directory (lm.data stays empty in the saved
// config); `anvil train --resume RUN` finds it there instead of asking for --data.
TEST(LmResume, APipelineRunResumesWithoutNamingItsData) {
  TempDir dir("lmresume-pipeline");
  auto p = run_anvil("pipeline " + kTiny.substr(3) +
                         "lm.specialists=spam_detection lm.n_per_specialist=40 train.epochs=1 "
                         "run.dir=runs run.name=p",
                     dir.path());
  ASSERT_EQ(p.exit_code, 0) << p.output;
  std::string run;
  for (const auto& e : std::filesystem::directory_iterator(dir / "runs"))
    if (e.path().filename().string().rfind("p-", 0) == 0) run = e.path().string();
  ASSERT_FALSE(run.empty());
  ASSERT_TRUE(std::filesystem::exists(run + "/data/specialists.jsonl"));
  auto resumed = run_anvil("train --resume '" + run + "' -q", dir.path());
  EXPECT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(resumed.output.find("lm.data is empty"), std::string::npos) << resumed.output;
}

TEST(LmResume, StoppedMidEpochAndResumedEqualsStraightRunBitForBit) {
  TempDir dir("lmresume");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 80 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  const std::string common = "--data d.jsonl " + kTiny + "train.epochs=2 ";
  auto straight = run_anvil("train --run-dir straight " + common, dir.path());
  ASSERT_EQ(straight.exit_code, 0) << straight.output;
  auto stopped = run_anvil("train --run-dir split --stop-after-steps 3 " + common, dir.path());
  EXPECT_EQ(stopped.exit_code, 1) << stopped.output;
  EXPECT_NE(stopped.output.find("resume with `anvil train --resume split`"), std::string::npos)
      << stopped.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "split/model"));
  auto at_stop = io::read_safetensors(dir / "split/checkpoints/last.safetensors");
  EXPECT_NE(at_stop.metadata.at("anvil.engine").find("\"epoch_iteration\":3"), std::string::npos)
      << at_stop.metadata.at("anvil.engine") << " (the stop must fall inside epoch 1)";
  auto resumed = run_anvil("train --resume split -q", dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming at epoch 1, step 3"), std::string::npos)
      << resumed.output;
  expect_same_checkpoint(dir / "straight/checkpoints/last.safetensors",
                         dir / "split/checkpoints/last.safetensors");
  EXPECT_EQ(read_text(dir / "straight/model/model.safetensors"),
            read_text(dir / "split/model/model.safetensors"));

  // LoRA on the trained model with dropout: the resumed run must restore the generator too.
  const std::string lora = "--data d.jsonl " + kTiny +
                           "train.epochs=1 lora.enabled=true lm.base_model=straight/model "
                           "lora.r=4 lora.dropout=0.2 train.lr=1e-2 ";
  expect_resumed_equals_straight(dir, lora, "lora_straight", "lora_split", 5);
  // And the checkpoint really moved: the state at the stop differs from the final one.
  auto final_ckpt = io::read_safetensors(dir / "split/checkpoints/last.safetensors");
  EXPECT_NE(at_stop.metadata.at("anvil.engine"), final_ckpt.metadata.at("anvil.engine"));
}

// lm.share_space_embeddings: the shared rows are trained state like any other (checkpointed with
// their AdamW moments, restored bit for bit), and the saved model is a plain Llama: the same
// tensors, by name and shape, as a run without them.
TEST(LmResume, SharedSpaceEmbeddingsResumeBitForBitAndFoldIntoAPlainModel) {
  TempDir dir("lmresume-shared");
  ASSERT_EQ(run_anvil("datagen --specialist address_parsing -n 60 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  const std::string common =
      "--data d.jsonl " + kTiny + "train.epochs=1 lm.share_space_embeddings=true ";
  expect_resumed_equals_straight(dir, common, "straight", "split", 3);
  auto ckpt = io::read_safetensors(dir / "split/checkpoints/last.safetensors");
  const auto* rows = ckpt.find("model.model.embed_shared.weight");
  ASSERT_NE(rows, nullptr);
  EXPECT_GT(rows->shape.at(0), 10) << "pairs of ' word' / 'word' tokens in a 400-token vocabulary";
  EXPECT_NE(ckpt.find("optimizer.model.embed_shared.weight.exp_avg"), nullptr);

  auto plain =
      run_anvil("train --run-dir plain --data d.jsonl " + kTiny + "train.epochs=1", dir.path());
  ASSERT_EQ(plain.exit_code, 0) << plain.output;
  auto folded = io::read_safetensors(dir / "split/model/model.safetensors");
  auto reference = io::read_safetensors(dir / "plain/model/model.safetensors");
  ASSERT_EQ(folded.tensors.size(), reference.tensors.size());
  for (const auto& t : reference.tensors) {
    const auto* u = folded.find(t.name);
    ASSERT_NE(u, nullptr) << t.name;
    EXPECT_EQ(t.shape, u->shape) << t.name;
  }
}

TEST(LmResume, SigtermCheckpointsAndExitsNonZeroWithAResumeHint) {
  TempDir dir("lmsigterm");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 80 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  // Long enough (many epochs) that it is still running when the signal comes; the signal comes
  // once the first checkpoint is written, so training is under way.
  const auto run = interrupt_anvil("train --run-dir r --data d.jsonl " + kTiny + "train.epochs=500",
                                   dir.path(), "r/checkpoints/last.safetensors");
  ASSERT_TRUE(run.file_appeared) << run.output;
  EXPECT_EQ(run.exit_code, 1) << run.output;
  const std::string& log = run.output;
  EXPECT_NE(log.find("interrupted by SIGTERM"), std::string::npos) << log;
  EXPECT_NE(log.find("resume with `anvil train --resume r`"), std::string::npos) << log;
  auto ckpt = io::read_safetensors(dir / "r/checkpoints/last.safetensors");
  EXPECT_NE(ckpt.find("optimizer.model.embed_tokens.weight.exp_avg"), nullptr);
}

}  // namespace
}  // namespace anvil::testing
