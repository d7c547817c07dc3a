// bf16 autocast selection and scoping.
#include "anvil/train/precision.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "torch_compat.h"

namespace anvil::train {
namespace {

// True when a bfloat16 matmul runs on `device` (CUDA builds: GPUs without bf16 raise).
bool bf16_matmul_runs(const torch::Device& device) {
  try {
    auto a = torch::ones({8, 8}, torch::TensorOptions().device(device).dtype(torch::kBFloat16));
    return a.matmul(a).sum().item<float>() == 512.0f;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

const char* precision_name(Precision p) { return p == Precision::kBf16 ? "bf16" : "fp32"; }

Precision resolve_precision(const std::string& spec, const torch::Device& device,
                            const std::string& key) {
  const bool supported_type = device.is_cpu() || device.is_cuda();
  if (spec == "fp32") return Precision::kFp32;
  if (spec == "bf16") {
    if (!supported_type)
      throw usage_error(key + " = bf16: autocast is supported on cpu and cuda devices, not '" +
                        device.str() + "'");
    return Precision::kBf16;
  }
  if (spec == "auto")
    return device.is_cuda() && bf16_matmul_runs(device) ? Precision::kBf16 : Precision::kFp32;
  throw usage_error(key + " = '" + spec + "': expected auto, fp32 or bf16");
}

AutocastGuard::AutocastGuard(const torch::Device& device, Precision precision) {
  if (precision != Precision::kBf16) return;
  active_ = true;
  type_ = device.type();
  previous_enabled_ = compat::autocast_enabled(type_);
  previous_dtype_ = compat::autocast_dtype(type_);
  compat::set_autocast_dtype(type_, at::kBFloat16);
  compat::set_autocast_enabled(type_, true);
  at::autocast::increment_nesting();
}

AutocastGuard::~AutocastGuard() {
  if (!active_) return;
  // Leaving the outermost autocast region frees the cached bf16 copies of the weights.
  if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
  compat::set_autocast_enabled(type_, previous_enabled_);
  compat::set_autocast_dtype(type_, previous_dtype_);
}

}  // namespace anvil::train
