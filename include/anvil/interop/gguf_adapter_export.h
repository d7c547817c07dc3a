// `anvil export gguf --adapter DIR`: a PEFT LoRA adapter as llama.cpp's LoRA adapter GGUF, loaded
// next to the base model's GGUF (llama-cli --lora, node-llama-cpp `lora`, Ollama's ADAPTER) so a
// fine-tune ships without merging. As llama.cpp's convert_lora_to_gguf.py writes it:
// general.type = "adapter", adapter.type = "lora", adapter.lora.alpha, the base's
// general.architecture, and per adapted matrix W the tensors "<gguf name of W>.lora_a" (A, [r, in])
// and ".lora_b" (B, [out, r]); B of attn_q / attn_k gets the base export's rotary row permutation
// (llama architecture). llama.cpp scales by alpha / r, so an rsLoRA adapter (alpha / sqrt(r)) is
// written with alpha * sqrt(r).
#pragma once

#include <string>

#include "anvil/interop/gguf_export.h"
#include "anvil/io/gguf.h"

namespace anvil::interop {

struct GgufAdapterExportOptions {
  std::string adapter_dir;  // adapter_config.json + adapter_model.safetensors
  std::string base_dir;     // the base model folder (its config.json); "" = the adapter config's
  std::string output_path;  // the .gguf file; replaced atomically
  GgufExportType type = GgufExportType::kF32;  // f32 | f16 | bf16 (as llama.cpp's converter)
};

struct GgufAdapterExport {
  io::GgufFile file;
  int64_t matrices = 0;  // adapted matrices (pairs of lora_a / lora_b)
  int64_t rank = 0;
  double alpha = 0;  // as written (alpha * sqrt(r) for rsLoRA)
};

// Builds the file in memory. Errors name the adapter folder and the tensor.
GgufAdapterExport lora_adapter_to_gguf(const GgufAdapterExportOptions& options);

// Builds and writes it.
GgufAdapterExport export_gguf_adapter(const GgufAdapterExportOptions& options);

}  // namespace anvil::interop
