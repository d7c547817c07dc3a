// adapter_config.json of a LoRA adapter folder in the PEFT layout (docs/formats.md §8), read
// without LibTorch: the adapter's rank, scaling, target modules and the base model it belongs to.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::models {

struct PeftAdapterConfig {
  int64_t r = 0;                            // LoRA rank, "r"
  double alpha = 0;                         // "lora_alpha"
  double dropout = 0;                       // "lora_dropout", default 0
  bool rslora = false;                      // "use_rslora", default false
  std::vector<std::string> target_modules;  // a string is a list of one
  std::string base_model;                   // "base_model_name_or_path"; "" when absent
};

// Parses adapter_config.json text; `origin` (the path) starts every error. Throws anvil::Error on
// invalid JSON, a non-object, peft_type other than "LORA", a missing r / lora_alpha /
// target_modules, or a field of the wrong type (naming the field).
PeftAdapterConfig parse_peft_adapter_config(std::string_view json, const std::string& origin);

}  // namespace anvil::models
