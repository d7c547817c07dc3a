// A Llama-style decoder (Hugging Face LlamaForCausalLM / Qwen2ForCausalLM): token embedding,
// pre-norm blocks of RMSNorm -> causal grouped-query attention with rotary position embeddings
// (HF convention: half-split rotate_half) -> RMSNorm -> SwiGLU MLP, a final RMSNorm and the LM
// head. Parameter names equal HF's (model.layers.N.self_attn.q_proj.weight, ...), so
// named_parameters() is the checkpoint layout. Supports packed sequences (segment ids), padding
// masks and a KV cache for incremental decoding.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/embedding.h>

#include <string>
#include <vector>

#include "anvil/models/llama_config.h"
#include "anvil/models/lora_linear.h"

namespace anvil::models {

class RmsNormImpl : public torch::nn::Module {
 public:
  RmsNormImpl(int64_t dim, double eps);
  torch::Tensor forward(const torch::Tensor& x);
  torch::Tensor weight;

 private:
  double eps_;
};
TORCH_MODULE(RmsNorm);

// Added to the attention score of a key a query may not see. exp() of it is 0 in float32, and it
// stays finite in bfloat16, where float's lowest would round to -inf: a row with every key masked
// (padding) then gets a harmless uniform softmax instead of NaN.
constexpr double kMaskedScore = -1e9;

// Keys and values of every layer for the tokens seen so far: [B, kv_heads, S, head_dim] each.
struct KvCache {
  std::vector<torch::Tensor> keys, values;
  int64_t length() const { return keys.empty() || !keys[0].defined() ? 0 : keys[0].size(2); }
};

struct LlamaInputs {
  torch::Tensor input_ids;       // [B, T] int64
  torch::Tensor position_ids;    // [B, T] int64; default: past length + 0..T-1 (or from masks)
  torch::Tensor segment_ids;     // [B, T] int64, optional: packed sequences attend only within
                                 // their own segment
  torch::Tensor attention_mask;  // [B, S] (S = cached + T), optional: 1 real, 0 padding
  KvCache* cache = nullptr;      // optional: read and extended in place
};

class LlamaAttentionImpl : public torch::nn::Module {
 public:
  explicit LlamaAttentionImpl(const LlamaConfig& c);
  // x [B, T, D]; cos/sin [B, T, head_dim]; mask_bias [B, 1, T, S] float: 0 where a query may see
  // a key, kMaskedScore where not (added to the scores). Updates cache slot `layer`.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                        const torch::Tensor& mask_bias, KvCache* cache, size_t layer);
  LoraLinear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};

 private:
  int64_t heads_, kv_heads_, head_dim_;
};
TORCH_MODULE(LlamaAttention);

class LlamaMlpImpl : public torch::nn::Module {
 public:
  explicit LlamaMlpImpl(const LlamaConfig& c);
  torch::Tensor forward(const torch::Tensor& x);
  LoraLinear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
};
TORCH_MODULE(LlamaMlp);

class LlamaDecoderLayerImpl : public torch::nn::Module {
 public:
  explicit LlamaDecoderLayerImpl(const LlamaConfig& c);
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                        const torch::Tensor& mask_bias, KvCache* cache, size_t layer);
  LlamaAttention self_attn{nullptr};
  LlamaMlp mlp{nullptr};
  RmsNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
};
TORCH_MODULE(LlamaDecoderLayer);

// Extra embedding rows shared by groups of tokens (a training-time parameterisation, see
// LlamaForCausalLM::share_embedding_rows): token tokens[i] adds weight[groups[i]] to its own row.
class SharedEmbeddingRowsImpl : public torch::nn::Module {
 public:
  SharedEmbeddingRowsImpl(const torch::Tensor& tokens, const torch::Tensor& groups, int64_t dim);
  // `embedding` [vocab, D] with every listed token's shared row added (differentiable).
  torch::Tensor add_to(const torch::Tensor& embedding) const;
  torch::Tensor weight;          // [groups, D], starts at zero
  torch::Tensor tokens, groups;  // [n] int64 buffers: which token takes which row
};
TORCH_MODULE(SharedEmbeddingRows);

class LlamaModelImpl : public torch::nn::Module {
 public:
  explicit LlamaModelImpl(const LlamaConfig& c);
  torch::nn::Embedding embed_tokens{nullptr};
  SharedEmbeddingRows embed_shared{nullptr};  // null unless shared rows are being trained
  torch::nn::ModuleList layers{nullptr};
  RmsNorm norm{nullptr};
};
TORCH_MODULE(LlamaModel);

class LlamaForCausalLMImpl : public torch::nn::Module {
 public:
  explicit LlamaForCausalLMImpl(LlamaConfig config);
  // Logits [B, T, vocab].
  torch::Tensor forward(const LlamaInputs& inputs);
  // Logits [B, vocab] of the last position only (generation: the head skips the others).
  torch::Tensor last_logits(const LlamaInputs& inputs);
  // Final hidden states [B, T, D] (before the LM head).
  torch::Tensor hidden_states(const LlamaInputs& inputs);
  torch::Tensor lm_head_weight() const;  // tied: the embedding matrix
  // The input embedding matrix [vocab, D]: embed_tokens' weight, plus the shared rows if any.
  torch::Tensor embedding_matrix() const;

  // Training-time parameterisation: the tokens of each group share an extra trained embedding row
  // (starting at zero, so the function is unchanged), added to each member's own row wherever the
  // embedding matrix is used (the input and a tied LM head). `groups` lists token ids; tokens in
  // one inner list share a row. A gradient on one member then moves the others too: used to tie
  // " word" to "word" (tokenize::space_variant_pairs). Saved under model.embed_shared.* in
  // training checkpoints; fold_shared_embeddings() adds the rows into embed_tokens and removes
  // them, leaving a plain Llama (the saved model and every export).
  void share_embedding_rows(const std::vector<std::vector<int64_t>>& groups);
  void fold_shared_embeddings();
  bool has_shared_embeddings() const { return !model->embed_shared.is_empty(); }

  // Adds LoRA adapters to every projection whose name ends with one of `targets`
  // (e.g. {"q_proj", "v_proj"}; "all-linear" = every projection except the LM head) and freezes
  // all other parameters. Returns the adapted module names.
  std::vector<std::string> add_lora(const LoraOptions& options,
                                    const std::vector<std::string>& targets);
  void merge_lora();
  void unmerge_lora();

  // Casts the frozen parameters (requires_grad false: the base under LoRA) to `dtype`, e.g.
  // bfloat16, halving the base's memory; trainable ones (the adapters) keep theirs. Activations
  // then flow in `dtype`; each adapter computes in its own dtype, as PEFT does.
  void set_frozen_dtype(torch::ScalarType dtype);
  // Activation checkpointing per decoder layer while gradients are recorded (not with a KV
  // cache): each layer keeps only its input and recomputes the rest in backward.
  void set_gradient_checkpointing(bool on) { gradient_checkpointing_ = on; }
  bool gradient_checkpointing() const { return gradient_checkpointing_; }

  const LlamaConfig& config() const { return config_; }
  LlamaModel model{nullptr};
  LoraLinear lm_head{nullptr};  // null when embeddings are tied

 private:
  torch::Tensor head(const torch::Tensor& h);  // the LM head (or the tied embedding) on h
  LlamaConfig config_;
  torch::Tensor inv_freq_;  // [head_dim / 2], not a parameter
  bool gradient_checkpointing_ = false;
};
TORCH_MODULE(LlamaForCausalLM);

// Mean cross-entropy of next-token prediction, Hugging Face convention: labels [B, T] are aligned
// with the inputs and shifted inside (logits at t predict labels at t+1); label -100 is ignored.
torch::Tensor causal_lm_loss(const torch::Tensor& logits, const torch::Tensor& labels);

// The same with per-token weights [B, T] aligned with the labels: sum(w * ce) / sum(w) over the
// labels not -100. Undefined weights mean the plain mean above.
torch::Tensor causal_lm_loss(const torch::Tensor& logits, const torch::Tensor& labels,
                             const torch::Tensor& weights);

// That loss's denominator: sum(w) over the shifted labels not -100 (their count without weights).
// A step split into micro-batches or ranks scales each part's mean by its share of the total.
double causal_lm_loss_weight(const torch::Tensor& labels, const torch::Tensor& weights);

}  // namespace anvil::models
