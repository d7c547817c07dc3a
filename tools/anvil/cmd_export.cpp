// `anvil export hf|gguf|onnx`: thin CLI over the exporters in anvil/interop.
#include <cstdio>
#include <memory>

#include "anvil/interop/hf_export.h"
#include "commands.h"

namespace anvil::cli {

namespace {

void register_export_hf(CLI::App& cmd) {
  auto* hf = cmd.add_subcommand(
      "hf", "Hugging Face model folder (safetensors, config, tokenizer, model card)");
  struct Args {
    std::string model = "runs/latest/model";
    std::string output;
    int64_t shard_mb = 2000;
  };
  auto a = std::make_shared<Args>();
  hf->add_option("--model", a->model, "model folder (full model or LoRA adapter, merged on export)")
      ->capture_default_str();
  hf->add_option("-o,--output", a->output, "output folder")->required();
  hf->add_option("--shard-mb", a->shard_mb, "shard size above which weights are split")
      ->capture_default_str();
  hf->callback([a, hf] {
    interop::HfExportOptions o;
    o.model_dir = a->model;
    o.output_dir = a->output;
    o.shard_bytes = a->shard_mb * 1000000;
    o.command = "anvil export hf --model " + a->model + " -o " + a->output + " --shard-mb " +
                std::to_string(a->shard_mb);
    interop::export_hf(o);
    std::printf("exported %s to %s\n", a->model.c_str(), a->output.c_str());
    (void)hf;
  });
}

}  // namespace

void register_export(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("export", "Export a trained model to other formats");
  cmd->require_subcommand(1);
  register_export_hf(*cmd);
  register_export_gguf(*cmd);
  register_export_ollama(*cmd);
  register_export_onnx(*cmd);
}

}  // namespace anvil::cli
