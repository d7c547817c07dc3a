// FastDecoder's 16-bit weight copies against LibTorch's own conversions: which floats are exact in
// IEEE half and bfloat16 (and their bits), every half converted back, and matrix-vector products
// over 16-bit copies against torch::mv at lengths that leave every kind of tail.
#include "models/decode_kernels.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace anvil::models::decode {
namespace {

// What LibTorch makes of `values` in `dtype`: the bits, and whether converting back is exact.
void expect_like_torch(const torch::Tensor& values, WeightFormat format, c10::ScalarType dtype) {
  const auto n = values.numel();
  const float* v = values.data_ptr<float>();
  for (int64_t i = 0; i < n; ++i) {
    const auto one = values.narrow(0, i, 1);
    const auto converted = one.to(dtype);
    const bool exact = !std::isnan(v[i]) && converted.to(torch::kFloat32).equal(one);
    const auto got = exact_16bit(v + i, 1, format);
    ASSERT_EQ(!got.empty(), exact) << format_name(format) << " " << v[i];
    if (!exact) continue;
    const uint16_t want = dtype == torch::kHalf ? converted.data_ptr<at::Half>()->x
                                                : converted.data_ptr<at::BFloat16>()->x;
    EXPECT_EQ(got[0], want) << format_name(format) << " " << v[i];
  }
}

TEST(DecodeKernels, WhatIsExactIn16BitsIsWhatLibTorchConvertsExactly) {
  torch::manual_seed(3);
  const float inf = std::numeric_limits<float>::infinity();
  const auto special = torch::tensor(
      {0.0f, -0.0f, 1.0f, -2.5f, 65504.0f, 65520.0f, 70000.0f, std::ldexp(1.0f, -14),
       std::ldexp(1.0f, -24), std::ldexp(3.0f, -24), std::ldexp(1.0f, -25), std::ldexp(1.5f, -24),
       std::ldexp(1023.0f, -24), 1e-30f, 3e38f, inf, -inf, std::nanf("")});
  // Values already rounded to each format (exact), and plain random floats (almost never exact),
  // over magnitudes from the subnormals up.
  const auto scales = torch::pow(2.0, torch::randint(-26, 18, {600}).to(torch::kFloat32));
  const auto raw = torch::randn({600}) * scales;
  const auto all = torch::cat({special, raw, raw.to(torch::kHalf).to(torch::kFloat32),
                               raw.to(torch::kBFloat16).to(torch::kFloat32)});
  expect_like_torch(all, WeightFormat::kFloat16, torch::kHalf);
  expect_like_torch(all, WeightFormat::kBFloat16, torch::kBFloat16);
}

TEST(DecodeKernels, EveryHalfConvertsBackAsLibTorchDoes) {
  auto bits = torch::arange(0, 65536, torch::kInt32).to(torch::kInt16);
  const auto halves = bits.view(torch::kHalf).to(torch::kFloat32).contiguous();
  const auto* h = reinterpret_cast<const uint16_t*>(bits.data_ptr<int16_t>());
  for (int64_t i = 0; i < 65536; ++i) {
    const float want = halves.data_ptr<float>()[i];
    const float got = half_to_float(h[i]);
    if (std::isnan(want)) {
      EXPECT_TRUE(std::isnan(got)) << i;
    } else {
      ASSERT_EQ(std::signbit(got), std::signbit(want)) << i;
      ASSERT_EQ(got, want) << i;
    }
  }
  EXPECT_EQ(bfloat16_to_float(0x3f80), 1.0f);
  EXPECT_EQ(bfloat16_to_float(0xc020), -2.5f);
}

TEST(DecodeKernels, MatvecOver16BitCopiesIsTorchMv) {
  torch::manual_seed(4);
  for (int64_t cols : {1, 7, 8, 15, 16, 33, 64, 100, 257}) {
    const auto x = torch::randn({cols});
    const auto bias = torch::randn({5});
    for (auto dtype : {torch::kHalf, torch::kBFloat16}) {
      const auto w = torch::randn({5, cols}).to(dtype).to(torch::kFloat32).contiguous();
      const DecodeMatrix m(w, true);
      EXPECT_EQ(m.format(),
                dtype == torch::kHalf ? WeightFormat::kFloat16 : WeightFormat::kBFloat16);
      EXPECT_EQ(m.bytes(), 5 * cols * 2);
      std::vector<float> y(5);
      m.matvec(x.data_ptr<float>(), bias.data_ptr<float>(), y.data());
      const auto want = torch::mv(w.to(torch::kFloat64), x.to(torch::kFloat64)) + bias;
      for (int64_t r = 0; r < 5; ++r)
        EXPECT_NEAR(y[static_cast<size_t>(r)], want[r].item<double>(),
                    1e-4 * std::sqrt(double(cols)))
            << "cols " << cols;
    }
    // Not exact in either: read as float32 in place.
    const auto w = torch::randn({5, cols});
    EXPECT_EQ(DecodeMatrix(w, true).format(), WeightFormat::kFloat32);
  }
}

// Each instruction set's kernel this CPU has, at every tail length, against a double reference.
TEST(DecodeKernels, EveryKernelThisCpuRunsGivesTheDotProduct) {
  torch::manual_seed(5);
  int tested = 0;
  for (Isa isa : {Isa::kPlain, Isa::kAvx2, Isa::kAvx512}) {
    if (!isa_available(isa)) continue;
    ++tested;
    for (int64_t n = 0; n <= 150; ++n) {
      const auto b = torch::randn({n});
      for (auto dtype : {torch::kHalf, torch::kBFloat16}) {
        const auto a = torch::randn({n}).to(dtype).to(torch::kFloat32).contiguous();
        const auto format =
            dtype == torch::kHalf ? WeightFormat::kFloat16 : WeightFormat::kBFloat16;
        const auto bits = exact_16bit(a.data_ptr<float>(), n, format);
        ASSERT_EQ(static_cast<int64_t>(bits.size()), n);
        const double want = (a.to(torch::kFloat64) * b.to(torch::kFloat64)).sum().item<double>();
        EXPECT_NEAR(dot_16bit(bits.data(), b.data_ptr<float>(), n, format, isa), want,
                    1e-5 * (1 + std::sqrt(double(n))))
            << "isa " << static_cast<int>(isa) << ", n " << n;
      }
    }
  }
  EXPECT_GE(tested, 1);
}

}  // namespace
}  // namespace anvil::models::decode
