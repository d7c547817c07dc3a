// Loading and saving Llama-style models as Hugging Face model folders: config.json plus
// model.safetensors, or shards listed in model.safetensors.index.json. Weight names are HF's, so
// an existing Llama/Qwen2 checkpoint loads and anvil's output loads elsewhere.
#pragma once

#include <string>

#include "anvil/models/llama.h"

namespace anvil::models {

struct LlamaSaveOptions {
  int64_t shard_bytes =
      2'000'000'000;          // above this, write model-0000N-of-0000M.safetensors + index
  bool include_lora = false;  // LoRA tensors are saved separately (PEFT layout) by default
};

LlamaConfig read_llama_config(const std::string& dir);

// Reads config.json and the weights (single file or sharded). Every model tensor must be present
// with the right shape; unknown tensors are errors (rotary inv_freq buffers are ignored).
LlamaForCausalLM load_llama(const std::string& dir);

// Copies weights from `dir` into an existing model (for resume / evaluation of a known shape).
void load_llama_weights(LlamaForCausalLM& model, const std::string& dir);

void save_llama(LlamaForCausalLM& model, const std::string& dir,
                const LlamaSaveOptions& options = {});

}  // namespace anvil::models
