// Training checkpoints: one safetensors file holding everything a run needs to continue exactly,
// used by every trainer (anvil's and users'). Layout (docs/formats.md §6):
//   tensors  "model.<name>"            every parameter and buffer of the model
//            "optimizer.<param>.exp_avg|exp_avg_sq|step"   AdamW state per trainable parameter
//            "rng.torch_cpu"           LibTorch's CPU generator (dropout, initialisation)
//   metadata "anvil.checkpoint" = "2"
//            "anvil.engine"   {"epoch", "iteration", "epoch_iteration"}: the engine position
//            "anvil.handlers" {name: state}: every attached handler's state (early stopping,
//                             best-k checkpoints, running averages, tracking run id; the LR
//                             schedule is a function of the restored iteration)
//            any caller keys (model architecture, data position, ...), kept as given
// Writes are atomic (temp file, fsync, rename): a crash never replaces a good checkpoint.
#pragma once

#include <torch/nn/module.h>
#include <torch/optim/adamw.h>

#include <map>
#include <string>

#include "anvil/io/torch_tensors.h"
#include "anvil/train/engine.h"

namespace anvil::train {

// The parts of a run a checkpoint holds. Pointers are borrowed; a null part is not saved (and not
// restored). The optimizer's state is keyed by the parameter names in `optimizer_params`.
struct CheckpointParts {
  torch::nn::Module* model = nullptr;
  torch::optim::AdamW* optimizer = nullptr;
  io::NamedTensors optimizer_params;  // the optimizer's parameters by name (trainable only)
  Engine* engine = nullptr;           // position and handler states
  bool rng = true;                    // LibTorch's CPU generator
  // Restoring: with `strict_model`, checkpoint tensors under "model." that the model lacks are
  // errors too (every model tensor must always be present with its shape).
  bool strict_model = true;
};

// Writes `parts` and `metadata` (caller keys; "anvil.checkpoint", "anvil.engine" and
// "anvil.handlers" are reserved) to `path` atomically.
void save_checkpoint(const std::string& path, const CheckpointParts& parts,
                     std::map<std::string, std::string> metadata = {});

// Restores a checkpoint into `parts` (built with the same architecture) and returns the file's
// metadata, caller keys included. Errors name the file and what is missing or mismatched.
std::map<std::string, std::string> load_checkpoint(const std::string& path,
                                                   const CheckpointParts& parts);

// The engine position a checkpoint holds, without loading anything else (e.g. to say "already at
// epoch 5 of 5" before building a model).
State checkpoint_position(const std::string& path);

}  // namespace anvil::train
