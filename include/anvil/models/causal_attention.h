// Scaled dot-product attention for causal decoders, computed in blocks of query rows: the queries
// of block b are scored only against the keys up to its last query, so the masked upper triangle
// of the [T, S] scores is never multiplied, soft-maxed or kept for backward (about (n + 1) / 2n of
// the work of the full product for n blocks). An additive bias carries everything else that is
// masked (other packed segments, padding). Forward and backward are one autograd function that
// accumulates the key and value gradients in place.
#pragma once

#include <torch/types.h>

namespace anvil::models {

// q [BH, T, Dh], k and v [BH, S, Dh] with S >= T (the last T keys are the queries' own positions,
// the S - T before them a KV cache), bias [B, 1, T, S] float (0 = visible; BH = B * heads) ->
// [BH, T, Dh]: softmax(q k^T * scale + bias, over keys <= each query's position) v. Softmax in
// float32, matmuls in q's dtype (in autocast's, when it is on). block_rows >= 1; block_rows >= T is
// the unblocked computation.
torch::Tensor causal_attention(const torch::Tensor& q, const torch::Tensor& k,
                               const torch::Tensor& v, const torch::Tensor& bias, double scale,
                               int64_t block_rows);

}  // namespace anvil::models
