// What the validator's checks share: the target, the first real batch, the probe (one forward +
// backward on it) and the memory measured around it. validator.cpp runs the steps in order; each
// validator_*.cpp file holds the checks of one concern.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "anvil/train/memory.h"
#include "anvil/train/validator.h"

namespace anvil::train::validator_detail {

using train::MemoryReading;
using train::read_memory;
using train::reset_memory_peak;

// One forward + backward of the model on the first batch, in training mode, from zeroed grads.
struct Probe {
  bool ran = false;     // forward, loss and backward all completed
  std::string failure;  // why not (the exception's first line), when !ran
  NamedBatch batch;     // prepared (on the device)
  io::NamedTensors outputs;
  torch::Tensor loss;
  MemoryReading before, after;
  bool peak_reset = false;  // the peak counter was reset right before the probe
};

struct Context {
  const ValidationTarget& target;
  const ValidatorOptions& options;
  io::NamedTensors parameters;  // model->named_parameters(), every one (frozen too)
  io::NamedTensors buffers;
  std::optional<NamedBatch> first_batch;  // as the source gave it (before prepare)
  Probe probe;
  // Parameters whose gradient was all zeros in the probe. That can be the initialisation (LoRA's
  // A while B is zero), so the loop check watches them: a gradient that turns non-zero in one of
  // its steps clears the parameter (`revived`).
  std::vector<std::string> zero_gradient;
  std::set<std::string> revived;
};

NamedBatch prepare_batch(const Context& ctx, const NamedBatch& batch);
std::string first_line(const std::exception& e);
std::string shape_string(const torch::Tensor& t);  // "[32, 128] int64 on cpu"
std::string format_bytes(double bytes);             // "12.3 MiB"

// The checks, each filling its own section.
void check_data(Context& ctx, CheckSection& out);        // also sets ctx.first_batch
void check_devices(const Context& ctx, CheckSection& out);
void run_probe(Context& ctx);
void check_shapes(const Context& ctx, CheckSection& out);
void check_gradients(Context& ctx, CheckSection& out);
// After the loop: the verdict on the zero-gradient suspects.
void finish_gradients(const Context& ctx, CheckSection& out);
void check_numerics(const Context& ctx, CheckSection& out);
void check_optimizer(const Context& ctx, CheckSection& out);
void check_loop(Context& ctx, CheckSection& out);
// After the loop, so that the optimizer state it measures exists.
void check_memory(const Context& ctx, CheckSection& out);

}  // namespace anvil::train::validator_detail
