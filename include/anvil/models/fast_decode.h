// Single-stream decoding without per-operator dispatch. At batch 1 a small decoder's step costs
// the ~200 LibTorch operators it dispatches, not its arithmetic; FastDecoder runs one new token
// through the decoder as plain loops over the model's own float32 weights (no copies: the
// parameters are read in place) with its KV cache in preallocated buffers. The prompt still goes
// through the model's batched forward (load_cache takes its KV cache). It applies to float32 CPU
// models without unmerged LoRA adapters (supports()); generate() uses it for a single prompt.
#pragma once

#include <cstdint>
#include <vector>

#include "anvil/models/llama.h"

namespace anvil::models {

class FastDecoder {
 public:
  // Why `model` cannot be decoded this way ("" when it can).
  static std::string unsupported_reason(LlamaForCausalLM& model);

  // Room for `max_tokens` positions (prompt + new tokens).
  FastDecoder(LlamaForCausalLM& model, int64_t max_tokens);

  // The cache a batch-1 forward of the prompt filled ([1, kv_heads, S, head_dim] per layer).
  void load_cache(const KvCache& cache);
  int64_t length() const { return length_; }

  // Token `token` at the next position -> the logits over the vocabulary (valid until the next
  // call). Throws once max_tokens positions are used.
  const std::vector<float>& step(int64_t token);

 private:
  struct Layer {
    const float *norm_in, *q, *k, *v, *q_bias, *k_bias, *v_bias, *o, *norm_post, *gate, *up, *down;
  };
  void attention(size_t layer, int64_t position);

  LlamaConfig config_;
  std::vector<Layer> layers_;
  const float *embed_, *norm_final_, *head_;
  std::vector<float> inv_freq_;
  std::vector<float> keys_, values_;  // [layer][kv_head][max_tokens][head_dim]
  int64_t max_tokens_, length_ = 0;
  // Per-step buffers.
  std::vector<float> x_, h_, q_, k_, v_, att_, scores_, gate_, up_, logits_;
};

}  // namespace anvil::models
