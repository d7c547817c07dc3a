// GGUF quantizers: hand-computed blocks (rounding rules, packing), fp16/bf16 conversions, error
// bounds of dequantize(quantize(x)) per type, and the Q4_K_M type mix.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "anvil/core/error.h"
#include "gguf_test_util.h"

namespace anvil::io {
namespace {

uint8_t byte_at(const std::string& b, size_t i) { return static_cast<uint8_t>(b[i]); }

TEST(GgufQuant, NearestIntRoundsHalfToEven) {
  EXPECT_EQ(ggml_nearest_int(0.5f), 0);
  EXPECT_EQ(ggml_nearest_int(1.5f), 2);
  EXPECT_EQ(ggml_nearest_int(2.5f), 2);
  EXPECT_EQ(ggml_nearest_int(-0.5f), 0);
  EXPECT_EQ(ggml_nearest_int(-1.5f), -2);
  EXPECT_EQ(ggml_nearest_int(-2.6f), -3);
  EXPECT_EQ(ggml_nearest_int(4194303.f), 4194303);
}

TEST(GgufQuant, Fp16RoundsToNearestEvenWithSubnormals) {
  EXPECT_EQ(fp32_to_fp16(1.0f), 0x3C00);
  EXPECT_EQ(fp32_to_fp16(-2.0f), 0xC000);
  EXPECT_EQ(fp32_to_fp16(65504.0f), 0x7BFF);
  EXPECT_EQ(fp32_to_fp16(65520.0f), 0x7C00);                      // rounds up to inf
  EXPECT_EQ(fp32_to_fp16(1.0f + std::ldexp(1.0f, -11)), 0x3C00);  // tie -> even
  EXPECT_EQ(fp32_to_fp16(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3C02);
  EXPECT_EQ(fp32_to_fp16(std::ldexp(1.0f, -24)), 0x0001);  // smallest subnormal
  EXPECT_EQ(fp32_to_fp16(std::ldexp(1.0f, -25)), 0x0000);  // tie -> even (0)
  EXPECT_EQ(fp32_to_fp16(3 * std::ldexp(1.0f, -25)), 0x0002);
  EXPECT_EQ(fp32_to_fp16(std::nanf("")) & 0x7E00, 0x7E00);
  for (uint32_t h = 0; h < 0x10000; ++h) {
    if ((h & 0x7C00) == 0x7C00 && (h & 0x3FF)) continue;  // NaNs
    EXPECT_EQ(fp32_to_fp16(fp16_to_fp32(static_cast<uint16_t>(h))), h) << h;
  }
  EXPECT_EQ(fp16_to_fp32(0x0001), std::ldexp(1.0f, -24));
  EXPECT_EQ(fp16_to_fp32(0x3555), 0.333251953125f);
}

TEST(GgufQuant, Bf16RoundsToNearestEvenAndQuietsNan) {
  auto from_bits = [](uint32_t u) {
    float f;
    std::memcpy(&f, &u, 4);
    return f;
  };
  EXPECT_EQ(fp32_to_bf16(1.0f), 0x3F80);
  EXPECT_EQ(fp32_to_bf16(from_bits(0x3F808000)), 0x3F80);  // tie -> even
  EXPECT_EQ(fp32_to_bf16(from_bits(0x3F818000)), 0x3F82);  // tie -> even (up)
  EXPECT_EQ(fp32_to_bf16(from_bits(0x3F808001)), 0x3F81);
  EXPECT_EQ(fp32_to_bf16(from_bits(0x7F800001)), 0x7FC0);  // signalling NaN made quiet
  EXPECT_EQ(bf16_to_fp32(0xC040), -3.0f);
}

TEST(GgufQuant, Q8_0HandComputedBlockRoundsHalfAwayFromZero) {
  // amax = 127 -> d = 1, id = 1, q = roundf(x).
  std::vector<float> x(32, 0.0f);
  const float in[] = {127, -127, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 0.49f, 3.2f};
  const int want[] = {127, -127, 1, -1, 2, 3, -3, 0, 3};
  std::copy(std::begin(in), std::end(in), x.begin());
  const std::string b = gguf_quantize(GgmlType::kQ8_0, x);
  ASSERT_EQ(b.size(), 34u);
  EXPECT_EQ(byte_at(b, 0), 0x00);
  EXPECT_EQ(byte_at(b, 1), 0x3C);  // d = fp16(1.0)
  for (size_t i = 0; i < std::size(want); ++i)
    EXPECT_EQ(static_cast<int8_t>(b[2 + i]), want[i]) << i;
  const std::vector<float> y = gguf_dequantize(GgmlType::kQ8_0, b);
  EXPECT_EQ(y[5], 3.0f);
  EXPECT_EQ(y[31], 0.0f);
}

TEST(GgufQuant, Q4_0HandComputedBlockTruncatesHalfUpAndPacksNibbles) {
  // max-|x| element is -8 -> d = -8 / -8 = 1; q = min(15, (int8)(x + 8.5)).
  std::vector<float> x(32, 0.0f);
  x[0] = -8;       // q 0
  x[1] = 7;        // q 15
  x[2] = 7.9f;     // 16.4 -> clamp 15
  x[3] = 0.5f;     // 9.0 -> 9 (half up)
  x[4] = -0.5f;    // 8.0 -> 8
  x[16] = 1.5f;    // 10.0 -> 10, high nibble of byte 0
  x[17] = -1.49f;  // 7.01 -> 7
  const std::string b = gguf_quantize(GgmlType::kQ4_0, x);
  ASSERT_EQ(b.size(), 18u);
  EXPECT_EQ(byte_at(b, 0), 0x00);
  EXPECT_EQ(byte_at(b, 1), 0x3C);
  EXPECT_EQ(byte_at(b, 2 + 0), 0x0 | (10 << 4));
  EXPECT_EQ(byte_at(b, 2 + 1), 15 | (7 << 4));
  EXPECT_EQ(byte_at(b, 2 + 2), 15 | (8 << 4));
  EXPECT_EQ(byte_at(b, 2 + 3), 9 | (8 << 4));
  EXPECT_EQ(byte_at(b, 2 + 4), 8 | (8 << 4));
  const std::vector<float> y = gguf_dequantize(GgmlType::kQ4_0, b);
  EXPECT_EQ(y[0], -8.0f);
  EXPECT_EQ(y[3], 1.0f);
  EXPECT_EQ(y[16], 2.0f);
  // A positive extreme: d = 8 / -8 = -1, and the extreme maps to q = 0.
  std::vector<float> z(32, 0.0f);
  z[0] = 8;
  const std::string c = gguf_quantize(GgmlType::kQ4_0, z);
  EXPECT_EQ(byte_at(c, 1), 0xBC);  // fp16(-1)
  EXPECT_EQ(byte_at(c, 2) & 0xF, 0);
  EXPECT_EQ(gguf_dequantize(GgmlType::kQ4_0, c)[0], 8.0f);
}

TEST(GgufQuant, Q4_KConstantBlockHandComputed) {
  // All 1.0: every sub-block fits scale 1/15, min 0, L = 15; ls = 63, lm = 0.
  const std::vector<float> x(256, 1.0f);
  const std::string b = gguf_quantize(GgmlType::kQ4_K, x);
  ASSERT_EQ(b.size(), 144u);
  const float d = fp16_to_fp32(static_cast<uint16_t>(byte_at(b, 0) | byte_at(b, 1) << 8));
  EXPECT_NEAR(d, 1.0f / 945, 1.0f / 945 * 1e-3);
  EXPECT_EQ(byte_at(b, 2), 0);
  EXPECT_EQ(byte_at(b, 3), 0);  // dmin = 0
  for (int i = 0; i < 4; ++i) EXPECT_EQ(byte_at(b, 4 + i), 0xFF) << "sc0-3 = 63, top bits of sc4-7";
  for (int i = 4; i < 8; ++i) EXPECT_EQ(byte_at(b, 4 + i), 0x00) << "m0-3 = 0";
  for (int i = 8; i < 12; ++i) EXPECT_EQ(byte_at(b, 4 + i), 0x0F) << "low bits of sc4-7, m4-7";
  for (int i = 16; i < 144; ++i) EXPECT_EQ(byte_at(b, i), 0xFF) << i;
  for (float v : gguf_dequantize(GgmlType::kQ4_K, b)) EXPECT_NEAR(v, 1.0f, 1e-3f);
}

TEST(GgufQuant, Q4_KDequantizeFollowsDocumentedPacking) {
  // Build a block by hand from docs/formats.md §2.5: d = 1, dmin = 0.5, sc_j = 10 + 7j,
  // m_j = 3 + 8j (sc, m >= 16 for j >= 2 exercise the high bits), q = element index % 16.
  std::string b(144, '\0');
  b[1] = 0x3C;  // d = 1.0
  b[3] = 0x38;  // dmin = 0.5
  auto* s = reinterpret_cast<uint8_t*>(&b[4]);
  int sc[8], m[8];
  for (int j = 0; j < 8; ++j) sc[j] = 10 + 7 * j, m[j] = 3 + 8 * j;
  for (int j = 0; j < 4; ++j) {
    s[j] = static_cast<uint8_t>(sc[j] | ((sc[j + 4] >> 4) << 6));
    s[j + 4] = static_cast<uint8_t>(m[j] | ((m[j + 4] >> 4) << 6));
    s[j + 8] = static_cast<uint8_t>((sc[j + 4] & 0xF) | ((m[j + 4] & 0xF) << 4));
  }
  auto* qs = reinterpret_cast<uint8_t*>(&b[16]);
  for (int c = 0; c < 4; ++c)
    for (int l = 0; l < 32; ++l)
      qs[32 * c + l] = static_cast<uint8_t>(((64 * c + l) % 16) | (((64 * c + 32 + l) % 16) << 4));
  const std::vector<float> y = gguf_dequantize(GgmlType::kQ4_K, b);
  for (int e = 0; e < 256; ++e)
    EXPECT_EQ(y[e], 1.0f * sc[e / 32] * (e % 16) - 0.5f * m[e / 32]) << e;
}

TEST(GgufQuant, Q6_KConstantBlockHandComputed) {
  // All 1.0: sub-block scale -1/32 (L = 0, i.e. q - 32 = -32), iscale = 4096, d = 2^-12,
  // scales = -128, dequantized exactly 1.
  const std::vector<float> x(256, 1.0f);
  const std::string b = gguf_quantize(GgmlType::kQ6_K, x);
  ASSERT_EQ(b.size(), 210u);
  for (int i = 0; i < 192; ++i) EXPECT_EQ(byte_at(b, i), 0) << i;
  for (int i = 192; i < 208; ++i) EXPECT_EQ(byte_at(b, i), 0x80) << i;
  EXPECT_EQ(byte_at(b, 208), 0x00);
  EXPECT_EQ(byte_at(b, 209), 0x0C);  // fp16(2^-12)
  for (float v : gguf_dequantize(GgmlType::kQ6_K, b)) EXPECT_EQ(v, 1.0f);
}

TEST(GgufQuant, Q6_KDequantizeFollowsDocumentedPacking) {
  // d = 0.5, scales[i] = i - 8, q(e) = (5e + 3) % 64, packed per docs/formats.md §2.5.
  std::string b(210, '\0');
  auto* p = reinterpret_cast<uint8_t*>(b.data());
  auto q = [](int e) { return (5 * e + 3) % 64; };
  for (int h = 0; h < 2; ++h) {
    for (int l = 0; l < 32; ++l) {
      const int e0 = 128 * h + l, e1 = e0 + 32, e2 = e0 + 64, e3 = e0 + 96;
      p[64 * h + l] = static_cast<uint8_t>((q(e0) & 0xF) | ((q(e2) & 0xF) << 4));
      p[64 * h + 32 + l] = static_cast<uint8_t>((q(e1) & 0xF) | ((q(e3) & 0xF) << 4));
      p[128 + 32 * h + l] = static_cast<uint8_t>((q(e0) >> 4) | ((q(e1) >> 4) << 2) |
                                                 ((q(e2) >> 4) << 4) | ((q(e3) >> 4) << 6));
    }
  }
  for (int i = 0; i < 16; ++i) p[192 + i] = static_cast<uint8_t>(static_cast<int8_t>(i - 8));
  p[209] = 0x38;  // d = 0.5
  const std::vector<float> y = gguf_dequantize(GgmlType::kQ6_K, b);
  for (int e = 0; e < 256; ++e) EXPECT_EQ(y[e], 0.5f * (e / 16 - 8) * (q(e) - 32)) << e;
}

TEST(GgufQuant, ZeroBlocksStayZero) {
  const std::vector<float> x(256, 0.0f);
  for (GgmlType t : {GgmlType::kQ8_0, GgmlType::kQ4_0, GgmlType::kQ4_K, GgmlType::kQ6_K})
    for (float v : gguf_dequantize(t, gguf_quantize(t, x))) EXPECT_EQ(v, 0.0f);
}

// Relative RMS error of dequantize(quantize(x)) for Gaussian weights, and a per-element bound
// relative to the block's max |x|.
TEST(GgufQuant, RoundTripErrorBoundsPerType) {
  std::mt19937 rng(7);
  std::normal_distribution<float> normal(0.0f, 0.02f);
  std::vector<float> x(256 * 64);
  for (auto& v : x) v = normal(rng);
  x[100] = 0.5f;  // an outlier
  struct Bound {
    GgmlType type;
    double rel_rms;
    double rel_max;  // max |err| / block max |x|
  };
  const Bound bounds[] = {
      {GgmlType::kF32, 0.0, 0.0},
      {GgmlType::kF16, 1e-3, 1e-3},
      {GgmlType::kBF16, 4e-3, 4e-3},
      {GgmlType::kQ8_0, 0.008, 1.0 / 254 + 1e-3},
      {GgmlType::kQ4_0, 0.12, 1.0 / 8 + 1e-3},  // +amax clamps to 7/8 amax
      {GgmlType::kQ6_K, 0.03, 0.05},
      {GgmlType::kQ4_K, 0.10, 0.10},
  };
  for (const auto& bound : bounds) {
    const std::string q = gguf_quantize(bound.type, x);
    EXPECT_EQ(q.size(), gguf_tensor_byte_size(bound.type, {256, 64}));
    const std::vector<float> y = gguf_dequantize(bound.type, q);
    ASSERT_EQ(y.size(), x.size());
    double err2 = 0, ref2 = 0, worst = 0;
    for (size_t b = 0; b < x.size(); b += 32) {
      float amax = 0;
      for (size_t i = b; i < b + 32; ++i) amax = std::max(amax, std::fabs(x[i]));
      for (size_t i = b; i < b + 32; ++i) {
        const double e = y[i] - x[i];
        err2 += e * e;
        ref2 += double(x[i]) * x[i];
        worst = std::max(worst, std::fabs(e) / amax);
      }
    }
    const double rel_rms = std::sqrt(err2 / ref2);
    EXPECT_LE(rel_rms, bound.rel_rms) << ggml_type_name(bound.type);
    if (bound.type != GgmlType::kQ4_K && bound.type != GgmlType::kQ6_K) {
      EXPECT_LE(worst, bound.rel_max) << ggml_type_name(bound.type);
    }
    std::printf("  %-5s rel RMS %.5f  max |err|/block amax %.5f\n",
                std::string(ggml_type_name(bound.type)).c_str(), rel_rms, worst);
  }
}

TEST(GgufQuant, RejectsBadSizesAndNonFiniteInput) {
  std::vector<float> x(48, 1.0f);
  EXPECT_THROW(gguf_quantize(GgmlType::kQ8_0, x), Error);
  EXPECT_THROW(gguf_quantize(GgmlType::kQ4_K, x.data(), 32), Error);
  x.resize(32);
  x[5] = std::nanf("");
  try {
    gguf_quantize(GgmlType::kQ4_0, x);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("element 5 is NaN"), std::string::npos) << e.what();
  }
  EXPECT_THROW(gguf_dequantize(GgmlType::kQ6_K, std::string(209, '\0')), Error);
}

TEST(GgufQuant, Q4_KMMixMatchesLlamaQuantizeRules) {
  // 8 layers: use_more_bits(i, 8) holds for i = 0 (< 1), 7 (>= 7), and (i - 1) % 3 == 2: 3, 6.
  std::vector<GgufTensorShape> t = {{"token_embd.weight", {256, 1000}}};
  for (int i = 0; i < 8; ++i) {
    const std::string p = "blk." + std::to_string(i) + ".";
    t.push_back({p + "attn_norm.weight", {256}});
    t.push_back({p + "attn_q.weight", {256, 256}});
    t.push_back({p + "attn_v.weight", {256, 64}});
    t.push_back({p + "ffn_down.weight", {512, 256}});
    t.push_back({p + "ffn_up.weight", {256, 512}});
  }
  t.push_back({"output_norm.weight", {256}});
  t.push_back({"output.weight", {256, 1000}});
  const auto c = choose_q4_k_m_types(t);
  ASSERT_EQ(c.size(), t.size());
  EXPECT_EQ(c[0].type, GgmlType::kQ4_K) << "untied token_embd keeps the default";
  EXPECT_EQ(c.back().type, GgmlType::kQ6_K);
  EXPECT_EQ(c[c.size() - 2].type, GgmlType::kF32);
  const std::set<int> more = {0, 3, 6, 7};
  for (int i = 0; i < 8; ++i) {
    const size_t base = 1 + 5 * i;
    const GgmlType want = more.count(i) ? GgmlType::kQ6_K : GgmlType::kQ4_K;
    EXPECT_EQ(c[base].type, GgmlType::kF32);
    EXPECT_EQ(c[base + 1].type, GgmlType::kQ4_K);
    EXPECT_EQ(c[base + 2].type, want) << "attn_v " << i << ": " << c[base + 2].reason;
    EXPECT_EQ(c[base + 3].type, want) << "ffn_down " << i << ": " << c[base + 3].reason;
    EXPECT_EQ(c[base + 4].type, GgmlType::kQ4_K);
  }
  // Tied embeddings: token_embd takes the output's Q6_K. Odd widths fall back.
  const auto tied = choose_q4_k_m_types({{"token_embd.weight", {256, 10}},
                                         {"blk.0.attn_q.weight", {96, 96}},
                                         {"blk.0.attn_k.weight", {100, 96}},
                                         {"output.bias", {256, 2}}});
  EXPECT_EQ(tied[0].type, GgmlType::kQ6_K);
  EXPECT_EQ(tied[1].type, GgmlType::kQ8_0) << tied[1].reason;
  EXPECT_NE(tied[1].reason.find("q5_0"), std::string::npos);
  EXPECT_EQ(tied[2].type, GgmlType::kF16) << tied[2].reason;
  EXPECT_EQ(tied[3].type, GgmlType::kF32);
  const auto tied_odd = choose_q4_k_m_types({{"token_embd.weight", {96, 10}}});
  EXPECT_EQ(tied_odd[0].type, GgmlType::kQ8_0);
}

}  // namespace
}  // namespace anvil::io
