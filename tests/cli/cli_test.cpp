// End-to-end tests of the anvil binary on tiny data: every subcommand's help, the whole
// datagen -> train -> eval -> predict chain, and the error paths a user hits.
#include <gtest/gtest.h>

#include "support/run_cli.h"

namespace anvil::testing {
namespace {

const std::string kLibDirs = std::string("datagen.lib_dirs=[") + ANVIL_SOURCE_DIR + "/lib," +
                             ANVIL_SOURCE_DIR + "/examples]";

TEST(Cli, HelpAndVersionForEverySubcommand) {
  auto r = run_anvil("--help");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  for (const char* cmd :
       {"datagen", "test", "train", "eval", "predict", "pipeline", "profiles", "tokenizer"}) {
    EXPECT_NE(r.output.find(cmd), std::string::npos) << cmd;
    auto h = run_anvil(std::string(cmd) + " --help");
    EXPECT_EQ(h.exit_code, 0) << cmd << ": " << h.output;
  }
  auto v = run_anvil("--version");
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.output.find("anvil 0."), std::string::npos) << v.output;
}

TEST(Cli, UnknownSubcommandAndFlagAreUsageErrors) {
  EXPECT_EQ(run_anvil("frobnicate").exit_code, 2);
  EXPECT_EQ(run_anvil("train --no-such-flag").exit_code, 2);
}

TEST(Cli, UnknownConfigKeySuggestsTheClosestOne) {
  TempDir dir("cli");
  auto r = run_anvil("train --data x.jsonl train.lrr=1e-3", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("anvil: error:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("did you mean 'train.lr'"), std::string::npos) << r.output;
}

TEST(Cli, ConfigTypeErrorNamesKeyValueAndType) {
  TempDir dir("cli");
  write_text(dir / "bad.yaml", "train:\n  epochs: ten\n");
  auto r = run_anvil("train --data x.jsonl --config bad.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("train.epochs"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("ten"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("integer"), std::string::npos) << r.output;
}

TEST(Cli, OutOfRangeEarlyStoppingDeltaNamesTheKey) {
  TempDir dir("cli");
  auto r = run_anvil("train --data x.jsonl train.early_stopping_min_delta=1.5", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("train.early_stopping_min_delta"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("must be in [0, 1)"), std::string::npos) << r.output;
}

TEST(Cli, PredictWithoutAModelSaysHowToTrainOne) {
  TempDir dir("cli");
  auto r = run_anvil("predict 'add 1 and 2' --model nowhere", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("anvil train"), std::string::npos) << r.output;
}

TEST(Cli, MalformedJsonlNamesFileAndLineAndSkipModeCounts) {
  TempDir dir("cli");
  ASSERT_EQ(run_anvil("datagen -n 300 --seed 3 -o good.jsonl", dir.path()).exit_code, 0);
  std::string text = read_text(dir / "good.jsonl");
  // Corrupt the third line: truncate it mid-record.
  size_t p = 0;
  for (int i = 0; i < 2; ++i) p = text.find('\n', p) + 1;
  size_t end = text.find('\n', p);
  text.replace(p, end - p, text.substr(p, (end - p) / 2));
  write_text(dir / "bad.jsonl", text);
  auto r = run_anvil("train --data bad.jsonl --run-dir run -q train.epochs=1", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("bad.jsonl:3"), std::string::npos) << r.output;
  auto s = run_anvil(
      "train --data bad.jsonl --run-dir run2 -q train.epochs=1 data.on_error=skip "
      "train.batch_size=64 run.threads=1",
      dir.path());
  EXPECT_EQ(s.exit_code, 0) << s.output;
  EXPECT_NE(s.output.find("skipped 1 malformed"), std::string::npos) << s.output;
}

TEST(Cli, EmptyDatasetIsAnError) {
  TempDir dir("cli");
  write_text(dir / "empty.jsonl", "\n\n");
  auto r = run_anvil("train --data empty.jsonl --run-dir run -q", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("no records"), std::string::npos) << r.output;
}

TEST(Cli, DatagenSameSeedGivesIdenticalFiles) {
  TempDir dir("cli");
  ASSERT_EQ(run_anvil("datagen -n 500 --seed 9 -o a.jsonl", dir.path()).exit_code, 0);
  ASSERT_EQ(run_anvil("datagen -n 500 --seed 9 -o b.jsonl", dir.path()).exit_code, 0);
  ASSERT_EQ(run_anvil("datagen -n 500 --seed 10 -o c.jsonl", dir.path()).exit_code, 0);
  EXPECT_EQ(read_text(dir / "a.jsonl"), read_text(dir / "b.jsonl"));
  EXPECT_NE(read_text(dir / "a.jsonl"), read_text(dir / "c.jsonl"));
}

TEST(Cli, TestCommandRunsTheShippedLibrary) {
  auto r = run_anvil(std::string("test ") + ANVIL_SOURCE_DIR + "/lib");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(" 0 failed"), std::string::npos) << r.output;
}

TEST(Cli, DatagenTrainEvalPredictEndToEnd) {
  TempDir dir("cli");
  auto g = run_anvil("datagen -n 3000 --seed 1 -o train.jsonl", dir.path());
  ASSERT_EQ(g.exit_code, 0) << g.output;
  auto t = run_anvil("train --data train.jsonl --run-dir run -q train.epochs=3 run.threads=2",
                     dir.path());
  ASSERT_EQ(t.exit_code, 0) << t.output;
  EXPECT_NE(t.output.find("best validation intent accuracy"), std::string::npos) << t.output;
  for (const char* f : {"run/config.yaml", "run/metrics.jsonl", "run/model/model.safetensors",
                        "run/checkpoints/last.safetensors"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  auto e = run_anvil("eval --model run/model --data train.jsonl", dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  EXPECT_NE(e.output.find("execution accuracy"), std::string::npos) << e.output;
  auto p = run_anvil("predict 'compute factorial of 5' --model run/model", dir.path());
  // A model trained for 3 epochs may answer or abstain; either way it says which.
  EXPECT_TRUE(p.output.find("intent:") != std::string::npos ||
              p.output.find("not understood") != std::string::npos)
      << p.output;
  EXPECT_NE(p.output.find("latency:"), std::string::npos) << p.output;

  // The cases that must never get an answer, whatever the model: exit 3 (abstained) or 1.
  auto blank = run_anvil("predict '   ' --model run/model", dir.path());
  EXPECT_EQ(blank.exit_code, 3) << blank.output;
  EXPECT_NE(blank.output.find("not understood: the request is empty"), std::string::npos)
      << blank.output;
  EXPECT_NE(blank.output.find("best guesses:"), std::string::npos) << blank.output;
  auto huge = run_anvil("predict 'factorial of 99999999999999999999999' --model run/model",
                        dir.path());
  EXPECT_EQ(huge.exit_code, 1) << huge.output;
  EXPECT_NE(huge.output.find("99999999999999999999999 does not fit in a 64-bit signed integer"),
            std::string::npos)
      << huge.output;
  EXPECT_EQ(huge.output.find("result:     1\n"), std::string::npos) << huge.output;
  auto help = run_anvil("predict --help");
  EXPECT_NE(help.output.find("3 a request was not understood"), std::string::npos) << help.output;
}

TEST(Cli, NonFiniteLossStopsTrainingWithAClearError) {
  TempDir dir("cli");
  ASSERT_EQ(run_anvil("datagen -n 600 --seed 2 -o train.jsonl", dir.path()).exit_code, 0);
  auto r = run_anvil(
      "train --data train.jsonl --run-dir run -q train.epochs=2 train.lr=1e30 "
      "train.lr_min=0 train.warmup_steps=0 train.grad_clip=0 train.batch_size=64",
      dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("non-finite"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace anvil::testing

namespace anvil::testing {
namespace {

TEST(Cli, CrossValidationPrintsEachFoldAndMeanStd) {
  TempDir dir("cv");
  ASSERT_EQ(run_anvil("datagen -n 400 --seed 4 -o train.jsonl", dir.path()).exit_code, 0);
  auto r = run_anvil("train --data train.jsonl --run-dir cv -q --cross-validate --folds 2 "
                     "train.epochs=1 train.batch_size=64 run.threads=1",
                     dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("fold 1: validation intent accuracy"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("fold 2: validation intent accuracy"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cross-validation (2 folds):"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("±"), std::string::npos) << r.output;
}

TEST(Cli, ProfilesListAndUnknownProfileIsAUsageError) {
  auto p = run_anvil("profiles");
  EXPECT_EQ(p.exit_code, 0);
  for (const char* name : {"h100", "h200", "b300", "l40s", "a100", "generic", "cpu"})
    EXPECT_NE(p.output.find(name), std::string::npos) << name;
  auto bad = run_anvil("train --data x.jsonl --profile h1000");
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("did you mean 'h100'"), std::string::npos) << bad.output;
}

TEST(Cli, CudaOnAMachineWithoutItIsAClearError) {
  auto r = run_anvil("predict 'add 1 and 2' --model nowhere --device cuda:0");
  EXPECT_NE(r.exit_code, 0);
  // Either the missing model or the missing CUDA is reported, never a crash.
  EXPECT_NE(r.output.find("anvil: error:"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace anvil::testing
