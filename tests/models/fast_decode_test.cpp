// FastDecoder against the model's own batched forward: after a prompt's cache is loaded, each
// decoded token's logits equal the full forward's logits at that position (no cache, LibTorch's
// operators) for a Llama-style (GQA, tied head) and a Qwen2-style (q/k/v biases, own head) model;
// generate() with one prompt gives the uncached path's tokens; what it cannot run is named.
#include "anvil/models/fast_decode.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/models/generation.h"
#include "anvil/models/llama.h"
#include "support/tiny_lm.h"

namespace anvil::models {
namespace {

LlamaForCausalLM make_model(bool qwen2) {
  LlamaConfig c;
  c.vocab_size = 97;
  c.hidden_size = 48;
  c.intermediate_size = 80;
  c.num_hidden_layers = 2;
  c.num_attention_heads = qwen2 ? 4 : 6;
  c.num_key_value_heads = qwen2 ? 4 : 2;
  c.max_position_embeddings = 64;
  c.tie_word_embeddings = !qwen2;
  c.attention_bias = qwen2;
  c.rope_theta = qwen2 ? 1e6 : 1e4;
  torch::manual_seed(qwen2 ? 5 : 4);
  LlamaForCausalLM m(c);
  torch::NoGradGuard g;
  for (auto& p : m->parameters()) p.normal_(0, 0.2);
  m->eval();
  return m;
}

TEST(FastDecode, EachTokensLogitsAreTheFullForwardsAtItsPosition) {
  torch::NoGradGuard g;
  for (bool qwen2 : {false, true}) {
    auto model = make_model(qwen2);
    ASSERT_EQ(FastDecoder::unsupported_reason(model), "");
    const auto ids = torch::randint(0, 97, {1, 30}, torch::kInt64);
    const auto full = model->forward({ids});  // [1, 30, V], no cache
    KvCache cache;
    LlamaInputs prompt{ids.narrow(1, 0, 11)};
    prompt.cache = &cache;
    model->forward(prompt);
    FastDecoder fast(model, 40);
    fast.load_cache(cache);
    EXPECT_EQ(fast.length(), 11);
    double worst = 0;
    for (int64_t t = 11; t < 30; ++t) {
      const auto& logits = fast.step(ids[0][t].item<int64_t>());
      const auto got = torch::from_blob(const_cast<float*>(logits.data()), {97});
      worst = std::max(worst, (got - full[0][t]).abs().max().item<double>());
    }
    EXPECT_LT(worst, 1e-4) << (qwen2 ? "qwen2" : "llama");
    EXPECT_EQ(fast.length(), 30);
  }
}

// Weights that are exact in IEEE half (as read from an F16 GGUF) or bfloat16 are decoded from a
// 16-bit copy: half the bytes, and the same logits as the full forward and as float32 decoding.
TEST(FastDecode, WeightsExactIn16BitsAreReadFromAHalfSizeCopyWithTheSameLogits) {
  torch::NoGradGuard g;
  for (auto dtype : {torch::kHalf, torch::kBFloat16}) {
    auto model = make_model(false);
    for (auto& p : model->parameters()) p.copy_(p.to(dtype).to(torch::kFloat32));
    const auto ids = torch::randint(0, 97, {1, 24}, torch::kInt64);
    const auto full = model->forward({ids});
    KvCache cache;
    LlamaInputs prompt{ids.narrow(1, 0, 9)};
    prompt.cache = &cache;
    model->forward(prompt);
    FastDecoder compact(model, 30), plain(model, 30, /*compact_weights=*/false);
    EXPECT_EQ(compact.weight_format(), dtype == torch::kHalf ? "float16" : "bfloat16");
    EXPECT_EQ(plain.weight_format(), "float32");
    EXPECT_EQ(compact.weight_bytes() * 2, plain.weight_bytes());
    compact.load_cache(cache);
    plain.load_cache(cache);
    for (int64_t t = 9; t < 24; ++t) {
      const auto tok = ids[0][t].item<int64_t>();
      const auto a = torch::tensor(compact.step(tok)), b = torch::tensor(plain.step(tok));
      EXPECT_LT((a - full[0][t]).abs().max().item<double>(), 1e-4) << t;
      EXPECT_LT((a - b).abs().max().item<double>(), 1e-5) << t;
    }
  }
  // Trained float32 weights stay float32.
  auto model = make_model(true);
  EXPECT_EQ(FastDecoder(model, 8).weight_format(), "float32");
}

TEST(FastDecode, StopsAtItsRoomAndNamesWhatItCannotRun) {
  auto model = make_model(false);
  FastDecoder fast(model, 3);
  fast.step(1);
  fast.step(2);
  fast.step(3);
  EXPECT_THROW(fast.step(4), Error);
  EXPECT_THROW(FastDecoder(model, 8).step(97), Error);  // outside the vocabulary
  auto lora = make_model(false);
  LoraOptions lo;
  lo.r = 2;
  lora->add_lora(lo, {"q_proj"});
  EXPECT_EQ(FastDecoder::unsupported_reason(lora), "it has unmerged LoRA adapters");
  lora->merge_lora();
  EXPECT_EQ(FastDecoder::unsupported_reason(lora), "");
  auto half = make_model(true);
  half->to(torch::kBFloat16);
  EXPECT_EQ(FastDecoder::unsupported_reason(half), "the weights are not float32");
  EXPECT_THROW(FastDecoder(half, 8), Error);
}

// generate() with one prompt decodes through FastDecoder; without the cache it recomputes the
// whole sequence with LibTorch's operators each step. Greedy, the tokens are the same.
TEST(FastDecode, GenerateGivesTheUncachedPathsTokens) {
  const auto tok = anvil::testing::tiny_tokenizer({"<|endoftext|>"});
  auto model = anvil::testing::tiny_llama(tok.vocab_size(), 128);
  const std::vector<std::vector<int64_t>> prompt = {
      tok.encode("Parse this address: 400 Greenwood")};
  GenerationOptions o;
  o.max_new_tokens = 40;
  const auto fast = generate_ids(model, tok, prompt, o);
  o.use_cache = false;
  const auto slow = generate_ids(model, tok, prompt, o);
  ASSERT_EQ(fast.token_ids[0].size(), 40u);
  EXPECT_EQ(fast.token_ids, slow.token_ids);
}

// Each generated token's recorded log-probability is log_softmax of an uncached full forward over
// prompt + the tokens before it, at that position; for batched (left-padded) and single prompts,
// with a repetition penalty that changes the choice but not what is recorded.
TEST(Generation, RecordedLogProbsAreTheFullForwardsLogSoftmax) {
  const auto tok = anvil::testing::tiny_tokenizer({"<|endoftext|>"});
  auto model = anvil::testing::tiny_llama(tok.vocab_size(), 128);
  const std::vector<std::vector<int64_t>> prompts = {tok.encode("Parse this address: 400"),
                                                     tok.encode("Is this spam? The quick brown")};
  for (double penalty : {1.0, 1.3})
    for (size_t b : {size_t{1}, size_t{2}}) {
      GenerationOptions o;
      o.max_new_tokens = 6;
      o.record_logprobs = true;
      o.repetition_penalty = penalty;
      const std::vector<std::vector<int64_t>> batch(prompts.begin(), prompts.begin() + b);
      const auto r = generate_ids(model, tok, batch, o);
      torch::NoGradGuard g;
      for (size_t k = 0; k < b; ++k) {
        ASSERT_EQ(r.logprobs[k].size(), r.token_ids[k].size());
        std::vector<int64_t> ids = batch[k];
        for (size_t t = 0; t < r.token_ids[k].size(); ++t) {
          const auto logits = model->forward(LlamaInputs{torch::tensor(ids).unsqueeze(0)});
          const double want =
              torch::log_softmax(logits[0][-1].to(torch::kDouble), -1)[r.token_ids[k][t]]
                  .item<double>();
          EXPECT_NEAR(r.logprobs[k][t], want, 1e-4) << "prompt " << k << " token " << t;
          ids.push_back(r.token_ids[k][t]);
        }
      }
    }
}

// Text `inject` returns is fed in token by token in place of sampled ones (log-probability 0), the
// model then goes on from it: each later token is the uncached forward's argmax over everything
// before it, injected tokens included. Single prompts (FastDecoder) and a batch where only one
// sequence gets text.
TEST(Generation, InjectedTextIsFedInAndTheModelGoesOnFromIt) {
  const auto tok = anvil::testing::tiny_tokenizer({"<|endoftext|>"});
  auto model = anvil::testing::tiny_llama(tok.vocab_size(), 128);
  const std::vector<std::vector<int64_t>> prompts = {tok.encode("Parse this address: 400"),
                                                     tok.encode("Is this spam? The quick brown")};
  const std::string fed = "Greenwood 53773";
  const auto fed_ids = tok.encode(fed);
  for (size_t b : {size_t{1}, size_t{2}}) {
    GenerationOptions o;
    o.max_new_tokens = 12;
    o.record_logprobs = true;
    int asked = 0;
    o.inject = [&](size_t k, const std::string&) {
      return k == 0 && ++asked == 2 ? fed : std::string();
    };
    const std::vector<std::vector<int64_t>> batch(prompts.begin(), prompts.begin() + b);
    const auto r = generate_ids(model, tok, batch, o);
    const auto& ids = r.token_ids[0];
    ASSERT_EQ(ids.size(), 12u);
    const std::vector<int64_t> span(ids.begin() + 2, ids.begin() + 2 + fed_ids.size());
    EXPECT_EQ(span, fed_ids);
    EXPECT_NE(r.texts[0].find(fed), std::string::npos) << r.texts[0];
    for (size_t t = 2; t < 2 + fed_ids.size(); ++t) EXPECT_EQ(r.logprobs[0][t], 0.0f);
    torch::NoGradGuard g;
    std::vector<int64_t> seq = batch[0];
    for (size_t t = 0; t < ids.size(); ++t) {
      const bool injected = t >= 2 && t < 2 + fed_ids.size();
      if (!injected) {
        const auto logits = model->forward(LlamaInputs{torch::tensor(seq).unsqueeze(0)});
        EXPECT_EQ(ids[t], logits[0][-1].argmax().item<int64_t>())
            << "batch " << b << " token " << t;
      }
      seq.push_back(ids[t]);
    }
  }
}

}  // namespace
}  // namespace anvil::models
