// The server's decoding queue: requests wait in a bounded queue and one worker thread decodes
// them, batching greedy requests for the same model and stop set (up to max_batch at a time,
// left-padded, KV-cached) and running sampled ones alone with their seed. Each request gets a
// Ticket to read its text as it is produced, its finish reason and usage, and to cancel it (a
// client that went away); a cancelled request stops decoding at the next step.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "anvil/models/generation.h"
#include "anvil/serve/model_set.h"

namespace anvil::serve {

struct QueueOptions {
  int64_t max_batch = 8;   // requests decoded together at most
  int64_t max_queue = 64;  // requests waiting or decoding at most; more are refused (503)
  void validate() const;
};

struct Job {
  ServedModel* model = nullptr;
  std::vector<int64_t> prompt;
  models::GenerationOptions options;  // max_new_tokens, sampling, stops; no callbacks
};

// How much of `text` (generated so far) a stream may show: it stops before an incomplete UTF-8
// character at the end and before any ending that could still grow into one of `stops`.
size_t stream_safe_length(const std::string& text, const std::vector<std::string>& stops);

// What a request reads back. Text comes in pieces that are whole UTF-8 characters and never the
// start of a stop string, so a stream never shows text the final answer drops.
class Ticket {
 public:
  // Blocks until there is new text or the request ended; false once everything was read.
  bool next(std::string& piece);
  void cancel() { cancelled_ = true; }
  bool cancelled() const { return cancelled_; }
  // After next() returned false: the whole answer, why it ended, tokens generated, or the error.
  const std::string& text() const { return text_; }
  // The answer's calibrated confidence, when its model carries a calibration (ServedModel).
  std::optional<double> confidence() const { return confidence_; }
  models::FinishReason finish() const { return finish_; }
  int64_t completion_tokens() const { return tokens_; }
  const std::optional<std::string>& error() const { return error_; }

 private:
  friend class GenerationQueue;
  void push(const std::string& raw);  // from the worker
  void finish(const models::GenerationResult& r, size_t index,
              std::optional<double> confidence = std::nullopt);
  void fail(const std::string& error);

  std::mutex mutex_;
  std::condition_variable cv_;
  std::string produced_;  // raw text so far
  size_t released_ = 0;   // bytes of produced_ handed out
  size_t read_ = 0;       // bytes of the released text read by next()
  std::string text_;
  bool done_ = false;
  std::atomic<bool> cancelled_{false};
  models::FinishReason finish_ = models::FinishReason::kLength;
  int64_t tokens_ = 0;
  std::optional<double> confidence_;
  std::optional<std::string> error_;
  std::vector<std::string> stops_;
};

class GenerationQueue {
 public:
  GenerationQueue(ModelSet& models, QueueOptions options);
  ~GenerationQueue();  // cancels what is queued and joins the worker
  GenerationQueue(const GenerationQueue&) = delete;
  GenerationQueue& operator=(const GenerationQueue&) = delete;

  // Queues a request. Throws ApiError 503 when max_queue requests are already in.
  std::shared_ptr<Ticket> submit(Job job);

  struct Stats {
    int64_t requests = 0, batches = 0, tokens = 0, largest_batch = 0, waiting = 0;
  };
  Stats stats() const;

 private:
  struct Pending {
    Job job;
    std::shared_ptr<Ticket> ticket;
  };
  void run();
  std::vector<Pending> take_batch();
  void decode(std::vector<Pending>& batch);

  ModelSet& models_;
  QueueOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  int64_t in_flight_ = 0;
  bool stopping_ = false;
  Stats stats_;
  std::thread worker_;
};

}  // namespace anvil::serve
