// Mixed precision for training: `fp32` everywhere, or `bf16` autocast (LibTorch's autocast: matmuls
// and linear layers run in bfloat16 inside the forward pass) with fp32 master weights, gradients
// and optimizer state. `auto` picks bf16 on CUDA devices that run bfloat16; on a CPU whose flags
// name native bfloat16 matrix instructions (amx_bf16, avx512_bf16: 2-4x faster); on other CPUs it
// times a matrix product both ways and picks bf16 only where it is clearly faster (elsewhere the
// conversions make it slower).
#pragma once

#include <torch/types.h>

#include <string>

namespace anvil::train {

enum class Precision { kFp32, kBf16 };

const char* precision_name(Precision p);  // "fp32" | "bf16"

// `spec` is auto | fp32 | bf16 (config key `key`, named in errors). bf16 on a device type without
// autocast support (anything but cpu and cuda) is a usage error.
Precision resolve_precision(const std::string& spec, const torch::Device& device,
                            const std::string& key = "lm.precision");

// As resolve_precision, with the reason in words for the log ("lm.precision = auto: a bf16 matrix
// product ran 3.9x as fast as fp32 on this CPU (912 vs 233 GFLOP/s)").
struct PrecisionChoice {
  Precision precision = Precision::kFp32;
  std::string reason;
};
PrecisionChoice choose_precision(const std::string& spec, const torch::Device& device,
                                 const std::string& key = "lm.precision");

// The CPU probe behind `auto`: GFLOP/s of a 512 x 512 x 512 matrix product in float32 and in
// bfloat16 on the current threads (best of a few runs; about 10 ms in all). bf16 is chosen when it
// runs at least kBf16MinSpeedup times as fast.
struct MatmulProbe {
  double fp32_gflops = 0, bf16_gflops = 0;
};
MatmulProbe probe_cpu_matmul();
constexpr double kBf16MinSpeedup = 1.5;

// RAII: enables bf16 autocast for `device`'s type while alive (when `precision` is kBf16; a no-op
// for kFp32) and restores the previous autocast settings after. Use around forward passes only;
// backward follows the dtypes the forward recorded.
class AutocastGuard {
 public:
  AutocastGuard(const torch::Device& device, Precision precision);
  ~AutocastGuard();
  AutocastGuard(const AutocastGuard&) = delete;
  AutocastGuard& operator=(const AutocastGuard&) = delete;

 private:
  bool active_ = false;
  c10::DeviceType type_ = c10::DeviceType::CPU;  // the device type whose autocast is switched
  bool previous_enabled_ = false;
  c10::ScalarType previous_dtype_ = c10::ScalarType::Float;
};

}  // namespace anvil::train
