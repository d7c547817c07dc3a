// `anvil export ollama -o DIR`: a folder `ollama create NAME -f DIR/Modelfile` turns into an Ollama
// model. It holds model.gguf (the base or full model, with its chat template), adapter.gguf when a
// LoRA adapter ships separately, and a Modelfile: FROM, ADAPTER, TEMPLATE (a Go template
// rendering the model's chat format, interop/chat_template.h), PARAMETER stop / temperature 0 /
// num_ctx. Ollama itself is not run here; the Modelfile follows its documented syntax.
#pragma once

#include <string>
#include <vector>

#include "anvil/interop/gguf_export.h"
#include "anvil/tokenize/chat_format.h"

namespace anvil::interop {

struct OllamaExportOptions {
  std::string model_dir;    // full model folder, or the base when adapter_dir is set
  std::string adapter_dir;  // "" = none; else shipped as adapter.gguf (base: model_dir or its config's)
  std::string output_dir;   // created; model.gguf, adapter.gguf, Modelfile replaced atomically
  GgufExportType type = GgufExportType::kF16;
  std::string command;
};

struct OllamaExport {
  std::string modelfile;  // its text
  std::vector<GgufTensorPlan> plan;
  bool adapter = false;
};

// The Modelfile for a model of this chat format and context length (`adapter`: with ADAPTER).
std::string render_modelfile(tokenize::ChatFormat format, int64_t context_length, bool adapter);

OllamaExport export_ollama(const OllamaExportOptions& options);

}  // namespace anvil::interop
