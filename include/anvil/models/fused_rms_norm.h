// RMSNorm (y = weight * x / sqrt(mean(x^2) + eps) over the last dimension, in float32 as Hugging
// Face computes it) as one autograd function: on the CPU the forward is one pass over x that keeps
// each row's 1/rms, the backward one pass that gives the input and weight gradients, instead of the
// ~6 operators forward and ~12 backward of the composed expression and their temporaries.
#pragma once

#include <torch/types.h>

namespace anvil::models {

// x [..., D] float32 on the CPU (contiguous or not), weight [D] float32 -> [..., D]. Other devices
// and dtypes compute the composed expression (the same maths, LibTorch's operators).
torch::Tensor fused_rms_norm(const torch::Tensor& x, const torch::Tensor& weight, double eps);

// The composed expression: the reference the fused function is tested against, and the path for
// what it does not take.
torch::Tensor composed_rms_norm(const torch::Tensor& x, const torch::Tensor& weight, double eps);

}  // namespace anvil::models
