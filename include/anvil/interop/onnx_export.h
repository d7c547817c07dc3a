// `anvil export onnx`: a trained model as one ONNX file (opset 17, IR version 8, weights as
// initializers, dynamic batch and length axes) that ONNX Runtime and other runtimes load.
//   intent classifier  tokens [batch, length] int64 (request bytes padded with 256; pointer_cnn
//                      adds number_first/number_last [batch, numbers] int64 and number_mask
//                      bool, as models::encode_requests builds them) -> intent_logits,
//                      count_logits, operand_logits (and sign_logits for multihead_cnn);
//   language model     input_ids, attention_mask [batch, sequence] int64 (0 = padding, left
//                      padding allowed) -> logits [batch, sequence, vocab], causal, no KV cache.
// A model card is written next to the file (model_card_path_for).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anvil/io/onnx.h"
#include "anvil/models/llama.h"
#include "anvil/models/intent_model.h"

namespace anvil::interop {

enum class OnnxSourceKind { kIntentClassifier, kLanguageModel };

// What `path` holds: a language model folder (config.json or adapter_config.json) or an intent
// classifier (a folder with model.safetensors, or that file, carrying "anvil.model" metadata).
// Anything else is a usage error that names the path and says what was expected.
OnnxSourceKind detect_onnx_source(const std::string& path);

// The graphs, in memory. Float32 throughout; LoRA adapters must be merged.
io::OnnxModel llama_to_onnx(const models::LlamaForCausalLM& model);
io::OnnxModel intent_classifier_to_onnx(const models::IntentModel& model);

struct OnnxExportOptions {
  std::string model_path;   // classifier model folder/file or language model folder
  std::string output_path;  // the .onnx file; replaced atomically
  std::string command;      // recorded in the model card
};

struct OnnxExportSummary {
  OnnxSourceKind kind = OnnxSourceKind::kIntentClassifier;
  std::vector<std::string> inputs, outputs;
  int64_t nodes = 0;
  int64_t bytes = 0;  // file size
};

OnnxExportSummary export_onnx(const OnnxExportOptions& options);

}  // namespace anvil::interop
