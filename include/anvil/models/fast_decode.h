// Single-stream decoding without per-operator dispatch. At batch 1 a small decoder's step costs
// the ~200 LibTorch operators it dispatches, not its arithmetic; FastDecoder runs one new token
// through the decoder as plain loops over the model's own weights with its KV cache in
// preallocated buffers. Float32 weights are read in place; a weight matrix whose every value is
// exact in bfloat16 or IEEE half (a model read from an F16 GGUF, or trained and saved in bf16) is
// read from a 16-bit copy instead: half the bytes per token, the same products. The prompt still
// goes through the model's batched forward (load_cache takes its KV cache). It applies to float32
// CPU models without unmerged LoRA adapters (supports()); generate() uses it for a single prompt.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "anvil/models/llama.h"

namespace anvil::models {

class FastDecoder {
 public:
  // Why `model` cannot be decoded this way ("" when it can).
  static std::string unsupported_reason(LlamaForCausalLM& model);

  // Room for `max_tokens` positions (prompt + new tokens). Without `compact_weights` every
  // matrix is read as float32 in place.
  FastDecoder(LlamaForCausalLM& model, int64_t max_tokens, bool compact_weights = true);
  ~FastDecoder();

  // The cache a batch-1 forward of the prompt filled ([1, kv_heads, S, head_dim] per layer).
  void load_cache(const KvCache& cache);
  int64_t length() const { return length_; }

  // Token `token` at the next position -> the logits over the vocabulary (valid until the next
  // call). Throws once max_tokens positions are used.
  const std::vector<float>& step(int64_t token);

  // The bytes of weight matrices one token reads, and how they are held ("float32", "float16",
  // "bfloat16", or "mixed").
  int64_t weight_bytes() const;
  std::string weight_format() const;

 private:
  struct Weights;
  void attention(size_t layer, int64_t position);

  LlamaConfig config_;
  std::unique_ptr<Weights> weights_;
  std::vector<float> inv_freq_;
  std::vector<float> keys_, values_;  // [layer][kv_head][max_tokens][head_dim]
  int64_t max_tokens_, length_ = 0;
  // Per-step buffers (a step allocates nothing).
  std::vector<float> x_, h_, q_, k_, v_, att_, scores_, gate_, up_, logits_, cos_, sin_;
};

}  // namespace anvil::models
