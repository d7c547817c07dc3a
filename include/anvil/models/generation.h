// Text generation with a causal LM: KV-cached incremental decoding of a batch of prompts (left
// padded), greedy or sampled (temperature, top-k, top-p), repetition penalty, stop tokens and stop
// strings, max new tokens, and an optional streaming callback. Reports tokens/s.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "anvil/models/llama.h"
#include "anvil/tokenize/tokenizer.h"

namespace anvil::models {

struct GenerationOptions {
  int64_t max_new_tokens = 128;
  double temperature = 0.0;  // 0 = greedy
  int64_t top_k = 0;         // 0 = off
  double top_p = 1.0;        // 1 = off
  double repetition_penalty =
      1.0;  // 1 = off (CTRL-style: divide positive logits, multiply negative)
  std::vector<int64_t> stop_token_ids;
  std::vector<std::string>
      stop_strings;  // generation of a sequence ends once its text contains one
  uint64_t seed = 0;
  bool use_cache = true;  // false recomputes the whole sequence each step (for benchmarks)
  // Record, per generated token, the gap between the best and second-best logit: how close a
  // greedy choice was to a tie (for comparing runtimes whose arithmetic differs slightly).
  bool record_margins = false;
  // Record, per generated token, its log-probability under the model (log-softmax of the raw
  // logits, before temperature or penalties): what an answer's confidence is measured from.
  bool record_logprobs = false;
  // Per prompt, at most this many new tokens (empty: max_new_tokens for every prompt).
  std::vector<int64_t> max_new_tokens_each;
  // Asked after every step for each live sequence: true ends it there (its client went away).
  std::function<bool(size_t)> cancelled;
  // Asked after each token a sequence gets, with its index and its generated text so far: text it
  // returns is fed into that sequence next, one token per step, instead of sampled tokens (a
  // tool's answer, e.g. datagen::calculator_completion); "" lets the model go on. Fed tokens
  // record margin 0 and log-probability 0 (certain).
  std::function<std::string(size_t, const std::string&)> inject;
  void validate() const;
};

// Why a sequence ended: a stop token or stop string, its token limit (or the model's context),
// or `cancelled`.
enum class FinishReason { kStop, kLength, kCancelled };

struct GenerationResult {
  std::vector<std::string> texts;               // generated text per prompt (stop string removed)
  std::vector<std::vector<int64_t>> token_ids;  // generated ids per prompt
  std::vector<std::vector<float>> margins;      // with record_margins: top-1 minus top-2 logit
  std::vector<std::vector<float>> logprobs;     // with record_logprobs: log p(token)
  std::vector<FinishReason> finish;             // per prompt
  int64_t new_tokens = 0;                       // total generated over the batch
  double seconds = 0;
  double tokens_per_second() const { return seconds > 0 ? new_tokens / seconds : 0; }
};

// Called with (prompt index, newly decoded text) as tokens are produced.
using StreamFn = std::function<void(size_t, const std::string&)>;

// Prompts are untrusted text: a special token spelled in one is encoded as plain text
// (Tokenizer::encode_text); build ids yourself and call generate_ids to place special tokens.
GenerationResult generate(LlamaForCausalLM& model, const tokenize::Tokenizer& tokenizer,
                          const std::vector<std::string>& prompts, const GenerationOptions& options,
                          const StreamFn& stream = nullptr, int64_t pad_id = 0);

// The same on already-tokenized prompts.
GenerationResult generate_ids(LlamaForCausalLM& model, const tokenize::Tokenizer& tokenizer,
                              const std::vector<std::vector<int64_t>>& prompts,
                              const GenerationOptions& options, const StreamFn& stream = nullptr,
                              int64_t pad_id = 0);

}  // namespace anvil::models
