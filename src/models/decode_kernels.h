// The loops FastDecoder runs for one token: dot products, axpy and matrix-vector products over
// weight matrices held as float32 in place, or as a 16-bit copy (IEEE half or bfloat16) when every
// weight converts to it exactly. A decoded token reads every weight once, so at sizes past the
// CPU's caches its speed is the memory bandwidth: the 16-bit copy halves the bytes and keeps every
// product the same (a model read from an F16 GGUF, or saved in bf16, decodes from 2 bytes a
// weight). Not a public header.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace anvil::models::decode {

// dot(a, b) over n floats, and y += a * x.
float dot(const float* a, const float* b, int64_t n);
void axpy(float a, const float* x, float* y, int64_t n);

enum class WeightFormat { kFloat32, kFloat16, kBFloat16 };
const char* format_name(WeightFormat format);

// Every value of `w` as the 16-bit `format` holds it, or an empty vector as soon as one value is
// not exactly representable (NaN never is). Exact, so the conversion back gives the same floats.
std::vector<uint16_t> exact_16bit(const float* w, int64_t n, WeightFormat format);
float half_to_float(uint16_t h);
float bfloat16_to_float(uint16_t h);

// The 16-bit dot products by instruction set (DecodeMatrix picks the best this CPU runs); each
// kernel is tested on the CPUs that have it.
enum class Isa { kPlain, kAvx2, kAvx512 };
bool isa_available(Isa isa);
float dot_16bit(const uint16_t* a, const float* b, int64_t n, WeightFormat format, Isa isa);

// A [rows, cols] row-major weight matrix for y = W x. With `compact`, stored as bfloat16 or IEEE
// half when every weight is exact in it (tried in that order), else read in place as float32 (the
// tensor must then outlive the matrix).
class DecodeMatrix {
 public:
  DecodeMatrix() = default;
  DecodeMatrix(const torch::Tensor& weight, bool compact);

  // y = W x (+ bias), rows split over the threads in chunks of at least 8 MB of weights.
  void matvec(const float* x, const float* bias, float* y) const;
  WeightFormat format() const { return format_; }
  int64_t bytes() const;

 private:
  int64_t bytes_per_weight() const;

  const float* f32_ = nullptr;
  std::vector<uint16_t> packed_;
  WeightFormat format_ = WeightFormat::kFloat32;
  int64_t rows_ = 0, cols_ = 0;
};

}  // namespace anvil::models::decode
