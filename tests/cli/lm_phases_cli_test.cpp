// Progressive training end to end on a tiny model: two phases through `anvil pipeline`, the phase
// folders (full base, PEFT adapter, merged model), replay mixed into the second phase's data, and
// a retention table whose ratios are the recorded scores' ratios.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_cli.h"

namespace anvil::testing {
namespace {

const std::string kTinyPhases =
    "model.type=llama llama.hidden_size=32 llama.intermediate_size=64 llama.layers=1 "
    "llama.heads=2 llama.kv_heads=1 llama.max_position=384 lm.tokenizer_vocab=400 lm.seq_len=384 "
    "lm.eval_per_specialist=3 lm.max_new_tokens=24 train.epochs=6 train.lr=1e-2 train.batch_size=4 "
    "train.warmup_steps=2 run.threads=1 track.enabled=false track.tensorboard=false "
    "lm.n_per_specialist=60 'lm.phases=[spam_detection, sentiment_analysis]' "
    "lm.replay_fraction=0.25 lora.r=4 'lora.target_modules=[all-linear]' lm.phase_lr=1e-2 "
    "run.dir=runs run.name=p ";

TEST(LmPhasesCli, TwoPhasesWriteAdapterMergedModelAndRetentionTable) {
  TempDir dir("phases");
  auto r = run_anvil("pipeline " + kTinyPhases, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string run = dir / "runs/latest";
  for (const char* f :
       {"phase_0/model/model.safetensors", "phase_0/model/tokenizer.json",
        "phase_1/model/adapter_config.json", "phase_1/model/adapter_model.safetensors",
        "phase_1/merged/model.safetensors", "phase_1/merged/tokenizer.json",
        "model/model.safetensors", "model/tokenizer.json", "retention.json", "retention.md",
        "retention.png", "phase_0/data/eval.jsonl", "phase_1/data/eval.jsonl"})
    EXPECT_TRUE(std::filesystem::exists(run + "/" + f)) << f;
  auto adapter = nlohmann::json::parse(read_text(run + "/phase_1/model/adapter_config.json"));
  const std::string base = adapter["base_model_name_or_path"];
  EXPECT_EQ(base.substr(base.size() - 13), "phase_0/model") << base;
  // all-linear is written expanded, as PEFT saves it (PEFT takes the shorthand only as a string).
  EXPECT_EQ(adapter["target_modules"], nlohmann::json({"q_proj", "k_proj", "v_proj", "o_proj",
                                                       "gate_proj", "up_proj", "down_proj"}));
  // Phase 1 data: its 60 new records + round(0.25 * 60) = 15 replayed spam_detection records.
  const std::string train = read_text(run + "/phase_1/data/train.jsonl");
  EXPECT_EQ(std::count(train.begin(), train.end(), '\n'), 75);
  std::map<std::string, int> per_specialist;
  std::istringstream lines(train);
  for (std::string line; std::getline(lines, line);)
    ++per_specialist[nlohmann::json::parse(line)["specialist"].get<std::string>()];
  EXPECT_EQ(per_specialist,
            (std::map<std::string, int>{{"sentiment_analysis", 60}, {"spam_detection", 15}}));

  auto j = nlohmann::json::parse(read_text(run + "/retention.json"));
  EXPECT_EQ(j["after_phase"], 2);
  ASSERT_EQ(j["rows"].size(), 2u);
  const auto& first = j["rows"][0];
  const auto& second = j["rows"][1];
  EXPECT_EQ(first["specialist"], "spam_detection");
  EXPECT_EQ(first["phase"], 0);
  EXPECT_EQ(second["specialist"], "sentiment_analysis");
  EXPECT_EQ(second["phase"], 1);
  ASSERT_EQ(first["field_accuracy"].size(), 2u);
  ASSERT_EQ(first["retention"].size(), 2u);
  EXPECT_TRUE(second["field_accuracy"][0].is_null());
  EXPECT_TRUE(second["retention"][0].is_null());
  // On one thread the run is deterministic, and the tiny base gets some spam fields right, so the
  // ratio branch below is exercised for the phase-0 row.
  EXPECT_GT(first["field_accuracy"][0].get<double>(), 0.0);
  for (const auto& row : {first, second}) {
    const auto& acc = row["field_accuracy"];
    const size_t own = row["phase"].get<size_t>();
    for (size_t a = own; a < 2; ++a) {
      const double now = acc[a].get<double>(), then = acc[own].get<double>();
      EXPECT_GE(now, 0.0);
      EXPECT_LE(now, 1.0);
      if (then > 0) {
        EXPECT_NEAR(row["retention"][a].get<double>(), now / then, 1e-12) << row.dump();
      } else {
        EXPECT_TRUE(row["retention"][a].is_null()) << row.dump();
      }
    }
  }
  EXPECT_TRUE(j["targets"]["met"].is_boolean());
  const std::string md = read_text(run + "/retention.md");
  EXPECT_NE(md.find("| specialist | phase | after phase 0 | after phase 1 | retention |"),
            std::string::npos)
      << md;
  EXPECT_NE(r.output.find("after phase 1"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("targets (new phase >= 90% field accuracy"), std::string::npos);
}

TEST(LmPhasesCli, ReuseCopiesFinishedPhasesWithTheSameSettingsAndTrainsTheRest) {
  namespace fs = std::filesystem;
  TempDir dir("phases");
  auto r = run_anvil("pipeline " + kTinyPhases, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string first = fs::canonical(dir / "runs/latest").string();

  // Other LoRA-phase settings: phase 0 is copied, phase 1 trained again.
  const std::string second_args = kTinyPhases + "run.name=q lm.phase_lr=5e-3 ";
  r = run_anvil("pipeline " + second_args + "lm.reuse_phases=runs/latest", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string second = fs::canonical(dir / "runs/latest").string();
  ASSERT_NE(second, first);
  EXPECT_NE(r.output.find("reused " + first + "/phase_0: same settings"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(first + "/phase_1 was trained with other settings, fingerprint "),
            std::string::npos)
      << r.output;
  for (const char* f : {"phase_0/model/model.safetensors", "phase_0/model/tokenizer.json",
                        "phase_0/data/new.jsonl", "phase_0/data/eval.jsonl", "phase_0/phase.json"})
    EXPECT_EQ(read_text(second + "/" + f), read_text(first + "/" + f)) << f;
  EXPECT_FALSE(fs::exists(second + "/phase_0/checkpoints"));
  EXPECT_TRUE(fs::exists(second + "/phase_1/checkpoints"));
  auto phase1 = [](const std::string& run) {
    return nlohmann::json::parse(read_text(run + "/phase_1/phase.json"));
  };
  EXPECT_NE(phase1(second)["fingerprint"], phase1(first)["fingerprint"]);
  auto row0 = [](const std::string& run) {
    return nlohmann::json::parse(read_text(run + "/retention.json"))["rows"][0]["field_accuracy"];
  };
  EXPECT_EQ(row0(second)[0], row0(first)[0]);
  // The adapter of phase 1 is trained on the copied base.
  auto adapter = nlohmann::json::parse(read_text(second + "/phase_1/model/adapter_config.json"));
  const std::string base = adapter["base_model_name_or_path"];
  EXPECT_NE(base.find(fs::path(second).filename().string() + "/phase_0/model"), std::string::npos)
      << base;

  // The same settings again: both phases are copied, nothing is trained.
  r = run_anvil("pipeline " + second_args + "run.name=s lm.reuse_phases=" + second, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string third = fs::canonical(dir / "runs/latest").string();
  EXPECT_NE(r.output.find("reused " + second + "/phase_1: same settings"), std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("training records"), std::string::npos) << r.output;
  EXPECT_EQ(read_text(third + "/retention.json"), read_text(second + "/retention.json"));
  EXPECT_EQ(read_text(third + "/model/model.safetensors"),
            read_text(second + "/model/model.safetensors"));

  // The LoRA phases' own prompt loss weight (lm.prompt_loss_weight is 0 here) trains phase 1
  // differently on the same base.
  r = run_anvil("pipeline " + second_args + "run.name=w lm.phase_prompt_loss_weight=0.5 " +
                    "lm.reuse_phases=" + second,
                dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string fourth = fs::canonical(dir / "runs/latest").string();
  EXPECT_NE(r.output.find("reused " + second + "/phase_0: same settings"), std::string::npos);
  EXPECT_NE(read_text(fourth + "/phase_1/model/adapter_model.safetensors"),
            read_text(second + "/phase_1/model/adapter_model.safetensors"));
  r = run_anvil("pipeline " + kTinyPhases + "lm.phase_prompt_loss_weight=2", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("lm.phase_prompt_loss_weight = 2"), std::string::npos) << r.output;

  r = run_anvil("pipeline " + kTinyPhases + "lm.reuse_phases=nope", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("lm.reuse_phases = 'nope': no such run directory"), std::string::npos)
      << r.output;
}

// A run interrupted in its second phase (after training, before the merge): `anvil pipeline
// --resume` keeps the finished first phase untouched, continues the second from its checkpoint,
// and ends with the same retention table a run without the interruption wrote.
TEST(LmPhasesCli, ResumeKeepsFinishedPhasesAndEndsLikeAnUninterruptedRun) {
  TempDir dir("phases-resume");
  auto r = run_anvil("pipeline " + kTinyPhases, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto run = std::filesystem::canonical(dir / "runs/latest").string();
  const std::string retention = read_text(run + "/retention.json");
  const auto phase0_model =
      std::filesystem::last_write_time(run + "/phase_0/model/model.safetensors");
  for (const char* gone : {"phase_1/phase.json", "phase_1/merged", "model", "retention.json",
                           "retention.md", "summary.json"})
    std::filesystem::remove_all(run + "/" + gone);

  auto resumed = run_anvil("pipeline --resume '" + run + "'", dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  EXPECT_NE(resumed.output.find("resuming run: " + run), std::string::npos) << resumed.output;
  EXPECT_NE(resumed.output.find("phase_0 finished before the interruption: kept"),
            std::string::npos)
      << resumed.output;
  EXPECT_NE(resumed.output.find("resuming at epoch"), std::string::npos) << resumed.output;
  EXPECT_EQ(std::filesystem::last_write_time(run + "/phase_0/model/model.safetensors"),
            phase0_model);
  for (const char* f : {"phase_1/phase.json", "phase_1/merged/model.safetensors",
                        "model/model.safetensors", "summary.json"})
    EXPECT_TRUE(std::filesystem::exists(run + "/" + f)) << f;
  EXPECT_EQ(read_text(run + "/retention.json"), retention);

  auto missing = run_anvil("pipeline --resume nowhere", dir.path());
  EXPECT_EQ(missing.exit_code, 2) << missing.output;
  EXPECT_NE(missing.output.find("--resume nowhere: no config.yaml there"), std::string::npos)
      << missing.output;
}

TEST(LmPhasesCli, UnknownSpecialistInAPhaseIsAUsageError) {
  TempDir dir("phases");
  auto r = run_anvil("pipeline " + kTinyPhases + "'lm.phases=[spam_detection, nope]'", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("lm.phases[1]: unknown specialist 'nope'"), std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace anvil::testing
