// The intent classifier's training run: data -> model -> Engine with handlers -> best model.
#include "anvil/pipeline/intent_training.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/sink.h"
#include "anvil/data/intent_shards.h"
#include "anvil/data/loader.h"
#include "anvil/data/sharded_jsonl.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/intent_features.h"
#include "anvil/models/intent_model.h"
#include "anvil/train/checkpoint.h"
#include "anvil/train/device.h"
#include "anvil/train/dist/data_parallel.h"
#include "anvil/train/dist/rank_tracking.h"
#include "anvil/train/engine.h"
#include "anvil/train/handlers/checkpointer.h"
#include "anvil/train/handlers/early_stopping.h"
#include "anvil/train/handlers/evaluator.h"
#include "anvil/train/handlers/grad_clip.h"
#include "anvil/train/handlers/nan_guard.h"
#include "anvil/train/handlers/progress_reporter.h"
#include "anvil/train/handlers/running_average.h"
#include "anvil/train/param_groups.h"
#include "anvil/train/pre_training_checks.h"
#include "pipeline/intent_batches.h"
#include "pipeline/recipe_checks.h"

namespace anvil::pipeline {

IntentTrainOptions IntentTrainOptions::from_config(const Config& c) {
  IntentTrainOptions o;
  o.data_path = c.get_string("data.path");
  o.model.type = c.get_string("model.type");
  o.model.embed_dim = c.get_int("model.embed_dim");
  o.model.channels = c.get_int_list("model.channels");
  o.model.dropout = c.get_double("model.dropout");
  o.model.max_length = c.get_int("data.max_length");
  o.loss_weights.intent = c.get_double("train.loss_weights.intent");
  o.loss_weights.count = c.get_double("train.loss_weights.count");
  o.loss_weights.operand = c.get_double("train.loss_weights.operand");
  o.loss_weights.sign = c.get_double("train.loss_weights.sign");
  o.epochs = c.get_int("train.epochs");
  o.batch_size = c.get_int("train.batch_size");
  const std::string opt = c.get_string("train.optimizer");
  if (opt != "adamw") throw usage_error("train.optimizer = '" + opt + "': only adamw is supported");
  o.lr = c.get_double("train.lr");
  o.weight_decay = c.get_double("train.weight_decay");
  o.decay = train::DecayOptions::from_config(c);
  o.schedule.type = c.get_string("train.scheduler");
  o.schedule.warmup_steps = c.get_int("train.warmup_steps");
  o.schedule.lr_min = c.get_double("train.lr_min");
  o.schedule.step_size = c.get_int("train.step_size");
  o.schedule.gamma = c.get_double("train.gamma");
  o.grad_clip = c.get_double("train.grad_clip");
  o.inject_nan_at = c.get_int("train.inject_nan_at");
  o.dist_bucket_mb = c.get_int("dist.bucket_mb");
  o.patience = c.get_int("train.early_stopping_patience");
  o.min_delta = c.get_double("train.early_stopping_min_delta");
  o.keep_best = c.get_int("train.keep_best");
  o.train_ratio = c.get_double("data.train_ratio");
  const std::string on_error = c.get_string("data.on_error");
  if (on_error != "fail" && on_error != "skip")
    throw usage_error("data.on_error = '" + on_error + "': expected fail or skip");
  o.skip_errors = on_error == "skip";
  o.prefetch = c.get_int("data.prefetch");
  o.cache.budget_bytes = data::parse_cache_budget(c.get_string("data.cache_budget"));
  o.cache.stream = data::parse_stream_mode(c.get_string("data.stream"));
  o.cache.sidecar = c.get_bool("data.index_sidecar");
  o.cache.priorities = data::parse_cache_priorities(c.get_string_list("data.cache_priority"));
  o.shuffle_block = c.get_int("data.shuffle_block");
  o.shuffle_buffer = c.get_int("data.shuffle_buffer");
  o.seed = static_cast<uint64_t>(c.get_int("run.seed"));
  o.device = c.get_string("run.device");
  o.threads = c.get_int("run.threads");
  o.tracking = train::TrackingOptions::from_config(c);
  o.calibration = CalibrationOptions::from_config(c);
  o.checks = train::PreTrainingChecks::from_config(c);
  return o;
}

void IntentTrainOptions::validate() const {
  auto bad = [](const std::string& key, const std::string& value, const std::string& why) {
    return usage_error(key + " = " + value + ": " + why);
  };
  if (data_path.empty())
    throw usage_error("data.path is empty: no training JSONL given").about("data_path");
  if (run_dir.empty()) throw usage_error("no run directory given");
  if (epochs < 1) throw bad("train.epochs", std::to_string(epochs), "must be >= 1");
  if (batch_size < 1) throw bad("train.batch_size", std::to_string(batch_size), "must be >= 1");
  if (!(lr > 0)) throw bad("train.lr", std::to_string(lr), "must be > 0");
  if (weight_decay < 0)
    throw bad("train.weight_decay", std::to_string(weight_decay), "must be >= 0");
  if (grad_clip < 0) throw bad("train.grad_clip", std::to_string(grad_clip), "must be >= 0");
  if (patience < 0)
    throw bad("train.early_stopping_patience", std::to_string(patience), "must be >= 0");
  if (!(min_delta >= 0 && min_delta < 1))
    throw bad("train.early_stopping_min_delta", std::to_string(min_delta), "must be in [0, 1)");
  if (prefetch < 0) throw bad("data.prefetch", std::to_string(prefetch), "must be >= 0");
  if (shuffle_block < 0)
    throw bad("data.shuffle_block", std::to_string(shuffle_block), "must be >= 0");
  if (shuffle_buffer < 0)
    throw bad("data.shuffle_buffer", std::to_string(shuffle_buffer), "must be >= 0");
  cache.validate();
  calibration.validate();
}

namespace {

// Validation metrics: loss, intent / count accuracy and exact operand match.
std::map<std::string, double> validate_split(models::IntentModel& model, const IntentBatchFn& make,
                                             const std::vector<int64_t>& indices,
                                             const models::LossWeights& weights) {
  torch::NoGradGuard no_grad;
  model.net->eval();
  double loss = 0, intent_ok = 0, count_ok = 0, operands_ok = 0;
  const size_t chunk = 1024;
  for (size_t i = 0; i < indices.size(); i += chunk) {
    std::vector<int64_t> idx(indices.begin() + i,
                             indices.begin() + std::min(indices.size(), i + chunk));
    IntentBatch b = make(idx);
    auto in = b.inputs.to(model.device);
    auto out = model.net->forward(in);
    auto parts = model.net->loss(out, b.targets.to(model.device), weights);
    loss += parts.total.item<double>() * static_cast<double>(idx.size());
    auto preds = model.net->decode(out, in);
    auto tgt_intent = b.targets.intent.accessor<int64_t, 1>();
    auto tgt_count = b.targets.count.accessor<int64_t, 1>();
    auto ops = b.operands.accessor<int64_t, 2>();
    for (size_t j = 0; j < idx.size(); ++j) {
      intent_ok += preds[j].intent == tgt_intent[j];
      count_ok += preds[j].count == tgt_count[j];
      bool all = true;
      for (int64_t k = 0; k < models::kMaxOperands; ++k)
        all = all && preds[j].operands[k] == ops[j][k];
      operands_ok += all;
    }
  }
  model.net->train();
  const double n = static_cast<double>(std::max<size_t>(indices.size(), 1));
  return {{"val_loss", loss / n},
          {"val_intent_acc", intent_ok / n},
          {"val_count_acc", count_ok / n},
          {"val_operand_acc", operands_ok / n}};
}

}  // namespace

namespace {

// Everything the step function and the handlers share during a run.
struct IntentRun {
  const IntentTrainOptions& o;
  const data::Split& split;
  IntentRecordSource source;
  models::IntentModel model;
  IntentTensors data;             // in memory only: every record as tensors
  IntentBatchFn make_batch;       // the records at some indices as one batch (any thread)
  io::NamedTensors named_params;  // trainable parameters by name (checkpointed optimizer state)
  std::unique_ptr<torch::optim::AdamW> optimizer;
  std::unique_ptr<data::DataLoader<IntentBatch>> loader;
  std::shared_ptr<dist::ProcessGroup> group;  // null: this process alone
  int rank = 0, world = 1;
  std::unique_ptr<dist::DataParallel> data_parallel;

  // One step; data-parallel: this rank's rows of the global batch, its mean loss scaled by its
  // share of the rows, so the averaged gradient is that of the whole batch's mean loss.
  std::map<std::string, double> step(train::Engine& e) {
    auto batch = loader->next();
    if (!batch)
      throw Error("data loader ran out of batches at iteration " +
                  std::to_string(e.state().iteration));
    auto in = batch->inputs.to(model.device);
    auto tgt = batch->targets.to(model.device);
    const double rows = static_cast<double>(tgt.intent.size(0));
    const double all_rows = dist::sum_over_ranks(group, {rows})[0];
    auto out = model.net->forward(in);
    auto parts = model.net->loss(out, tgt, o.loss_weights);
    if (e.state().iteration == o.inject_nan_at)  // fault injection: a poisoned batch
      parts.total = parts.total * std::nan("");
    optimizer->zero_grad();
    (group ? parts.total * (rows * world / all_rows) : parts.total).backward();
    if (data_parallel) data_parallel->average_gradients();
    e.fire(train::Event::kBackwardCompleted);
    optimizer->step();
    const double correct =
        out.intent_logits.argmax(-1).eq(tgt.intent).to(torch::kFloat).sum().item<double>();
    const auto totals = dist::sum_over_ranks(group, {parts.total.item<double>() * rows, correct});
    return {{"loss", totals[0] / all_rows}, {"intent_acc", totals[1] / all_rows}};
  }

  train::CheckpointParts checkpoint_parts(train::Engine& engine) {
    return {model.net.get(), optimizer.get(), named_params, &engine};
  }

  // The pre-training checks read the training split through the run's own loader.
  std::optional<train::ValidationReport> run_checks(torch::Device device) {
    train::PreTrainingChecks checks = o.checks;
    checks.validator.device = device;
    auto target = intent_validation_target(
        model.net, static_cast<int64_t>(model.intents.size()), *optimizer, o.loss_weights,
        [this]() -> std::optional<train::NamedBatch> {
          auto b = loader->next();
          if (!b) return std::nullopt;
          return named_intent_batch(b->inputs, b->targets);
        },
        [this](int64_t epoch) { loader->start_epoch(epoch); });
    return train::run_pre_training_checks(target, checks, o.run_dir, o.tracking, o.sink);
  }
};

// Stages 1-2: the model for these intents, the batch maker (in memory: every record as tensors
// once, batches are index_selects; streaming: each batch's records parsed and tensorized on the
// loader's worker thread), the optimizer and the loader over the training split.
void build_intent_run(IntentRun& run, const std::vector<std::string>& intents,
                      torch::Device device) {
  const auto& o = run.o;
  run.model = models::make_intent_model(o.model, intents, device);
  run.model.net->train();
  if (run.source.records) {
    run.data = tensorize_intents(*run.source.records, run.model);
    run.make_batch = [&data = run.data](const std::vector<int64_t>& idx) {
      return data.select(idx);
    };
  } else {
    run.make_batch = [&run](const std::vector<int64_t>& idx) {
      return tensorize_intents(run.source.at(idx), run.model).whole(idx);
    };
  }
  const train::ParamGroups params = train::split_parameters(*run.model.net, o.decay);
  run.named_params = params.all();
  run.optimizer = train::make_adamw(params, {o.lr, o.weight_decay, 0.9, 0.999, 1e-8});
  data::LoaderOptions lo;
  lo.batch_size = o.batch_size;
  lo.seed = o.seed;
  lo.prefetch = o.prefetch;
  if (run.source.shards) {  // streaming: read a few neighbouring blocks of lines at a time
    lo.shuffle_block = o.shuffle_block;
    lo.shuffle_buffer = o.shuffle_buffer;
  }
  IntentBatchFn loader_batch = run.make_batch;
  if (run.world > 1) {
    // Every rank's loader walks the same global batches; each keeps rows rank, rank + world, ...
    lo.batch_size = o.batch_size * run.world;
    const int64_t rest = static_cast<int64_t>(run.split.train.size()) % lo.batch_size;
    if (rest != 0 && rest < run.world) lo.drop_last = true;  // no rank may get an empty batch
    loader_batch = [inner = run.make_batch, rank = run.rank,
                    world = run.world](const std::vector<int64_t>& idx) {
      std::vector<int64_t> mine;
      for (size_t i = static_cast<size_t>(rank); i < idx.size(); i += static_cast<size_t>(world))
        mine.push_back(idx[i]);
      return inner(mine);
    };
  }
  run.loader = std::make_unique<data::DataLoader<IntentBatch>>(run.split.train, lo, loader_batch);
}

struct IntentHandlers {
  std::shared_ptr<train::Checkpointer> checkpointer;
  train::Tracking tracking;
};

// Stage 3: running averages, schedule, clipping, NaN guard, validation, early stopping,
// checkpoints (best-k by validation intent accuracy), metrics.jsonl, progress and tracking.
IntentHandlers attach_intent_handlers(train::Engine& engine, IntentRun& run,
                                      int64_t steps_per_epoch) {
  const auto& o = run.o;
  engine.on(train::on(train::Event::kEpochStarted), [&run](train::Engine& e) {
    if (run.source.shards) run.source.shards->check_fresh();  // a changed shard stops the run
    run.loader->start_epoch(e.state().epoch);
  });
  auto averages = std::make_shared<train::RunningAverage>();
  engine.attach(averages);
  auto schedule = o.schedule;
  schedule.base_lr = o.lr;
  schedule.steps_per_epoch = steps_per_epoch;
  schedule.total_steps = steps_per_epoch * o.epochs;
  engine.attach(std::make_shared<train::LrScheduler>(*run.optimizer, schedule));
  if (o.grad_clip > 0)
    engine.attach(
        std::make_shared<train::GradientClipping>(run.model.net->parameters(), o.grad_clip));
  engine.attach(std::make_shared<train::NanGuard>());
  engine.attach(std::make_shared<train::Evaluator>([&run] {
    // Every rank evaluates the same model: rank 0's BatchNorm statistics first.
    if (run.data_parallel) run.data_parallel->broadcast_buffers(0);
    return validate_split(run.model, run.make_batch, run.split.validation, run.o.loss_weights);
  }));
  engine.attach(std::make_shared<train::EarlyStopping>(
      train::EarlyStoppingOptions{"val_intent_acc", o.patience, o.min_delta}));

  IntentHandlers h;
  h.checkpointer = std::make_shared<train::Checkpointer>(
      train::CheckpointOptions{o.run_dir + "/checkpoints", "val_intent_acc", o.keep_best},
      [&run](train::Engine& e, const std::string& path) {
        auto meta = models::intent_model_metadata(run.model);
        meta["anvil.world_size"] = std::to_string(run.world);
        train::save_checkpoint(path, run.checkpoint_parts(e), meta);
      });
  if (run.rank == 0) engine.attach(h.checkpointer);  // one writer: every rank holds the same state

  ensure_directory(o.run_dir);
  const auto write_metrics = [metrics_path = o.run_dir + "/metrics.jsonl"](train::Engine& e) {
    nlohmann::json line = {{"epoch", e.state().epoch}, {"iteration", e.state().iteration}};
    for (const auto& [k, v] : e.state().metrics) line[k] = v;
    std::ofstream(metrics_path, std::ios::app) << line.dump() << "\n";
  };
  if (run.rank == 0) engine.on(train::on(train::Event::kEpochCompleted), write_metrics);
  train::ProgressReporterOptions po;
  po.enabled = o.progress && run.rank == 0;
  engine.attach(std::make_shared<train::ProgressReporter>(averages, po));

  // Before restoring checkpointed handler state, so a resumed run continues the same tracked run.
  h.tracking = dist::attach_rank_tracking(
      engine, o.tracking, o.run_dir, run.group, [&run](track::EventFileWriter& w, int64_t step) {
        for (const auto& p : run.model.net->named_parameters()) {
          auto t = p.value().detach().to(torch::kCPU, torch::kFloat).contiguous();
          w.add_histogram("weights/" + p.key(),
                          track::make_histogram(t.data_ptr<float>(), t.numel()), step);
        }
      });
  return h;
}

// Stage 5: the best checkpoint's weights become RUN/model; result figures; tracked lineage.
IntentTrainResult finish_intent_run(IntentRun& run, const IntentHandlers& h,
                                    const train::Engine& engine, double seconds,
                                    int64_t start_iteration) {
  const auto& o = run.o;
  IntentTrainResult result;
  result.seconds = seconds;
  result.epochs_run = engine.state().epoch;
  result.steps_per_second =
      seconds > 0 ? static_cast<double>(engine.state().iteration - start_iteration) / seconds : 0;
  result.stop_reason = engine.state().terminate_reason;
  result.last_metrics = engine.state().metrics;
  result.best_val_intent_acc = h.checkpointer->best_score();
  const std::string best = h.checkpointer->best_path().empty() ? h.checkpointer->last_path()
                                                               : h.checkpointer->best_path();
  auto pos = best.find("best-epoch");
  result.best_epoch =
      pos == std::string::npos ? result.epochs_run : std::stoll(best.substr(pos + 10));
  auto st = io::read_safetensors(best);
  io::load_module_tensors(*run.model.net, st, best, "model.", /*strict=*/false);
  if (o.calibration.enabled) {
    const std::vector<data::IntentRecord> validation = run.source.at(run.split.validation);
    run.model.calibration = calibrate_intent_model(run.model, validation, o.calibration);
    result.calibration = run.model.calibration;
    log_line(o.sink, "calibration: %s", format_calibration(result.calibration).c_str());
  }
  result.model_dir = o.run_dir + "/model";
  models::save_intent_model(run.model, result.model_dir);
  if (h.tracking.tracker) {
    const int64_t id =
        h.tracking.tracker->log_artifact(result.model_dir + "/model.safetensors", "model");
    for (const auto& file : data::expand_data_patterns({o.data_path}))  // every shard
      h.tracking.tracker->log_lineage(file, "dataset", id);
    h.tracking.tracker->log_lineage(best, "checkpoint", id);
  }
  return result;
}

}  // namespace

namespace {

// Stages 1-5 over records from `source`, with the given intents and split.
IntentTrainResult run_intent_training(const IntentTrainOptions& given, IntentRecordSource source,
                                      const std::vector<std::string>& intents,
                                      const data::Split& split) {
  given.validate();
  IntentTrainOptions options = given;
  const int rank = options.group ? options.group->rank() : 0;
  if (rank != 0) {  // rank 0 speaks for the job
    options.sink = nullptr;
    options.progress = false;
  }
  train::configure_threads(options.threads);
  const torch::Device device = train::resolve_device(options.device);
  torch::manual_seed(options.seed);

  IntentRun run{options, split, source};
  run.group = options.group;
  run.rank = rank;
  run.world = options.group ? options.group->size() : 1;
  build_intent_run(run, intents, device);
  // The checks train on copies; rank 0 runs them for the job (the others wait at the broadcast).
  auto validation = rank == 0 ? run.run_checks(device) : std::nullopt;
  if (options.checks.mode == train::ValidationMode::kCheckOnly) {
    IntentTrainResult checked;
    checked.validation = std::move(validation);
    checked.trained = false;
    return checked;
  }
  if (run.group) {
    std::vector<torch::Tensor> params;
    for (const auto& [name, p] : run.named_params) params.push_back(p);
    run.data_parallel = std::make_unique<dist::DataParallel>(
        run.group, params, run.model.net->buffers(),
        dist::DataParallelOptions{options.dist_bucket_mb * 1024 * 1024});
    run.data_parallel->broadcast_from(0);
    log_line(options.sink, "data-parallel over %d ranks (%s): %lld records per step in all",
             run.world, run.group->backend().c_str(),
             static_cast<long long>(options.batch_size * run.world));
  }
  const int64_t steps_per_epoch = run.loader->batches_per_epoch();
  train::Engine engine([&run](train::Engine& e) { return run.step(e); });
  IntentHandlers handlers = attach_intent_handlers(engine, run, steps_per_epoch);
  train::record_checks_on_start(engine, handlers.tracking, validation, options.checks.mode);

  if (options.resume) {
    const std::string last = handlers.checkpointer->last_path();
    if (!file_exists(last)) throw usage_error("cannot resume: no checkpoint at '" + last + "'");
    auto parts = run.checkpoint_parts(engine);
    parts.strict_model = false;
    const auto meta = train::load_checkpoint(last, parts);
    const auto written = meta.count("anvil.world_size") ? meta.at("anvil.world_size") : "1";
    if (written != std::to_string(run.world))
      throw usage_error(last + " was written by a run of " + written + " rank(s); this run has " +
                        std::to_string(run.world) +
                        ": resume with the same number of ranks (the batches per epoch and the "
                        "learning-rate schedule depend on it)")
          .about("resume");
    if (engine.state().epoch >= options.epochs)
      log_line(options.sink,
               "checkpoint is already at epoch %lld of %lld; raise train.epochs to continue",
               static_cast<long long>(engine.state().epoch),
               static_cast<long long>(options.epochs));
  }

  // Stage 4: run.
  const int64_t start_iteration = engine.state().iteration;
  const auto t0 = std::chrono::steady_clock::now();
  engine.run(steps_per_epoch, options.epochs);
  // No rank leaves before rank 0 has written what the run's end (or interruption) asks for.
  if (run.group) run.group->barrier();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (run.data_parallel)
    log_line(options.sink, "%s", dist::describe(run.data_parallel->stats(), seconds).c_str());
  if (engine.state().failed) {
    const std::string last = handlers.checkpointer->last_path();
    throw Error("training stopped: " + engine.state().terminate_reason +
                (file_exists(last) ? "; the last good checkpoint is " + last
                                   : "; no checkpoint had been written yet"));
  }
  if (engine.state().interrupted)
    throw Error(engine.state().terminate_reason).about("resume", options.run_dir);
  if (rank != 0) {  // rank 0 writes the model
    IntentTrainResult others;
    others.seconds = seconds;
    others.epochs_run = engine.state().epoch;
    return others;
  }
  auto result = finish_intent_run(run, handlers, engine, seconds, start_iteration);
  result.validation = std::move(validation);
  return result;
}

void log_skipped(Sink* sink, const data::LoadReport& report, const std::string& where) {
  if (report.skipped == 0) return;
  log_line(sink, "skipped %zu malformed record(s) in %s; first: %s", report.skipped, where.c_str(),
           report.first_errors.empty() ? "" : report.first_errors.front().c_str());
}

data::Split split_or_throw(size_t n, const IntentTrainOptions& options) {
  auto split =
      data::train_validation_split(static_cast<int64_t>(n), options.train_ratio, options.seed);
  if (split.validation.empty())
    throw usage_error("data.train_ratio = " + std::to_string(options.train_ratio) +
                      " leaves no validation records (" + std::to_string(n) +
                      " records); lower it");
  return split;
}

// The streaming path: one pass over the shards finds the good records and the intents; the split
// is drawn over record positions exactly as in memory, then mapped to line indices, so the same
// data gives the same train/validation records either way.
IntentTrainResult train_streaming(const IntentTrainOptions& options,
                                  const std::vector<std::string>& files) {
  const data::ShardedJsonl shards(files, options.cache);
  data::LoadOptions lo;
  lo.skip_errors = options.skip_errors;
  const data::IntentScan scan = data::scan_intent_records(shards, lo);
  log_skipped(options.sink, scan.report, options.data_path);
  data::Split split = split_or_throw(scan.lines.size(), options);
  for (auto* part : {&split.train, &split.validation})
    for (auto& i : *part) i = scan.lines[static_cast<size_t>(i)];
  const auto st = shards.stats();
  log_line(options.sink,
           "data: streaming %zu shard(s), %llu lines: %zu mapped (%s), %zu streamed (%s), "
           "budget %s",
           st.files, static_cast<unsigned long long>(st.lines), st.mapped_files,
           data::format_bytes(st.bytes_mapped).c_str(), st.streamed_files,
           data::format_bytes(st.bytes_streamed).c_str(),
           data::format_bytes(st.budget_bytes).c_str());
  for (const auto& note : st.notes) log_line(options.sink, "data: %s", note.c_str());
  auto result = run_intent_training(options, {nullptr, &shards}, scan.intents, split);
  result.records = scan.report.loaded;
  result.skipped_records = scan.report.skipped;
  result.streamed = true;
  result.data_stats = shards.stats();
  return result;
}

}  // namespace

IntentTrainResult train_intent_classifier(const IntentTrainOptions& options) {
  options.validate();
  const auto files =
      with_context("data.path", [&] { return data::expand_data_patterns({options.data_path}); });
  if (streams_data(files, options.cache)) return train_streaming(options, files);
  data::LoadOptions lo;
  lo.skip_errors = options.skip_errors;
  data::LoadReport report;
  auto records = data::load_intent_shards(files, lo, &report);
  log_skipped(options.sink, report, options.data_path);
  const data::Split split = split_or_throw(records.size(), options);
  auto result = train_intent_classifier_on(options, records, split);
  result.records = report.loaded;
  result.skipped_records = report.skipped;
  return result;
}

IntentTrainResult train_intent_classifier_on(const IntentTrainOptions& options,
                                             const std::vector<data::IntentRecord>& records,
                                             const data::Split& split) {
  return run_intent_training(options, {&records, nullptr}, sorted_intents(records), split);
}

}  // namespace anvil::pipeline
