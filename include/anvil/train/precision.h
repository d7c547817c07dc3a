// Mixed precision for training: `fp32` everywhere, or `bf16` autocast (LibTorch's autocast: matmuls
// and linear layers run in bfloat16 inside the forward pass) with fp32 master weights, gradients
// and optimizer state. `auto` picks bf16 on CUDA devices that run bfloat16 and fp32 on CPU, where
// the gain depends on the CPU (see docs) and the default stays the exact path.
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
