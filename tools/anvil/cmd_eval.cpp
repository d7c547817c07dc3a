// `anvil eval`: accuracy of every head and end-to-end execution accuracy of a trained model.
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/datagen/generator.h"
#include "anvil/datagen/out_of_domain.h"
#include "anvil/interop/language_model_loader.h"
#include "anvil/pipeline/answers_file.h"
#include "anvil/pipeline/intent_eval.h"
#include "anvil/pipeline/lm_checkpoint_model.h"
#include "anvil/pipeline/lm_training.h"
#include "anvil/pipeline/skill_scores.h"
#include "anvil/train/device.h"
#include "commands.h"

namespace anvil::cli {

namespace {

// A specialist language model: validator scores per specialist, the skill scores of the skill
// specialists, then how well its confidence matches how often its answers are right.
void eval_language_model(const std::string& model_dir, const std::string& data, const Config& c,
                         const torch::Device& device, const std::string& reliability,
                         const std::string& answers) {
  auto lm = interop::load_language_model(model_dir);
  const auto calibration = pipeline::load_answer_calibration(model_dir);
  lm.model->to(device);
  std::vector<pipeline::AnswerOutcome> outcomes;
  auto scores = pipeline::evaluate_language_model(
      lm.model, lm.tokenizer, data, c.get_int("lm.eval_per_specialist"),
      c.get_int("lm.max_new_tokens"), nullptr, nullptr, &outcomes);
  std::printf("%s", pipeline::format_specialist_scores(scores).c_str());
  std::printf("%s", pipeline::format_skill_scores(pipeline::score_skills(outcomes)).c_str());
  if (!answers.empty()) {
    pipeline::write_answers_file(answers, outcomes, calibration);
    std::printf("answers: %s\n", answers.c_str());
  }
  if (outcomes.empty()) return;
  if (calibration) {  // the confidence a server gives these answers, measured as it is
    std::printf("%s", pipeline::format_served_confidence(
                          pipeline::measure_served_confidence(outcomes, *calibration), *calibration)
                          .c_str());
  }
  if (outcomes.size() < 2) return;
  const auto report = pipeline::calibrate_answers(outcomes);
  std::printf("%s", pipeline::format_lm_calibration(report).c_str());
  if (!reliability.empty()) {
    pipeline::save_lm_reliability_diagram(report, reliability);
    std::printf("reliability diagram: %s\n", reliability.c_str());
  }
}

// A new folder under the system's temporary directory, removed with everything in it at the end.
struct ScratchFolder {
  std::string path;
  ScratchFolder() {
    std::string name =
        (std::filesystem::temp_directory_path() / "anvil-checkpoint-model-XXXXXX").string();
    if (!::mkdtemp(name.data())) throw Error("cannot create a temporary folder like " + name);
    path = name;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
};

}  // namespace

void register_eval(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("eval",
                                 "Evaluate a trained model (intent classifier or specialist "
                                 "language model) on a JSONL dataset");
  struct Args {
    ConfigArgs config;
    std::string model = "runs/latest/model";
    std::string data;
    bool benchmark = false;
    bool ood = false;
    std::string reliability;
    std::string answers;
    double threshold = -1;
    std::string device;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--model", a->model,
                  "model directory, .safetensors file or GGUF file; a language-model run's "
                  "training checkpoint (RUN/checkpoints/last.safetensors) is scored as it stands")
      ->capture_default_str();
  cmd->add_option("--data", a->data, "JSONL records to evaluate on");
  cmd->add_flag("--benchmark", a->benchmark,
                "evaluate on a fresh held-out set generated with eval.benchmark_seed "
                "(eval.benchmark_n records)");
  cmd->add_flag("--ood", a->ood,
                "also measure abstention on generated out-of-domain requests (eval.ood_n of "
                "them, seed eval.ood_seed; training never saw them)");
  cmd->add_option(
      "--reliability", a->reliability,
      "write the reliability diagram (raw and calibrated confidence) to this .png/.svg");
  cmd->add_option("--answers", a->answers,
                  "language models: write every generated answer with the record's own answer, "
                  "its score and confidences to this JSONL file");
  cmd->add_option("--threshold", a->threshold,
                  "abstain below this calibrated confidence instead of the model's own threshold");
  cmd->add_option("--device", a->device, "auto | cpu | cuda[:N]");
  add_config_args(*cmd, a->config);
  cmd->callback([a] {
    Config c = load_config(a->config);
    if (a->data.empty() && !a->benchmark && !a->ood)
      throw usage_error("give --data FILE, --benchmark or --ood");
    auto device = train::resolve_device(a->device.empty() ? c.get_string("run.device") : a->device);
    train::configure_threads(c.get_int("run.threads"));
    // A language-model run's training checkpoint: its model, written to a temporary folder.
    if (pipeline::is_training_checkpoint(a->model)) {
      if (a->data.empty())
        throw usage_error("give --data FILE (specialist records) to evaluate a checkpoint");
      const ScratchFolder folder;
      const auto at = pipeline::write_checkpoint_model(a->model, folder.path);
      std::printf("checkpoint %s (epoch %lld, step %lld)\n", a->model.c_str(),
                  static_cast<long long>(at.epoch), static_cast<long long>(at.step));
      eval_language_model(folder.path, a->data, c, device, a->reliability, a->answers);
      return;
    }
    // A language model: a folder with tokenizer.json, or a GGUF file.
    if (file_exists(a->model + "/tokenizer.json") || interop::is_gguf_file(a->model)) {
      if (a->data.empty())
        throw usage_error("give --data FILE (specialist records) to evaluate a language model");
      eval_language_model(a->model, a->data, c, device, a->reliability, a->answers);
      return;
    }
    auto model = models::load_intent_model(a->model, device);
    if (a->threshold >= 0) model.calibration.threshold = a->threshold;
    if (a->ood) {
      datagen::OodOptions oo;
      oo.n = c.get_int("eval.ood_n");
      oo.seed = static_cast<uint64_t>(c.get_int("eval.ood_seed"));
      std::printf("%s", pipeline::format_ood_report(pipeline::evaluate_out_of_domain(
                                                        model, datagen::generate_out_of_domain(oo)))
                            .c_str());
      if (a->data.empty() && !a->benchmark) return;
    }
    std::string path = a->data;
    if (a->benchmark) {
      datagen::DatagenOptions o;
      o.n = c.get_int("eval.benchmark_n");
      o.seed = static_cast<uint64_t>(c.get_int("eval.benchmark_seed"));
      o.level = static_cast<int>(c.get_int("datagen.level"));
      o.lib_dirs = c.get_string_list("datagen.lib_dirs");
      o.output = a->model + "/../benchmark-seed" + std::to_string(o.seed) + ".jsonl";
      datagen::generate_dataset(o);
      path = o.output;
      std::printf("benchmark set: %lld fresh records, seed %llu\n", static_cast<long long>(o.n),
                  static_cast<unsigned long long>(o.seed));
    }
    data::LoadOptions lo;
    lo.skip_errors = c.get_string("data.on_error") == "skip";
    data::LoadReport rep;
    auto records = data::load_intent_records(path, lo, &rep);
    if (rep.skipped) std::printf("skipped %zu malformed records\n", rep.skipped);
    auto report = pipeline::evaluate_intent_model(model, records);
    std::printf("%s",
                pipeline::format_eval_report(report, c.get_int("eval.worst_intents")).c_str());
    if (!a->reliability.empty()) {
      pipeline::save_reliability_diagram(report, a->reliability);
      std::printf("reliability diagram: %s\n", a->reliability.c_str());
    }
    std::printf("evaluated in %.2fs\n", report.seconds);
  });
}

}  // namespace anvil::cli
