// `anvil predict "compute factorial of 5"`: intent, operands, program and its result.
#include <cstdio>

#include "anvil/pipeline/intent_eval.h"
#include "anvil/train/device.h"
#include "commands.h"

namespace anvil::cli {

void register_predict(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("predict", "Predict the program for a request and run it");
  struct Args {
    std::vector<std::string> requests;
    std::string model = "runs/latest/model";
    std::string device = "auto";
    bool show_program = true;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("requests", a->requests, "one or more requests")->required();
  cmd->add_option("--model", a->model, "model directory or .safetensors file")
      ->capture_default_str();
  cmd->add_option("--device", a->device, "auto | cpu | cuda[:N]")->capture_default_str();
  cmd->add_flag("!--no-program", a->show_program, "do not print the program text");
  cmd->callback([a, &ctx] {
    train::configure_threads(1);
    auto model = models::load_intent_model(a->model, train::resolve_device(a->device));
    auto results = pipeline::predict_requests(model, a->requests);
    for (size_t i = 0; i < results.size(); ++i) {
      const auto& r = results[i];
      std::string ops, out;
      for (auto v : r.operands) ops += (ops.empty() ? "" : ", ") + std::to_string(v);
      for (auto v : r.output) out += (out.empty() ? "" : " ") + std::to_string(v);
      std::printf("request:    %s\nintent:     %s (confidence %.3f)\noperands:   [%s]\n",
                  a->requests[i].c_str(), r.intent.c_str(), r.confidence, ops.c_str());
      if (a->show_program && !r.program.empty()) {
        std::printf("program:\n");
        std::string line;
        for (char ch : r.program + "\n") {
          if (ch == '\n') {
            if (!line.empty()) std::printf("    %s\n", line.c_str());
            line.clear();
          } else {
            line += ch;
          }
        }
      }
      if (r.error.empty()) {
        std::printf("result:     %s\n", out.c_str());
      } else {
        std::printf("result:     (not run: %s)\n", r.error.c_str());
        ctx.exit_code = 1;
      }
      std::printf("latency:    %.2f ms (model call)\n%s", r.model_ms,
                  i + 1 < results.size() ? "\n" : "");
    }
  });
}

}  // namespace anvil::cli
