// DataLoader: turns a list of record indices into batches, shuffled per epoch with a seed (epoch e
// always gets the same order, so a resumed run sees exactly the data it would have seen), with
// drop_last, and a background thread that builds up to `prefetch` batches ahead of the consumer.
// For data streamed from disk, a block shuffle keeps reads local: see LoaderOptions::shuffle_block.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"

namespace anvil::data {

struct LoaderOptions {
  int64_t batch_size = 256;
  bool shuffle = true;
  bool drop_last = false;
  uint64_t seed = 42;
  int64_t prefetch = 2;  // 0 = build batches on the caller's thread
  // Block shuffle, for data streamed from disk (0 = a full shuffle of all indices). The indices are
  // sorted, cut into blocks of `shuffle_block` consecutive indices, the block order is permuted
  // (seeded by seed and epoch), and the sequence then passes through a seeded shuffle buffer of
  // `shuffle_buffer` indices (0 or 1 = none). Reads stay within a few blocks at a time, so a
  // bounded block cache serves them; the order is still a function of (seed, epoch) only.
  int64_t shuffle_block = 0;
  int64_t shuffle_buffer = 0;
};

// The order of `indices` for one epoch: unchanged when !shuffle, else a full or block shuffle.
std::vector<int64_t> epoch_order(const std::vector<int64_t>& indices, const LoaderOptions& options,
                                 int64_t epoch);

// Batch order for one epoch (exposed for tests).
std::vector<std::vector<int64_t>> epoch_batches(const std::vector<int64_t>& indices,
                                                const LoaderOptions& options, int64_t epoch);

template <typename Batch>
class DataLoader {
 public:
  using MakeBatch = std::function<Batch(const std::vector<int64_t>& indices)>;

  DataLoader(std::vector<int64_t> indices, LoaderOptions options, MakeBatch make)
      : indices_(std::move(indices)), options_(options), make_(std::move(make)) {}
  ~DataLoader() { stop(); }
  DataLoader(const DataLoader&) = delete;
  DataLoader& operator=(const DataLoader&) = delete;

  int64_t batches_per_epoch() const {
    const int64_t n = static_cast<int64_t>(indices_.size());
    return options_.drop_last ? n / options_.batch_size
                              : (n + options_.batch_size - 1) / options_.batch_size;
  }

  // Starts epoch `epoch` (1-based); batches then come from next().
  void start_epoch(int64_t epoch) {
    stop();
    plan_ = epoch_batches(indices_, options_, epoch);
    next_plan_ = 0;
    if (options_.prefetch > 0) {
      stopping_ = false;
      worker_ = std::thread([this] { produce(); });
    }
  }

  // The next batch of the epoch, or nullopt at its end. Rethrows errors from the worker. Throws
  // when no epoch was started (start_epoch() plans the epoch and starts the prefetch worker).
  std::optional<Batch> next() {
    if (options_.prefetch > 0 && !worker_.joinable())
      throw Error("data loader: next() before start_epoch(): no epoch is running");
    if (options_.prefetch == 0) {
      if (next_plan_ >= plan_.size()) return std::nullopt;
      return make_(plan_[next_plan_++]);
    }
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !queue_.empty() || done_ || error_; });
    if (error_) std::rethrow_exception(error_);
    if (queue_.empty()) return std::nullopt;
    Batch b = std::move(queue_.front());
    queue_.pop_front();
    cv_.notify_all();
    return b;
  }

 private:
  void produce() {
    try {
      for (size_t i = 0; i < plan_.size(); ++i) {
        Batch b = make_(plan_[i]);
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] {
          return stopping_ || static_cast<int64_t>(queue_.size()) < options_.prefetch;
        });
        if (stopping_) return;
        queue_.push_back(std::move(b));
        cv_.notify_all();
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu_);
      error_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      cv_.notify_all();
    }
    if (worker_.joinable()) worker_.join();
    std::lock_guard<std::mutex> lock(mu_);
    queue_.clear();
    done_ = false;
    error_ = nullptr;
  }

  std::vector<int64_t> indices_;
  LoaderOptions options_;
  MakeBatch make_;
  std::vector<std::vector<int64_t>> plan_;
  size_t next_plan_ = 0;
  std::thread worker_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  bool done_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
};

}  // namespace anvil::data
