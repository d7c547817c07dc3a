// How much memory one training step of a Llama-style decoder needs, estimated from its shape
// before anything is allocated: parameters (a frozen base in its dtype), gradients and AdamW
// state of what trains, the activations the backward pass keeps (with and without gradient
// checkpointing), the logits and loss, and the backward pass's working memory. The activation
// count follows anvil's own implementation (which tensors its autograd graph saves per token and
// per layer; docs/fine-tuning.md derives it), so it is an estimate of this code, not a rule of
// thumb. Training prints it at start and the measured peak at the end.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anvil/models/llama_config.h"

namespace anvil::models {

struct LlamaMemoryPlan {
  LlamaConfig config;
  int64_t batch = 1, seq_len = 512;           // tokens per micro-batch = batch * seq_len
  bool lora = false;                          // false: every parameter trains
  int64_t lora_r = 8;
  std::vector<std::string> lora_targets = {"q_proj", "v_proj"};  // or {"all-linear"}
  int64_t base_bytes = 4;          // bytes per frozen base element: 4 fp32, 2 bf16/fp16
  bool autocast_bf16 = false;      // lm.precision bf16: matmuls and their saved inputs in bf16
  bool gradient_checkpointing = false;
  int64_t loss_chunk = 0;          // rows per loss chunk; 0 = the whole [B, T, vocab] logits
};

// Bytes.
struct LlamaMemoryEstimate {
  int64_t parameters = 0;         // every weight, the frozen base in base_bytes
  int64_t gradients = 0;          // of the trainable parameters (float32)
  int64_t optimizer = 0;          // AdamW's two moments per trainable parameter (float32)
  int64_t activations = 0;        // kept for backward, as planned (checkpointing on or off)
  int64_t activations_plain = 0;  // the same without checkpointing
  int64_t activations_checkpointed = 0;  // and with it
  int64_t logits = 0;             // logits, log-probabilities and their gradients at the peak
  int64_t workspace = 0;          // backward's transient gradients (about one layer's worth)
  int64_t trainable_parameters = 0, total_parameters = 0;
  int64_t total() const {
    return parameters + gradients + optimizer + activations + logits + workspace;
  }
};

LlamaMemoryEstimate estimate_llama_memory(const LlamaMemoryPlan& plan);

// "3.21 GiB = parameters 1.84 GiB + gradients ... (activations with gradient checkpointing: ...)"
std::string describe(const LlamaMemoryEstimate& e, bool checkpointing);
std::string format_gib(int64_t bytes);  // "1.23 GiB" / "456.7 MiB"

}  // namespace anvil::models
