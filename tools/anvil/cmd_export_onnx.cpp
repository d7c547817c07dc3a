// `anvil export onnx`: one ONNX file (opset 17) for ONNX Runtime and friends, from an intent
// classifier or a language model folder.
#include <cstdio>
#include <memory>

#include "anvil/interop/export_source.h"
#include "anvil/interop/onnx_export.h"
#include "commands.h"

namespace anvil::cli {

void register_export_onnx(CLI::App& export_cmd) {
  auto* cmd = export_cmd.add_subcommand(
      "onnx",
      "ONNX file (opset 17) of an intent classifier or a language model, with a model card");
  struct Args {
    std::string model = "runs/latest/model";
    std::string output;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--model", a->model,
                  "intent classifier model folder, or language model folder (full model or "
                  "LoRA adapter, merged on export)")
      ->capture_default_str();
  cmd->add_option("-o,--output", a->output, "output .onnx file (replaced atomically)")->required();
  cmd->callback([a] {
    interop::OnnxExportOptions o;
    o.model_path = a->model;
    o.output_path = a->output;
    o.command = "anvil export onnx --model " + a->model + " -o " + a->output;
    const auto s = interop::export_onnx(o);
    auto join = [](const std::vector<std::string>& names) {
      std::string out;
      for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
      return out;
    };
    std::printf(
        "exported %s (%s) to %s: %lld nodes, %.2f MB; inputs: %s; outputs: %s; card: %s\n",
        a->model.c_str(),
        s.kind == interop::OnnxSourceKind::kLanguageModel ? "language model" : "intent classifier",
        a->output.c_str(), static_cast<long long>(s.nodes), s.bytes / 1e6, join(s.inputs).c_str(),
        join(s.outputs).c_str(), interop::model_card_path_for(a->output).c_str());
  });
}

}  // namespace anvil::cli
