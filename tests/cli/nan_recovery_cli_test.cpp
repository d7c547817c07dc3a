// A poisoned batch mid-run (train.inject_nan_at, the test-only fault knob): the NaN guard stops the
// run with exit 1 naming the last good checkpoint, that checkpoint is the one written before the
// poisoned step (bit for bit, all finite), and a resume with a lower learning rate continues from
// it to a finished, finite model. For the language model (mid-epoch checkpoints) and the classifier
// (epoch-end checkpoints).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "anvil/io/safetensors.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

const std::string kTinyLm =
    "-q model.type=llama llama.hidden_size=32 llama.intermediate_size=64 llama.layers=1 "
    "llama.heads=2 llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=400 lm.seq_len=256 "
    "lm.eval_per_specialist=0 train.batch_size=2 train.warmup_steps=2 run.threads=1 "
    "track.enabled=false track.tensorboard=false lm.checkpoint_every=2 train.epochs=2 ";

// Number of non-finite values over the F32 tensors of a safetensors file; -1 if it has none.
int64_t non_finite_f32(const std::string& path) {
  auto file = io::read_safetensors(path);
  int64_t bad = 0, f32 = 0;
  for (const auto& t : file.tensors) {
    if (t.dtype != io::DType::kF32) continue;
    ++f32;
    for (size_t i = 0; i + 4 <= t.bytes.size(); i += 4) {
      float v;
      std::memcpy(&v, t.bytes.data() + i, 4);
      bad += !std::isfinite(v);
    }
  }
  return f32 == 0 ? -1 : bad;
}

void expect_same_tensors(const std::string& a_path, const std::string& b_path) {
  auto a = io::read_safetensors(a_path);
  auto b = io::read_safetensors(b_path);
  ASSERT_EQ(a.tensors.size(), b.tensors.size());
  for (const auto& t : a.tensors) {
    const auto* u = b.find(t.name);
    ASSERT_NE(u, nullptr) << t.name;
    EXPECT_TRUE(t.bytes == u->bytes) << "tensor " << t.name << " differs";
  }
  EXPECT_EQ(a.metadata.at("anvil.engine"), b.metadata.at("anvil.engine"));
}

TEST(NanRecovery, LanguageModelKeepsTheLastGoodCheckpointAndResumesWithALowerRate) {
  TempDir dir("nanlm");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 80 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  const std::string common = "--data d.jsonl " + kTinyLm;
  // Reference: the same run stopped cleanly after step 4 (its last mid-epoch checkpoint).
  auto ref = run_anvil("train --run-dir ref --stop-after-steps 4 " + common, dir.path());
  ASSERT_EQ(ref.exit_code, 1) << ref.output;

  auto poisoned = run_anvil("train --run-dir run train.inject_nan_at=5 " + common, dir.path());
  EXPECT_EQ(poisoned.exit_code, 1) << poisoned.output;
  EXPECT_NE(poisoned.output.find("non-finite "), std::string::npos) << poisoned.output;
  EXPECT_NE(poisoned.output.find("iteration 5"), std::string::npos) << poisoned.output;
  EXPECT_NE(poisoned.output.find("the last good checkpoint is"), std::string::npos)
      << poisoned.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "run/model"));
  const std::string last = dir / "run/checkpoints/last.safetensors";
  EXPECT_EQ(non_finite_f32(last), 0);
  expect_same_tensors(dir / "ref/checkpoints/last.safetensors", last);

  auto resumed = run_anvil("train --resume run -q train.lr=5e-4 train.inject_nan_at=0", dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming at epoch 1, step 4"), std::string::npos)
      << resumed.output;
  EXPECT_EQ(non_finite_f32(dir / "run/model/model.safetensors"), 0);
}

TEST(NanRecovery, ClassifierStopsInEpochTwoAndResumesFromEpochOne) {
  TempDir dir("nancls");
  ASSERT_EQ(run_anvil("datagen -n 600 --seed 2 -o train.jsonl", dir.path()).exit_code, 0);
  // 540 training records / 64 = 9 steps per epoch: step 12 is inside epoch 2.
  const std::string common =
      "--data train.jsonl -q train.epochs=3 train.batch_size=64 run.threads=1 "
      "track.tensorboard=false train.mode=train_only ";
  auto poisoned = run_anvil("train --run-dir run train.inject_nan_at=12 " + common, dir.path());
  EXPECT_EQ(poisoned.exit_code, 1) << poisoned.output;
  EXPECT_NE(poisoned.output.find("non-finite "), std::string::npos) << poisoned.output;
  const std::string last = dir / "run/checkpoints/last.safetensors";
  ASSERT_TRUE(std::filesystem::exists(last)) << poisoned.output;
  EXPECT_EQ(non_finite_f32(last), 0);
  auto ckpt = io::read_safetensors(last);
  EXPECT_NE(ckpt.metadata.at("anvil.engine").find("\"epoch\":1"), std::string::npos)
      << ckpt.metadata.at("anvil.engine");

  auto resumed = run_anvil("train --resume run -q train.lr=3e-4 train.inject_nan_at=0", dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_EQ(non_finite_f32(dir / "run/model/model.safetensors"), 0);
}

}  // namespace
}  // namespace anvil::testing
