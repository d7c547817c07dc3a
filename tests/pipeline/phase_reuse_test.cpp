// Phase fingerprints (which settings make a finished phase reusable), phase.json records and the
// copy of a finished phase folder.
#include "anvil/pipeline/phase_reuse.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "support/run_cli.h"

namespace anvil::pipeline {
namespace {

using anvil::testing::read_text;
using anvil::testing::TempDir;
using anvil::testing::write_text;

std::vector<std::string> fingerprints(const std::vector<std::string>& overrides,
                                      const std::string& phases =
                                          "[spam_detection, "
                                          "sentiment_analysis]") {
  Config c = Config::from_defaults();
  c.apply_override("model.type=llama");
  c.apply_override("lm.phases=" + phases);
  c.apply_overrides(overrides);
  return phase_fingerprints(c);
}

TEST(PhaseFingerprints, PhaseZeroIgnoresWhatOnlyLaterPhasesAndBookkeepingUse) {
  const auto base = fingerprints({});
  ASSERT_EQ(base.size(), 2u);
  EXPECT_EQ(base[0].size(), 16u);
  EXPECT_NE(base[0], base[1]);
  for (const std::string o :
       {"lm.phase_lr=5e-3", "lm.phase_epochs=3", "lm.replay_fraction=0.5",
        "lm.phase_prompt_loss_weight=0", "lora.r=4", "lora.dropout=0"}) {  // LoRA phases' settings
    const auto f = fingerprints({o});
    EXPECT_EQ(f[0], base[0]) << o;
    EXPECT_NE(f[1], base[1]) << o;
  }
  for (const std::string o :
       {"run.name=other", "run.dir=elsewhere", "run.threads=1", "run.device=cpu",
        "track.enabled=false", "lm.checkpoint_every=50", "lm.reuse_phases=runs/x"})  // bookkeeping
    EXPECT_EQ(fingerprints({o}), base) << o;
  // A third phase does not change the first two; another second phase changes only phase 1.
  const auto three = fingerprints({}, "[spam_detection, sentiment_analysis, address_parsing]");
  EXPECT_EQ(three[0], base[0]);
  EXPECT_EQ(three[1], base[1]);
  const auto other = fingerprints({}, "[spam_detection, address_parsing]");
  EXPECT_EQ(other[0], base[0]);
  EXPECT_NE(other[1], base[1]);
}

TEST(PhaseFingerprints, WhatShapesTheBaseChangesEveryPhase) {
  const auto base = fingerprints({});
  for (const std::string o :
       {"train.lr=5e-3", "run.seed=7", "datagen.seed=9", "llama.hidden_size=128",
        "lm.n_per_specialist=10", "lm.eval_per_specialist=5", "lm.tokenizer_pattern=cl100k"}) {
    const auto f = fingerprints({o});
    EXPECT_NE(f[0], base[0]) << o;
    EXPECT_NE(f[1], base[1]) << o;
  }
  EXPECT_NE(fingerprints({}, "[sentiment_analysis, spam_detection]")[0], base[0]);
  // Phase 0 is a LoRA phase itself when it fine-tunes a base model: then lora.* shapes it.
  EXPECT_NE(fingerprints({"lm.base_model=m", "lora.r=4"})[0], fingerprints({"lm.base_model=m"})[0]);
}

TEST(FinishedPhase, RoundTripsAndAbsentMeansUnfinished) {
  TempDir dir("phase");
  EXPECT_FALSE(read_finished_phase(dir.path()).has_value());
  write_finished_phase(dir.path(), {"0123456789abcdef", "merged", {{"a", 0.5}, {"b", 1.0}}, 12.5});
  const auto back = read_finished_phase(dir.path());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->fingerprint, "0123456789abcdef");
  EXPECT_EQ(back->model, "merged");
  EXPECT_EQ(back->scores, (std::map<std::string, double>{{"a", 0.5}, {"b", 1.0}}));
  EXPECT_DOUBLE_EQ(back->seconds, 12.5);
}

TEST(FinishedPhase, MalformedRecordsAreErrorsNamingTheFile) {
  TempDir dir("phase");
  for (const std::string text :
       {"{\"fingerprint\": \"x\"", "{\"fingerprint\": \"x\", \"model\": \"m\"}",
        "{\"fingerprint\": \"x\", \"model\": \"../../etc\", \"scores\": {}, \"seconds\": 1}",
        "{\"fingerprint\": 3, \"model\": \"m\", \"scores\": {}, \"seconds\": 1}"}) {
    write_text(dir / "phase.json", text);
    try {
      read_finished_phase(dir.path());
      ADD_FAILURE() << "accepted " << text;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(dir / "phase.json"), std::string::npos) << e.what();
    }
  }
}

TEST(FinishedPhase, CopyLeavesTheCheckpointsBehind) {
  TempDir dir("phase");
  std::filesystem::create_directories(dir / "from/data");
  std::filesystem::create_directories(dir / "from/merged");
  std::filesystem::create_directories(dir / "from/checkpoints/step-1");
  write_text(dir / "from/data/new.jsonl", "{}\n");
  write_text(dir / "from/merged/model.safetensors", "weights");
  write_text(dir / "from/checkpoints/step-1/state", "big");
  write_text(dir / "from/phase.json", "{}");
  copy_finished_phase(dir / "from", dir / "to");
  EXPECT_EQ(read_text(dir / "to/data/new.jsonl"), "{}\n");
  EXPECT_EQ(read_text(dir / "to/merged/model.safetensors"), "weights");
  EXPECT_EQ(read_text(dir / "to/phase.json"), "{}");
  EXPECT_FALSE(std::filesystem::exists(dir / "to/checkpoints"));
  EXPECT_THROW(copy_finished_phase(dir / "missing", dir / "to2"), Error);
}

}  // namespace
}  // namespace anvil::pipeline
