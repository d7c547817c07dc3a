// `anvil train`: train the intent classifier from a JSONL file (or resume a run, or k-fold
// cross-validate).
#include <cmath>
#include <cstdio>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/progress.h"
#include "anvil/data/data_cache.h"
#include "anvil/data/intent_shards.h"
#include "anvil/pipeline/intent_training.h"
#include "anvil/pipeline/lm_training.h"
#include "anvil/pipeline/run_dir.h"
#include "anvil/train/dist/environment.h"
#include "commands.h"

namespace anvil::cli {
namespace {

struct TrainArgs {
  ConfigArgs config;
  std::string data;
  std::string run_dir;
  std::string resume;
  std::string device;
  std::string mode;
  bool cross_validate = false;
  int64_t folds = 5;
  int64_t stop_after_steps = 0;
  bool quiet = false;
};

void print_result(const pipeline::IntentTrainResult& r) {
  std::printf("best validation intent accuracy %.2f%% at epoch %lld (%lld epochs run)\n",
              100 * r.best_val_intent_acc, static_cast<long long>(r.best_epoch),
              static_cast<long long>(r.epochs_run));
  if (!r.stop_reason.empty()) std::printf("%s\n", r.stop_reason.c_str());
  std::printf("total time %s (%.2f steps/s)\nmodel: %s\n", format_duration(r.seconds).c_str(),
              r.steps_per_second, r.model_dir.c_str());
  if (r.streamed) {
    const auto& d = r.data_stats;
    std::printf(
        "data cache: %zu shard(s), %zu mapped, %zu streamed; %llu block hits, %llu misses, "
        "%llu evictions, %s read\n",
        d.files, d.mapped_files, d.streamed_files, static_cast<unsigned long long>(d.block_hits),
        static_cast<unsigned long long>(d.block_misses),
        static_cast<unsigned long long>(d.block_evictions),
        data::format_bytes(d.bytes_read).c_str());
  }
}

void run_cross_validation(const Config& config, pipeline::IntentTrainOptions options,
                          int64_t folds) {
  data::LoadOptions lo;
  lo.skip_errors = options.skip_errors;
  auto records = data::load_intent_shards(data::expand_data_patterns({options.data_path}), lo);
  auto splits = data::k_fold_splits(static_cast<int64_t>(records.size()), folds, options.seed);
  std::vector<double> accs;
  const std::string base = options.run_dir;
  for (size_t f = 0; f < splits.size(); ++f) {
    options.run_dir = base + "/fold-" + std::to_string(f + 1);
    std::fprintf(stderr, "fold %zu/%zu: %zu train, %zu validation records\n", f + 1, splits.size(),
                 splits[f].train.size(), splits[f].validation.size());
    auto r = pipeline::train_intent_classifier_on(options, records, splits[f]);
    accs.push_back(r.best_val_intent_acc);
    std::printf("fold %zu: validation intent accuracy %.2f%%\n", f + 1,
                100 * r.best_val_intent_acc);
  }
  double mean = 0, var = 0;
  for (double a : accs) mean += a / accs.size();
  for (double a : accs) var += (a - mean) * (a - mean) / std::max<size_t>(accs.size() - 1, 1);
  std::printf("cross-validation (%lld folds): %.2f%% ± %.2f%%\n", static_cast<long long>(folds),
              100 * mean, 100 * std::sqrt(var));
  (void)config;
}

}  // namespace

void register_train(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("train", "Train the intent classifier on a JSONL dataset");
  auto a = std::make_shared<TrainArgs>();
  cmd->add_option("--data", a->data, "training JSONL (default data.path)");
  cmd->add_option("--run-dir", a->run_dir,
                  "write the run here (default: a new folder under run.dir)");
  cmd->add_option("--resume", a->resume,
                  "continue the run in this directory from its last checkpoint (its config.yaml is "
                  "loaded first; overrides such as train.epochs=30 apply on top)");
  cmd->add_option("--device", a->device, "auto | cpu | cuda[:N] (default run.device)");
  cmd->add_option("--mode", a->mode,
                  "check_only (run the pre-training checks, print the report, exit 0 if they pass, "
                  "1 if not) | train_only | check_and_train (default train.mode)");
  cmd->add_flag("--cross-validate", a->cross_validate,
                "k-fold cross-validation instead of one run");
  cmd->add_option("--folds", a->folds, "folds for --cross-validate")->capture_default_str();
  cmd->add_option("--stop-after-steps", a->stop_after_steps,
                  "language models: checkpoint and stop after this optimizer step (the schedule "
                  "still spans train.epochs); continue with --resume");
  cmd->add_flag("-q,--quiet", a->quiet, "no progress bars");
  add_config_args(*cmd, a->config);
  cmd->callback([a, &ctx] {
    ConfigArgs cargs = a->config;
    if (!a->resume.empty()) use_run_config(cargs, a->resume);
    if (!a->data.empty()) cargs.overrides.insert(cargs.overrides.begin(), "data.path=" + a->data);
    if (!a->device.empty()) cargs.overrides.push_back("run.device=" + a->device);
    if (!a->mode.empty()) cargs.overrides.push_back("train.mode=" + a->mode);
    if (!a->data.empty()) cargs.overrides.push_back("lm.data=" + a->data);
    Config config = load_config(cargs);
    if (config.get_string("model.type") == "llama") {
      if (!config.get_string_list("lm.phases").empty())
        throw usage_error(
            "lm.phases (progressive training) runs with `anvil pipeline`, which "
            "generates each phase's data");
      auto lm = pipeline::LmTrainOptions::from_config(config);
      lm.progress = !a->quiet;
      lm.sink = &ctx.sink;
      lm.stop_after_steps = a->stop_after_steps;
      lm.resume = !a->resume.empty();
      // A run `anvil pipeline` started trains on the data it generated into the run directory.
      if (lm.resume && lm.data_path.empty() && file_exists(a->resume + "/data/specialists.jsonl"))
        lm.data_path = a->resume + "/data/specialists.jsonl";
      const DistributedJob job = join_distributed_job(config);
      lm.group = job.group;
      lm.device = job.device;
      if (lm.threads == 0) lm.threads = job.threads;
      lm.run_dir = lm.resume             ? a->resume
                   : !a->run_dir.empty() ? a->run_dir
                                         : agree_on_run_dir(job, [&config] {
                                             return pipeline::create_run_dir(
                                                 config.get_string("run.dir"),
                                                 config.get_string("run.name"));
                                           });
      lm.validate();
      ensure_directory(lm.run_dir);
      record_world(job, lm.run_dir);
      if (job.rank == 0) {
        config.save(lm.run_dir + "/config.yaml");
        std::fprintf(stderr, "run directory: %s\n", lm.run_dir.c_str());
      }
      auto r = pipeline::train_language_model(lm);
      if (!r.trained || job.rank != 0) return;  // check_only: the report is the result
      if (!r.scores.empty())
        std::printf("%s", pipeline::format_specialist_scores(r.scores).c_str());
      std::printf(
          "%lld parameters, %lld training tokens in %s (%.0f tokens/s); final val loss "
          "%.4f\nmodel: %s\n",
          static_cast<long long>(r.parameters), static_cast<long long>(r.tokens_seen),
          format_duration(r.train_seconds).c_str(), r.tokens_per_second, r.final_val_loss,
          r.model_dir.c_str());
      return;
    }
    if (a->stop_after_steps != 0)
      throw usage_error("--stop-after-steps applies to language models (model.type: llama)");
    auto options = pipeline::IntentTrainOptions::from_config(config);
    options.progress = !a->quiet;
    options.sink = &ctx.sink;
    if (a->cross_validate && dist::read_environment().distributed())
      throw usage_error("--cross-validate runs in one process: start it without anvil launch");
    const DistributedJob job = join_distributed_job(config);
    options.group = job.group;
    options.device = job.device;
    if (options.threads == 0) options.threads = job.threads;
    if (!a->resume.empty()) {
      options.run_dir = a->resume;
      options.resume = true;
    } else if (!a->run_dir.empty()) {
      options.run_dir = a->run_dir;
      ensure_directory(options.run_dir);
    } else {
      options.run_dir = agree_on_run_dir(job, [&config] {
        const auto dir =
            pipeline::create_run_dir(config.get_string("run.dir"), config.get_string("run.name"));
        pipeline::update_latest_link(config.get_string("run.dir"), dir);
        return dir;
      });
    }
    options.validate();
    record_world(job, options.run_dir);
    if (job.rank == 0) {
      config.save(options.run_dir + "/config.yaml");
      std::fprintf(stderr, "run directory: %s\n", options.run_dir.c_str());
    }
    if (a->cross_validate) {
      run_cross_validation(config, options, a->folds);
      return;
    }
    auto r = pipeline::train_intent_classifier(options);
    if (r.trained && job.rank == 0) print_result(r);  // check_only: the report (already printed) is the result
  });
}

}  // namespace anvil::cli
