// The language-model path end to end on a tiny model: train from scratch on specialist records,
// generate, fine-tune a LoRA adapter (PEFT layout), merge it, and check merged == adapter output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_validator.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

const std::string kTiny =
    "-q model.type=llama llama.hidden_size=32 llama.intermediate_size=64 llama.layers=1 "
    "llama.heads=2 llama.kv_heads=1 llama.max_position=256 lm.tokenizer_vocab=400 lm.seq_len=256 "
    "lm.eval_per_specialist=2 lm.max_new_tokens=24 train.epochs=1 train.batch_size=4 "
    "train.warmup_steps=2 run.threads=1 ";

TEST(LmCli, TrainGenerateLoraMergeEndToEnd) {
  TempDir dir("lm");
  ASSERT_EQ(
      run_anvil("datagen --specialist spam_detection,sentiment_analysis -n 120 --seed 2 -o d.jsonl",
                dir.path())
          .exit_code,
      0);
  auto t = run_anvil("train --data d.jsonl --run-dir base " + kTiny, dir.path());
  ASSERT_EQ(t.exit_code, 0) << t.output;
  EXPECT_NE(t.output.find("spam_detection"), std::string::npos) << t.output;
  for (const char* f :
       {"base/model/config.json", "base/model/model.safetensors", "base/model/tokenizer.json",
        "base/eval.json", "base/model/answer_calibration.json"})
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  auto cfg = nlohmann::json::parse(read_text(dir / "base/model/config.json"));
  EXPECT_EQ(cfg["architectures"][0], "LlamaForCausalLM");
  EXPECT_EQ(cfg["hidden_size"], 32);

  // The model keeps its fitted temperature; `anvil eval` measures the confidence a server would
  // give (sigmoid(log-odds / T) of each answer's probability) on every answer, refitting nothing.
  const double temperature =
      nlohmann::json::parse(read_text(dir / "base/model/answer_calibration.json"))["temperature"]
          .get<double>();
  auto ev = run_anvil(
      "eval --model base/model --data d.jsonl lm.eval_per_specialist=3 lm.max_new_tokens=24 "
      "--answers answers.jsonl",
      dir.path());
  ASSERT_EQ(ev.exit_code, 0) << ev.output;
  EXPECT_NE(ev.output.find("served confidence (temperature"), std::string::npos) << ev.output;
  const std::string answers = read_text(dir / "answers.jsonl"), data = read_text(dir / "d.jsonl");
  std::set<std::string> responses;
  for (size_t at = 0; at < data.size(); at = data.find('\n', at) + 1)
    responses.insert(nlohmann::json::parse(data.substr(at, data.find('\n', at) - at))["response"]);
  int answered = 0;
  std::map<std::string, std::map<std::string, double>> field_sums;  // specialist -> field -> sum
  for (size_t at = 0; at < answers.size(); at = answers.find('\n', at) + 1) {
    const auto a = nlohmann::json::parse(answers.substr(at, answers.find('\n', at) - at));
    // Each answer's reference is a record's response, the one its score was taken against.
    const std::string reference = a["reference"];
    EXPECT_EQ(responses.count(reference), 1u) << a.dump();
    const auto* spec = datagen::find_specialist(a["specialist"].get<std::string>());
    const auto judged = datagen::score_output(*spec, reference, a["answer"].get<std::string>());
    EXPECT_DOUBLE_EQ(judged.score, a["score"].get<double>()) << a.dump();
    for (const auto& rule : spec->fields) field_sums[spec->name][rule.name] += 0;
    for (const auto& f : judged.fields) field_sums[spec->name][f.field] += f.score;
    const double p = std::min(a["answer_probability"].get<double>(), 1 - 1e-12);
    const double log_odds = std::clamp(std::log(p / (1 - p)), -50.0, 50.0);
    EXPECT_NEAR(a["served_confidence"].get<double>(), 1 / (1 + std::exp(-log_odds / temperature)),
                1e-9);
    ++answered;
  }
  EXPECT_EQ(answered, 6);
  // Each specialist's fields below 100%, in declared order, with their mean over its 3 answers.
  for (const auto& [name, sums] : field_sums) {
    std::string line;
    for (const auto& rule : datagen::find_specialist(name)->fields) {
      const double mean = sums.at(rule.name) / 3;
      if (mean >= 1.0) continue;
      char buf[100];
      std::snprintf(buf, sizeof buf, "%s%s %.1f%%", line.empty() ? "" : ", ", rule.name,
                    100 * mean);
      line += buf;
    }
    if (!line.empty()) {
      EXPECT_NE(ev.output.find("\n  " + name + ": " + line + "\n"), std::string::npos)
          << line << "\n"
          << ev.output;
    }
  }

  auto g = run_anvil("generate --model base/model --max-tokens 8 --no-stream 'Spam filter: hello'",
                     dir.path());
  ASSERT_EQ(g.exit_code, 0) << g.output;
  EXPECT_NE(g.output.find("tokens/s (KV cache)"), std::string::npos) << g.output;
  // --chat: the records' template appended to the prompt, generation stopped before the
  // confidence line; the same as writing both out by hand (greedy, so the same tokens).
  auto chat = run_anvil(
      "generate --model base/model --max-tokens 12 --json --chat 'Spam filter: hello' 2>/dev/null",
      dir.path());
  auto by_hand = run_anvil(
      "generate --model base/model --max-tokens 12 --json --stop '\n[confidence' "
      "'Spam filter: hello\n\nAssistant: ' 2>/dev/null",
      dir.path());
  ASSERT_EQ(chat.exit_code, 0) << chat.output;
  ASSERT_EQ(by_hand.exit_code, 0) << by_hand.output;
  const auto cj = nlohmann::json::parse(chat.output), hj = nlohmann::json::parse(by_hand.output);
  EXPECT_EQ(cj["prompt"], "Spam filter: hello\n\nAssistant: ");
  EXPECT_EQ(cj["ids"], hj["ids"]);
  EXPECT_EQ(cj["text"], hj["text"]);
  EXPECT_EQ(cj["text"].get<std::string>().find("\n[confidence"), std::string::npos);
  // --stop takes one value, so the prompts after it stay prompts (one JSON line each).
  auto s = run_anvil(
      "generate --model base/model --max-tokens 4 --json --stop 'zz' 'a' 'b' 'c' "
      "2>/dev/null",
      dir.path());
  ASSERT_EQ(s.exit_code, 0) << s.output;
  EXPECT_EQ(std::count(s.output.begin(), s.output.end(), '\n'), 3) << s.output;

  auto l = run_anvil("train --data d.jsonl --run-dir adapt " + kTiny +
                         "lora.enabled=true lm.base_model=base/model lora.r=4 train.lr=1e-2",
                     dir.path());
  ASSERT_EQ(l.exit_code, 0) << l.output;
  auto adapter_cfg = nlohmann::json::parse(read_text(dir / "adapt/model/adapter_config.json"));
  EXPECT_EQ(adapter_cfg["peft_type"], "LORA");
  EXPECT_EQ(adapter_cfg["r"], 4);
  EXPECT_TRUE(std::filesystem::exists(dir / "adapt/model/adapter_model.safetensors"));
  auto header = read_text(dir / "adapt/model/adapter_model.safetensors");
  EXPECT_NE(header.find("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"),
            std::string::npos);

  auto m = run_anvil("lora merge --adapter adapt/model -o merged", dir.path());
  ASSERT_EQ(m.exit_code, 0) << m.output;
  const std::string prompt =
      " --max-tokens 12 --no-stream 'Classify the message as spam or not spam'";
  auto a = run_anvil("generate --model adapt/model" + prompt, dir.path());
  auto b = run_anvil("generate --model merged" + prompt, dir.path());
  ASSERT_EQ(a.exit_code, 0) << a.output;
  ASSERT_EQ(b.exit_code, 0) << b.output;
  // The generated text (stdout "[0] ..."), not the timing line on stderr.
  auto generated = [](const std::string& s) {
    auto at = s.find("[0] ");
    return at == std::string::npos ? std::string("<none>") : s.substr(at, s.find('\n', at) - at);
  };
  EXPECT_NE(generated(a.output), "<none>") << a.output;
  EXPECT_EQ(generated(a.output), generated(b.output));

  // Hugging Face folder export (the adapter is merged on export) with a model card.
  auto e = run_anvil("export hf --model adapt/model -o exported", dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  for (const char* f : {"model.safetensors", "config.json", "generation_config.json",
                        "tokenizer.json", "tokenizer_config.json", "README.md"})
    EXPECT_TRUE(std::filesystem::exists(dir / ("exported/" + std::string(f)))) << f;
  const std::string card = read_text(dir / "exported/README.md");
  EXPECT_NE(card.find("Parameters:"), std::string::npos) << card;
  EXPECT_NE(card.find("anvil export hf --model adapt/model"), std::string::npos) << card;
  EXPECT_NE(card.find("field accuracy, spam_detection"), std::string::npos) << card;
  auto c = run_anvil("generate --model exported" + prompt, dir.path());
  EXPECT_EQ(generated(c.output), generated(b.output)) << c.output;
  auto again = run_anvil("export hf --model adapt/model -o exported", dir.path());
  EXPECT_EQ(again.exit_code, 2) << again.output;
  EXPECT_NE(again.output.find("not empty"), std::string::npos) << again.output;
}

// lm.n_per_specialist counts per share of a weighted mix; the exported model card describes the
// mix; a run into a model folder without an evaluation leaves no calibration of an earlier run
// behind.
TEST(LmCli, PipelineMixesByWeightCardsItAndLeavesNoStaleCalibration) {
  TempDir dir("lm-mix");
  const std::string args = "pipeline " + kTiny.substr(3) +
                           "'lm.specialists=spam_detection,copy_repeat*2' lm.n_per_specialist=10 "
                           "run.dir=runs track.enabled=false ";
  auto r = run_anvil(args + "run.name=w", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string run;
  for (const auto& e : std::filesystem::directory_iterator(dir / "runs"))
    if (!e.is_symlink()) run = e.path().string();
  const std::string data = read_text(run + "/data/specialists.jsonl");
  EXPECT_EQ(std::count(data.begin(), data.end(), '\n'), 30);
  size_t repeats = 0;
  for (size_t p = data.find("\"specialist\":\"copy_repeat\""); p != std::string::npos;
       p = data.find("\"specialist\":\"copy_repeat\"", p + 1))
    ++repeats;
  EXPECT_EQ(repeats, 20u);
  ASSERT_TRUE(std::filesystem::exists(run + "/model/answer_calibration.json"));
  // The model card says what the mix was, in words, and scores only the tasks.
  auto e = run_anvil("export hf --model " + run + "/model -o exported", dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  const std::string card = read_text(dir / "exported/README.md");
  EXPECT_NE(card.find("specialists spam_detection, copy_repeat (2 shares; auxiliary skill)"),
            std::string::npos)
      << card;
  EXPECT_NE(card.find("field accuracy, spam_detection"), std::string::npos) << card;
  EXPECT_EQ(card.find("field accuracy, copy_repeat"), std::string::npos) << card;
  auto again = run_anvil("train --data " + run + "/data/specialists.jsonl --run-dir " + run + " " +
                             kTiny + "lm.eval_per_specialist=0",
                         dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_FALSE(std::filesystem::exists(run + "/model/answer_calibration.json"));
}

// The three skill specialists: the run writes skills.json with each one's own scores and logs
// them; `anvil eval` prints the same table for a model and a data file.
TEST(LmCli, SkillSpecialistsReportTheirOwnScores) {
  TempDir dir("lm-skills");
  auto r = run_anvil(
      "pipeline " + kTiny.substr(3) +
          "llama.max_position=1024 lm.seq_len=1024 "
          "lm.specialists=confidence_calibration,fact_verification,context_protocol "
          "lm.n_per_specialist=20 lm.eval_per_specialist=3 data.train_ratio=0.7 run.dir=runs "
          "run.name=s track.enabled=false",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("revision accuracy"), std::string::npos) << r.output;
  std::string run;
  for (const auto& e : std::filesystem::directory_iterator(dir / "runs"))
    if (!e.is_symlink()) run = e.path().string();
  const auto skills = nlohmann::json::parse(read_text(run + "/skills.json"));
  std::set<std::string> specialists;
  for (const auto& row : skills) specialists.insert(row["specialist"].get<std::string>());
  EXPECT_EQ(specialists, (std::set<std::string>{"confidence_calibration", "fact_verification",
                                                "context_protocol"}));
  auto e = run_anvil("eval --model " + run + "/model --data " + run +
                         "/data/specialists.jsonl lm.eval_per_specialist=2 lm.max_new_tokens=24",
                     dir.path());
  ASSERT_EQ(e.exit_code, 0) << e.output;
  EXPECT_NE(e.output.find("facts from earlier turns right"), std::string::npos) << e.output;
  EXPECT_NE(e.output.find(": status right"), std::string::npos) << e.output;
}

TEST(LmCli, LoraWithoutBaseModelIsAUsageError) {
  TempDir dir("lm");
  auto r = run_anvil("train --data x.jsonl --run-dir r " + kTiny + "lora.enabled=true", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("lm.base_model"), std::string::npos) << r.output;
}

TEST(LmCli, PromptLossWeightChangesTrainingAndIsChecked) {
  TempDir dir("lm");
  ASSERT_EQ(run_anvil("datagen --specialist address_parsing -n 60 --seed 3 -o d.jsonl", dir.path())
                .exit_code,
            0);
  // The validation loss is always the completion's; training on prompts too must change it.
  auto val_loss = [&](const std::string& run, const std::string& weight) {
    auto r = run_anvil("train --data d.jsonl --run-dir " + run + " " + kTiny +
                           "lm.eval_per_specialist=0 lm.prompt_loss_weight=" + weight,
                       dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    const auto at = r.output.find("final val loss ");
    return at == std::string::npos ? std::string("<none>") : r.output.substr(at + 15, 6);
  };
  const std::string without = val_loss("a", "0"), with = val_loss("b", "0.5");
  EXPECT_NE(without, "<none>");
  EXPECT_NE(with, "<none>");
  EXPECT_NE(with, without);
  auto bad = run_anvil("train --data d.jsonl --run-dir c " + kTiny + "lm.prompt_loss_weight=2",
                       dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("lm.prompt_loss_weight"), std::string::npos) << bad.output;
}

TEST(LmCli, GenerateWithoutAModelSaysHowToTrainOne) {
  TempDir dir("lm");
  auto r = run_anvil("generate --model nowhere hello", dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("anvil train"), std::string::npos) << r.output;
}

// `anvil train` of the tiny LM on d.jsonl in `dir` into `run`, with `extra` settings: its output.
std::string train_tiny(const TempDir& dir, const std::string& run, const std::string& extra) {
  auto r = run_anvil("train --data d.jsonl --run-dir " + run + " " + kTiny + extra, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.output;
}

// The "final val loss X" line of a training run's output; empty (and a failure) when missing.
std::string val_loss_line(const std::string& output) {
  const auto at = output.find("final val loss ");
  EXPECT_NE(at, std::string::npos) << output;
  return at == std::string::npos ? std::string() : output.substr(at, output.find('\n', at) - at);
}

// lm.loss_chunk computes the same loss without the whole logits: a run with it ends at the
// same validation loss as the plain run (float summation order aside).
TEST(LmCli, LossChunkTrainsTheSameModel) {
  TempDir dir("lm-chunk");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 60 --seed 2 -o d.jsonl", dir.path())
                .exit_code,
            0);
  const auto final_loss = [&](const std::string& run, const std::string& extra) {
    const auto line = val_loss_line(train_tiny(dir, run, extra));
    return line.empty() ? -1.0 : std::stod(line.substr(15));
  };
  const double plain = final_loss("plain", "lm.loss_chunk=0");
  const double chunked = final_loss("chunked", "lm.loss_chunk=37 lm.prompt_loss_weight=0");
  EXPECT_GT(plain, 0);
  EXPECT_NEAR(chunked, plain, 1e-3 * plain);
  EXPECT_EQ(
      run_anvil("train --data d.jsonl --run-dir bad " + kTiny + "lm.loss_chunk=-1", dir.path())
          .exit_code,
      2);
}

// Resuming a run that had finished trains nothing more and reports the finished model's
// validation loss (it used to print nan: no epoch ran, so no evaluation did).
TEST(LmCli, ResumingAFinishedRunReportsItsValidationLoss) {
  TempDir dir("lm-resume-finished");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 60 --seed 2 -o d.jsonl", dir.path())
                .exit_code,
            0);
  const std::string trained = val_loss_line(train_tiny(dir, "run", ""));
  auto resumed = run_anvil("train --resume run " + kTiny, dir.path());
  ASSERT_EQ(resumed.exit_code, 0) << resumed.output;
  const std::string again = val_loss_line(resumed.output);
  ASSERT_FALSE(trained.empty());
  ASSERT_FALSE(again.empty());
  EXPECT_EQ(again.find("nan"), std::string::npos) << again;
  EXPECT_NEAR(std::stod(again.substr(15)), std::stod(trained.substr(15)), 1e-4) << resumed.output;
}

// Gradient checkpointing recomputes each layer in backward: the same training run to the bit.
// A bf16 frozen base trains the LoRA adapter; it needs LoRA, and fp16 needs a CUDA device.
TEST(LmCli, GradientCheckpointingAndABf16BaseTrain) {
  TempDir dir("lm-ckpt");
  ASSERT_EQ(run_anvil("datagen --specialist spam_detection -n 60 --seed 2 -o d.jsonl", dir.path())
                .exit_code,
            0);
  const auto val_loss = [&](const std::string& run, const std::string& extra) {
    const auto output = train_tiny(dir, run, extra);
    const auto line = val_loss_line(output);
    if (!line.empty()) {
      EXPECT_NE(output.find("memory estimate for a step: "), std::string::npos) << output;
    }
    return line;
  };
  const auto plain = val_loss("plain", "");
  EXPECT_EQ(val_loss("ckpt", "lm.gradient_checkpointing=true"), plain);
  EXPECT_EQ(read_text(dir / "ckpt/model/model.safetensors"),
            read_text(dir / "plain/model/model.safetensors"));
  const std::string lora = "lora.enabled=true lm.base_model=plain/model lora.r=4 train.lr=1e-2 ";
  EXPECT_FALSE(val_loss("bf16", lora + "lm.base_dtype=bf16").empty());
  EXPECT_FALSE(
      val_loss("bf16ckpt", lora + "lm.base_dtype=bf16 lm.gradient_checkpointing=true").empty());
  const auto no_lora =
      run_anvil("train --data d.jsonl --run-dir bad1 " + kTiny + "lm.base_dtype=bf16", dir.path());
  EXPECT_EQ(no_lora.exit_code, 2) << no_lora.output;
  EXPECT_NE(no_lora.output.find("lm.base_dtype"), std::string::npos) << no_lora.output;
  const auto fp16 = run_anvil(
      "train --data d.jsonl --run-dir bad2 " + kTiny + lora + "lm.base_dtype=fp16", dir.path());
  EXPECT_EQ(fp16.exit_code, 2) << fp16.output;
  EXPECT_NE(fp16.output.find("CUDA"), std::string::npos) << fp16.output;
}

}  // namespace
}  // namespace anvil::testing
