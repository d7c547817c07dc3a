// Q4_K and Q6_K: 256-element super-blocks, as ggml's quantize_row_q4_K_ref and
// quantize_row_q6_K_ref with their helpers make_qkx2_quants and make_qx_quants
// (docs/formats.md §2.5). Float operations are kept in ggml's order so results are bit-identical;
// build without -ffast-math.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "anvil/io/gguf_format.h"
#include "anvil/io/gguf_quant.h"
#include "gguf_quant_impl.h"

namespace anvil::io::quant {
namespace {

constexpr float kGroupMaxEps = 1e-15f;

// Fits x ≈ scale * L - the_min with L in [0, nmax], weighted least squares over a grid of
// nstep+1 inverse scales. Returns scale; *the_min is the (non-negative) min.
float make_qkx2_quants(int n, int nmax, const float* x, const float* weights, uint8_t* L,
                       float* the_min, uint8_t* Laux, float rmin, float rdelta, int nstep) {
  float min = x[0];
  float max = x[0];
  float sum_w = weights[0];
  float sum_x = sum_w * x[0];
  for (int i = 1; i < n; ++i) {
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
    const float w = weights[i];
    sum_w += w;
    sum_x += w * x[i];
  }
  if (min > 0) min = 0;
  if (max == min) {
    for (int i = 0; i < n; ++i) L[i] = 0;
    *the_min = -min;
    return 0.f;
  }
  float iscale = nmax / (max - min);
  float scale = 1 / iscale;
  float best_error = 0;
  for (int i = 0; i < n; ++i) {
    const int l = ggml_nearest_int(iscale * (x[i] - min));
    L[i] = static_cast<uint8_t>(std::max(0, std::min(nmax, l)));
    float diff = scale * L[i] + min - x[i];
    diff = diff * diff;
    best_error += weights[i] * diff;
  }
  for (int is = 0; is <= nstep; ++is) {
    iscale = (rmin + rdelta * is + nmax) / (max - min);
    float sum_l = 0, sum_l2 = 0, sum_xl = 0;
    for (int i = 0; i < n; ++i) {
      int l = ggml_nearest_int(iscale * (x[i] - min));
      l = std::max(0, std::min(nmax, l));
      Laux[i] = static_cast<uint8_t>(l);
      const float w = weights[i];
      sum_l += w * l;
      sum_l2 += w * l * l;
      sum_xl += w * l * x[i];
    }
    const float D = sum_w * sum_l2 - sum_l * sum_l;
    if (D > 0) {
      float this_scale = (sum_w * sum_xl - sum_x * sum_l) / D;
      float this_min = (sum_l2 * sum_x - sum_l * sum_xl) / D;
      if (this_min > 0) {
        this_min = 0;
        this_scale = sum_xl / sum_l2;
      }
      float cur_error = 0;
      for (int i = 0; i < n; ++i) {
        float diff = this_scale * Laux[i] + this_min - x[i];
        diff = diff * diff;
        cur_error += weights[i] * diff;
      }
      if (cur_error < best_error) {
        for (int i = 0; i < n; ++i) L[i] = Laux[i];
        best_error = cur_error;
        scale = this_scale;
        min = this_min;
      }
    }
  }
  *the_min = -min;
  return scale;
}

// Symmetric fit x ≈ scale * (L - nmax), L in [0, 2*nmax), weights x^2 (rmse_type 1), trying
// 19 inverse scales around -nmax/max. Returns scale (0 for an all-zero group).
float make_qx_quants(int n, int nmax, const float* x, int8_t* L) {
  float max = 0;
  float amax = 0;
  for (int i = 0; i < n; ++i) {
    const float ax = std::fabs(x[i]);
    if (ax > amax) {
      amax = ax;
      max = x[i];
    }
  }
  if (amax < kGroupMaxEps) {
    for (int i = 0; i < n; ++i) L[i] = 0;
    return 0.f;
  }
  float iscale = -nmax / max;
  float sumlx = 0;
  float suml2 = 0;
  for (int i = 0; i < n; ++i) {
    int l = ggml_nearest_int(iscale * x[i]);
    l = std::max(-nmax, std::min(nmax - 1, l));
    L[i] = static_cast<int8_t>(l + nmax);
    const float w = x[i] * x[i];
    sumlx += w * x[i] * l;
    suml2 += w * l * l;
  }
  float scale = suml2 ? sumlx / suml2 : 0.0f;
  float best = scale * sumlx;
  for (int is = -9; is <= 9; ++is) {
    if (is == 0) continue;
    iscale = -(nmax + 0.1f * is) / max;
    sumlx = suml2 = 0;
    for (int i = 0; i < n; ++i) {
      int l = ggml_nearest_int(iscale * x[i]);
      l = std::max(-nmax, std::min(nmax - 1, l));
      const float w = x[i] * x[i];
      sumlx += w * x[i] * l;
      suml2 += w * l * l;
    }
    if (suml2 > 0 && sumlx * sumlx > best * suml2) {
      for (int i = 0; i < n; ++i) {
        const int l = ggml_nearest_int(iscale * x[i]);
        L[i] = static_cast<int8_t>(nmax + std::max(-nmax, std::min(nmax - 1, l)));
      }
      scale = sumlx / suml2;
      best = scale * sumlx;
    }
  }
  return scale;
}

// Unpacks sub-block j's 6-bit scale and min from the 12-byte Q4_K scales field.
void get_scale_min_k4(int j, const uint8_t* q, uint8_t* d, uint8_t* m) {
  if (j < 4) {
    *d = q[j] & 63;
    *m = q[j + 4] & 63;
  } else {
    *d = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
    *m = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j - 0] >> 6) << 4));
  }
}

// block_q4_K offsets.
constexpr size_t kQ4KD = 0, kQ4KDmin = 2, kQ4KScales = 4, kQ4KQs = 16, kQ4KBytes = 144;
// block_q6_K offsets.
constexpr size_t kQ6KQl = 0, kQ6KQh = 128, kQ6KScales = 192, kQ6KD = 208, kQ6KBytes = 210;

}  // namespace

void quantize_q4_k(const float* x, uint8_t* y, size_t k) {
  constexpr int kSub = kQK_K / 32;
  uint8_t L[kQK_K];
  uint8_t Laux[32];
  float weights[32];
  float mins[kSub];
  float scales[kSub];
  for (size_t b = 0; b < k / kQK_K; ++b, x += kQK_K, y += kQ4KBytes) {
    std::memset(y, 0, kQ4KBytes);
    float max_scale = 0;  // scales are positive because the min is subtracted
    float max_min = 0;
    for (int j = 0; j < kSub; ++j) {
      float sum_x2 = 0;
      for (int l = 0; l < 32; ++l) sum_x2 += x[32 * j + l] * x[32 * j + l];
      const float av_x = std::sqrt(sum_x2 / 32);
      for (int l = 0; l < 32; ++l) weights[l] = av_x + std::fabs(x[32 * j + l]);
      scales[j] =
          make_qkx2_quants(32, 15, x + 32 * j, weights, L + 32 * j, &mins[j], Laux, -1.f, 0.1f, 20);
      if (scales[j] > max_scale) max_scale = scales[j];
      if (mins[j] > max_min) max_min = mins[j];
    }
    const float inv_scale = max_scale > 0 ? 63.f / max_scale : 0.f;
    const float inv_min = max_min > 0 ? 63.f / max_min : 0.f;
    uint8_t* sc = y + kQ4KScales;
    for (int j = 0; j < kSub; ++j) {
      uint8_t ls = static_cast<uint8_t>(ggml_nearest_int(inv_scale * scales[j]));
      uint8_t lm = static_cast<uint8_t>(ggml_nearest_int(inv_min * mins[j]));
      ls = std::min<uint8_t>(63, ls);
      lm = std::min<uint8_t>(63, lm);
      if (j < 4) {
        sc[j] = ls;
        sc[j + 4] = lm;
      } else {
        sc[j + 4] = static_cast<uint8_t>((ls & 0xF) | ((lm & 0xF) << 4));
        sc[j - 4] |= static_cast<uint8_t>((ls >> 4) << 6);
        sc[j - 0] |= static_cast<uint8_t>((lm >> 4) << 6);
      }
    }
    store_fp16(y + kQ4KD, fp32_to_fp16(max_scale / 63.f));
    store_fp16(y + kQ4KDmin, fp32_to_fp16(max_min / 63.f));
    const float d_all = fp16_to_fp32(load_fp16(y + kQ4KD));
    const float dmin_all = fp16_to_fp32(load_fp16(y + kQ4KDmin));
    for (int j = 0; j < kSub; ++j) {
      uint8_t s, m;
      get_scale_min_k4(j, sc, &s, &m);
      const float d = d_all * s;
      if (!d) continue;  // keeps the L from make_qkx2_quants
      const float dm = dmin_all * m;
      for (int ii = 0; ii < 32; ++ii) {
        const int l = ggml_nearest_int((x[32 * j + ii] + dm) / d);
        L[32 * j + ii] = static_cast<uint8_t>(std::max(0, std::min(15, l)));
      }
    }
    uint8_t* q = y + kQ4KQs;
    for (uint32_t j = 0; j < kQK_K; j += 64, q += 32)
      for (int l = 0; l < 32; ++l) q[l] = static_cast<uint8_t>(L[j + l] | (L[j + l + 32] << 4));
  }
}

void dequantize_q4_k(const uint8_t* in, float* y, size_t k) {
  for (size_t b = 0; b < k / kQK_K; ++b, in += kQ4KBytes) {
    const float d = fp16_to_fp32(load_fp16(in + kQ4KD));
    const float min = fp16_to_fp32(load_fp16(in + kQ4KDmin));
    const uint8_t* q = in + kQ4KQs;
    int is = 0;
    for (uint32_t j = 0; j < kQK_K; j += 64, q += 32, is += 2) {
      uint8_t sc, m;
      get_scale_min_k4(is + 0, in + kQ4KScales, &sc, &m);
      const float d1 = d * sc, m1 = min * m;
      get_scale_min_k4(is + 1, in + kQ4KScales, &sc, &m);
      const float d2 = d * sc, m2 = min * m;
      for (int l = 0; l < 32; ++l) *y++ = d1 * (q[l] & 0xF) - m1;
      for (int l = 0; l < 32; ++l) *y++ = d2 * (q[l] >> 4) - m2;
    }
  }
}

void quantize_q6_k(const float* x, uint8_t* y, size_t k) {
  constexpr int kSub = kQK_K / 16;
  int8_t L[kQK_K];
  float scales[kSub];
  for (size_t b = 0; b < k / kQK_K; ++b, x += kQK_K, y += kQ6KBytes) {
    std::memset(y, 0, kQ6KBytes);
    float max_scale = 0;
    float max_abs_scale = 0;
    for (int ib = 0; ib < kSub; ++ib) {
      const float scale = make_qx_quants(16, 32, x + 16 * ib, L + 16 * ib);
      scales[ib] = scale;
      const float abs_scale = std::fabs(scale);
      if (abs_scale > max_abs_scale) {
        max_abs_scale = abs_scale;
        max_scale = scale;
      }
    }
    if (max_abs_scale < kGroupMaxEps) {
      store_fp16(y + kQ6KD, fp32_to_fp16(0.f));  // all-zero block
      continue;
    }
    const float iscale = -128.f / max_scale;
    store_fp16(y + kQ6KD, fp32_to_fp16(1 / iscale));
    int8_t* sc = reinterpret_cast<int8_t*>(y + kQ6KScales);
    for (int ib = 0; ib < kSub; ++ib)
      sc[ib] = static_cast<int8_t>(std::min(127, ggml_nearest_int(iscale * scales[ib])));
    const float d_all = fp16_to_fp32(load_fp16(y + kQ6KD));
    for (int j = 0; j < kSub; ++j) {
      const float d = d_all * sc[j];
      if (!d) continue;
      for (int ii = 0; ii < 16; ++ii) {
        int l = ggml_nearest_int(x[16 * j + ii] / d);
        l = std::max(-32, std::min(31, l));
        L[16 * j + ii] = static_cast<int8_t>(l + 32);
      }
    }
    uint8_t* ql = y + kQ6KQl;
    uint8_t* qh = y + kQ6KQh;
    for (uint32_t j = 0; j < kQK_K; j += 128, ql += 64, qh += 32) {
      for (int l = 0; l < 32; ++l) {
        const uint8_t q1 = L[j + l + 0] & 0xF;
        const uint8_t q2 = L[j + l + 32] & 0xF;
        const uint8_t q3 = L[j + l + 64] & 0xF;
        const uint8_t q4 = L[j + l + 96] & 0xF;
        ql[l + 0] = static_cast<uint8_t>(q1 | (q3 << 4));
        ql[l + 32] = static_cast<uint8_t>(q2 | (q4 << 4));
        qh[l] = static_cast<uint8_t>((L[j + l] >> 4) | ((L[j + l + 32] >> 4) << 2) |
                                     ((L[j + l + 64] >> 4) << 4) | ((L[j + l + 96] >> 4) << 6));
      }
    }
  }
}

void dequantize_q6_k(const uint8_t* in, float* y, size_t k) {
  for (size_t b = 0; b < k / kQK_K; ++b, in += kQ6KBytes) {
    const float d = fp16_to_fp32(load_fp16(in + kQ6KD));
    const uint8_t* ql = in + kQ6KQl;
    const uint8_t* qh = in + kQ6KQh;
    const int8_t* sc = reinterpret_cast<const int8_t*>(in + kQ6KScales);
    for (uint32_t n = 0; n < kQK_K; n += 128, y += 128, ql += 64, qh += 32, sc += 8) {
      for (int l = 0; l < 32; ++l) {
        const int is = l / 16;
        const int q1 = ((ql[l + 0] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
        const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
        const int q3 = ((ql[l + 0] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
        const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
        y[l + 0] = d * sc[is + 0] * q1;
        y[l + 32] = d * sc[is + 2] * q2;
        y[l + 64] = d * sc[is + 4] * q3;
        y[l + 96] = d * sc[is + 6] * q4;
      }
    }
  }
}

}  // namespace anvil::io::quant
