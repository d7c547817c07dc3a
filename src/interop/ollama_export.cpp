// Ollama folder export (see ollama_export.h).
#include "anvil/interop/ollama_export.h"

#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/chat_template.h"
#include "anvil/interop/gguf_adapter_export.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_config.h"
#include "anvil/tokenize/tokenizer_json.h"

namespace anvil::interop {

namespace {

// Modelfile strings: "..." for one line without quotes, else """...""".
std::string quoted(const std::string& s) {
  if (s.find('"') == std::string::npos && s.find('\n') == std::string::npos)
    return "\"" + s + "\"";
  if (s.find("\"\"\"") != std::string::npos)
    throw Error("a Modelfile value cannot hold \"\"\": " + s);
  return "\"\"\"" + s + "\"\"\"";
}

// The base folder of an adapter: the one given, else its adapter_config.json's.
std::string adapter_base(const OllamaExportOptions& o) {
  if (!o.model_dir.empty()) return o.model_dir;
  const std::string cfg = o.adapter_dir + "/adapter_config.json";
  if (!file_exists(cfg))
    throw usage_error(o.adapter_dir + ": not a LoRA adapter folder (no adapter_config.json)")
        .about("adapter", o.adapter_dir);
  return models::parse_peft_adapter_config(read_file(cfg), cfg).base_model;
}

}  // namespace

std::string render_modelfile(tokenize::ChatFormat format, int64_t context_length, bool adapter) {
  std::string m =
      "# Ollama Modelfile written by anvil (anvil export ollama). Create and run the model:\n"
      "#   ollama create NAME -f Modelfile\n"
      "#   ollama run NAME\n"
      "FROM ./model.gguf\n";
  if (adapter) m += "ADAPTER ./adapter.gguf\n";
  m += "TEMPLATE " + quoted(ollama_chat_template(format)) + "\n";
  for (const auto& stop : chat_stop_strings(format)) m += "PARAMETER stop " + quoted(stop) + "\n";
  m += "PARAMETER temperature 0\n";
  m += "PARAMETER num_ctx " + std::to_string(context_length) + "\n";
  return m;
}

OllamaExport export_ollama(const OllamaExportOptions& o) {
  if (o.output_dir.empty())
    throw usage_error("no output folder given (output_dir)").about("output_dir", "DIR");
  if (std::filesystem::exists(o.output_dir) && !std::filesystem::is_directory(o.output_dir))
    throw usage_error(o.output_dir + " is a file; give a folder").about("output_dir", "DIR");
  std::filesystem::create_directories(o.output_dir);
  OllamaExport out;
  out.adapter = !o.adapter_dir.empty();
  const std::string model_dir = out.adapter ? adapter_base(o) : o.model_dir;
  GgufExportOptions g;
  g.model_dir = model_dir;
  g.output_path = o.output_dir + "/model.gguf";
  g.type = o.type;
  g.command = o.command;
  out.plan = export_gguf(g);
  if (out.adapter) {
    GgufAdapterExportOptions a;
    a.adapter_dir = o.adapter_dir;
    a.base_dir = model_dir;
    a.output_path = o.output_dir + "/adapter.gguf";
    // Adapters are small: quantized exports keep them f16, as llama.cpp's converter does.
    a.type = o.type == GgufExportType::kF32 || o.type == GgufExportType::kBF16
                 ? o.type
                 : GgufExportType::kF16;
    export_gguf_adapter(a);
  }
  const auto tok = tokenize::load_tokenizer_json(model_dir + "/tokenizer.json");
  // A full model has config.json; an adapter folder exported merged names its base.
  std::string config_dir = model_dir;
  if (!file_exists(model_dir + "/config.json") && file_exists(model_dir + "/adapter_config.json"))
    config_dir = adapter_base({"", model_dir, "", o.type, ""});
  const auto config = models::read_llama_config(config_dir);
  out.modelfile = render_modelfile(tokenize::detect_chat_format(tok),
                                   config.max_position_embeddings, out.adapter);
  write_file_atomic(o.output_dir + "/Modelfile", out.modelfile);
  return out;
}

}  // namespace anvil::interop
