// Hash-mask dropout: Bernoulli(1 - p) keep rate, independent neighbours, inverted scaling,
// seed-repeatable and thread-count independent, gradients through the mask.
#include "anvil/models/hash_dropout.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

#include "anvil/core/error.h"

namespace anvil::models {
namespace {

TEST(HashDropout, KeepsEachElementWithProbabilityOneMinusPScaled) {
  torch::manual_seed(3);
  const int64_t n = 1 << 21;
  for (double p : {0.05, 0.3, 0.5}) {
    auto x = torch::rand({n}) + 0.5;  // no zeros in the input
    auto y = hash_dropout(x, p, true);
    auto dropped = (y == 0).to(torch::kDouble);
    const double rate = dropped.mean().item<double>();
    const double sd = std::sqrt(p * (1 - p) / n);
    EXPECT_NEAR(rate, p, 5 * sd) << p;
    // Neighbours (same hash word and adjacent words) are independent: P(both dropped) = p^2.
    for (int64_t lag : {1, 2, 3}) {
      const double both =
          (dropped.slice(0, 0, n - lag) * dropped.slice(0, lag)).mean().item<double>();
      EXPECT_NEAR(both, p * p, 5 * std::sqrt(p * p * (1 - p * p) / n)) << p << " lag " << lag;
    }
    auto kept = y != 0;
    EXPECT_TRUE(torch::allclose(y.masked_select(kept), x.masked_select(kept) / (1 - p), 1e-6, 0));
    EXPECT_NEAR(y.mean().item<double>(), x.mean().item<double>(), 0.01);
  }
}

TEST(HashDropout, SameSeedSameMaskOnAnyThreadCount) {
  const auto x = torch::ones({4, 33, 65});
  const int threads = torch::get_num_threads();
  torch::manual_seed(11);
  torch::set_num_threads(1);
  auto a1 = hash_dropout(x, 0.2, true), a2 = hash_dropout(x, 0.2, true);
  torch::manual_seed(11);
  torch::set_num_threads(2);
  auto b1 = hash_dropout(x, 0.2, true), b2 = hash_dropout(x, 0.2, true);
  torch::set_num_threads(threads);
  EXPECT_TRUE(torch::equal(a1, b1));
  EXPECT_TRUE(torch::equal(a2, b2));
  EXPECT_FALSE(torch::equal(a1, a2));  // each call draws a new seed
}

TEST(HashDropout, IdentityWhenNotTrainingOrPZeroAndGradientsFollowTheMask) {
  auto x = torch::randn({8, 16}, torch::requires_grad());
  EXPECT_TRUE(hash_dropout(x, 0.5, false).is_same(x));
  EXPECT_TRUE(hash_dropout(x, 0.0, true).is_same(x));
  auto y = hash_dropout(x, 0.5, true);
  y.sum().backward();
  // d y / d x is the mask itself: 0 where dropped, 1 / (1 - p) = 2 where kept.
  EXPECT_TRUE(torch::equal(x.grad(), (y != 0).to(torch::kFloat) * 2));
  auto h = hash_dropout(x.detach().to(torch::kBFloat16), 0.5, true);
  EXPECT_EQ(h.scalar_type(), torch::kBFloat16);
  EXPECT_THROW(hash_dropout(x, 1.0, true), Error);
  EXPECT_THROW(hash_dropout(x, -0.1, true), Error);
}

}  // namespace
}  // namespace anvil::models
