// Next-token cross-entropy straight from the final hidden states and the LM head, in chunks of
// rows: neither forward nor backward ever holds the whole [B, T, vocab] logits, only [chunk, vocab]
// at a time. When a backward can follow (grad mode on, hidden or head requiring grad) the
// gradients are computed in the same pass, while each chunk's logits are at hand, so nothing is
// recomputed and no softmax over the whole logits is ever written: this is also the fastest way
// to the loss on a CPU. With a 151k-token vocabulary the logits are the largest tensor of a step;
// this bounds them. Rows whose label is ignored (or weighted 0)
// get no logits at all: a completion-only fine-tune computes the completions' only. Same value as
// causal_lm_loss(hidden @ weight^T, labels, weights); gradients equal up to float summation order.
#pragma once

#include <torch/types.h>

namespace anvil::models {

// hidden [B, T, D] (any float dtype; computed in float32), weight [V, D] (the LM head, or the tied
// embedding), labels [B, T] aligned with the inputs (shifted inside; -100 ignored), weights [B, T]
// per-label loss weights or undefined (plain mean). chunk_rows >= 1 rows of B*(T-1) per chunk.
// `matmul_dtype`: what the two matrices are multiplied in (kBFloat16 where the model runs under
// bf16 autocast, as its LM head would); the softmax and the gradients' sums are float32.
torch::Tensor chunked_causal_lm_loss(const torch::Tensor& hidden, const torch::Tensor& weight,
                                     const torch::Tensor& labels, const torch::Tensor& weights,
                                     int64_t chunk_rows,
                                     torch::ScalarType matmul_dtype = torch::kFloat32);

}  // namespace anvil::models
