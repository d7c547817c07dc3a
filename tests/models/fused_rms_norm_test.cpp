// The fused RMSNorm against the composed LibTorch expression (the Hugging Face formula): outputs,
// input and weight gradients, for row widths that leave every vector tail, non-contiguous inputs,
// many rows (split over threads) and the paths it hands to the composed expression.
#include "anvil/models/fused_rms_norm.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace anvil::models {
namespace {

struct Grads {
  torch::Tensor y, gx, gw;
};

Grads run(bool fused, const torch::Tensor& x0, const torch::Tensor& w0, const torch::Tensor& gy) {
  auto x = x0.detach().clone().requires_grad_(true);
  auto w = w0.detach().clone().requires_grad_(true);
  const auto xin = x0.is_contiguous() ? x : x.transpose(0, 1);  // the same non-contiguous view
  const auto y = fused ? fused_rms_norm(xin, w, 1e-5) : composed_rms_norm(xin, w, 1e-5);
  y.backward(gy);
  return {y.detach(), x.grad(), w.grad()};
}

void expect_close(const torch::Tensor& got, const torch::Tensor& want, const std::string& what) {
  const double scale = std::max(1.0, want.abs().max().item<double>());
  EXPECT_LT((got - want).abs().max().item<double>() / scale, 2e-6) << what;
}

TEST(FusedRmsNorm, MatchesTheComposedExpressionForwardAndBackward) {
  torch::manual_seed(7);
  for (int64_t d : {1, 5, 16, 17, 48, 256, 300}) {
    for (int64_t rows : {1, 3, 700}) {
      const auto x = torch::randn({rows, d}) * 3;
      const auto w = torch::randn({d});
      const auto gy = torch::randn({rows, d});
      const auto a = run(true, x, w, gy), b = run(false, x, w, gy);
      const std::string at = "d " + std::to_string(d) + ", rows " + std::to_string(rows);
      expect_close(a.y, b.y, "y, " + at);
      expect_close(a.gx, b.gx, "x grad, " + at);
      expect_close(a.gw, b.gw, "weight grad, " + at);
    }
  }
  // A [B, T, D] input seen through a transpose (not contiguous).
  const auto x = torch::randn({6, 4, 32}).transpose(0, 1);
  const auto w = torch::randn({32});
  const auto gy = torch::randn({6, 4, 32});
  ASSERT_FALSE(x.is_contiguous());
  const auto a = run(true, x, w, gy), b = run(false, x, w, gy);
  expect_close(a.y, b.y, "y, non-contiguous");
  expect_close(a.gx, b.gx, "x grad, non-contiguous");
  expect_close(a.gw, b.gw, "weight grad, non-contiguous");
}

TEST(FusedRmsNorm, OtherDtypesTakeTheComposedExpression) {
  torch::manual_seed(8);
  const auto x = torch::randn({4, 24}).to(torch::kBFloat16);
  const auto w = torch::randn({24});
  EXPECT_TRUE(fused_rms_norm(x, w, 1e-6).equal(composed_rms_norm(x, w, 1e-6)));
  const auto xd = torch::randn({4, 24}, torch::kFloat64);
  EXPECT_TRUE(fused_rms_norm(xd, w.to(torch::kFloat64), 1e-6)
                  .equal(composed_rms_norm(xd, w.to(torch::kFloat64), 1e-6)));
}

}  // namespace
}  // namespace anvil::models
