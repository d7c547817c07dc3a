// The one weight-decay rule every trainer uses to build optimizer parameter groups: decay the
// weight matrices and kernels; do not decay biases, normalisation parameters or embeddings
// unless configured. Frozen parameters (requires_grad false, e.g. a LoRA base) are left out.
#pragma once

#include <torch/nn/module.h>
#include <torch/optim/adamw.h>

#include <memory>

#include "anvil/core/config.h"
#include "anvil/io/torch_tensors.h"

namespace anvil::train {

struct DecayOptions {
  bool decay_biases = false;      // 1-d parameters named "bias" / ending in ".bias"
  bool decay_norms = false;       // parameters of LayerNorm, RMSNorm, BatchNorm, GroupNorm modules
  bool decay_embeddings = false;  // parameters of Embedding modules

  // Reads train.decay_biases, train.decay_norms, train.decay_embeddings.
  static DecayOptions from_config(const Config& config);
};

struct ParamGroups {
  io::NamedTensors decay;     // trainable, weight decay applies
  io::NamedTensors no_decay;  // trainable, weight decay 0
  io::NamedTensors all() const;  // decay then no_decay: every trainable parameter by name
};

ParamGroups split_parameters(const torch::nn::Module& module, const DecayOptions& options = {});

struct AdamWSettings {
  double lr = 1e-3;
  double weight_decay = 0.01;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
};

// AdamW over the two groups (weight_decay on `decay`, 0 on `no_decay`; empty groups skipped).
std::unique_ptr<torch::optim::AdamW> make_adamw(const ParamGroups& groups,
                                                const AdamWSettings& settings);

}  // namespace anvil::train
