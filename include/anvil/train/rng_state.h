// LibTorch's default CPU generator (initialisation, dropout) as a tensor, so checkpoints can save
// and restore it and a resumed run draws exactly the numbers the uninterrupted run would have.
#pragma once

#include <torch/types.h>

namespace anvil::train {

torch::Tensor cpu_generator_state();
void set_cpu_generator_state(const torch::Tensor& state);

}  // namespace anvil::train
