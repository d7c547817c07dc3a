// Block-causal attention against the attention written out in full (scores for every key, the
// causal mask and the bias applied, softmax, times V): the same output and the same gradients for
// q, k and v, for any block size, with packed segments, padding and a KV cache before the queries.
#include "anvil/models/causal_attention.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "anvil/core/error.h"
#include "anvil/models/llama.h"

namespace anvil::models {
namespace {

// The bias for B rows of T queries over S keys: causal, within `segment` (segment ids [B, T],
// keys of the cache belong to every segment), and the first `pad` keys of row 0 masked.
torch::Tensor make_bias(int64_t b, int64_t t, int64_t s, const torch::Tensor& segment,
                        int64_t pad) {
  const int64_t past = s - t;
  auto q = torch::arange(past, s).view({1, 1, t, 1});
  auto key = torch::arange(0, s).view({1, 1, 1, s});
  auto allowed = key.le(q).expand({b, 1, t, s}).clone();
  auto key_seg = torch::cat({torch::full({b, past}, -1, torch::kInt64), segment}, 1);
  allowed &=
      key_seg.view({b, 1, 1, s}).eq(segment.view({b, 1, t, 1})) | key_seg.view({b, 1, 1, s}).eq(-1);
  allowed.index_put_(
      {0, torch::indexing::Slice(), torch::indexing::Slice(), torch::indexing::Slice(0, pad)},
      false);
  return torch::zeros({b, 1, t, s}).masked_fill_(allowed.logical_not(), kMaskedScore);
}

torch::Tensor reference(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                        const torch::Tensor& bias, double scale) {
  const int64_t bh = q.size(0), b = bias.size(0), t = q.size(1), s = k.size(1);
  auto scores = torch::matmul(q, k.transpose(1, 2)) * scale;
  scores = scores.view({b, bh / b, t, s}) + bias;
  return torch::matmul(torch::softmax(scores, -1).view({bh, t, s}), v);
}

struct Result {
  torch::Tensor out, dq, dk, dv;
};

Result run(bool blocked, int64_t block, const torch::Tensor& q0, const torch::Tensor& k0,
           const torch::Tensor& v0, const torch::Tensor& bias, const torch::Tensor& grad) {
  auto q = q0.clone().requires_grad_(true), k = k0.clone().requires_grad_(true),
       v = v0.clone().requires_grad_(true);
  const double scale = 1.0 / std::sqrt(double(q.size(2)));
  auto out =
      blocked ? causal_attention(q, k, v, bias, scale, block) : reference(q, k, v, bias, scale);
  out.backward(grad);
  return {out.detach(), q.grad(), k.grad(), v.grad()};
}

TEST(CausalAttention, BlocksGiveTheFullAttentionAndItsGradients) {
  torch::manual_seed(0);
  const int64_t b = 2, heads = 3, dh = 8;
  for (int64_t past : {0, 5}) {
    const int64_t t = 23, s = past + t;
    auto segment = torch::zeros({b, t}, torch::kInt64);
    segment.index_put_({1, torch::indexing::Slice(9, t)}, 1);  // row 1 packs two sequences
    const auto bias = make_bias(b, t, s, segment, past > 0 ? 2 : 0);
    const auto q = torch::randn({b * heads, t, dh}), k = torch::randn({b * heads, s, dh}),
               v = torch::randn({b * heads, s, dh}), grad = torch::randn({b * heads, t, dh});
    const auto ref = run(false, 0, q, k, v, bias, grad);
    for (int64_t block : {1, 4, 7, 23, 64}) {
      const auto got = run(true, block, q, k, v, bias, grad);
      const std::string at = "past " + std::to_string(past) + ", block " + std::to_string(block);
      EXPECT_TRUE(torch::allclose(got.out, ref.out, 1e-5, 1e-6)) << at;
      EXPECT_TRUE(torch::allclose(got.dq, ref.dq, 1e-5, 1e-6)) << at;
      EXPECT_TRUE(torch::allclose(got.dk, ref.dk, 1e-5, 1e-6)) << at;
      EXPECT_TRUE(torch::allclose(got.dv, ref.dv, 1e-5, 1e-6)) << at;
    }
  }
}

TEST(CausalAttention, Bf16InputsAndShapeErrors) {
  torch::manual_seed(1);
  const int64_t t = 16;
  const auto bias = make_bias(1, t, t, torch::zeros({1, t}, torch::kInt64), 0);
  const auto q = torch::randn({2, t, 8}), k = torch::randn({2, t, 8}), v = torch::randn({2, t, 8});
  const auto ref = reference(q, k, v, bias, 0.5);
  const auto got = causal_attention(q.to(torch::kBFloat16), k.to(torch::kBFloat16),
                                    v.to(torch::kBFloat16), bias, 0.5, 5);
  EXPECT_EQ(got.scalar_type(), torch::kBFloat16);
  EXPECT_LT((got.to(torch::kFloat32) - ref).abs().max().item<double>(), 0.05);
  EXPECT_THROW(causal_attention(q, k.narrow(1, 0, t - 1), v, bias, 0.5, 4), Error);
  EXPECT_THROW(causal_attention(q, k, v, bias, 0.5, 0), Error);
}

}  // namespace
}  // namespace anvil::models
