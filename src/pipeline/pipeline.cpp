// The end-to-end pipeline.
#include "anvil/pipeline/pipeline.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/progress.h"
#include "anvil/core/sink.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"
#include "anvil/pipeline/datagen_stage.h"
#include "anvil/pipeline/lm_phases.h"
#include "anvil/pipeline/lm_training.h"
#include "anvil/pipeline/run_dir.h"
#include "anvil/train/device.h"
#include "anvil/train/dist/rank_zero.h"

namespace anvil::pipeline {
namespace {

datagen::DatagenOptions datagen_options(const Config& c, const std::string& output, int64_t n,
                                        uint64_t seed) {
  datagen::DatagenOptions o;
  o.n = n;
  o.level = static_cast<int>(c.get_int("datagen.level"));
  o.seed = seed;
  o.include_examples = c.get_bool("datagen.include_examples");
  o.lib_dirs = c.get_string_list("datagen.lib_dirs");
  o.output = output;
  return o;
}

// model.type: llama with lm.phases — progressive LoRA phases and the retention table.
void run_progressive_pipeline(const Config& config, const std::string& run_dir, Sink* sink,
                              const std::shared_ptr<dist::ProcessGroup>& group, bool resume) {
  const auto t0 = std::chrono::steady_clock::now();
  ProgressiveOptions o = ProgressiveOptions::from_config(config);
  o.run_dir = run_dir;
  o.resume = resume;
  o.train.sink = sink;
  o.train.group = group;
  auto r = run_progressive_training(o);
  if (group && group->rank() != 0) return;
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  emit(sink, Channel::kResult, "total %s; retention table: %s/retention.md\n",
       format_duration(total).c_str(), run_dir.c_str());
  nlohmann::json summary = {{"run_dir", run_dir},
                            {"phase_seconds", r.phase_seconds},
                            {"total_seconds", total},
                            {"targets_met", r.table.targets_met(o.targets)},
                            {"model", r.model_dir}};
  write_file_atomic(run_dir + "/summary.json", summary.dump(2) + "\n");
}

// model.type: llama — specialist data -> tokenizer + language model -> validator scores.
// Training errors that end in "resume with ..." name `anvil pipeline --resume`, which also runs
// the stages after training.
template <typename Fn>
auto resumable_as_pipeline(const std::string& run_dir, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const Error& e) {
    if (e.option() != "resume") throw;
    throw Error(e.what(), e.kind()).about("resume_pipeline", run_dir);
  }
}

void run_language_model_pipeline(const Config& config, const std::string& run_dir, Sink* sink,
                                 const std::shared_ptr<dist::ProcessGroup>& group, bool resume) {
  if (!config.get_string_list("lm.phases").empty()) {
    if (config.get_string("train.mode") == "check_only")
      throw usage_error(
          "train.mode = check_only does not apply to lm.phases (each phase's checks run before "
          "it trains, in check_and_train mode)")
          .about("mode", "check_and_train");
    resumable_as_pipeline(run_dir,
                          [&] { run_progressive_pipeline(config, run_dir, sink, group, resume); });
    return;
  }
  const auto t0 = std::chrono::steady_clock::now();
  LmTrainOptions o = LmTrainOptions::from_config(config);
  o.run_dir = run_dir;
  o.sink = sink;
  o.group = group;
  if (o.data_path.empty()) {
    o.data_path = run_dir + "/data/specialists.jsonl";
    dist::on_rank_zero(group, [&] {
      if (resume && file_exists(o.data_path)) return;  // written whole or not at all
      datagen::SpecialistDatagenOptions d;
      d.specialists = config.get_string("lm.specialists");
      int64_t shares = 0;  // a weighted specialist ("copy_repeat*6") has several shares
      for (const auto& w : datagen::select_weighted_specialists(d.specialists)) shares += w.weight;
      d.n = config.get_int("lm.n_per_specialist") * shares;
      d.seed = static_cast<uint64_t>(config.get_int("datagen.seed"));
      d.threads = 0;
      d.output = o.data_path;
      d.validate();
      generate_with_progress(d, "specialist datagen");
    });
  }
  o.resume = resume && has_last_checkpoint(run_dir);
  auto r = resumable_as_pipeline(run_dir, [&] { return train_language_model(o); });
  if (!r.trained || (group && group->rank() != 0)) return;  // check_only: the report was it
  const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  emit(sink, Channel::kResult,
       "\nheld-out evaluation (generated answers scored by each specialist's validator):\n%s",
       format_specialist_scores(r.scores).c_str());
  emit(sink, Channel::kResult,
       "\n%lld parameters, %lld training tokens, %.0f tokens/s; total %s\nmodel: %s\n",
       static_cast<long long>(r.parameters), static_cast<long long>(r.tokens_seen),
       r.tokens_per_second, format_duration(total).c_str(), r.model_dir.c_str());
  nlohmann::json summary = {{"run_dir", run_dir},
                            {"parameters", r.parameters},
                            {"tokens_seen", r.tokens_seen},
                            {"train_seconds", r.train_seconds},
                            {"tokens_per_second", r.tokens_per_second},
                            {"final_val_loss", r.final_val_loss},
                            {"total_seconds", total}};
  for (const auto& s : r.scores) summary["field_accuracy"][s.specialist] = s.field_accuracy;
  write_file_atomic(run_dir + "/summary.json", summary.dump(2) + "\n");
}

// lm.reuse_phases as an absolute path resolved now, so `runs/latest` names the earlier run and
// not the one about to be created (which the latest link is moved to).
Config with_absolute_reuse_dir(const Config& config) {
  const std::string reuse = config.get_string("lm.reuse_phases");
  if (reuse.empty()) return config;
  std::error_code ec;
  const auto path = std::filesystem::canonical(reuse, ec);
  if (ec) throw usage_error("lm.reuse_phases = '" + reuse + "': no such run directory");
  Config c = config;
  c.apply_override("lm.reuse_phases=" + nlohmann::json(path.string()).dump());
  return c;
}

}  // namespace

PipelineResult run_pipeline(const Config& input, Sink* sink,
                            const std::shared_ptr<dist::ProcessGroup>& group,
                            const std::string& resume_dir) {
  const auto t0 = std::chrono::steady_clock::now();
  PipelineResult result;
  const Config config = with_absolute_reuse_dir(input);
  const bool writer = !group || group->rank() == 0;  // rank 0 speaks and writes for the job
  if (!writer) sink = nullptr;
  const std::string base = config.get_string("run.dir");
  const bool resume = !resume_dir.empty();
  if (resume && !file_exists(resume_dir + "/config.yaml"))
    throw usage_error("cannot resume '" + resume_dir +
                      "': no config.yaml there (not a pipeline run directory)");
  result.run_dir = dist::from_rank_zero(group, [&] {
    if (resume) return resume_dir;
    const std::string dir = create_run_dir(base, config.get_string("run.name"));
    update_latest_link(base, dir);
    config.save(dir + "/config.yaml");
    return dir;
  });
  log_line(sink, "%s: %s", resume ? "resuming run" : "run directory", result.run_dir.c_str());
  if (config.get_string("model.type") == "llama") {
    run_language_model_pipeline(config, result.run_dir, sink, group, resume);
    return result;
  }

  // 1. Data: the configured file, or generated into the run directory; and the benchmark set.
  std::string data_path = config.get_string("data.path");
  IntentTrainOptions to = IntentTrainOptions::from_config(config);
  to.run_dir = result.run_dir;
  to.sink = sink;
  to.group = group;
  const bool check_only = to.checks.mode == train::ValidationMode::kCheckOnly;
  const uint64_t bench_seed = static_cast<uint64_t>(config.get_int("eval.benchmark_seed"));
  if (!check_only && bench_seed == static_cast<uint64_t>(config.get_int("datagen.seed")))
    throw usage_error(
        "eval.benchmark_seed equals datagen.seed: the benchmark set must be fresh data");
  const bool generate_data = data_path.empty();
  if (generate_data) data_path = result.run_dir + "/data/train.jsonl";
  const std::string bench_path = result.run_dir + "/data/benchmark.jsonl";
  dist::on_rank_zero(group, [&] {
    if (resume && file_exists(data_path) && file_exists(bench_path))
      return;  // each file is written whole or not at all
    if (generate_data) {
      auto options = datagen_options(config, data_path, config.get_int("datagen.n"),
                                     static_cast<uint64_t>(config.get_int("datagen.seed")));
      options.negatives = config.get_double("datagen.negatives");
      generate_with_progress(options, "datagen");
    }
    if (!check_only)
      generate_with_progress(
          datagen_options(config, bench_path, config.get_int("eval.benchmark_n"), bench_seed),
          "benchmark set");
  });
  to.data_path = data_path;
  if (check_only) {
    result.train = train_intent_classifier(to);  // prints the report; throws when a check fails
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return result;
  }
  // 2. Train.
  to.resume = resume && has_last_checkpoint(result.run_dir);
  result.train = resumable_as_pipeline(result.run_dir, [&] { return train_intent_classifier(to); });
  if (!writer) return result;  // rank 0 evaluates, predicts and writes the summary

  // 3. Evaluate on the fresh benchmark set.
  models::IntentModel model =
      models::load_intent_model(result.train.model_dir, train::resolve_device(to.device));
  auto bench_records = data::load_intent_records(bench_path);
  result.benchmark = evaluate_intent_model(model, bench_records);
  emit(sink, Channel::kResult, "\nbenchmark (fresh data, seed %llu):\n%s",
       static_cast<unsigned long long>(bench_seed),
       format_eval_report(result.benchmark, config.get_int("eval.worst_intents")).c_str());
  save_reliability_diagram(result.benchmark, result.run_dir + "/reliability.png");

  // 4. A few predictions.
  const auto requests = config.get_string_list("pipeline.predict");
  if (!requests.empty()) {
    emit(sink, Channel::kResult, "\npredictions:\n");
    auto preds = predict_requests(model, requests);
    for (size_t i = 0; i < preds.size(); ++i) {
      std::string ops, out;
      for (auto v : preds[i].operands) ops += (ops.empty() ? "" : ", ") + std::to_string(v);
      for (auto v : preds[i].output) out += (out.empty() ? "" : " ") + std::to_string(v);
      if (preds[i].abstained) {
        emit(sink, Channel::kResult, "  %-50s -> not understood: %s\n",
             ("\"" + requests[i] + "\"").c_str(), preds[i].abstain_reason.c_str());
        continue;
      }
      emit(sink, Channel::kResult, "  %-50s -> %s(%s) = %s\n", ("\"" + requests[i] + "\"").c_str(),
           preds[i].intent.c_str(), ops.c_str(),
           preds[i].error.empty() ? out.c_str() : ("error: " + preds[i].error).c_str());
    }
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  nlohmann::json summary = {{"run_dir", result.run_dir},
                            {"best_val_intent_acc", result.train.best_val_intent_acc},
                            {"best_epoch", result.train.best_epoch},
                            {"epochs_run", result.train.epochs_run},
                            {"train_seconds", result.train.seconds},
                            {"train_steps_per_second", result.train.steps_per_second},
                            {"benchmark",
                             {{"records", result.benchmark.records},
                              {"intent_acc", result.benchmark.intent_acc},
                              {"count_acc", result.benchmark.count_acc},
                              {"operand_acc", result.benchmark.operand_acc},
                              {"execution_acc", result.benchmark.execution_acc},
                              {"ece_raw", result.benchmark.ece_raw},
                              {"ece_calibrated", result.benchmark.ece_calibrated},
                              {"coverage", result.benchmark.coverage},
                              {"answered_execution_acc", result.benchmark.answered_execution_acc}}},
                            {"calibration", result.train.calibration.to_json()},
                            {"total_seconds", result.seconds}};
  write_file_atomic(result.run_dir + "/summary.json", summary.dump(2) + "\n");
  emit(sink, Channel::kResult,
       "\nbest validation intent accuracy %.2f%% (epoch %lld); benchmark intent %.2f%%, "
       "execution %.2f%%; total %s\nmodel: %s\n",
       100 * result.train.best_val_intent_acc, static_cast<long long>(result.train.best_epoch),
       100 * result.benchmark.intent_acc, 100 * result.benchmark.execution_acc,
       format_duration(result.seconds).c_str(), result.train.model_dir.c_str());
  return result;
}

}  // namespace anvil::pipeline
