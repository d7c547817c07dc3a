// `anvil export ollama`: a folder with model.gguf (+ adapter.gguf) and a Modelfile for `ollama create`.
#include <cstdio>
#include <memory>

#include "anvil/core/error.h"
#include "anvil/interop/ollama_export.h"
#include "commands.h"

namespace anvil::cli {

void register_export_ollama(CLI::App& export_cmd) {
  auto* cmd = export_cmd.add_subcommand(
      "ollama", "Folder for Ollama: model.gguf, adapter.gguf (with --adapter) and a Modelfile");
  struct Args {
    std::string model, adapter, output, type = "f16";
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--model", a->model,
                  "model folder (full model; with --adapter: the base, default the adapter's)");
  cmd->add_option("--adapter", a->adapter,
                  "LoRA adapter folder shipped as adapter.gguf next to its base (ADAPTER)");
  cmd->add_option("-o,--output", a->output, "output folder")->required();
  cmd->add_option("--type", a->type, "f32 | f16 | bf16 | q8_0 | q4_0 | q4_k_m (the model)")
      ->capture_default_str();
  cmd->callback([a] {
    if (a->model.empty() && a->adapter.empty())
      throw usage_error("export ollama: give --model DIR (and/or --adapter DIR)");
    interop::OllamaExportOptions o;
    o.model_dir = a->model;
    o.adapter_dir = a->adapter;
    o.output_dir = a->output;
    o.type = interop::parse_gguf_export_type(a->type);
    o.command = "anvil export ollama" + (a->model.empty() ? "" : " --model " + a->model) +
                (a->adapter.empty() ? "" : " --adapter " + a->adapter) + " --type " + a->type +
                " -o " + a->output;
    const auto r = interop::export_ollama(o);
    std::printf("wrote %s/model.gguf (%s, %zu tensors)%s and %s/Modelfile\n", a->output.c_str(),
                a->type.c_str(), r.plan.size(), r.adapter ? ", adapter.gguf" : "",
                a->output.c_str());
    std::printf("create and run it:  ollama create NAME -f %s/Modelfile && ollama run NAME\n",
                a->output.c_str());
  });
}

}  // namespace anvil::cli
