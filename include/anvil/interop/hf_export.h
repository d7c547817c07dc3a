// `anvil export hf`: a Hugging Face model folder (model.safetensors, or shards + index above a
// size threshold, config.json, generation_config.json, tokenizer.json, tokenizer_config.json)
// plus a README.md model card. Written into a temporary sibling and renamed, so a failed export
// never leaves a half-written folder.
#pragma once

#include <cstdint>
#include <string>

namespace anvil::interop {

struct HfExportOptions {
  std::string model_dir;   // full model or LoRA adapter folder (merged on export)
  std::string output_dir;  // must not exist or be empty
  int64_t shard_bytes = 2'000'000'000;
  std::string command;  // recorded in the model card
};

void export_hf(const HfExportOptions& options);

}  // namespace anvil::interop
