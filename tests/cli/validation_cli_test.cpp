// train.mode end to end: check_only on anvil's two recipes (the classifier's default setup and a
// tiny language model) passes, prints the report, saves validation.json and records it in the run
// store; a failing check exits 1 naming it; check_and_train trains exactly what train_only trains.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "anvil/track/run_store.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(read_text(path)); }

TEST(ValidationCli, ClassifierCheckOnlyPassesAndRecordsTheReport) {
  TempDir dir("checks");
  ASSERT_EQ(run_anvil("datagen -n 2000 --seed 1 -o train.jsonl", dir.path()).exit_code, 0);
  auto r = run_anvil("train --data train.jsonl --run-dir run --mode check_only -q run.threads=2",
                     dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* s : {"[INFO] memory", "] loop", "validation passed: 0 error(s)"})
    EXPECT_NE(r.output.find(s), std::string::npos) << s << "\n" << r.output;
  EXPECT_EQ(r.output.find("best validation intent accuracy"), std::string::npos);  // no training
  EXPECT_FALSE(std::filesystem::exists(dir / "run/model"));
  const auto report = read_json(dir / "run/validation.json");
  EXPECT_TRUE(report.at("passed").get<bool>());
  EXPECT_EQ(report.at("sections").size(), 8u);
  track::RunStore store(dir / "runs/anvil.sqlite");
  const auto runs = store.list_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, track::RunStatus::kCompleted);
  const auto v = store.validation(runs[0].id);
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(v->passed);
  EXPECT_EQ(v->mode, "check_only");
  EXPECT_EQ(nlohmann::json::parse(v->report), report);
}

TEST(ValidationCli, FailingCheckExitsOneNamingItAndRecordsAFailedRun) {
  TempDir dir("checks");
  ASSERT_EQ(run_anvil("datagen -n 600 --seed 2 -o train.jsonl", dir.path()).exit_code, 0);
  // 1 MB cannot hold the default classifier's weights, gradients and optimizer state.
  auto r = run_anvil(
      "train --data train.jsonl --run-dir run --mode check_only -q run.threads=2 "
      "train.check_memory_limit=1000000",
      dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  for (const char* s : {"[ERROR] memory", "the pre-training checks failed (1 error(s)",
                        "memory: training needs about", "--mode train_only"})
    EXPECT_NE(r.output.find(s), std::string::npos) << s << "\n" << r.output;
  EXPECT_FALSE(read_json(dir / "run/validation.json").at("passed").get<bool>());
  track::RunStore store(dir / "runs/anvil.sqlite");
  const auto runs = store.list_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, track::RunStatus::kFailed);
  EXPECT_NE(runs[0].message.find("memory:"), std::string::npos) << runs[0].message;
  // The same limit aborts check_and_train before any training.
  auto t = run_anvil("train --data train.jsonl --run-dir run2 -q train.check_memory_limit=1000000",
                     dir.path());
  EXPECT_EQ(t.exit_code, 1) << t.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "run2/checkpoints/last.safetensors"));
  auto bad = run_anvil("train --data train.jsonl --run-dir run3 --mode nope", dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("train.mode = 'nope'"), std::string::npos) << bad.output;
}

TEST(ValidationCli, CheckAndTrainTrainsExactlyWhatTrainOnlyTrains) {
  TempDir dir("checks");
  ASSERT_EQ(run_anvil("datagen -n 600 --seed 3 -o train.jsonl", dir.path()).exit_code, 0);
  const std::string common =
      " -q train.epochs=2 train.batch_size=64 run.threads=1 track.tensorboard=false";
  auto a = run_anvil("train --data train.jsonl --run-dir plain --mode train_only" + common,
                     dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.output;
  auto b = run_anvil("train --data train.jsonl --run-dir checked" + common, dir.path());
  ASSERT_EQ(b.exit_code, 0) << b.output;
  EXPECT_NE(b.output.find("pre-training checks passed"), std::string::npos) << b.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "plain/validation.json"));
  EXPECT_TRUE(std::filesystem::exists(dir / "checked/validation.json"));
  // Same seed, one thread: the validation metrics of every epoch agree to the last digit.
  const std::string plain = read_text(dir / "plain/metrics.jsonl");
  EXPECT_FALSE(plain.empty());
  EXPECT_EQ(plain, read_text(dir / "checked/metrics.jsonl"));
  track::RunStore store(dir / "runs/anvil.sqlite");
  const auto runs = store.list_runs();  // newest first: checked, plain
  ASSERT_EQ(runs.size(), 2u);
  ASSERT_TRUE(store.validation(runs[0].id).has_value());
  EXPECT_EQ(store.validation(runs[0].id)->mode, "check_and_train");
  EXPECT_FALSE(store.validation(runs[1].id).has_value());
}

TEST(ValidationCli, TinyLanguageModelCheckOnlyPasses) {
  TempDir dir("checks");
  ASSERT_EQ(
      run_anvil("datagen --specialist spam_detection,sentiment_analysis -n 120 --seed 2 -o d.jsonl",
                dir.path())
          .exit_code,
      0);
  auto r = run_anvil(
      "train --data d.jsonl --run-dir lm --mode check_only -q model.type=llama "
      "llama.hidden_size=32 llama.intermediate_size=64 llama.layers=1 llama.heads=2 "
      "llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=400 lm.seq_len=256 "
      "train.batch_size=4 run.threads=1",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("output logits [4, 256, "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("validation passed"), std::string::npos) << r.output;
  EXPECT_TRUE(read_json(dir / "lm/validation.json").at("passed").get<bool>());
  EXPECT_FALSE(std::filesystem::exists(dir / "lm/model"));
}

TEST(ValidationCli, PipelineCheckOnlyStopsBeforeTraining) {
  TempDir dir("checks");
  auto r = run_anvil(
      "pipeline --mode check_only datagen.n=800 run.threads=2 " + std::string("datagen.lib_dirs=[") +
          ANVIL_SOURCE_DIR + "/lib," + ANVIL_SOURCE_DIR + "/examples]",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("validation passed"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("benchmark"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "runs/latest/validation.json"));
  EXPECT_FALSE(std::filesystem::exists(dir / "runs/latest/model"));
}

}  // namespace
}  // namespace anvil::testing
