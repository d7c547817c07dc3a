// The memory check: parameters, gradients, optimizer state and the measured peak of one forward +
// backward against the budget (readings from train/memory).
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "anvil/core/error.h"
#include "train/validator_checks.h"

namespace anvil::train::validator_detail {
namespace {

int64_t tensor_bytes(const torch::Tensor& t) {
  return t.defined() ? t.numel() * static_cast<int64_t>(t.element_size()) : 0;
}

// Bytes of the optimizer's state tensors for LibTorch's optimizers; -1 for other state types.
int64_t optimizer_state_bytes(const torch::optim::Optimizer& optimizer) {
  int64_t bytes = 0;
  for (const auto& [key, state] : optimizer.state()) {
    const auto* s = state.get();
    if (auto* a = dynamic_cast<const torch::optim::AdamWParamState*>(s))
      bytes += tensor_bytes(a->exp_avg()) + tensor_bytes(a->exp_avg_sq()) +
               tensor_bytes(a->max_exp_avg_sq());
    else if (auto* b = dynamic_cast<const torch::optim::AdamParamState*>(s))
      bytes += tensor_bytes(b->exp_avg()) + tensor_bytes(b->exp_avg_sq()) +
               tensor_bytes(b->max_exp_avg_sq());
    else if (auto* c = dynamic_cast<const torch::optim::SGDParamState*>(s))
      bytes += tensor_bytes(c->momentum_buffer());
    else if (auto* d = dynamic_cast<const torch::optim::RMSpropParamState*>(s))
      bytes += tensor_bytes(d->square_avg()) + tensor_bytes(d->momentum_buffer()) +
               tensor_bytes(d->grad_avg());
    else if (auto* e = dynamic_cast<const torch::optim::AdagradParamState*>(s))
      bytes += tensor_bytes(e->sum());
    else
      return -1;
  }
  return bytes;
}

}  // namespace

void check_memory(const Context& ctx, CheckSection& out) {
  const auto& o = ctx.options;
  int64_t params = 0, grads = 0;
  for (const auto& [name, t] : ctx.parameters) {
    params += tensor_bytes(t);
    if (t.requires_grad()) grads += tensor_bytes(t);
  }
  const int64_t optimizer = optimizer_state_bytes(*ctx.target.optimizer);
  out.info("parameters " + format_bytes(params) + ", gradients " + format_bytes(grads) +
           ", optimizer state " +
           (optimizer >= 0 ? format_bytes(optimizer) + " (measured after the loop check's steps)"
                           : std::string("unknown (not one of LibTorch's optimizers)")));
  out.figures["parameter_bytes"] = static_cast<double>(params);
  out.figures["gradient_bytes"] = static_cast<double>(grads);
  if (optimizer >= 0) out.figures["optimizer_bytes"] = static_cast<double>(optimizer);

  // The peak of one forward + backward above what the process held before it.
  const Probe& p = ctx.probe;
  int64_t peak = -1;
  if (p.ran && p.before.current >= 0 && p.after.peak >= 0) {
    if (p.peak_reset) {
      peak = std::max<int64_t>(0, p.after.peak - p.before.current);
    } else {
      peak = std::max<int64_t>(0, p.after.current - p.before.current);
      out.info(
          "the peak counter could not be reset: the forward+backward figure is a lower bound "
          "(memory still held after the pass)");
    }
    out.info("forward+backward on the first batch: peak " + format_bytes(peak) +
             " above the memory held before it (" + (o.device.is_cpu() ? "RSS" : "allocator") +
             ")");
    out.figures["forward_backward_peak_bytes"] = static_cast<double>(peak);
  } else if (!p.ran) {
    out.warn("forward+backward peak not measured: the pass failed (" + p.failure + ")");
  } else {
    out.warn("forward+backward peak not measured: no memory figures for " + o.device.str());
  }

  // The training working set: weights, optimizer state, and the pass (whose peak includes the
  // gradients it allocates, or at least the gradients when it was not measured).
  const int64_t total = params + std::max<int64_t>(optimizer, 0) + std::max(peak, grads);
  out.figures["total_bytes"] = static_cast<double>(total);
  int64_t budget = o.memory_limit_bytes;
  std::string budget_source = "the stated limit (memory_limit_bytes)";
  if (budget == 0) {
    const MemoryReading now = p.before.total >= 0 ? p.before : read_memory(o.device);
    if (o.device.is_cpu() && now.available >= 0 && now.current >= 0) {
      budget = now.available + now.current;  // what this process could grow to
      budget_source = "available memory (MemAvailable " + format_bytes(now.available) +
                      " + this process's " + format_bytes(now.current) + " of MemTotal " +
                      format_bytes(now.total) + ")";
    } else if (now.total > 0) {
      budget = now.total;
      budget_source = "the device's memory";
    }
  }
  if (budget <= 0) {
    out.warn("no memory budget known for " + o.device.str() +
             ": state one with memory_limit_bytes");
    return;
  }
  out.figures["budget_bytes"] = static_cast<double>(budget);
  const double fraction = static_cast<double>(total) / static_cast<double>(budget);
  out.figures["budget_fraction"] = fraction;
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f%%", 100 * fraction);
  const std::string line = "training needs about " + format_bytes(total) + " = " + pct + " of " +
                           format_bytes(budget) + ", " + budget_source;
  if (fraction > o.memory_error_fraction)
    out.error(line + "; lower the batch size (first batch: " +
              (ctx.first_batch && !ctx.first_batch->empty()
                   ? "'" + ctx.first_batch->front().first + "' " +
                         shape_string(ctx.first_batch->front().second)
                   : std::string("none")) +
              ") or the model size");
  else if (fraction > o.memory_warn_fraction)
    out.warn(line);
  else
    out.info(line);
}

}  // namespace anvil::train::validator_detail
