// The memory estimate of a Llama training step (see llama_memory.h; derivation in
// docs/fine-tuning.md).
#include "anvil/models/llama_memory.h"

#include <algorithm>
#include <cstdio>

namespace anvil::models {
namespace {

struct Projection {
  const char* name;
  int64_t in, out;
};

std::vector<Projection> layer_projections(const LlamaConfig& c) {
  const int64_t d = c.hidden_size, q = c.num_attention_heads * c.head_dim(),
                kv = c.num_key_value_heads * c.head_dim(), i = c.intermediate_size;
  return {{"q_proj", d, q},         {"k_proj", d, kv},       {"v_proj", d, kv},
          {"o_proj", q, d},         {"gate_proj", d, i},     {"up_proj", d, i},
          {"down_proj", i, d}};
}

bool targeted(const std::vector<std::string>& targets, const std::string& name) {
  if (targets.size() == 1 && targets[0] == "all-linear") return true;
  return std::find(targets.begin(), targets.end(), name) != targets.end();
}

// Bytes one decoder layer's autograd graph keeps per token (see docs/fine-tuning.md).
int64_t layer_bytes_per_token(const LlamaMemoryPlan& p, int64_t adapted_per_layer,
                              int64_t adapted_in_sum) {
  const auto& c = p.config;
  const int64_t e = (p.autocast_bf16 || p.base_bytes == 2) ? 2 : 4;  // matmul-path activations
  const int64_t d = c.hidden_size, q = c.num_attention_heads * c.head_dim(),
                kv = c.num_key_value_heads * c.head_dim(), i = c.intermediate_size;
  const bool gqa = c.num_key_value_heads != c.num_attention_heads;
  const int64_t norms = 2 * (d * 4 + 2 * d * e);  // float32 h, its cast, the scaled output
  const int64_t attention = (3 * q + 2 * kv + (gqa ? q : kv) + (gqa ? q : kv) + q) * e;
  const int64_t probs = c.num_attention_heads * p.seq_len * (4 + (e == 2 ? 2 : 0)) + p.seq_len;
  const int64_t mlp = 4 * i * e;
  // Adapters keep A's output; over a reduced-precision base also their float32 input copy.
  const int64_t lora =
      p.base_bytes == 2 ? adapted_per_layer * p.lora_r * 4 + adapted_in_sum * 4
                        : adapted_per_layer * p.lora_r * e;
  return norms + attention + probs + mlp + lora;
}

}  // namespace

LlamaMemoryEstimate estimate_llama_memory(const LlamaMemoryPlan& p) {
  const auto& c = p.config;
  LlamaMemoryEstimate m;
  const int64_t tokens = p.batch * p.seq_len;
  const int64_t d = c.hidden_size, v = c.vocab_size;

  // Parameters.
  int64_t per_layer = 2 * d, adapters_per_layer = 0, adapted = 0, adapted_in = 0;
  for (const auto& pr : layer_projections(c)) {
    per_layer += pr.in * pr.out;
    const std::string name = pr.name;
    if (c.attention_bias && (name == "q_proj" || name == "k_proj" || name == "v_proj"))
      per_layer += pr.out;  // Qwen2's q/k/v biases
    if (p.lora && targeted(p.lora_targets, pr.name)) {
      adapters_per_layer += p.lora_r * (pr.in + pr.out);
      ++adapted;
      adapted_in += pr.in;
    }
  }
  const int64_t base = v * d + c.num_hidden_layers * per_layer + d +
                       (c.tie_word_embeddings ? 0 : v * d);
  const int64_t adapters = c.num_hidden_layers * adapters_per_layer;
  m.total_parameters = base + adapters;
  m.trainable_parameters = p.lora ? adapters : base;
  m.parameters = p.lora ? base * p.base_bytes + adapters * 4 : base * 4;
  if (p.autocast_bf16 && !p.lora) m.parameters += base * 2;  // autocast's cached bf16 weights
  m.gradients = m.trainable_parameters * 4;
  m.optimizer = m.trainable_parameters * 8;

  // Activations: every layer's saved tensors, or with checkpointing each layer's input plus one
  // layer recomputed during backward.
  const int64_t layer = layer_bytes_per_token(p, adapted, adapted_in) * tokens;
  const int64_t residual = (p.base_bytes == 2 ? 2 : 4);
  const int64_t outside = tokens * d * (4 + 2 * residual);  // the final norm
  m.activations_plain = c.num_hidden_layers * layer + outside;
  m.activations_checkpointed = c.num_hidden_layers * tokens * d * residual + layer + outside;
  m.activations = p.gradient_checkpointing ? m.activations_checkpointed : m.activations_plain;

  // Logits: at the start of backward the log-probabilities, their gradient and the logits'
  // gradient, [tokens, vocab] float32 each; chunked, three [chunk, vocab] blocks, a float32 copy
  // of the hidden states and the gradients computed with the loss (the hidden states', and the
  // head's when it trains), held until backward.
  const int64_t head_grad = p.lora ? 0 : v * d * 4;
  m.logits = p.loss_chunk > 0
                 ? 3 * std::min(p.loss_chunk, tokens) * v * 4 + 2 * tokens * d * 4 + head_grad
                 : 3 * tokens * v * 4;
  // Backward: the incoming and outgoing gradients of the largest saved tensor of a layer
  // (the attention probabilities) and of the MLP.
  const int64_t probs = p.batch * c.num_attention_heads * p.seq_len * p.seq_len * 4;
  m.workspace = 2 * probs + 2 * tokens * c.intermediate_size * 4;
  return m;
}

std::string format_gib(int64_t bytes) {
  char buf[32];
  if (bytes >= (int64_t(1) << 30))
    std::snprintf(buf, sizeof buf, "%.2f GiB", double(bytes) / double(int64_t(1) << 30));
  else
    std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / double(1 << 20));
  return buf;
}

std::string describe(const LlamaMemoryEstimate& e, bool checkpointing) {
  return format_gib(e.total()) + " = parameters " + format_gib(e.parameters) + " + gradients " +
         format_gib(e.gradients) + " + optimizer " + format_gib(e.optimizer) + " + activations " +
         format_gib(e.activations) + " + logits " + format_gib(e.logits) + " + workspace " +
         format_gib(e.workspace) + " (activations " +
         (checkpointing ? "without gradient checkpointing: " + format_gib(e.activations_plain)
                        : "with gradient checkpointing: " + format_gib(e.activations_checkpointed)) +
         ")";
}

}  // namespace anvil::models
