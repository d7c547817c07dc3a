// SwiGLU's gating, silu(gate) * up, as one autograd function: on the CPU one pass forward and one
// backward (both input gradients), computed in float32 and stored in the inputs' dtype, instead of
// the silu, product and their backward operators with a temporary each.
#pragma once

#include <torch/types.h>

namespace anvil::models {

// gate and up of the same shape and dtype (float32 or bfloat16) on the CPU -> silu(gate) * up.
// Other devices and dtypes compute the composed expression.
torch::Tensor fused_swiglu(const torch::Tensor& gate, const torch::Tensor& up);

// The composed expression (the reference, and the path for what the fused function does not take).
torch::Tensor composed_swiglu(const torch::Tensor& gate, const torch::Tensor& up);

}  // namespace anvil::models
