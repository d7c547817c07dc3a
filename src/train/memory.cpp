// Memory readings from /proc and from CUDA's caching allocator (ANVIL_WITH_CUDA_ALLOCATOR, set by
// CMake when the c10_cuda target exists).
#include "anvil/train/memory.h"

#include <fstream>
#include <sstream>
#include <string>

#ifdef ANVIL_WITH_CUDA_ALLOCATOR
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

namespace anvil::train {
namespace {

// The value in kB of `key` ("VmRSS:") in a /proc file, in bytes; -1 if absent.
int64_t proc_kb(const std::string& path, const std::string& key) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) != 0) continue;
    std::istringstream fields(line.substr(key.size()));
    int64_t kb = -1;
    fields >> kb;
    return kb < 0 ? -1 : kb * 1024;
  }
  return -1;
}

}  // namespace

bool reset_memory_peak(const torch::Device& device) {
  if (device.is_cpu()) {
    // Linux >= 4.0: writing 5 resets VmHWM to the current RSS.
    std::ofstream f("/proc/self/clear_refs");
    if (!f) return false;
    f << "5";
    f.flush();
    return static_cast<bool>(f);
  }
#ifdef ANVIL_WITH_CUDA_ALLOCATOR
  if (device.is_cuda()) {
    c10::cuda::CUDACachingAllocator::resetPeakStats(device.has_index() ? device.index() : 0);
    return true;
  }
#endif
  return false;
}

MemoryReading read_memory(const torch::Device& device) {
  MemoryReading r;
  if (device.is_cpu()) {
    r.current = proc_kb("/proc/self/status", "VmRSS:");
    r.peak = proc_kb("/proc/self/status", "VmHWM:");
    r.available = proc_kb("/proc/meminfo", "MemAvailable:");
    r.total = proc_kb("/proc/meminfo", "MemTotal:");
    return r;
  }
#ifdef ANVIL_WITH_CUDA_ALLOCATOR
  if (device.is_cuda()) {
    const int index = device.has_index() ? device.index() : 0;
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(index);
    const auto aggregate = static_cast<size_t>(c10::cuda::CUDACachingAllocator::StatType::AGGREGATE);
    r.current = stats.allocated_bytes[aggregate].current;
    r.peak = stats.allocated_bytes[aggregate].peak;
    size_t free = 0, total = 0;
    int previous = 0;
    cudaGetDevice(&previous);
    cudaSetDevice(index);
    if (cudaMemGetInfo(&free, &total) == cudaSuccess) {
      r.available = static_cast<int64_t>(free);
      r.total = static_cast<int64_t>(total);
    }
    cudaSetDevice(previous);
  }
#endif
  return r;
}

}  // namespace anvil::train
