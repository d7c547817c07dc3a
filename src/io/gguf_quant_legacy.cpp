// Q8_0 and Q4_0: 32-element blocks with one fp16 scale, as ggml's quantize_row_q8_0_ref and
// quantize_row_q4_0_ref (docs/formats.md §2.5). Note the rounding: Q8_0 uses roundf (half away
// from zero); Q4_0 truncates x/d + 8.5 (half up) and clamps to 15.
#include <algorithm>
#include <cmath>

#include "anvil/io/gguf_format.h"
#include "anvil/io/gguf_quant.h"
#include "gguf_quant_impl.h"

namespace anvil::io::quant {

// block_q8_0: d fp16 @0, qs int8[32] @2.
void quantize_q8_0(const float* x, uint8_t* out, size_t k) {
  for (size_t b = 0; b < k / kQK8_0; ++b, x += kQK8_0, out += 2 + kQK8_0) {
    float amax = 0.0f;
    for (uint32_t j = 0; j < kQK8_0; ++j) amax = std::fmax(amax, std::fabs(x[j]));
    const float d = amax / ((1 << 7) - 1);
    const float id = d ? 1.0f / d : 0.0f;
    store_fp16(out, fp32_to_fp16(d));
    for (uint32_t j = 0; j < kQK8_0; ++j)
      out[2 + j] = static_cast<uint8_t>(static_cast<int8_t>(std::roundf(x[j] * id)));
  }
}

void dequantize_q8_0(const uint8_t* in, float* y, size_t k) {
  for (size_t b = 0; b < k / kQK8_0; ++b, in += 2 + kQK8_0, y += kQK8_0) {
    const float d = fp16_to_fp32(load_fp16(in));
    for (uint32_t j = 0; j < kQK8_0; ++j) y[j] = static_cast<int8_t>(in[2 + j]) * d;
  }
}

// block_q4_0: d fp16 @0, qs u8[16] @2; byte j = element j (low nibble) | element j+16 (high).
void quantize_q4_0(const float* x, uint8_t* out, size_t k) {
  constexpr uint32_t kHalf = kQK4_0 / 2;
  for (size_t b = 0; b < k / kQK4_0; ++b, x += kQK4_0, out += 2 + kHalf) {
    float amax = 0.0f;  // largest |x|
    float max = 0.0f;   // the element with that |x|, sign kept
    for (uint32_t j = 0; j < kQK4_0; ++j) {
      if (amax < std::fabs(x[j])) {
        amax = std::fabs(x[j]);
        max = x[j];
      }
    }
    const float d = max / -8;
    const float id = d ? 1.0f / d : 0.0f;
    store_fp16(out, fp32_to_fp16(d));
    for (uint32_t j = 0; j < kHalf; ++j) {
      const float x0 = x[j] * id;
      const float x1 = x[kHalf + j] * id;
      const int8_t q0 = std::min<int8_t>(15, static_cast<int8_t>(x0 + 8.5f));
      const int8_t q1 = std::min<int8_t>(15, static_cast<int8_t>(x1 + 8.5f));
      out[2 + j] = static_cast<uint8_t>(q0 | (q1 << 4));
    }
  }
}

void dequantize_q4_0(const uint8_t* in, float* y, size_t k) {
  constexpr uint32_t kHalf = kQK4_0 / 2;
  for (size_t b = 0; b < k / kQK4_0; ++b, in += 2 + kHalf, y += kQK4_0) {
    const float d = fp16_to_fp32(load_fp16(in));
    for (uint32_t j = 0; j < kHalf; ++j) {
      y[j] = ((in[2 + j] & 0x0F) - 8) * d;
      y[j + kHalf] = ((in[2 + j] >> 4) - 8) * d;
    }
  }
}

}  // namespace anvil::io::quant
