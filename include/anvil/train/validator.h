// Pre-training checks for any model: given a torch::nn::Module, a batch source, an optimizer and
// a loss function, validate_training() runs eight checks in seconds and returns a report (see
// validation_report.h) instead of letting a broken setup fail an hour into a run:
//   memory     parameters, gradients, optimizer state and the measured peak of one forward +
//              backward on a real batch, against the device's memory or a stated limit
//              (WARN above 80%, ERROR above 95%)
//   shapes     the shape and dtype of every output for a real batch
//   gradients  every trainable parameter gets a finite gradient that is not all zeros
//   numerics   NaN/Inf in outputs, loss and gradients
//   devices    parameters, buffers and prepared batches on the configured device
//   data       the source yields; batches have the expected dtypes, shapes and label ranges; none
//              is empty or ragged; a second epoch yields as many batches as the first
//   optimizer  the optimizer holds exactly the trainable parameters (none missing, no frozen one)
//   loop       a few optimizer steps on one fixed batch (its first rows) lower its loss
// The checks leave the run as they found it: parameters, buffers, gradients, optimizer state,
// train/eval mode and LibTorch's default generators are restored, so a seeded run trains exactly
// as it would without them. Batch sources are restarted by the caller's training loop (an epoch
// plan that depends on the epoch number, as data::DataLoader's does, is unaffected).
#pragma once

#include <torch/nn/module.h>
#include <torch/optim/optimizer.h>
#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "anvil/io/torch_tensors.h"
#include "anvil/train/validation_report.h"

namespace anvil::train {

// A batch as named tensors: model inputs and targets alike ("tokens", "labels", ...).
using NamedBatch = io::NamedTensors;

// What the data check expects of one named batch tensor. A spec whose tensor is missing from a
// batch is an error.
struct TensorSpec {
  std::string name;
  std::optional<c10::ScalarType> dtype;  // unset: any dtype
  std::vector<int64_t> shape;            // -1 = any size in that dimension; empty: any shape
  // Integer labels: every value must lie in [min_value, max_value] (ignore_index values, when
  // set, are skipped).
  std::optional<int64_t> min_value, max_value, ignore_index;
};

// The run under test. Pointers are borrowed and must outlive the call.
struct ValidationTarget {
  torch::nn::Module* model = nullptr;            // required
  torch::optim::Optimizer* optimizer = nullptr;  // required: the optimizer training will use
  // Required: the next batch of the current epoch, or nullopt at its end.
  std::function<std::optional<NamedBatch>()> next_batch;
  // Optional: starts epoch `epoch` (1-based) of the source; without it the data check cannot
  // compare two epochs and says so.
  std::function<void(int64_t epoch)> start_epoch;
  // Optional: moves a batch where the model expects it (default: every tensor to
  // ValidatorOptions::device). The devices check inspects what this returns.
  std::function<NamedBatch(const NamedBatch&)> prepare;
  // Required: the model's outputs for a prepared batch, by name ("logits", ...).
  std::function<io::NamedTensors(const NamedBatch&)> forward;
  // Required: the scalar training loss for those outputs and the batch.
  std::function<torch::Tensor(const io::NamedTensors& outputs, const NamedBatch& batch)> loss;
  std::vector<TensorSpec> batch_spec;  // expectations for the data check
};

struct ValidatorOptions {
  torch::Device device = torch::kCPU;  // where the model and prepared batches must be
  // The memory budget: 0 = the device's (CPU: MemAvailable at the start of the check plus what
  // the process already holds; CUDA: the device's total memory). Set it to state a limit.
  int64_t memory_limit_bytes = 0;
  double memory_warn_fraction = 0.80;   // WARN above this fraction of the budget
  double memory_error_fraction = 0.95;  // ERROR above this
  int64_t loop_steps = 5;               // optimizer steps on one fixed batch (>= 1)
  // Rows of the first batch the loop check trains on (dimension 0 of every batch tensor; 0 = the
  // whole batch). Fewer rows keep the check fast; a model that can learn fits them easily.
  int64_t loop_rows = 4;
  // Batches the data check reads per epoch (0 = whole epochs; the count comparison then covers
  // the full epoch).
  int64_t max_data_batches = 0;

  void validate() const;  // throws naming the field and the bad value
};

// Runs the eight checks. A check that cannot run (e.g. the forward pass throws) reports an ERROR
// saying why; the others still run. Throws anvil::Error only for a malformed `target` (a
// required part missing) or bad `options`.
ValidationReport validate_training(const ValidationTarget& target,
                                   const ValidatorOptions& options = {});

}  // namespace anvil::train
