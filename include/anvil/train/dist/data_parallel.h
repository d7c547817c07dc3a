// Data-parallel training for any torch::nn::Module over a ProcessGroup — what LibTorch's C++ API
// lacks (DistributedDataParallel exists only in Python). Every rank holds a replica; at start the
// replicas take rank 0's parameters and buffers; after the backward pass of an optimizer step the
// gradients are averaged over the ranks in buckets of about 25 MB (in reverse parameter order, all
// buckets in flight at once, then waited for), so each rank's optimizer takes the same step.
//
// Gradient accumulation needs nothing special: call average_gradients() once, after the last
// micro-batch's backward (the micro-steps before it never communicate). Only the parameters given
// are kept in sync: for LoRA, the trainable adapters; the frozen base is expected identical on
// every rank (loaded from the same files) and is never sent. A parameter whose gradient no rank
// produced in a step keeps an undefined gradient everywhere (the optimizer skips it, as it would in
// one process); one that some ranks produced is averaged with zeros from the others.
//
// The reduction starts right after backward rather than from gradient hooks during it: LibTorch's
// C++ API (1.13 to 2.x) has no hook that fires after a leaf's gradient is accumulated.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

#include "anvil/train/dist/process_group.h"

namespace anvil::dist {

struct DataParallelOptions {
  int64_t bucket_bytes = 25 * 1024 * 1024;
};

struct DataParallelStats {
  int64_t reductions = 0;     // average_gradients() calls
  int64_t bytes = 0;          // gradient bytes all-reduced, summed over calls
  double wait_seconds = 0;    // time spent communicating (launch to last wait)
};

// "gradient all-reduce: 0.89 s of 3.45 s training (25.8%), 200 reductions of 0.1 MB".
std::string describe(const DataParallelStats& stats, double train_seconds);

class DataParallel {
 public:
  // `parameters`: the tensors to keep in sync and whose gradients are averaged; `buffers`: state
  // without gradients (BatchNorm statistics), sent at broadcast_from() only.
  DataParallel(std::shared_ptr<ProcessGroup> group, std::vector<torch::Tensor> parameters,
               std::vector<torch::Tensor> buffers = {}, DataParallelOptions options = {});
  // The module's trainable parameters (requires_grad) and all of its buffers.
  static DataParallel for_module(std::shared_ptr<ProcessGroup> group, torch::nn::Module& module,
                                 DataParallelOptions options = {});

  // Overwrites every rank's parameters and buffers with those of `root`.
  void broadcast_from(int root = 0);
  // The buffers alone (BatchNorm running statistics before an evaluation).
  void broadcast_buffers(int root = 0);
  // After backward: every parameter's gradient becomes the mean over the ranks.
  void average_gradients();

  const DataParallelStats& stats() const { return stats_; }
  size_t bucket_count() const { return buckets_.size(); }
  ProcessGroup& group() { return *group_; }

 private:
  std::shared_ptr<ProcessGroup> group_;
  std::vector<torch::Tensor> parameters_, buffers_;
  int64_t bucket_bytes_;
  std::vector<std::vector<size_t>> buckets_;  // indices into parameters_, reverse order, one dtype
  DataParallelStats stats_;
};

}  // namespace anvil::dist
