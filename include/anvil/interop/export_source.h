// What every language-model export starts from: the model folder a user points at (a full model
// or a LoRA adapter on its base), loaded with adapters merged, and the model card describing it.
// Each exporter (hf_export.h, gguf_export.h, onnx_export.h) writes its format plus that card.
#pragma once

#include <string>

#include "anvil/models/llama.h"
#include "anvil/interop/model_card.h"

namespace anvil::interop {

// Loads `model_dir` (config.json, or adapter_config.json naming its base) with any LoRA adapters
// merged into the weights. Throws a usage error naming the folder if it is not a language model.
models::LlamaForCausalLM load_language_model_for_export(const std::string& model_dir);

// The card for an exported language model: architecture and size from the model, training data
// and config hash from the run's config.yaml, per-specialist metrics from the run's eval.json
// (both in the model folder's parent, when present), and `command`.
interop::ModelCardInfo describe_language_model(const models::LlamaForCausalLM& model,
                                                const std::string& model_dir,
                                                const std::string& title,
                                                const std::string& command);

// Where a single-file export's card goes: "out/tiny-q8_0.gguf" -> "out/tiny-q8_0.README.md".
std::string model_card_path_for(const std::string& output_file);

}  // namespace anvil::interop
