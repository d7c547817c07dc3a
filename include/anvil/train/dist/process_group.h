// A c10d process group: the ranks of one job connected for collectives, on the engine PyTorch
// itself uses — ProcessGroupGloo on CPU tensors, ProcessGroupNCCL on CUDA ones (when this anvil was
// built with it) — after a rendezvous through a TCPStore hosted by rank 0. The rendezvous checks
// that every rank agrees on the world size and that no rank number is claimed twice, and names the
// ranks that never arrived. Every wait is bounded by the options' timeout, so a dead peer ends a
// collective with an Error instead of a hang.
#pragma once

#include <torch/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "anvil/train/dist/environment.h"

namespace anvil::dist {

struct ProcessGroupOptions {
  std::string backend = "auto";  // "gloo", "nccl", or auto: nccl for a CUDA device, else gloo
  torch::Device device = torch::kCPU;  // where the tensors handed to collectives live
  std::chrono::milliseconds timeout = std::chrono::minutes(10);  // rendezvous and each collective
};

enum class ReduceOp { kSum, kMax, kMin };

class ProcessGroup {
 public:
  // Joins the job `env` describes: rank 0 hosts the store at master_addr:master_port.
  static std::shared_ptr<ProcessGroup> connect(const Environment& env,
                                               const ProcessGroupOptions& options = {});
  ~ProcessGroup();

  int rank() const;
  int size() const;
  const std::string& backend() const;
  torch::Device device() const;

  // A collective started and not yet waited for (bucketed gradient reduction overlaps them).
  class Pending {
   public:
    struct Impl;
    explicit Pending(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
    void wait();  // throws Error naming the collective when it failed or timed out
   private:
    std::shared_ptr<Impl> impl_;
  };

  // In place, over contiguous tensors on device(); blocking.
  void all_reduce(std::vector<torch::Tensor>& tensors, ReduceOp op = ReduceOp::kSum);
  Pending all_reduce_async(torch::Tensor tensor, ReduceOp op = ReduceOp::kSum);
  void broadcast(std::vector<torch::Tensor>& tensors, int root = 0);
  void barrier();
  // Scalars reduced over the ranks (sent as one float64 tensor).
  std::vector<double> all_reduce(std::vector<double> values, ReduceOp op = ReduceOp::kSum);
  // `root`'s text on every rank (a run directory's name, say).
  std::string broadcast_text(const std::string& text, int root = 0);

  struct Impl;

 private:
  explicit ProcessGroup(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Sums `values` over the ranks of `group`; without a group (one process) returns them as they are.
std::vector<double> sum_over_ranks(const std::shared_ptr<ProcessGroup>& group,
                                   std::vector<double> values);

// The backends this build of anvil can create ("gloo", "gloo, nccl"; empty when it was built
// without c10d's Gloo headers — install libgloo-dev and rebuild).
std::string built_backends();

}  // namespace anvil::dist
