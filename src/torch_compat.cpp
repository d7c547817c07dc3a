// The version guards behind torch_compat.h: LibTorch 1.13 spellings on one side, 2.x on the other.
#include "torch_compat.h"

#include <ATen/autocast_mode.h>

#include <stdexcept>
#include <string>

#ifdef ANVIL_WITH_CUDA_ALLOCATOR
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

namespace anvil::compat {
namespace {

// 1.13 has one set of functions per device type; only cpu and cuda are routed.
[[maybe_unused]] void require_cpu_or_cuda(c10::DeviceType type) {
  if (type != c10::DeviceType::CPU && type != c10::DeviceType::CUDA)
    throw std::invalid_argument("autocast: device type " + c10::DeviceTypeName(type) +
                                " is not supported (cpu or cuda)");
}

}  // namespace

// ---- autocast -----------------------------------------------------------------------------------
// 2.4 added the device-type functions and deprecated the per-device ones (inline wrappers that
// print a deprecation warning on every call).
#if ANVIL_TORCH_AT_LEAST(2, 4)

bool autocast_enabled(c10::DeviceType type) { return at::autocast::is_autocast_enabled(type); }
void set_autocast_enabled(c10::DeviceType type, bool enabled) {
  at::autocast::set_autocast_enabled(type, enabled);
}
c10::ScalarType autocast_dtype(c10::DeviceType type) {
  return at::autocast::get_autocast_dtype(type);
}
void set_autocast_dtype(c10::DeviceType type, c10::ScalarType dtype) {
  at::autocast::set_autocast_dtype(type, dtype);
}

#else

bool autocast_enabled(c10::DeviceType type) {
  require_cpu_or_cuda(type);
  return type == c10::DeviceType::CUDA ? at::autocast::is_enabled()
                                       : at::autocast::is_cpu_enabled();
}
void set_autocast_enabled(c10::DeviceType type, bool enabled) {
  require_cpu_or_cuda(type);
  if (type == c10::DeviceType::CUDA)
    at::autocast::set_enabled(enabled);
  else
    at::autocast::set_cpu_enabled(enabled);
}
c10::ScalarType autocast_dtype(c10::DeviceType type) {
  require_cpu_or_cuda(type);
  return type == c10::DeviceType::CUDA ? at::autocast::get_autocast_gpu_dtype()
                                       : at::autocast::get_autocast_cpu_dtype();
}
void set_autocast_dtype(c10::DeviceType type, c10::ScalarType dtype) {
  require_cpu_or_cuda(type);
  if (type == c10::DeviceType::CUDA)
    at::autocast::set_autocast_gpu_dtype(dtype);
  else
    at::autocast::set_autocast_cpu_dtype(dtype);
}

#endif

// ---- CUDA caching allocator ---------------------------------------------------------------------
// The allocator's functions take a c10::DeviceIndex (int8_t) since 2.x and an int before; the
// statistics moved to c10::CachingDeviceAllocator (2.5+), where the CUDA namespace re-exports only
// DeviceStats, not StatType: index the aggregate entry by its value, 0 in every version.
#ifdef ANVIL_WITH_CUDA_ALLOCATOR

namespace {
constexpr size_t kAggregateStat = 0;  // StatType::AGGREGATE
}

bool has_cuda_allocator() { return true; }

bool cuda_reset_peak_stats(int index) {
  c10::cuda::CUDACachingAllocator::resetPeakStats(static_cast<c10::DeviceIndex>(index));
  return true;
}

bool cuda_allocated_bytes(int index, int64_t* current, int64_t* peak) {
  const auto stats =
      c10::cuda::CUDACachingAllocator::getDeviceStats(static_cast<c10::DeviceIndex>(index));
  *current = stats.allocated_bytes[kAggregateStat].current;
  *peak = stats.allocated_bytes[kAggregateStat].peak;
  return true;
}

bool cuda_memory_info(int index, int64_t* free, int64_t* total) {
  int previous = 0;
  if (cudaGetDevice(&previous) != cudaSuccess) return false;
  size_t f = 0, t = 0;
  const bool ok = cudaSetDevice(index) == cudaSuccess && cudaMemGetInfo(&f, &t) == cudaSuccess;
  cudaSetDevice(previous);
  if (!ok) return false;
  *free = static_cast<int64_t>(f);
  *total = static_cast<int64_t>(t);
  return true;
}

#else

bool has_cuda_allocator() { return false; }
bool cuda_reset_peak_stats(int) { return false; }
bool cuda_allocated_bytes(int, int64_t*, int64_t*) { return false; }
bool cuda_memory_info(int, int64_t*, int64_t*) { return false; }

#endif

}  // namespace anvil::compat
