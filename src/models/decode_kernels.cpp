// FastDecoder's loops (see decode_kernels.h). The float32 loops are compiled for AVX-512, AVX2+FMA
// and baseline x86-64 and picked at load time (GCC target_clones); the 16-bit dot products convert
// with F16C / AVX-512 instructions where the CPU has them (picked once, at run time) and with
// plain C++ elsewhere.
#include "models/decode_kernels.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "anvil/core/error.h"
#include "models/cpu_clones.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ANVIL_X86_KERNELS 1
#endif

namespace anvil::models::decode {
namespace {

uint32_t bits_of(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

float float_of(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// The IEEE half holding `f`, or false if none holds it exactly.
bool exact_half(float f, uint16_t* out) {
  const uint32_t u = bits_of(f);
  const auto sign = static_cast<uint16_t>((u >> 16) & 0x8000u);
  const int exponent = static_cast<int>((u >> 23) & 0xffu);
  const uint32_t mantissa = u & 0x7fffffu;
  if (exponent == 0 && mantissa == 0) {  // +-0
    *out = sign;
    return true;
  }
  if (exponent == 0xff) {  // infinities convert; NaN payloads are not kept
    if (mantissa != 0) return false;
    *out = sign | 0x7c00u;
    return true;
  }
  const int e = exponent - 127;
  if (e >= -14 && e <= 15) {  // a normal half: 10 mantissa bits
    if (mantissa & 0x1fffu) return false;
    *out = static_cast<uint16_t>(sign | ((e + 15) << 10) | (mantissa >> 13));
    return true;
  }
  if (e >= -24 && e < -14 && exponent != 0) {  // a subnormal half: m * 2^-24, m < 1024
    const uint32_t full = mantissa | 0x800000u;
    const int shift = 13 + (-14 - e);
    if (full & ((1u << shift) - 1)) return false;
    *out = static_cast<uint16_t>(sign | (full >> shift));
    return true;
  }
  return false;
}

// Portable 16-bit dot products: the fallback where no vector conversion is available.
float dot_f16_plain(const uint16_t* a, const float* b, int64_t n) {
  float s = 0;
  for (int64_t i = 0; i < n; ++i) s += half_to_float(a[i]) * b[i];
  return s;
}

ANVIL_CPU_CLONES float dot_bf16_plain(const uint16_t* a, const float* b, int64_t n) {
  float acc[16] = {};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (int j = 0; j < 16; ++j) acc[j] += float_of(uint32_t{a[i + j]} << 16) * b[i + j];
  float s = 0;
  for (int j = 0; j < 16; ++j) s += acc[j];
  for (; i < n; ++i) s += float_of(uint32_t{a[i]} << 16) * b[i];
  return s;
}

#ifdef ANVIL_X86_KERNELS
// GCC 12 warns about the deliberately undefined upper lanes inside its own AVX-512 intrinsics.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
// 16 weights widened to floats, by format and instruction set.
struct HalfAvx512 {
  __attribute__((target("avx512f"))) static __m512 load(const uint16_t* p) {
    return _mm512_cvtph_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  }
};
struct BFloat16Avx512 {
  __attribute__((target("avx512f"))) static __m512 load(const uint16_t* p) {
    const __m512i wide =
        _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
    return _mm512_castsi512_ps(_mm512_slli_epi32(wide, 16));
  }
};
// 8 weights.
struct HalfAvx2 {
  __attribute__((target("avx2,fma,f16c"))) static __m256 load(const uint16_t* p) {
    return _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
  }
};
struct BFloat16Avx2 {
  __attribute__((target("avx2,fma,f16c"))) static __m256 load(const uint16_t* p) {
    const __m256i wide =
        _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    return _mm256_castsi256_ps(_mm256_slli_epi32(wide, 16));
  }
};

// Four accumulators of 16 lanes: 64 weights (128 bytes) in flight per iteration; n a multiple of
// 16.
template <typename Widen>
__attribute__((target("avx512f"))) float dot16_avx512(const uint16_t* a, const float* b,
                                                      int64_t n) {
  __m512 acc0 = _mm512_setzero_ps(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
  int64_t i = 0;
  for (; i + 64 <= n; i += 64) {
    acc0 = _mm512_fmadd_ps(Widen::load(a + i), _mm512_loadu_ps(b + i), acc0);
    acc1 = _mm512_fmadd_ps(Widen::load(a + i + 16), _mm512_loadu_ps(b + i + 16), acc1);
    acc2 = _mm512_fmadd_ps(Widen::load(a + i + 32), _mm512_loadu_ps(b + i + 32), acc2);
    acc3 = _mm512_fmadd_ps(Widen::load(a + i + 48), _mm512_loadu_ps(b + i + 48), acc3);
  }
  for (; i + 16 <= n; i += 16)
    acc0 = _mm512_fmadd_ps(Widen::load(a + i), _mm512_loadu_ps(b + i), acc0);
  const __m512 sum = _mm512_add_ps(_mm512_add_ps(acc0, acc1), _mm512_add_ps(acc2, acc3));
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, sum);
  float s = 0;
  for (float v : lanes) s += v;
  return s;
}

__attribute__((target("avx512f"))) float dot_f16_avx512(const uint16_t* a, const float* b,
                                                        int64_t n) {
  const int64_t body = n & ~int64_t{15};
  const float s = dot16_avx512<HalfAvx512>(a, b, body);
  return s + dot_f16_plain(a + body, b + body, n - body);
}

__attribute__((target("avx512f"))) float dot_bf16_avx512(const uint16_t* a, const float* b,
                                                         int64_t n) {
  const int64_t body = n & ~int64_t{15};
  const float s = dot16_avx512<BFloat16Avx512>(a, b, body);
  return s + dot_bf16_plain(a + body, b + body, n - body);
}

// Four accumulators of 8 lanes; n a multiple of 8.
template <typename Widen>
__attribute__((target("avx2,fma,f16c"))) float dot16_avx2(const uint16_t* a, const float* b,
                                                          int64_t n) {
  __m256 acc0 = _mm256_setzero_ps(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
  int64_t i = 0;
  for (; i + 32 <= n; i += 32) {
    acc0 = _mm256_fmadd_ps(Widen::load(a + i), _mm256_loadu_ps(b + i), acc0);
    acc1 = _mm256_fmadd_ps(Widen::load(a + i + 8), _mm256_loadu_ps(b + i + 8), acc1);
    acc2 = _mm256_fmadd_ps(Widen::load(a + i + 16), _mm256_loadu_ps(b + i + 16), acc2);
    acc3 = _mm256_fmadd_ps(Widen::load(a + i + 24), _mm256_loadu_ps(b + i + 24), acc3);
  }
  for (; i + 8 <= n; i += 8)
    acc0 = _mm256_fmadd_ps(Widen::load(a + i), _mm256_loadu_ps(b + i), acc0);
  const __m256 sum = _mm256_add_ps(_mm256_add_ps(acc0, acc1), _mm256_add_ps(acc2, acc3));
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, sum);
  float s = 0;
  for (float v : lanes) s += v;
  return s;
}

__attribute__((target("avx2,fma,f16c"))) float dot_f16_avx2(const uint16_t* a, const float* b,
                                                            int64_t n) {
  const int64_t body = n & ~int64_t{7};
  const float s = dot16_avx2<HalfAvx2>(a, b, body);
  return s + dot_f16_plain(a + body, b + body, n - body);
}

__attribute__((target("avx2,fma,f16c"))) float dot_bf16_avx2(const uint16_t* a, const float* b,
                                                             int64_t n) {
  const int64_t body = n & ~int64_t{7};
  const float s = dot16_avx2<BFloat16Avx2>(a, b, body);
  return s + dot_bf16_plain(a + body, b + body, n - body);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#endif

using Dot16 = float (*)(const uint16_t*, const float*, int64_t);

Dot16 kernel(WeightFormat format, Isa isa) {
  const bool half = format == WeightFormat::kFloat16;
#ifdef ANVIL_X86_KERNELS
  if (isa == Isa::kAvx512) return half ? dot_f16_avx512 : dot_bf16_avx512;
  if (isa == Isa::kAvx2) return half ? dot_f16_avx2 : dot_bf16_avx2;
#endif
  return half ? dot_f16_plain : dot_bf16_plain;
}

Isa best_isa() {
  for (Isa isa : {Isa::kAvx512, Isa::kAvx2})
    if (isa_available(isa)) return isa;
  return Isa::kPlain;
}

}  // namespace

// dot(a, b) over n floats, in 16 independent partial sums (vectorised by the compiler).
ANVIL_CPU_CLONES float dot(const float* a, const float* b, int64_t n) {
  float acc[16] = {};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16)
    for (int j = 0; j < 16; ++j) acc[j] += a[i + j] * b[i + j];
  float s = 0;
  for (int j = 0; j < 16; ++j) s += acc[j];
  for (; i < n; ++i) s += a[i] * b[i];
  return s;
}

ANVIL_CPU_CLONES void axpy(float a, const float* x, float* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] += a * x[i];
}

const char* format_name(WeightFormat format) {
  switch (format) {
    case WeightFormat::kFloat16:
      return "float16";
    case WeightFormat::kBFloat16:
      return "bfloat16";
    default:
      return "float32";
  }
}

float half_to_float(uint16_t h) {
  const uint32_t sign = uint32_t{h & 0x8000u} << 16;
  const uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
  if (exponent == 0) {  // zero or subnormal: mantissa * 2^-24
    const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    return float_of(bits_of(magnitude) | sign);
  }
  if (exponent == 0x1f) return float_of(sign | 0x7f800000u | (mantissa << 13));
  return float_of(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

float bfloat16_to_float(uint16_t h) { return float_of(uint32_t{h} << 16); }

bool isa_available(Isa isa) {
  if (isa == Isa::kPlain) return true;
#ifdef ANVIL_X86_KERNELS
  __builtin_cpu_init();
  if (isa == Isa::kAvx512) return __builtin_cpu_supports("avx512f");
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
         __builtin_cpu_supports("f16c");
#else
  return false;
#endif
}

float dot_16bit(const uint16_t* a, const float* b, int64_t n, WeightFormat format, Isa isa) {
  if (!isa_available(isa)) throw Error("decode: this CPU cannot run that kernel");
  return kernel(format, isa)(a, b, n);
}

std::vector<uint16_t> exact_16bit(const float* w, int64_t n, WeightFormat format) {
  // Trained float32 weights fail at the first value: decide that before allocating.
  uint16_t first = 0;
  if (n > 0 && (format == WeightFormat::kBFloat16 ? (bits_of(w[0]) & 0xffffu) != 0
                                                  : !exact_half(w[0], &first)))
    return {};
  std::vector<uint16_t> out(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    if (format == WeightFormat::kBFloat16) {
      const uint32_t u = bits_of(w[i]);
      if ((u & 0xffffu) != 0 || std::isnan(w[i])) return {};
      out[static_cast<size_t>(i)] = static_cast<uint16_t>(u >> 16);
    } else if (!exact_half(w[i], &out[static_cast<size_t>(i)])) {
      return {};
    }
  }
  return out;
}

DecodeMatrix::DecodeMatrix(const torch::Tensor& weight, bool compact)
    : f32_(weight.data_ptr<float>()), rows_(weight.size(0)), cols_(weight.size(1)) {
  if (!compact) return;
  for (WeightFormat f : {WeightFormat::kBFloat16, WeightFormat::kFloat16}) {
    packed_ = exact_16bit(f32_, rows_ * cols_, f);
    if (!packed_.empty() || rows_ * cols_ == 0) {
      format_ = f;
      f32_ = nullptr;
      return;
    }
  }
}

int64_t DecodeMatrix::bytes_per_weight() const { return format_ == WeightFormat::kFloat32 ? 4 : 2; }

int64_t DecodeMatrix::bytes() const { return rows_ * cols_ * bytes_per_weight(); }

void DecodeMatrix::matvec(const float* x, const float* bias, float* y) const {
  // A matvec reads each weight once, so it runs at memory bandwidth; on the 2-core machine
  // measured, chunks below 8 MB made decoding slower on 2 threads than on 1 (recipe model 3955
  // vs 4357 tokens/s with 256 KB chunks; a ~90M model 85 vs 94).
  const int64_t row_bytes = std::max<int64_t>(cols_, 1) * bytes_per_weight();
  const int64_t grain = std::max<int64_t>(16, (int64_t{8} << 20) / row_bytes);
  static const Isa isa = best_isa();
  const Dot16 dot16 = format_ == WeightFormat::kFloat32 ? nullptr : kernel(format_, isa);
  at::parallel_for(0, rows_, grain, [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      const float row =
          dot16 ? dot16(packed_.data() + r * cols_, x, cols_) : dot(f32_ + r * cols_, x, cols_);
      y[r] = row + (bias ? bias[r] : 0.0f);
    }
  });
}

}  // namespace anvil::models::decode
