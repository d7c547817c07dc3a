// GGUF files exported by anvil, run by llama.cpp itself (node-llama-cpp's prebuilt CPU binaries,
// tests/interop/llama_cpp_greedy.mjs): llama.cpp must tokenize real prompts to anvil's ids and,
// from the same prompt ids, generate the same greedy tokens as `anvil generate` on the same file,
// for F32, F16 and Q8_0 (Q4_K_M: the agreement rate is reported). That checks the metadata, the
// tokenizer, the tensor names and the Q/K rotary permutation end to end. Skipped only when
// node/npm are missing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "anvil/core/fs.h"
#include "anvil/io/gguf.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"
#include "support/tiny_lm.h"

namespace anvil::interop {
namespace {

using nlohmann::json;
using testing::run_anvil;
using testing::run_command;

class GgufRuntime : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto setup = testing::ensure_npm_packages("llama-cpp-npm");
    skip_reason_ = setup.skip_reason;
    ASSERT_EQ(setup.error, "");
    if (!skip_reason_.empty()) return;
    dir_ = new testing::TempDir("gguf_runtime");
    const std::string d = dir_->path();
    ASSERT_TRUE(
        anvil_ok("datagen --specialist date_normalization,unit_conversion -n 300 --seed 2 "
                 "-o train.jsonl"));
    ASSERT_TRUE(
        anvil_ok("datagen --specialist date_normalization,unit_conversion -n 8 --seed 99 "
                 "-o prompts.jsonl"));
    ASSERT_TRUE(anvil_ok(
        "train --data train.jsonl --run-dir run -q model.type=llama llama.hidden_size=64 "
        "llama.intermediate_size=128 llama.layers=2 llama.heads=4 llama.kv_heads=2 "
        "llama.max_position=512 lm.tokenizer_vocab=400 lm.seq_len=256 lm.eval_per_specialist=1 "
        "lm.max_new_tokens=8 train.epochs=2 train.batch_size=4 train.warmup_steps=2 "
        "run.threads=1 lm.precision=fp32"));
    for (const char* type : {"f32", "f16", "q8_0", "q4_k_m"})
      ASSERT_TRUE(anvil_ok(std::string("export gguf --model run/model --type ") + type +
                           " -o model-" + type + ".gguf"));
    prompts_ = read_prompts(d + "/prompts.jsonl");
    // A second model whose tokenizer uses the cl100k pre-tokenizer (numbers in 3-digit chunks,
    // GGUF pre = llama3), checked on number-heavy prompts.
    ASSERT_TRUE(
        anvil_ok("datagen --specialist address_parsing,product_categorization -n 300 "
                 "--seed 4 -o train-cl.jsonl"));
    ASSERT_TRUE(
        anvil_ok("datagen --specialist address_parsing,product_categorization -n 8 "
                 "--seed 98 -o prompts-cl.jsonl"));
    ASSERT_TRUE(anvil_ok(
        "train --data train-cl.jsonl --run-dir run-cl -q model.type=llama llama.hidden_size=32 "
        "llama.intermediate_size=64 llama.layers=1 llama.heads=2 llama.kv_heads=1 "
        "llama.max_position=512 lm.tokenizer_pattern=cl100k lm.tokenizer_vocab=1200 "
        "lm.seq_len=256 lm.eval_per_specialist=0 train.epochs=1 train.batch_size=8 "
        "train.warmup_steps=2 run.threads=1 lm.precision=fp32"));
    ASSERT_TRUE(anvil_ok("export gguf --model run-cl/model --type f32 -o model-cl100k.gguf"));
    cl100k_prompts_ = read_prompts(d + "/prompts-cl.jsonl");
    // (The first model learns short records: date_normalization and unit_conversion fit its rows;
    // spam and sentiment records grew past them when their generators were widened.)
    // Every model here trains in fp32 (lm.precision auto picks bf16 on a CPU with AVX-512 BF16,
    // where the LoRA run's first steps at lr 1e-2 failed the pre-training loop check).
    // A LoRA adapter on the first model, trained on other specialists so that it changes what the
    // model says (q, k, v and o projections: the rotary permutation of Q/K applies to B), exported
    // as llama.cpp's adapter GGUF, and merged as the reference.
    ASSERT_TRUE(anvil_ok(
        "train --data train-cl.jsonl --run-dir lora -q model.type=llama lm.base_model=run/model "
        "lora.enabled=true lora.r=4 lora.alpha=32 "
        "'lora.target_modules=[q_proj,k_proj,v_proj,o_proj]' "
        "lm.seq_len=256 lm.eval_per_specialist=0 train.epochs=2 train.lr=3e-3 train.batch_size=4 "
        "train.warmup_steps=2 run.threads=1 lm.precision=fp32"));
    ASSERT_TRUE(anvil_ok("export gguf --adapter lora/model --type f32 -o adapter-f32.gguf"));
    ASSERT_TRUE(anvil_ok("lora merge --adapter lora/model -o merged"));
  }
  // `anvil ARGS` in the suite's folder exits 0 (else the failure carries its output).
  static ::testing::AssertionResult anvil_ok(const std::string& args) {
    const auto r = run_anvil(args, dir_->path());
    if (r.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "anvil " << args << " exited " << r.exit_code << "\n"
                                         << r.output;
  }
  static std::vector<std::string> read_prompts(const std::string& path) {
    std::vector<std::string> out;
    std::istringstream lines(read_file(path));
    for (std::string line; std::getline(lines, line);)
      out.push_back(json::parse(line)["prompt"].get<std::string>() + "\n\nAssistant: ");
    return out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
  }

  // `anvil generate --json` on `model` for every prompt (one batch): one object per prompt.
  static std::vector<json> anvil_greedy(const std::string& model) {
    return anvil_greedy(model, prompts_);
  }
  static std::vector<json> anvil_greedy(const std::string& model,
                                        const std::vector<std::string>& prompts) {
    std::string args = "generate --json --max-tokens 24 --model " + model;
    for (const auto& p : prompts) args += " " + shell_quote(p);
    const auto r = run_anvil(args + " 2>/dev/null", dir_->path());
    EXPECT_EQ(r.exit_code, 0) << r.output;
    std::vector<json> out;
    std::istringstream lines(r.output);
    for (std::string line; std::getline(lines, line);)
      if (!line.empty() && line[0] == '{') out.push_back(json::parse(line));
    EXPECT_EQ(out.size(), prompts.size()) << r.output;
    return out;
  }

  // llama.cpp on `model`, starting from anvil's prompt ids, as many tokens as anvil generated.
  static json llama_cpp_greedy(const std::string& model, const std::vector<json>& anvil,
                               const std::string& lora = "") {
    json cases = json::array();
    for (const auto& a : anvil)
      cases.push_back(
          {{"prompt", a["prompt"]}, {"prompt_ids", a["prompt_ids"]}, {"n", a["ids"].size()}});
    write_file_atomic(dir_->path() + "/cases.json", cases.dump());
    const auto r =
        run_command("node '" ANVIL_SOURCE_DIR "/tests/interop/llama_cpp_greedy.mjs' '" +
                    testing::npm_cache_dir() + "/llama-cpp' '" + dir_->path() + "/" + model +
                    "' '" + dir_->path() + "/cases.json'" +
                    (lora.empty() ? "" : " '" + dir_->path() + "/" + lora + "'") + " 2>/dev/null");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return json::parse(r.output);
  }

  static std::string shell_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  }

  static inline std::string skip_reason_;
  static inline testing::TempDir* dir_ = nullptr;
  static inline std::vector<std::string> prompts_, cl100k_prompts_;
};

TEST_F(GgufRuntime, LlamaCppTokenizesRealPromptsLikeAnvil) {
  const auto anvil = anvil_greedy("model-f32.gguf");
  const auto cpp = llama_cpp_greedy("model-f32.gguf", anvil);
  ASSERT_EQ(cpp.size(), anvil.size());
  for (size_t i = 0; i < anvil.size(); ++i)
    EXPECT_EQ(cpp[i]["tokenized"], anvil[i]["prompt_ids"])
        << "prompt " << i << ": " << anvil[i]["prompt"];
}

TEST_F(GgufRuntime, F32ExportGeneratesWhatTheOriginalModelGenerates) {
  const auto original = anvil_greedy("run/model");
  const auto exported = anvil_greedy("model-f32.gguf");
  ASSERT_EQ(original.size(), exported.size());
  for (size_t i = 0; i < original.size(); ++i)
    EXPECT_EQ(exported[i]["ids"], original[i]["ids"]) << "prompt " << i;
}

// Where llama.cpp's greedy sequence first leaves anvil's: the index, or ids.size() if never.
size_t first_divergence(const json& anvil_ids, const json& cpp_ids) {
  size_t k = 0;
  while (k < anvil_ids.size() && k < cpp_ids.size() && anvil_ids[k] == cpp_ids[k]) ++k;
  return k;
}

// llama.cpp computes F16 and Q8_0 matrix products on activations rounded to F16 / quantized to
// Q8_0, anvil on float32 activations, so a greedy choice between two nearly equal logits may go
// either way. Sequences must agree token for token, except that they may part at a near-tie:
// where anvil's best and second-best logits are within `tie` of each other.
void expect_same_greedy_tokens(const std::vector<json>& anvil, const json& cpp,
                               const std::string& type, double tie) {
  ASSERT_EQ(cpp.size(), anvil.size());
  size_t agreed = 0, total = 0;
  for (size_t i = 0; i < anvil.size(); ++i) {
    const auto& a = anvil[i]["ids"];
    const auto& c = cpp[i]["generated"];
    ASSERT_EQ(c.size(), a.size()) << type << ", prompt " << i;
    const size_t k = first_divergence(a, c);
    agreed += k;
    total += a.size();
    if (k < a.size()) {
      const double margin = anvil[i]["margins"][k].get<double>();
      EXPECT_LT(margin, tie) << type << ", prompt " << i << ": llama.cpp chose " << c[k]
                             << " where anvil chose " << a[k] << " with a logit margin of "
                             << margin << " (not a near-tie)\nanvil:     " << a
                             << "\nllama.cpp: " << c;
    }
  }
  std::printf("%s: llama.cpp and anvil agree on %zu of %zu greedy tokens\n", type.c_str(), agreed,
              total);
  EXPECT_GT(total, 8 * anvil.size()) << "too few tokens generated to compare";
}

TEST_F(GgufRuntime, LlamaCppTokenizesNumbersLikeAnvilWithTheCl100kPreTokenizer) {
  const auto anvil = anvil_greedy("model-cl100k.gguf", cl100k_prompts_);
  const auto cpp = llama_cpp_greedy("model-cl100k.gguf", anvil);
  ASSERT_EQ(cpp.size(), anvil.size());
  for (size_t i = 0; i < anvil.size(); ++i)
    EXPECT_EQ(cpp[i]["tokenized"], anvil[i]["prompt_ids"])
        << "prompt " << i << ": " << anvil[i]["prompt"];
  // The same greedy tokens as well (float32 on both sides).
  expect_same_greedy_tokens(anvil, cpp, "cl100k f32", 1e-3);
}

TEST_F(GgufRuntime, LlamaCppGeneratesAnvilsGreedyTokensForF32F16AndQ8_0) {
  // F32: both compute in float32 (tie = float rounding); F16/Q8_0: activation rounding in ggml.
  for (const auto& [type, tie] :
       {std::pair<std::string, double>{"f32", 1e-3}, {"f16", 0.05}, {"q8_0", 0.05}}) {
    const std::string model = "model-" + type + ".gguf";
    const auto anvil = anvil_greedy(model);
    expect_same_greedy_tokens(anvil, llama_cpp_greedy(model, anvil), type, tie);
  }
}

TEST_F(GgufRuntime, LlamaCppWithTheAdapterGgufGeneratesTheMergedModelsTokens) {
  const auto merged = anvil_greedy("merged");
  const auto base = anvil_greedy("model-f32.gguf");
  size_t changed = 0;
  for (size_t i = 0; i < merged.size(); ++i) changed += merged[i]["ids"] != base[i]["ids"];
  ASSERT_GT(changed, 0u) << "the adapter changes no greedy sequence: the test could not fail";
  const io::GgufFile adapter = io::read_gguf(dir_->path() + "/adapter-f32.gguf");
  EXPECT_EQ(adapter.find("general.type")->as_string(), "adapter");
  EXPECT_EQ(adapter.find("adapter.type")->as_string(), "lora");
  EXPECT_FLOAT_EQ(adapter.find("adapter.lora.alpha")->as_f32(), 32.0f);
  EXPECT_NE(adapter.find_tensor("blk.0.attn_q.weight.lora_b"), nullptr);
  // llama.cpp: the base GGUF plus the adapter GGUF, from the merged model's prompt ids.
  expect_same_greedy_tokens(merged, llama_cpp_greedy("model-f32.gguf", merged, "adapter-f32.gguf"),
                            "f32 base + LoRA adapter", 1e-3);
  std::printf("the adapter changed %zu of %zu greedy sequences\n", changed, merged.size());
}

// The same for a Qwen2-architecture model (q/k/v biases, untied head, no rotary permutation in
// llama.cpp's qwen2 layout) built with random weights and a random adapter on all attention
// projections, as a model anvil did not train would come.
TEST_F(GgufRuntime, Qwen2AdapterGgufRunsInLlamaCppAsTheMergedModel) {
  const std::string d = dir_->path();
  const auto tok = testing::tiny_tokenizer({"<|endoftext|>", "<|pad|>"}, 400);
  models::LlamaConfig c;
  c.vocab_size = tok.vocab_size();
  c.hidden_size = 64;
  c.intermediate_size = 96;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.max_position_embeddings = 512;
  c.tie_word_embeddings = false;
  c.architecture = "Qwen2ForCausalLM";
  c.attention_bias = true;
  c.eos_token_id = tok.token_id("<|endoftext|>");
  torch::manual_seed(5);
  models::LlamaForCausalLM m(c);
  {
    torch::NoGradGuard g;
    for (auto& p : m->parameters()) p.normal_(0, 0.3);
  }
  models::save_llama(m, d + "/qwen");
  tokenize::save_tokenizer_json(tok, d + "/qwen/tokenizer.json");
  models::LoraOptions lo;
  lo.r = 4;
  lo.alpha = 16;
  const std::vector<std::string> targets = {"q_proj", "k_proj", "v_proj", "o_proj"};
  m->add_lora(lo, targets);
  {
    torch::NoGradGuard g;
    for (auto& p : m->named_parameters())
      if (p.key().find("lora_") != std::string::npos) p.value().normal_(0, 0.3);
  }
  models::save_peft_adapter(m, d + "/qwen", lo, targets, d + "/qwen-lora");
  tokenize::save_tokenizer_json(tok, d + "/qwen-lora/tokenizer.json");
  ASSERT_TRUE(anvil_ok("export gguf --model qwen --type f32 -o qwen.gguf"));
  ASSERT_TRUE(anvil_ok("export gguf --adapter qwen-lora --type f32 -o qwen-lora.gguf"));
  ASSERT_TRUE(anvil_ok("lora merge --adapter qwen-lora -o qwen-merged"));
  EXPECT_EQ(io::read_gguf(d + "/qwen-lora.gguf").find("general.architecture")->as_string(),
            "qwen2");
  const auto merged = anvil_greedy("qwen-merged");
  const auto base = anvil_greedy("qwen.gguf");
  size_t changed = 0;
  for (size_t i = 0; i < merged.size(); ++i) changed += merged[i]["ids"] != base[i]["ids"];
  ASSERT_GT(changed, 0u) << "the adapter changes no greedy sequence: the test could not fail";
  // Random weights of standard deviation 0.3 give logits far larger than a trained model's, and
  // llama.cpp applies the adapter at run time (x W + (x A) B) where the merged model holds W + BA:
  // float32 rounding in the two orders moves such logits by more than 1e-3 (a margin of 0.0019
  // parted the two on one of session 25's date prompts, 187 of 192 tokens agreeing), so a
  // near-tie here is 5e-3.
  expect_same_greedy_tokens(merged, llama_cpp_greedy("qwen.gguf", merged, "qwen-lora.gguf"),
                            "qwen2 f32 base + LoRA adapter", 5e-3);
}

TEST_F(GgufRuntime, Q4KMAgreementIsReported) {
  const auto anvil = anvil_greedy("model-q4_k_m.gguf");
  const auto cpp = llama_cpp_greedy("model-q4_k_m.gguf", anvil);
  ASSERT_EQ(cpp.size(), anvil.size());
  size_t same = 0, total = 0;
  for (size_t i = 0; i < anvil.size(); ++i) {
    const auto& a = anvil[i]["ids"];
    const auto& c = cpp[i]["generated"];
    ASSERT_EQ(c.size(), a.size());
    // Greedy sequences that diverge once differ afterwards anyway: count the common prefix.
    same += first_divergence(a, c);
    total += a.size();
  }
  const double rate = static_cast<double>(same) / static_cast<double>(total);
  RecordProperty("q4_k_m_greedy_prefix_agreement", std::to_string(rate));
  std::printf("q4_k_m: llama.cpp and anvil agree on %zu of %zu greedy tokens (%.1f%%)\n", same,
              total, 100 * rate);
  EXPECT_GT(total, 0u);
}

}  // namespace
}  // namespace anvil::interop
