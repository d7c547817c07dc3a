// DataParallel: buckets of gradients, flattened, all-reduced in flight together, averaged back.
#include "anvil/train/dist/data_parallel.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>

#include "anvil/core/error.h"

namespace anvil::dist {
namespace {

// Consecutive runs of `order` with one dtype and device, each at most `limit` bytes (a larger
// tensor gets a bucket of its own).
std::vector<std::vector<size_t>> make_buckets(const std::vector<torch::Tensor>& params,
                                              int64_t limit) {
  std::vector<std::vector<size_t>> buckets;
  int64_t filled = 0;
  for (size_t k = params.size(); k-- > 0;) {
    const auto& p = params[k];
    const int64_t size = p.numel() * static_cast<int64_t>(p.element_size());
    const bool fits = !buckets.empty() && filled + size <= limit &&
                      params[buckets.back().front()].scalar_type() == p.scalar_type() &&
                      params[buckets.back().front()].device() == p.device();
    if (!fits) {
      buckets.emplace_back();
      filled = 0;
    }
    buckets.back().push_back(k);
    filled += size;
  }
  return buckets;
}

// Sends `tensors` from root, a few large flat messages instead of one per tensor.
void broadcast_flat(ProcessGroup& group, std::vector<torch::Tensor>& tensors, int root,
                    int64_t bucket_bytes) {
  if (tensors.empty()) return;
  for (const auto& bucket : make_buckets(tensors, bucket_bytes)) {
    std::vector<torch::Tensor> parts;
    for (size_t k : bucket) parts.push_back(tensors[k].detach().reshape({-1}));
    std::vector<torch::Tensor> flat{torch::cat(parts)};
    group.broadcast(flat, root);
    int64_t offset = 0;
    torch::NoGradGuard g;
    for (size_t k : bucket) {
      auto& t = tensors[k];
      t.copy_(flat[0].narrow(0, offset, t.numel()).view_as(t));
      offset += t.numel();
    }
  }
}

}  // namespace

std::string describe(const DataParallelStats& st, double seconds) {
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "gradient all-reduce: %.2f s of %.2f s training (%.1f%%), %lld reductions of %.1f MB",
                st.wait_seconds, seconds, seconds > 0 ? 100 * st.wait_seconds / seconds : 0.0,
                static_cast<long long>(st.reductions),
                st.reductions ? st.bytes / 1e6 / static_cast<double>(st.reductions) : 0.0);
  return buf;
}

DataParallel::DataParallel(std::shared_ptr<ProcessGroup> group,
                           std::vector<torch::Tensor> parameters,
                           std::vector<torch::Tensor> buffers, DataParallelOptions options)
    : group_(std::move(group)),
      parameters_(std::move(parameters)),
      buffers_(std::move(buffers)),
      bucket_bytes_(options.bucket_bytes) {
  if (!group_) throw Error("DataParallel: no process group");
  if (options.bucket_bytes < 1)
    throw usage_error("DataParallel bucket_bytes = " + std::to_string(options.bucket_bytes) +
                      ": must be >= 1");
  buckets_ = make_buckets(parameters_, options.bucket_bytes);
}

DataParallel DataParallel::for_module(std::shared_ptr<ProcessGroup> group,
                                      torch::nn::Module& module, DataParallelOptions options) {
  std::vector<torch::Tensor> params;
  for (const auto& p : module.parameters())
    if (p.requires_grad()) params.push_back(p);
  return DataParallel(std::move(group), std::move(params), module.buffers(), options);
}

void DataParallel::broadcast_from(int root) {
  broadcast_flat(*group_, parameters_, root, bucket_bytes_);
  broadcast_flat(*group_, buffers_, root, bucket_bytes_);
}

void DataParallel::broadcast_buffers(int root) {
  broadcast_flat(*group_, buffers_, root, bucket_bytes_);
}

void DataParallel::average_gradients() {
  if (parameters_.empty()) return;
  const auto t0 = std::chrono::steady_clock::now();
  // Which parameters have a gradient on some rank (the others stay undefined everywhere).
  std::vector<float> has_grad(parameters_.size());
  for (size_t k = 0; k < parameters_.size(); ++k)
    has_grad[k] = parameters_[k].grad().defined() ? 1.0f : 0.0f;
  auto present = torch::tensor(has_grad).to(group_->device());
  group_->all_reduce_async(present).wait();
  present = present.cpu();
  const auto* any = present.data_ptr<float>();

  struct InFlight {
    const std::vector<size_t>* bucket;
    torch::Tensor flat;
    ProcessGroup::Pending pending;
  };
  std::vector<InFlight> flights;
  for (const auto& bucket : buckets_) {
    std::vector<torch::Tensor> parts;
    for (size_t k : bucket) {
      if (any[k] == 0) continue;
      const auto& p = parameters_[k];
      parts.push_back(p.grad().defined() ? p.grad().reshape({-1}) : torch::zeros({p.numel()}, p.options()));
    }
    if (parts.empty()) continue;
    auto flat = torch::cat(parts);
    stats_.bytes += flat.numel() * static_cast<int64_t>(flat.element_size());
    auto pending = group_->all_reduce_async(flat);
    flights.push_back({&bucket, flat, std::move(pending)});
  }
  const double inv = 1.0 / group_->size();
  torch::NoGradGuard g;
  for (auto& f : flights) {
    f.pending.wait();
    f.flat.mul_(inv);
    int64_t offset = 0;
    for (size_t k : *f.bucket) {
      if (any[k] == 0) continue;
      auto& p = parameters_[k];
      auto slice = f.flat.narrow(0, offset, p.numel()).view_as(p);
      if (p.grad().defined())
        p.mutable_grad().copy_(slice);
      else
        p.mutable_grad() = slice.clone();
      offset += p.numel();
    }
  }
  ++stats_.reductions;
  stats_.wait_seconds +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace anvil::dist
