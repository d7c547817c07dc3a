// bf16 autocast selection and scoping.
#include "anvil/train/precision.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

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

// The CPU's native bfloat16 matrix instruction set named in /proc/cpuinfo ("amx_bf16",
// "avx512_bf16"), or "" (none, or not Linux). Such CPUs run bf16 matmuls 2-4x faster; a timing
// probe alone can be fooled by other processes competing for the cores.
std::string native_bf16_flag() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("flags", 0) != 0) continue;
    std::istringstream words(line.substr(line.find(':') + 1));
    std::string w;
    bool amx = false, avx512 = false;
    while (words >> w) {
      amx = amx || w == "amx_bf16";
      avx512 = avx512 || w == "avx512_bf16";
    }
    return amx ? "amx_bf16" : avx512 ? "avx512_bf16" : "";
  }
  return "";
}

}  // namespace

const char* precision_name(Precision p) { return p == Precision::kBf16 ? "bf16" : "fp32"; }

MatmulProbe probe_cpu_matmul() {
  torch::NoGradGuard no_grad;
  const int64_t n = 512;
  const double flops = 2.0 * n * n * n;
  auto best_gflops = [&](torch::ScalarType dtype) {
    // Constant operands: the timing does not depend on the values, and the probe leaves the
    // random generator (the model's initialisation) untouched.
    const auto a = torch::full({n, n}, 0.5, dtype), b = torch::full({n, n}, 0.25, dtype);
    double best = 0;
    for (int i = 0; i < 12; ++i) {  // the best of several: robust to a busy moment
      const auto t0 = std::chrono::steady_clock::now();
      const auto c = torch::mm(a, b);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (i > 0) best = std::max(best, flops / std::max(s, 1e-9) / 1e9);  // the first warms up
    }
    return best;
  };
  MatmulProbe p;
  p.fp32_gflops = best_gflops(torch::kFloat32);
  p.bf16_gflops = best_gflops(torch::kBFloat16);
  return p;
}

PrecisionChoice choose_precision(const std::string& spec, const torch::Device& device,
                                 const std::string& key) {
  const bool supported_type = device.is_cpu() || device.is_cuda();
  if (spec == "fp32") return {Precision::kFp32, key + " = fp32"};
  if (spec == "bf16") {
    if (!supported_type)
      throw usage_error(key + " = bf16: autocast is supported on cpu and cuda devices, not '" +
                        device.str() + "'");
    return {Precision::kBf16, key + " = bf16"};
  }
  if (spec != "auto") throw usage_error(key + " = '" + spec + "': expected auto, fp32 or bf16");
  if (device.is_cuda())
    return bf16_matmul_runs(device)
               ? PrecisionChoice{Precision::kBf16, key + " = auto: the GPU runs bfloat16"}
               : PrecisionChoice{Precision::kFp32, key + " = auto: the GPU has no bfloat16"};
  if (!device.is_cpu()) return {Precision::kFp32, key + " = auto: fp32 on " + device.str()};
  const std::string flag = native_bf16_flag();
  if (!flag.empty())
    return {Precision::kBf16,
            key + " = auto: this CPU has native bfloat16 matrix instructions (" + flag + ")"};
  const auto p = probe_cpu_matmul();
  const double speedup = p.bf16_gflops / std::max(p.fp32_gflops, 1e-9);
  char why[200];
  std::snprintf(why, sizeof why,
                " = auto: a bf16 matrix product ran %.2gx as fast as fp32 on this CPU (%.0f vs "
                "%.0f GFLOP/s; bf16 from %.1fx)",
                speedup, p.bf16_gflops, p.fp32_gflops, kBf16MinSpeedup);
  return {speedup >= kBf16MinSpeedup ? Precision::kBf16 : Precision::kFp32, key + why};
}

Precision resolve_precision(const std::string& spec, const torch::Device& device,
                            const std::string& key) {
  return choose_precision(spec, device, key).precision;
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
