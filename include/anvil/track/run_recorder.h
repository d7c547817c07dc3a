// RunRecorder: one live run in a RunStore, for any training loop (the Engine handler RunTracker
// is a thin adapter over it). log() only appends to an in-memory buffer under a mutex (tens of
// nanoseconds); a background thread writes the buffer in one transaction whenever `flush_every`
// points are waiting or `flush_interval_ms` has passed, and refreshes the run's heartbeat, so a
// step never waits for the disk and the dashboard sees curves within about a second.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "anvil/track/run_store.h"

namespace anvil::track {

struct RunRecorderOptions {
  int64_t flush_every = 50;          // buffered points that wake the writer thread
  int64_t flush_interval_ms = 1000;  // the writer also wakes this often (live dashboard)
  void validate() const;
};

class RunRecorder {
 public:
  RunRecorder(std::shared_ptr<RunStore> store, RunRecorderOptions options = {});
  // Flushes; a run still open is finished as failed ("recorder destroyed while running").
  ~RunRecorder();
  RunRecorder(const RunRecorder&) = delete;
  RunRecorder& operator=(const RunRecorder&) = delete;

  // Creates a new run (status running) and starts the writer thread. Returns the run id.
  int64_t start(const NewRun& run);
  // Continues an existing run (a resumed training): status running again, same id.
  void resume(int64_t run_id);
  // Buffers one point; never blocks on the database. Non-finite values are stored as gaps.
  void log(const std::string& key, double value, int64_t step, int64_t epoch = 0);
  // Writes everything buffered now (blocks until written). Rethrows a write error from the
  // background thread, if one happened.
  void flush();
  // Flushes, stops the writer thread and sets the final status. Idempotent: the first call wins.
  void finish(RunStatus status, const std::string& message = "");

  int64_t run_id() const { return run_id_; }
  bool open() const { return open_; }
  RunStore& store() { return *store_; }
  // Artifact/lineage helpers on the current run (see RunStore).
  int64_t add_artifact(const std::string& path, const std::string& kind);
  void add_lineage(const std::string& source_path, const std::string& source_kind,
                   int64_t artifact_id, bool hash_source = true);

 private:
  void start_writer();
  void stop_writer();
  void writer_loop();
  void write_batch(std::vector<MetricPoint>& batch);

  std::shared_ptr<RunStore> store_;
  RunRecorderOptions options_;
  int64_t run_id_ = 0;
  bool open_ = false;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable flushed_;
  std::vector<MetricPoint> buffer_;
  uint64_t requested_ = 0;  // flush requests made
  uint64_t completed_ = 0;  // flush requests served
  bool stop_ = false;
  std::string write_error_;
  std::thread writer_;
};

}  // namespace anvil::track
