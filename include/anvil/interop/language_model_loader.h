// Opening a language model for inference from whatever the user points at: an anvil/Hugging Face
// model folder (config.json + safetensors + tokenizer.json, or a LoRA adapter on its base) or a
// GGUF file (dequantized to float32, Q/K rows un-permuted, tokenizer rebuilt from its metadata),
// so `anvil generate` and `anvil eval` can check exported files from anvil itself.
#pragma once

#include <string>

#include "anvil/io/gguf.h"
#include "anvil/models/llama.h"
#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::interop {

struct LanguageModel {
  models::LlamaForCausalLM model{nullptr};
  tokenize::BpeTokenizer tokenizer;
};

// True if `path` is a regular file starting with the GGUF magic.
bool is_gguf_file(const std::string& path);

// A model folder or a .gguf file. Errors name the path and say what was expected.
LanguageModel load_language_model(const std::string& path);

// The model and tokenizer stored in a parsed GGUF file (`origin` names it in errors). Takes the
// "llama" and "qwen2" architectures with a gpt2 (byte-level BPE) tokenizer.
LanguageModel language_model_from_gguf(const io::GgufFile& file, const std::string& origin);

}  // namespace anvil::interop
