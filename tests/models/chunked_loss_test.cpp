// The chunked loss against LibTorch's own path (logits materialised, F::cross_entropy): the same
// value and the same gradients for the hidden states and the LM head, with ignored labels, loss
// weights, any chunk size, and a frozen head.
#include "anvil/models/chunked_loss.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/models/llama.h"

namespace anvil::models {
namespace {

struct Grads {
  torch::Tensor loss, h, w;
};

Grads run(bool chunked, int64_t chunk, const torch::Tensor& h0, const torch::Tensor& w0,
          const torch::Tensor& labels, const torch::Tensor& weights) {
  auto h = h0.clone().requires_grad_(true);
  auto w = w0.clone().requires_grad_(true);
  auto loss = chunked ? chunked_causal_lm_loss(h, w, labels, weights, chunk)
                      : causal_lm_loss(torch::matmul(h, w.t()), labels, weights);
  loss.backward();
  return {loss.detach(), h.grad(), w.grad()};
}

TEST(ChunkedLoss, SameValueAndGradientsAsTheMaterialisedLogits) {
  torch::manual_seed(0);
  const int64_t b = 3, t = 17, d = 24, v = 301;
  const auto h = torch::randn({b, t, d});
  const auto w = torch::randn({v, d}) * 0.3;
  auto labels = torch::randint(0, v, {b, t}, torch::kInt64);
  labels.index_put_({0, torch::indexing::Slice(0, 5)}, -100);  // a prompt: no loss
  labels.index_put_({2, torch::indexing::Slice(10, t)}, -100);  // padding
  const auto weights = torch::rand({b, t}) + 0.5;
  for (const auto& wts : {torch::Tensor(), weights}) {
    const auto ref = run(false, 0, h, w, labels, wts);
    for (int64_t chunk : {1, 7, 16, 48, 1000}) {
      const auto got = run(true, chunk, h, w, labels, wts);
      EXPECT_NEAR(got.loss.item<double>(), ref.loss.item<double>(), 1e-5) << "chunk " << chunk;
      EXPECT_TRUE(torch::allclose(got.h, ref.h, 1e-5, 1e-6)) << "chunk " << chunk;
      EXPECT_TRUE(torch::allclose(got.w, ref.w, 1e-5, 1e-6)) << "chunk " << chunk;
    }
  }
}

TEST(ChunkedLoss, FrozenHeadGetsNoGradientAndBf16HiddenWorks) {
  torch::manual_seed(1);
  const auto w = torch::randn({50, 8});  // frozen: requires_grad false
  auto h = torch::randn({2, 6, 8}).to(torch::kBFloat16).requires_grad_(true);
  const auto labels = torch::randint(0, 50, {2, 6}, torch::kInt64);
  auto loss = chunked_causal_lm_loss(h, w, labels, torch::Tensor(), 4);
  loss.backward();
  EXPECT_EQ(h.grad().scalar_type(), torch::kBFloat16);
  EXPECT_FALSE(w.grad().defined());
  const auto ref = causal_lm_loss(torch::matmul(h.detach().to(torch::kFloat32), w.t()), labels);
  EXPECT_NEAR(loss.item<double>(), ref.item<double>(), 1e-5);
  EXPECT_THROW(chunked_causal_lm_loss(h, w, labels, torch::Tensor(), 0), Error);
  EXPECT_THROW(chunked_causal_lm_loss(h, torch::randn({50, 9}), labels, torch::Tensor(), 4), Error);
}

// Ignored rows get no logits at all; with nothing left the loss is 0 and so are the gradients.
TEST(ChunkedLoss, OnlyIgnoredLabelsGiveZeroLossAndZeroGradients) {
  torch::manual_seed(2);
  auto h = torch::randn({2, 5, 8}).requires_grad_(true);
  auto w = torch::randn({30, 8}).requires_grad_(true);
  const auto labels = torch::full({2, 5}, -100, torch::kInt64);
  auto loss = chunked_causal_lm_loss(h, w, labels, torch::Tensor(), 3);
  loss.backward();
  EXPECT_EQ(loss.item<double>(), 0.0);
  EXPECT_EQ(h.grad().abs().max().item<double>(), 0.0);
  EXPECT_EQ(w.grad().abs().max().item<double>(), 0.0);
}

}  // namespace
}  // namespace anvil::models
