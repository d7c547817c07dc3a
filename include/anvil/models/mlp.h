// The two-layer head used by the classifiers: Linear -> ReLU -> Dropout -> Linear.
#pragma once

#include <torch/nn/modules/container/sequential.h>

namespace anvil::models {

torch::nn::Sequential make_mlp(int64_t in, int64_t hidden, int64_t out, double dropout);

}  // namespace anvil::models
