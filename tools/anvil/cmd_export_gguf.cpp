// `anvil export gguf`: one GGUF file for llama.cpp / Ollama, in the chosen tensor type.
#include <cstdio>
#include <memory>

#include "anvil/interop/export_source.h"
#include "anvil/interop/gguf_adapter_export.h"
#include "anvil/interop/gguf_export.h"
#include "anvil/io/gguf_format.h"
#include "commands.h"

namespace anvil::cli {

void register_export_gguf(CLI::App& export_cmd) {
  auto* cmd = export_cmd.add_subcommand(
      "gguf", "GGUF file for llama.cpp / Ollama (metadata, tokenizer, weights, model card)");
  struct Args {
    std::string model = "runs/latest/model";
    std::string output;
    std::string type = "f16";
    std::string adapter, base;
    bool verbose = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--model", a->model,
                  "model folder (full model or LoRA adapter, merged on export)")
      ->capture_default_str();
  cmd->add_option("-o,--output", a->output, "output .gguf file (replaced atomically)")->required();
  cmd->add_option("--type", a->type, "f32 | f16 | bf16 | q8_0 | q4_0 | q4_k_m")
      ->capture_default_str();
  cmd->add_flag("-v,--verbose", a->verbose, "print every tensor's type and the reason");
  cmd->add_option("--adapter", a->adapter,
                  "export this PEFT LoRA adapter folder alone, as llama.cpp's adapter GGUF (load "
                  "it next to the base's GGUF: llama-cli --lora, Ollama ADAPTER); --type f32|f16|bf16");
  cmd->add_option("--base", a->base,
                  "with --adapter: the base model folder (default: the adapter config's)");
  cmd->callback([a] {
    if (!a->adapter.empty()) {
      interop::GgufAdapterExportOptions o;
      o.adapter_dir = a->adapter;
      o.base_dir = a->base;
      o.output_path = a->output;
      o.type = interop::parse_gguf_export_type(a->type);
      const auto r = interop::export_gguf_adapter(o);
      std::printf("exported adapter %s to %s (%s, %lld adapted matrices, r = %lld, alpha = %g)\n",
                  a->adapter.c_str(), a->output.c_str(), a->type.c_str(),
                  static_cast<long long>(r.matrices), static_cast<long long>(r.rank), r.alpha);
      return;
    }
    interop::GgufExportOptions o;
    o.model_dir = a->model;
    o.output_path = a->output;
    o.type = interop::parse_gguf_export_type(a->type);
    o.command = "anvil export gguf --model " + a->model + " --type " + a->type + " -o " + a->output;
    const auto plan = interop::export_gguf(o);
    size_t fallbacks = 0;
    for (const auto& t : plan) {
      if (t.fallback) ++fallbacks;
      if (a->verbose || t.fallback)
        std::printf("  %-28s %-5s %s\n", t.name.c_str(),
                    std::string(io::ggml_type_name(t.type)).c_str(), t.reason.c_str());
    }
    std::printf(
        "exported %s to %s (%s, %zu tensors, %zu fallbacks from %s; weights' relative RMS "
        "error %.5f); card: %s\n",
        a->model.c_str(), a->output.c_str(), a->type.c_str(), plan.size(), fallbacks,
        a->type.c_str(), interop::overall_relative_rms_error(plan),
        interop::model_card_path_for(a->output).c_str());
  });
}

}  // namespace anvil::cli
