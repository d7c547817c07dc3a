// AdamW state as named tensors, so a checkpoint holds the optimizer in the same safetensors file
// as the weights: "<prefix><param>.exp_avg", ".exp_avg_sq", ".step" (I64 scalar).
#pragma once

#include <torch/optim/adamw.h>

#include <string>

#include "anvil/io/torch_tensors.h"

namespace anvil::train {

io::NamedTensors adamw_state_tensors(torch::optim::AdamW& optimizer,
                                     const io::NamedTensors& named_params,
                                     const std::string& prefix);

// Restores the state saved by adamw_state_tensors. Parameters with no saved state (not yet
// stepped) are left without state. Shape mismatches are errors naming the tensor.
void load_adamw_state(torch::optim::AdamW& optimizer, const io::NamedTensors& named_params,
                      const io::SafetensorsFile& file, const std::string& origin,
                      const std::string& prefix);

}  // namespace anvil::train
