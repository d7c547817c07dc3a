// Activation (gradient) checkpointing: run a block of a network without keeping its intermediate
// activations for backward; backward runs the block again from its saved input and takes the
// gradients from that recomputation. It trades one extra forward of the block for the memory of
// everything the block would have stored (attention probabilities, MLP intermediates, ...).
// The recomputation sees the same random-number state (dropout masks) and the same autocast
// settings as the first forward, so gradients equal the plain path's bit for bit in fp32.
#pragma once

#include <torch/types.h>

#include <functional>
#include <vector>

namespace anvil::models {

using BlockFn = std::function<torch::Tensor(const torch::Tensor&)>;

// y = block(x), with backward by recomputation. `params` are the trainable tensors the block uses
// (their gradients are accumulated as usual); tensors the block captures that need no gradient
// (masks, rotary tables, frozen weights) are simply captured by `block`. `block` must be
// deterministic given its input, the generators' state and autocast, and must outlive nothing:
// it is kept alive by the autograd graph until backward has run.
torch::Tensor checkpoint(BlockFn block, const torch::Tensor& x,
                         const std::vector<torch::Tensor>& params);

}  // namespace anvil::models
