// RunTracker: records a training run in the run store (track::RunStore) from Engine events.
//   STARTED              creates the run (or, after load_state on resume, reopens the same run)
//   ITERATION_COMPLETED  every `log_every` iterations buffers State::output (e.g. loss) at step =
//                        iteration; a background thread writes batches (see track::RunRecorder)
//   EPOCH_COMPLETED      buffers State::metrics (e.g. val_intent_acc) and epoch_seconds; flushes
//   COMPLETED            finishes the run: failed if State::failed, interrupted if
//                        State::interrupted (StopOnSignal), completed otherwise (early stopping
//                        included), with State::terminate_reason as the message
//   EXCEPTION_RAISED     finishes the run as failed with the exception's message
// Artifacts and lineage may be recorded at any time after STARTED (e.g. once the model is saved).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>

#include "anvil/track/run_recorder.h"
#include "anvil/train/engine.h"

namespace anvil {
class Config;
}

namespace anvil::train {

struct RunTrackerOptions {
  explicit RunTrackerOptions(std::string db) : db_path(std::move(db)) {}
  std::string db_path;  // required: the SQLite file (track.db)
  std::string name = "run";
  std::string run_dir;
  std::string config_yaml;  // the resolved config, stored with the run
  std::string config_hash;
  std::map<std::string, std::string> params;
  int64_t log_every = 1;     // iterations between logged step outputs; 0 = epoch metrics only
  int64_t flush_every = 50;  // buffered points per database transaction
  int64_t flush_interval_ms = 1000;
  void validate() const;

  // Fills name, config, hash and params (every leaf key of the config, flattened) and db_path,
  // log_every, flush_every from track.*.
  static RunTrackerOptions from_config(const Config& config, const std::string& run_dir);
};

class RunTracker : public Handler {
 public:
  explicit RunTracker(RunTrackerOptions options);
  void attach(Engine& engine) override;
  std::string name() const override { return "run_tracker"; }
  std::string save_state() const override;  // {"run_id": N}: a resumed run continues the same run
  void load_state(const std::string& state) override;

  int64_t run_id() const { return recorder_->run_id() ? recorder_->run_id() : resume_id_; }
  track::RunRecorder& recorder() { return *recorder_; }
  // Records a file produced by the run (size and sha256 computed now); returns its artifact id.
  int64_t log_artifact(const std::string& path, const std::string& kind);
  // Records that `source_path` (a dataset, a parent model/checkpoint) produced `artifact_id`.
  void log_lineage(const std::string& source_path, const std::string& source_kind,
                   int64_t artifact_id, bool hash_source = true);
  // Records the pre-training checks' report with the run (after STARTED).
  void log_validation(const track::ValidationRecord& validation);

 private:
  void finish(Engine& engine);

  RunTrackerOptions options_;
  std::shared_ptr<track::RunStore> store_;
  std::unique_ptr<track::RunRecorder> recorder_;
  int64_t resume_id_ = 0;
  std::chrono::steady_clock::time_point epoch_start_;
};

}  // namespace anvil::train
