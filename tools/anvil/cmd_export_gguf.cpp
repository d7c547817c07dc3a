// `anvil export gguf`: one GGUF file for llama.cpp / Ollama, in the chosen tensor type.
#include <cstdio>
#include <memory>

#include "anvil/interop/export_source.h"
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
  cmd->callback([a] {
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
