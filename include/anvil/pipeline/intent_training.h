// Training the intent classifier: loads the JSONL records (one file or many shards; streamed from
// disk through the data cache when they do not fit its budget: docs/data_cache.md), splits
// train/validation, builds the model and an Engine with the standard handlers (running averages,
// evaluator, early stopping, checkpoints, LR schedule, gradient clipping, NaN guard, progress),
// runs it, and writes the best model to RUN_DIR/model, calibrated (temperature, abstention
// threshold: intent_calibration.h). Resuming from RUN_DIR/checkpoints/last.safetensors continues
// exactly.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "anvil/core/sink.h"
#include "anvil/data/data_cache.h"
#include "anvil/data/intent_record.h"
#include "anvil/data/sharded_jsonl.h"
#include "anvil/data/splits.h"
#include "anvil/models/calibration.h"
#include "anvil/models/intent_classifier.h"
#include "anvil/pipeline/intent_calibration.h"
#include "anvil/train/dist/process_group.h"
#include "anvil/train/handlers/lr_scheduler.h"
#include "anvil/train/param_groups.h"
#include "anvil/train/pre_training_checks.h"
#include "anvil/train/tracking.h"

namespace anvil {
class Config;
}

namespace anvil::pipeline {

struct IntentTrainOptions {
  std::string data_path;  // JSONL of intent records (required): a file, a glob or a comma list
  data::DataCacheOptions cache;   // data.cache_budget, data.stream, data.index_sidecar
  int64_t shuffle_block = 1024;   // streaming only: data.shuffle_block (lines per block)
  int64_t shuffle_buffer = 8192;  // streaming only: data.shuffle_buffer (lines)
  std::string run_dir;            // required: checkpoints/, model/, metrics.jsonl are written here
  models::ClassifierConfig model;
  models::LossWeights loss_weights;
  int64_t epochs = 20;
  int64_t batch_size = 256;
  double lr = 1e-3;
  double weight_decay = 0.01;
  train::DecayOptions decay;          // which parameters weight decay applies to
  train::LrScheduleOptions schedule;  // base_lr/steps filled in from the fields above
  double grad_clip = 1.0;             // 0 = off
  int64_t patience = 5;               // 0 = no early stopping
  double min_delta = 0.0009;          // an epoch improves only by beating the best by more
  int64_t keep_best = 2;
  double train_ratio = 0.9;
  bool skip_errors = false;
  int64_t prefetch = 2;
  uint64_t seed = 42;
  std::string device = "auto";
  int64_t threads = 0;
  bool progress = true;
  bool resume = false;              // continue from run_dir/checkpoints/last.safetensors
  int64_t inject_nan_at = 0;        // train.inject_nan_at: testing only, this step's loss is NaN
  train::TrackingOptions tracking;  // run store, TensorBoard, Ctrl-C handling (track.*)
  CalibrationOptions calibration;   // fitted on the validation split after training (eval.*)
  train::PreTrainingChecks checks;  // train.mode: the checks before training (device: ours)
  Sink* sink = nullptr;             // log lines (skipped records, resume notes); null = silent
  // Data-parallel training over this group (null: this process alone): train.batch_size is per
  // rank; each global batch of the loader's order is split over the ranks, gradients averaged.
  // Rank 0 alone logs, checkpoints, tracks and writes the model. BatchNorm normalises with each
  // rank's own batch (no synchronised statistics); rank 0's running statistics are sent to every
  // rank before each validation, so all ranks evaluate the same model and decide the same.
  std::shared_ptr<dist::ProcessGroup> group;
  int64_t dist_bucket_mb = 25;  // dist.bucket_mb

  // Reads train.*, model.*, data.* and run.* keys.
  static IntentTrainOptions from_config(const Config& config);
  void validate() const;  // throws naming the option and value
};

struct IntentTrainResult {
  double best_val_intent_acc = 0;
  int64_t best_epoch = 0;
  int64_t epochs_run = 0;
  double seconds = 0;
  double steps_per_second = 0;
  std::string model_dir;    // run_dir/model (the best checkpoint's weights)
  std::string stop_reason;  // early stopping message, or ""
  std::map<std::string, double> last_metrics;
  size_t records = 0, skipped_records = 0;
  models::Calibration calibration;  // what was saved with the model (defaults if disabled)
  std::optional<train::ValidationReport> validation;  // the pre-training checks (not train_only)
  bool trained = true;                                // false in check_only mode
  bool streamed = false;               // the shards were streamed through the data cache
  data::ShardedJsonlStats data_stats;  // streaming only: the cache's statistics at the end
};

IntentTrainResult train_intent_classifier(const IntentTrainOptions& options);

// Trains on explicit train/validation indices of already-loaded records (cross-validation).
IntentTrainResult train_intent_classifier_on(const IntentTrainOptions& options,
                                             const std::vector<data::IntentRecord>& records,
                                             const data::Split& split);

}  // namespace anvil::pipeline
