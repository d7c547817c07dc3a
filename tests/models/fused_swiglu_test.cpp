// The fused SwiGLU gating against the composed LibTorch expression silu(gate) * up: output and both
// input gradients in float32 (tight) and bfloat16 (within bfloat16's rounding, the fused one
// rounding once instead of twice), over sizes that split over threads, and non-contiguous inputs.
#include "anvil/models/fused_swiglu.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace anvil::models {
namespace {

struct Result {
  torch::Tensor y, d_gate, d_up;
};

Result run(bool fused, const torch::Tensor& g0, const torch::Tensor& u0, const torch::Tensor& gy) {
  auto g = g0.detach().clone().requires_grad_(true);
  auto u = u0.detach().clone().requires_grad_(true);
  const auto y = fused ? fused_swiglu(g, u) : composed_swiglu(g, u);
  y.backward(gy);
  return {y.detach(), g.grad(), u.grad()};
}

double worst(const torch::Tensor& a, const torch::Tensor& b) {
  const auto a64 = a.to(torch::kFloat64), b64 = b.to(torch::kFloat64);
  return ((a64 - b64).abs() / (b64.abs() + 1)).max().item<double>();
}

TEST(FusedSwiglu, MatchesTheComposedExpressionInFloat32AndBFloat16) {
  torch::manual_seed(11);
  for (int64_t n : {1, 17, 100000}) {
    const auto g = torch::randn({n}) * 4, u = torch::randn({n}), gy = torch::randn({n});
    const auto a = run(true, g, u, gy), b = run(false, g, u, gy);
    EXPECT_LT(worst(a.y, b.y), 1e-6) << n;
    EXPECT_LT(worst(a.d_gate, b.d_gate), 1e-5) << n;
    EXPECT_LT(worst(a.d_up, b.d_up), 1e-6) << n;
    // bfloat16 inputs: against the float64 computation from the same rounded inputs, the fused
    // function rounds once (within one bfloat16 step, 2^-8 relative), the composed operators
    // several times.
    const auto gb = g.to(torch::kBFloat16), ub = u.to(torch::kBFloat16);
    const auto gyb = gy.to(torch::kBFloat16);
    const auto c = run(true, gb, ub, gyb), d = run(false, gb, ub, gyb);
    const auto exact =
        run(false, gb.to(torch::kFloat64), ub.to(torch::kFloat64), gyb.to(torch::kFloat64));
    EXPECT_EQ(c.y.scalar_type(), torch::kBFloat16);
    EXPECT_EQ(c.d_gate.scalar_type(), torch::kBFloat16);
    EXPECT_LT(worst(c.y, exact.y), std::ldexp(1.0, -8)) << n;
    EXPECT_LT(worst(c.d_gate, exact.d_gate), std::ldexp(1.0, -8)) << n;
    EXPECT_LT(worst(c.d_up, exact.d_up), std::ldexp(1.0, -8)) << n;
    if (n > 1000) {
      EXPECT_LE(worst(c.y, exact.y), worst(d.y, exact.y)) << n;
      EXPECT_LE(worst(c.d_gate, exact.d_gate), worst(d.d_gate, exact.d_gate)) << n;
    }
  }
  const auto g = torch::randn({8, 6}).t(), u = torch::randn({6, 8}), gy = torch::randn({6, 8});
  ASSERT_FALSE(g.is_contiguous());
  const auto a = run(true, g, u, gy), b = run(false, g, u, gy);
  EXPECT_LT(worst(a.y, b.y), 1e-6);
  EXPECT_LT(worst(a.d_gate, b.d_gate), 1e-5);
}

TEST(FusedSwiglu, OtherDtypesTakeTheComposedExpression) {
  const auto g = torch::randn({5}, torch::kFloat64), u = torch::randn({5}, torch::kFloat64);
  EXPECT_TRUE(fused_swiglu(g, u).equal(composed_swiglu(g, u)));
}

}  // namespace
}  // namespace anvil::models
