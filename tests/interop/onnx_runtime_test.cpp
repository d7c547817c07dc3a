// ONNX files exported by anvil, run by ONNX Runtime (onnxruntime-node's CPU provider,
// tests/interop/onnxruntime_run.mjs) on the same inputs as anvil's own forward pass: every output
// of both classifier architectures (real requests through encode_requests) and the full logits of
// language models (a left-padded batch with an attention mask) must agree within 1e-4, at batch
// sizes and lengths other than each other's, which checks the dynamic axes. Skipped only when
// node/npm are missing. The files must also pass the onnx package's checker.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "anvil/core/fs.h"
#include "anvil/interop/export_source.h"
#include "anvil/interop/onnx_export.h"
#include "anvil/models/intent_features.h"
#include "anvil/models/intent_model.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"

namespace anvil::interop {
namespace {

using nlohmann::json;
using testing::run_anvil;
using testing::run_command;

constexpr double kTolerance = 1e-4;

json feed(const torch::Tensor& t) {
  auto c = t.contiguous();
  json data = json::array();
  std::string type;
  if (c.scalar_type() == torch::kBool) {
    type = "bool";
    for (int64_t i = 0; i < c.numel(); ++i) data.push_back(c.data_ptr<bool>()[i]);
  } else if (c.scalar_type() == torch::kInt64) {
    type = "int64";
    for (int64_t i = 0; i < c.numel(); ++i) data.push_back(c.data_ptr<int64_t>()[i]);
  } else {
    type = "float32";
    c = c.to(torch::kFloat32);
    for (int64_t i = 0; i < c.numel(); ++i) data.push_back(c.data_ptr<float>()[i]);
  }
  return {{"type", type}, {"dims", c.sizes().vec()}, {"data", data}};
}

// Largest |ONNX Runtime - anvil| over one output; fails the test if the shapes differ.
double max_abs_diff(const json& result, const torch::Tensor& expected, const std::string& what) {
  const auto dims = result["dims"].get<std::vector<int64_t>>();
  EXPECT_EQ(dims, expected.sizes().vec()) << what;
  if (dims != expected.sizes().vec()) return INFINITY;
  auto e = expected.contiguous().to(torch::kFloat32);
  const float* p = e.data_ptr<float>();
  double worst = 0;
  for (int64_t i = 0; i < e.numel(); ++i)
    worst = std::max(worst, std::abs(result["data"][i].get<double>() - p[i]));
  return worst;
}

class OnnxRuntime : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto setup = testing::ensure_npm_packages("onnxruntime-npm");
    skip_reason_ = setup.skip_reason;
    ASSERT_EQ(setup.error, "");
    if (!skip_reason_.empty()) return;
    dir_ = new testing::TempDir("onnx_runtime");
    const std::string d = dir_->path();
    ASSERT_EQ(run_anvil("datagen -n 400 --seed 3 -o intents.jsonl", d).exit_code, 0);
    ASSERT_EQ(run_anvil("datagen -n 12 --seed 77 -o requests.jsonl", d).exit_code, 0);
    for (const char* type : {"pointer_cnn", "multihead_cnn"}) {
      const auto t = run_anvil(std::string("train --data intents.jsonl --run-dir ") + type +
                                   " -q model.type=" + type +
                                   " model.embed_dim=16 model.channels=[16,16,24] "
                                   "train.epochs=1 train.batch_size=32 run.threads=1",
                               d);
      ASSERT_EQ(t.exit_code, 0) << t.output;
      const auto e =
          run_anvil(std::string("export onnx --model ") + type + "/model -o " + type + ".onnx", d);
      ASSERT_EQ(e.exit_code, 0) << e.output;
    }
    ASSERT_EQ(run_anvil("datagen --specialist spam_detection,sentiment_analysis -n 80 --seed 2 "
                        "-o lm.jsonl",
                        d)
                  .exit_code,
              0);
    const auto t = run_anvil(
        "train --data lm.jsonl --run-dir lm -q model.type=llama llama.hidden_size=32 "
        "llama.intermediate_size=64 llama.layers=2 llama.heads=4 llama.kv_heads=2 "
        "llama.max_position=256 lm.tokenizer_vocab=300 lm.seq_len=256 lm.eval_per_specialist=1 "
        "lm.max_new_tokens=4 train.epochs=1 train.batch_size=4 train.warmup_steps=2 "
        "run.threads=1",
        d);
    ASSERT_EQ(t.exit_code, 0) << t.output;
    const auto e = run_anvil("export onnx --model lm/model -o lm.onnx", d);
    ASSERT_EQ(e.exit_code, 0) << e.output;
    std::istringstream lines(read_file(d + "/requests.jsonl"));
    for (std::string line; std::getline(lines, line);)
      requests_.push_back(json::parse(line)["text"].get<std::string>());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
  }

  // ONNX Runtime's answer for `model` (relative to the test folder or absolute) on `feeds`.
  static json onnxruntime(const std::string& model, const json& feeds) {
    const std::string feeds_path = dir_->path() + "/feeds.json";
    write_file_atomic(feeds_path, feeds.dump());
    const std::string path = model[0] == '/' ? model : dir_->path() + "/" + model;
    const auto r =
        run_command("node '" ANVIL_SOURCE_DIR "/tests/interop/onnxruntime_run.mjs' '" +
                    testing::npm_cache_dir() + "/onnxruntime' '" + path + "' '" + feeds_path + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return r.exit_code == 0 ? json::parse(r.output) : json::object();
  }

  // Both runtimes on `texts` through encode_requests; `numbers` > 0 keeps only that many
  // candidate-number columns (the pointer model's "numbers" axis is dynamic). Returns the largest
  // difference per output.
  static std::map<std::string, double> classifier_differences(const std::string& type,
                                                              const std::vector<std::string>& texts,
                                                              int64_t numbers = 0) {
    auto model = models::load_intent_model(dir_->path() + "/" + type + "/model", torch::kCPU);
    const auto& c = model.net->config();
    auto in = models::encode_requests(texts, c.max_length, c.max_numbers);
    if (numbers > 0) {
      in.number_first = in.number_first.narrow(1, 0, numbers);
      in.number_last = in.number_last.narrow(1, 0, numbers);
      in.number_mask = in.number_mask.narrow(1, 0, numbers);
      in.number_values = in.number_values.narrow(1, 0, numbers);
    }
    torch::NoGradGuard no_grad;
    const auto expected = model.net->forward(in);
    json feeds = {{"tokens", feed(in.tokens)}};
    if (type == "pointer_cnn") {
      feeds["number_first"] = feed(in.number_first);
      feeds["number_last"] = feed(in.number_last);
      feeds["number_mask"] = feed(in.number_mask);
    }
    const auto ort = onnxruntime(type + ".onnx", feeds);
    std::map<std::string, torch::Tensor> outputs = {{"intent_logits", expected.intent_logits},
                                                    {"count_logits", expected.count_logits},
                                                    {"operand_logits", expected.operand_logits}};
    if (expected.sign_logits.defined()) outputs["sign_logits"] = expected.sign_logits;
    std::map<std::string, double> diffs;
    EXPECT_EQ(ort["results"].size(), outputs.size()) << ort.dump().substr(0, 400);
    for (const auto& [name, tensor] : outputs) {
      EXPECT_TRUE(ort["results"].contains(name)) << type << ": no output " << name;
      if (!ort["results"].contains(name)) continue;
      diffs[name] = max_abs_diff(ort["results"][name], tensor, type + " " + name);
      std::printf("%s %s: batch %zu, length %lld, max |onnxruntime - anvil| = %.3g\n", type.c_str(),
                  name.c_str(), texts.size(), static_cast<long long>(in.tokens.size(1)),
                  diffs[name]);
    }
    return diffs;
  }

  // Both runtimes on a left-padded batch: sequence i has lengths[i] random tokens after
  // (max - lengths[i]) padding positions. Returns the largest logit difference.
  static double lm_difference(const std::string& onnx_file, models::LlamaForCausalLM model,
                              const std::vector<int64_t>& lengths, uint64_t seed) {
    const int64_t b = static_cast<int64_t>(lengths.size());
    const int64_t t = *std::max_element(lengths.begin(), lengths.end());
    torch::manual_seed(seed);
    auto ids = torch::randint(model->config().vocab_size, {b, t}, torch::kInt64);
    auto mask = torch::ones({b, t}, torch::kInt64);
    for (int64_t i = 0; i < b; ++i) {
      const int64_t pad = t - lengths[static_cast<size_t>(i)];
      mask[i].narrow(0, 0, pad).zero_();
      ids[i].narrow(0, 0, pad).fill_(0);
    }
    torch::NoGradGuard no_grad;
    models::LlamaInputs in;
    in.input_ids = ids;
    in.attention_mask = mask;
    const auto expected = model->forward(in);
    const auto ort =
        onnxruntime(onnx_file, {{"input_ids", feed(ids)}, {"attention_mask", feed(mask)}});
    EXPECT_TRUE(ort["results"].contains("logits")) << ort.dump().substr(0, 400);
    if (!ort["results"].contains("logits")) return INFINITY;
    const double d = max_abs_diff(ort["results"]["logits"], expected, onnx_file + " logits");
    std::printf("%s logits: batch %lld, sequence %lld, max |onnxruntime - anvil| = %.3g\n",
                onnx_file.c_str(), static_cast<long long>(b), static_cast<long long>(t), d);
    return d;
  }

  static inline std::string skip_reason_;
  static inline testing::TempDir* dir_ = nullptr;
  static inline std::vector<std::string> requests_;
};

TEST_F(OnnxRuntime, PointerClassifierOutputsMatchAnvilOnRealRequests) {
  for (const auto& [name, d] : classifier_differences("pointer_cnn", requests_))
    EXPECT_LE(d, kTolerance) << name;
}

TEST_F(OnnxRuntime, MultiheadClassifierOutputsMatchAnvilOnRealRequests) {
  const auto diffs = classifier_differences("multihead_cnn", requests_);
  EXPECT_EQ(diffs.count("sign_logits"), 1u);
  for (const auto& [name, d] : diffs) EXPECT_LE(d, kTolerance) << name;
}

TEST_F(OnnxRuntime, ClassifierBatchLengthAndNumberAxesAreDynamic) {
  // Another batch size, another padded length (a long request) and fewer number columns.
  const std::vector<std::string> texts = {
      "add 12 and 30",
      "what is 7 times -4, then subtract 100 from it please, quickly, now " + std::string(40, 'x')};
  for (const auto& [name, d] : classifier_differences("pointer_cnn", texts, 3))
    EXPECT_LE(d, kTolerance) << name;
  for (const auto& [name, d] : classifier_differences("multihead_cnn", {texts[1]}))
    EXPECT_LE(d, kTolerance) << name;
}

// ---------------------------------------------------------------- language models

TEST_F(OnnxRuntime, TrainedLanguageModelLogitsMatchAnvilWithLeftPadding) {
  auto model = load_language_model_for_export(dir_->path() + "/lm/model");
  EXPECT_LE(lm_difference("lm.onnx", model, {5, 11, 8}, 1), kTolerance);
  EXPECT_LE(lm_difference("lm.onnx", model, {17}, 2), kTolerance);
}

TEST_F(OnnxRuntime, LanguageModelDeclaresDynamicBatchAndSequenceAxes) {
  const auto ort =
      onnxruntime("lm.onnx", {{"input_ids", feed(torch::ones({1, 2}, torch::kInt64))},
                              {"attention_mask", feed(torch::ones({1, 2}, torch::kInt64))}});
  ASSERT_EQ(ort["inputs"].size(), 2u) << ort.dump().substr(0, 400);
  EXPECT_EQ(ort["inputs"][0]["name"], "input_ids");
  EXPECT_EQ(ort["inputs"][0]["shape"], json({"batch", "sequence"}));
  EXPECT_EQ(ort["inputs"][1]["name"], "attention_mask");
  EXPECT_EQ(ort["outputs"][0]["name"], "logits");
  EXPECT_EQ(ort["outputs"][0]["shape"][0], "batch");
  EXPECT_EQ(ort["outputs"][0]["shape"][1], "sequence");
}

TEST_F(OnnxRuntime, Qwen2StyleModelWithBiasesUntiedHeadAndGqaMatchesAnvil) {
  // Features the trained model does not have: q/k/v biases, an untied LM head, 4 query heads per
  // key/value head, another rope_theta. Random weights large enough to make attention peaked.
  models::LlamaConfig c;
  c.vocab_size = 53;
  c.hidden_size = 32;
  c.intermediate_size = 40;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 1;
  c.max_position_embeddings = 64;
  c.rope_theta = 1e6;
  c.rms_norm_eps = 1e-6;
  c.tie_word_embeddings = false;
  c.attention_bias = true;
  c.architecture = "Qwen2ForCausalLM";
  torch::manual_seed(5);
  models::LlamaForCausalLM model(c);
  {
    torch::NoGradGuard no_grad;
    for (auto& p : model->parameters()) p.normal_(0, p.dim() == 1 ? 0.5 : 0.3);
  }
  model->eval();
  const std::string path = dir_->path() + "/qwen2.onnx";
  write_file_atomic(path, io::serialize_onnx(llama_to_onnx(model)));
  EXPECT_LE(lm_difference(path, model, {9, 3, 14, 1}, 3), kTolerance);
}

// ---------------------------------------------------------------- the onnx package's checker

TEST_F(OnnxRuntime, ExportsPassTheOnnxCheckerWithStrictShapeInference) {
  // Debian's python3-onnx (1.12, scripts/packages.d/onnx.list): the reference checker, with
  // full_check running strict shape inference over every node, and the declared version pair.
  if (run_command("/usr/bin/python3 -c 'import onnx'").exit_code != 0)
    GTEST_SKIP() << "python3-onnx is not installed (bash scripts/setup --tests installs it)";
  for (const char* file : {"pointer_cnn.onnx", "multihead_cnn.onnx", "lm.onnx"}) {
    const auto r = run_command(
        "/usr/bin/python3 -c 'import onnx, sys; m = onnx.load(sys.argv[1]); "
        "onnx.checker.check_model(m, full_check=True); "
        "print(m.ir_version, [(o.domain, o.version) for o in m.opset_import])' '" +
        dir_->path() + "/" + file + "'");
    EXPECT_EQ(r.exit_code, 0) << file << ": " << r.output;
    EXPECT_EQ(r.output, "8 [('', 17)]\n") << file;
  }
}

}  // namespace
}  // namespace anvil::interop
