// `anvil export gguf`: a language model as one GGUF v3 file that llama.cpp (and Ollama,
// node-llama-cpp, ...) loads: llama.* / qwen2.* hyper-parameters with the value types llama.cpp
// checks, the byte-level BPE tokenizer (tokenizer.ggml.model = gpt2), the tensors under
// llama.cpp's names with the rotary Q/K row permutation, and the weights in the chosen type.
// A model card is written next to the file (model_card_path_for).
#pragma once

#include <string>
#include <vector>

#include "anvil/io/gguf.h"
#include "anvil/models/llama.h"
#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::interop {

// What --type asks for. Like llama.cpp: 1-D tensors (norms, biases) always stay F32; q4_0 and
// q4_k_m give the output (or tied embedding) matrix Q6_K as llama-quantize does.
enum class GgufExportType { kF32, kF16, kBF16, kQ8_0, kQ4_0, kQ4_K_M };

// "f32" | "f16" | "bf16" | "q8_0" | "q4_0" | "q4_k_m"; a usage error lists the choices.
GgufExportType parse_gguf_export_type(const std::string& name);
std::string gguf_export_type_name(GgufExportType type);
// llama_ftype: the general.file_type value llama.cpp reports for the type.
uint32_t gguf_file_type(GgufExportType type);

// One tensor's type, and why when it is not the requested one (a fallback).
struct GgufTensorPlan {
  std::string name;
  io::GgmlType type = io::GgmlType::kF32;
  std::string reason;
  // A matrix stored in another type than asked because its rows do not fill the type's blocks
  // (or, for q4_0, llama-quantize's Q6_K output matrix); Q4_K_M's own Q6_K picks are not.
  bool fallback = false;
  int64_t elements = 0;
  // ||dequantized - original|| / ||original|| over the tensor (0 for F32).
  double relative_rms_error = 0;
};

// The relative RMS error over all weights of a plan (elements-weighted).
double overall_relative_rms_error(const std::vector<GgufTensorPlan>& plan);

struct GgufConversion {
  io::GgufFile file;
  std::vector<GgufTensorPlan> plan;  // in file order
};

// Builds the file in memory. `name` goes to general.name. Throws anvil::Error if a tensor cannot
// be stored in any type llama.cpp takes for it, naming the tensor, its shape and the reason.
GgufConversion llama_to_gguf(const models::LlamaForCausalLM& model,
                             const tokenize::BpeTokenizer& tokenizer, GgufExportType type,
                             const std::string& name);

struct GgufExportOptions {
  std::string model_dir;    // full model or LoRA adapter folder (merged on export)
  std::string output_path;  // the .gguf file; replaced atomically
  GgufExportType type = GgufExportType::kF16;
  std::string command;  // recorded in the model card
};

// Loads, converts and writes the file and its card; returns the plan (for the CLI to print).
std::vector<GgufTensorPlan> export_gguf(const GgufExportOptions& options);

}  // namespace anvil::interop
