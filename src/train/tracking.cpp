// attach_tracking: track.* config -> StopOnSignal + RunTracker + TensorBoardLogger.
#include "anvil/train/tracking.h"

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/train/handlers/stop_on_signal.h"

namespace anvil::train {

TrackingOptions TrackingOptions::from_config(const Config& c) {
  TrackingOptions o;
  o.enabled = c.get_bool("track.enabled");
  o.tensorboard = c.get_bool("track.tensorboard");
  o.histograms_every = c.get_int("track.histograms_every");
  if (o.histograms_every < 0)
    throw usage_error("track.histograms_every = " + std::to_string(o.histograms_every) +
                      ": must be >= 0");
  o.run = RunTrackerOptions::from_config(c, "");
  if (o.enabled) o.run.validate();
  return o;
}

Tracking attach_tracking(Engine& engine, const TrackingOptions& options, const std::string& run_dir,
                         TensorBoardLogger::HistogramFn histograms) {
  Tracking t;
  if (options.stop_on_signal) engine.attach(std::make_shared<StopOnSignal>());
  if (options.enabled) {
    RunTrackerOptions run = options.run;
    run.run_dir = run_dir;
    t.tracker = std::make_shared<RunTracker>(run);
    engine.attach(t.tracker);
  }
  if (options.tensorboard) {
    if (run_dir.empty()) throw Error("attach_tracking: no run directory for the TensorBoard files");
    TensorBoardLoggerOptions tb(run_dir);
    tb.log_every = options.run.log_every;
    tb.histograms_every = histograms ? options.histograms_every : 0;
    tb.config_yaml = options.run.config_yaml;
    t.tensorboard = std::make_shared<TensorBoardLogger>(tb, std::move(histograms));
    engine.attach(t.tensorboard);
  }
  return t;
}

}  // namespace anvil::train
