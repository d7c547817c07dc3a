// `anvil predict "compute factorial of 5"`: intent, operands, program and its result, or "not
// understood" with the best guesses when the model abstains.
#include <cstdio>

#include "anvil/pipeline/intent_eval.h"
#include "anvil/train/device.h"
#include "commands.h"

namespace anvil::cli {
namespace {

constexpr int kExitNotUnderstood = 3;

void print_program(const std::string& program) {
  std::printf("program:\n");
  std::string line;
  for (char ch : program + "\n") {
    if (ch == '\n') {
      if (!line.empty()) std::printf("    %s\n", line.c_str());
      line.clear();
    } else {
      line += ch;
    }
  }
}

// Long or multi-line requests are shown on one line, cut at 120 bytes.
std::string shown(const std::string& request) {
  std::string s;
  for (char c : request.substr(0, 120)) s += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (request.size() > 120) s += "... (" + std::to_string(request.size()) + " bytes)";
  return s;
}

// Prints one result; returns the exit status it asks for (0, 1 or 3).
int print_result(const std::string& request, const pipeline::PredictResult& r, bool show_program) {
  std::printf("request:    %s\n", shown(request).c_str());
  if (!r.normalised_text.empty())
    std::printf("read as:    %s (digits of another script normalised)\n",
                shown(r.normalised_text).c_str());
  if (r.abstained) {
    std::printf("result:     not understood: %s\nbest guesses:", r.abstain_reason.c_str());
    for (const auto& [intent, p] : r.guesses) std::printf(" %s (%.3f)", intent.c_str(), p);
    std::printf("\n");
    return kExitNotUnderstood;
  }
  std::string ops, out;
  for (auto v : r.operands) ops += (ops.empty() ? "" : ", ") + std::to_string(v);
  for (auto v : r.output) out += (out.empty() ? "" : " ") + std::to_string(v);
  std::printf("intent:     %s (confidence %.3f)\noperands:   [%s]\n", r.intent.c_str(),
              r.confidence, ops.c_str());
  if (show_program && !r.program.empty()) print_program(r.program);
  if (!r.error.empty()) {
    std::printf("result:     error: %s\n", r.error.c_str());
    return 1;
  }
  std::printf("result:     %s\n", out.c_str());
  return 0;
}

}  // namespace

void register_predict(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("predict", "Predict the program for a request and run it");
  cmd->footer(
      "Exit status: 0 every request was answered; 3 a request was not understood (the model "
      "abstained: blank, out of domain, missing numbers or low calibrated confidence; the best "
      "guesses are printed); 1 a program could not run (integer overflow, division by zero, a "
      "number in the request too large for 64 bits) or another error; 2 a usage error. With "
      "several requests the most serious status wins (1, then 3).");
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
    int status = 0;
    for (size_t i = 0; i < results.size(); ++i) {
      const int s = print_result(a->requests[i], results[i], a->show_program);
      if (s == 1 || (s == kExitNotUnderstood && status == 0)) status = s;
      std::printf("latency:    %.2f ms (model call)\n%s", results[i].model_ms,
                  i + 1 < results.size() ? "\n" : "");
    }
    ctx.exit_code = status;
  });
}

}  // namespace anvil::cli
