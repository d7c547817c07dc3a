// Tracking from the config in one call: reads track.* and attaches StopOnSignal, a RunTracker
// (track.enabled) and a TensorBoardLogger (track.tensorboard) to an engine. Training code calls
// attach_tracking() before restoring checkpointed handler state (so a resumed run continues the
// same run), runs the engine, then records its artifacts through the returned tracker.
#pragma once

#include <memory>
#include <string>

#include "anvil/train/handlers/run_tracker.h"
#include "anvil/train/handlers/tensorboard_logger.h"

namespace anvil {
class Config;
}

namespace anvil::train {

struct TrackingOptions {
  bool enabled = true;           // track.enabled: record the run in the run store
  bool tensorboard = true;       // track.tensorboard: event files in the run directory
  int64_t histograms_every = 0;  // track.histograms_every
  bool stop_on_signal = true;    // Ctrl-C / SIGTERM end the run cleanly as "interrupted"
  RunTrackerOptions run{""};     // db, name, params, config, log_every, flush_every

  // Reads track.*, run.name and the resolved config (for the run's params and hash).
  static TrackingOptions from_config(const Config& config);
};

struct Tracking {
  std::shared_ptr<RunTracker> tracker;             // null when track.enabled is false
  std::shared_ptr<TensorBoardLogger> tensorboard;  // null when track.tensorboard is false
};

// Attaches what `options` asks for. `run_dir` is recorded with the run and receives the
// TensorBoard files. `histograms` (may use LibTorch) adds weight histograms every
// histograms_every epochs; without it none are written.
Tracking attach_tracking(Engine& engine, const TrackingOptions& options, const std::string& run_dir,
                         TensorBoardLogger::HistogramFn histograms = nullptr);

}  // namespace anvil::train
