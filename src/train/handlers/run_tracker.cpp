// RunTracker: Engine events -> track::RunRecorder.
#include "anvil/train/handlers/run_tracker.h"

#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"

namespace anvil::train {

void RunTrackerOptions::validate() const {
  if (db_path.empty()) throw usage_error("track.db is empty: give the run database path");
  if (log_every < 0)
    throw usage_error("track.log_every = " + std::to_string(log_every) + ": must be >= 0");
  track::RunRecorderOptions{flush_every, flush_interval_ms}.validate();
}

RunTrackerOptions RunTrackerOptions::from_config(const Config& c, const std::string& run_dir) {
  RunTrackerOptions o(c.get_string("track.db"));
  o.name = c.get_string("run.name");
  o.run_dir = run_dir;
  o.config_yaml = c.to_yaml();
  o.config_hash = c.hash();
  o.log_every = c.get_int("track.log_every");
  o.flush_every = c.get_int("track.flush_every");
  for (const auto& key : c.all_keys()) {
    if (c.is_null(key)) {
      o.params[key] = "null";
      continue;
    }
    try {
      o.params[key] = c.get_string(key);  // leaves only: maps and lists are not scalars
    } catch (const Error&) {
      try {
        const auto items = c.get_string_list(key);
        std::string joined = "[";
        for (size_t i = 0; i < items.size(); ++i) joined += (i ? ", " : "") + items[i];
        o.params[key] = joined + "]";
      } catch (const Error&) {
        // a map: its leaves are listed on their own
      }
    }
  }
  return o;
}

RunTracker::RunTracker(RunTrackerOptions options) : options_(std::move(options)) {
  options_.validate();
  store_ = std::make_shared<track::RunStore>(options_.db_path);
  recorder_ = std::make_unique<track::RunRecorder>(
      store_, track::RunRecorderOptions{options_.flush_every, options_.flush_interval_ms});
}

std::string RunTracker::save_state() const { return nlohmann::json{{"run_id", run_id()}}.dump(); }

void RunTracker::load_state(const std::string& state) {
  if (state.empty()) return;
  resume_id_ = nlohmann::json::parse(state).value("run_id", int64_t{0});
}

int64_t RunTracker::log_artifact(const std::string& path, const std::string& kind) {
  return recorder_->add_artifact(path, kind);
}

void RunTracker::log_lineage(const std::string& source_path, const std::string& source_kind,
                             int64_t artifact_id, bool hash_source) {
  recorder_->add_lineage(source_path, source_kind, artifact_id, hash_source);
}

void RunTracker::log_validation(const track::ValidationRecord& validation) {
  if (run_id() == 0) throw Error("run tracker: log_validation before the run started");
  store_->set_validation(run_id(), validation);
}

void RunTracker::finish(Engine& e) {
  const State& s = e.state();
  if (s.failed)
    recorder_->finish(track::RunStatus::kFailed, s.terminate_reason);
  else if (s.interrupted)
    recorder_->finish(track::RunStatus::kInterrupted, s.terminate_reason);
  else
    recorder_->finish(track::RunStatus::kCompleted, s.terminate_reason);
}

void RunTracker::attach(Engine& engine) {
  engine.on(on(Event::kStarted), [this](Engine&) {
    if (recorder_->open()) return;
    bool resumed = false;
    if (resume_id_ > 0) {
      try {
        recorder_->resume(resume_id_);
        resumed = true;
      } catch (const Error&) {
        // The run was deleted from the store (or another database is used): start a new one.
      }
    }
    if (!resumed) {
      track::NewRun run;
      run.name = options_.name;
      run.config = options_.config_yaml;
      run.config_hash = options_.config_hash;
      run.run_dir = options_.run_dir;
      run.params = options_.params;
      recorder_->start(run);
    }
    epoch_start_ = std::chrono::steady_clock::now();
  });
  engine.on(on(Event::kEpochStarted),
            [this](Engine&) { epoch_start_ = std::chrono::steady_clock::now(); });
  if (options_.log_every > 0) {
    engine.on(every(Event::kIterationCompleted, options_.log_every), [this](Engine& e) {
      for (const auto& [key, value] : e.state().output)
        recorder_->log(key, value, e.state().iteration, e.state().epoch);
    });
  }
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    const State& s = e.state();
    for (const auto& [key, value] : s.metrics) recorder_->log(key, value, s.iteration, s.epoch);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - epoch_start_).count();
    recorder_->log("epoch_seconds", seconds, s.iteration, s.epoch);
    recorder_->flush();
  });
  engine.on(on(Event::kCompleted), [this](Engine& e) { finish(e); });
  engine.on(on(Event::kExceptionRaised), [this](Engine& e) {
    std::string message = "exception";
    try {
      if (e.exception()) std::rethrow_exception(e.exception());
    } catch (const std::exception& ex) {
      message = ex.what();
    } catch (...) {
      message = "unknown exception";
    }
    try {
      recorder_->finish(track::RunStatus::kFailed, message);
    } catch (...) {
      // Never mask the training exception with a tracking one.
    }
  });
}

}  // namespace anvil::train
