// LoRA adapters in the PEFT layout: adapter_config.json + adapter_model.safetensors with PEFT's
// key names (base_model.model.<module>.lora_A.weight / lora_B.weight), and loading a model folder
// that is either a full model or an adapter on top of its base. Layout: docs/formats.md §8.
#pragma once

#include <string>
#include <vector>

#include "anvil/models/llama.h"

namespace anvil::models {

// Writes the model's LoRA tensors and adapter_config.json into `dir`. target_modules lists the
// projections that carry an adapter (q_proj, ..., down_proj), as PEFT saves them: `targets` as
// given to add_lora ("all-linear" included) is what was asked for, not what is written.
void save_peft_adapter(models::LlamaForCausalLM& model, const std::string& base_model_dir,
                       const models::LoraOptions& options, const std::vector<std::string>& targets,
                       const std::string& dir);

// Adds the adapter in `adapter_dir` to `model` (which must be its base) and loads its weights.
void load_peft_adapter(models::LlamaForCausalLM& model, const std::string& adapter_dir);

// A full model folder, or an adapter folder whose adapter_config.json names its base.
models::LlamaForCausalLM load_model_with_adapters(const std::string& dir);

}  // namespace anvil::models
