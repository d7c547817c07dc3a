// RunRecorder: buffered metric logging with a background writer thread.
#include "anvil/track/run_recorder.h"

#include <chrono>

#include "anvil/core/error.h"

namespace anvil::track {
namespace {
double now_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

void RunRecorderOptions::validate() const {
  if (flush_every < 1)
    throw usage_error("track.flush_every = " + std::to_string(flush_every) + ": must be >= 1");
  if (flush_interval_ms < 1)
    throw usage_error("flush_interval_ms = " + std::to_string(flush_interval_ms) +
                      ": must be >= 1");
}

RunRecorder::RunRecorder(std::shared_ptr<RunStore> store, RunRecorderOptions options)
    : store_(std::move(store)), options_(options) {
  if (!store_) throw Error("RunRecorder: store is null");
  options_.validate();
}

RunRecorder::~RunRecorder() {
  try {
    if (open_) finish(RunStatus::kFailed, "recorder destroyed while the run was open");
  } catch (...) {
    // Destructors never throw; finish() explicitly to see errors.
  }
  stop_writer();
}

int64_t RunRecorder::start(const NewRun& run) {
  if (open_) throw Error("RunRecorder: run " + std::to_string(run_id_) + " is already open");
  run_id_ = store_->create_run(run);
  open_ = true;
  start_writer();
  return run_id_;
}

void RunRecorder::resume(int64_t run_id) {
  if (open_) throw Error("RunRecorder: run " + std::to_string(run_id_) + " is already open");
  store_->reopen_run(run_id);
  run_id_ = run_id;
  open_ = true;
  start_writer();
}

void RunRecorder::log(const std::string& key, double value, int64_t step, int64_t epoch) {
  std::unique_lock<std::mutex> lock(mutex_);
  buffer_.push_back({key, step, epoch, now_seconds(), value});
  if (static_cast<int64_t>(buffer_.size()) == options_.flush_every) {
    lock.unlock();
    wake_.notify_one();
  }
}

void RunRecorder::flush() {
  if (!writer_.joinable()) return;
  std::unique_lock<std::mutex> lock(mutex_);
  const uint64_t ticket = ++requested_;
  wake_.notify_one();
  flushed_.wait(lock, [&] { return completed_ >= ticket || stop_; });
  if (!write_error_.empty()) {
    std::string e = std::move(write_error_);
    write_error_.clear();
    throw Error("recording run " + std::to_string(run_id_) + ": " + e);
  }
}

void RunRecorder::finish(RunStatus status, const std::string& message) {
  if (!open_) return;
  open_ = false;
  std::string error;
  try {
    flush();
  } catch (const Error& e) {
    error = e.what();
  }
  stop_writer();
  store_->finish_run(run_id_, status, message.empty() && !error.empty() ? error : message);
  if (!error.empty()) throw Error(error);
}

int64_t RunRecorder::add_artifact(const std::string& path, const std::string& kind) {
  if (run_id_ == 0) throw Error("RunRecorder: no run started; cannot record artifact " + path);
  return store_->add_artifact(run_id_, path, kind);
}

void RunRecorder::add_lineage(const std::string& source_path, const std::string& source_kind,
                              int64_t artifact_id, bool hash_source) {
  if (run_id_ == 0) throw Error("RunRecorder: no run started; cannot record lineage");
  store_->add_lineage(run_id_, source_path, source_kind, artifact_id, hash_source);
}

void RunRecorder::start_writer() {
  std::lock_guard<std::mutex> lock(mutex_);
  stop_ = false;
  writer_ = std::thread([this] { writer_loop(); });
}

void RunRecorder::stop_writer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

void RunRecorder::write_batch(std::vector<MetricPoint>& batch) {
  try {
    if (!batch.empty())
      store_->log_metrics(run_id_, batch);
    else
      store_->heartbeat(run_id_);
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (write_error_.empty()) write_error_ = e.what();
  }
  batch.clear();
}

void RunRecorder::writer_loop() {
  std::vector<MetricPoint> batch;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, std::chrono::milliseconds(options_.flush_interval_ms), [&] {
      return stop_ || requested_ > completed_ ||
             static_cast<int64_t>(buffer_.size()) >= options_.flush_every;
    });
    const uint64_t serving = requested_;
    const bool stopping = stop_;
    batch.swap(buffer_);
    lock.unlock();
    write_batch(batch);  // the database write happens outside the lock: log() never waits on it
    lock.lock();
    completed_ = serving;
    flushed_.notify_all();
    if (stopping && buffer_.empty()) return;
  }
}

}  // namespace anvil::track
