// Memory readings from /proc and from CUDA's caching allocator (through torch_compat.h, which holds
// the version and CUDA guards).
#include "anvil/train/memory.h"

#include <fstream>
#include <sstream>
#include <string>

#include <ATen/ATen.h>

#include "anvil/train/cpu_cache.h"
#include "torch_compat.h"

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

// CUDA's caching allocator answers only for devices it has initialised (LibTorch 2.x throws
// "Invalid device argument" before the first allocation there).
void initialise(const torch::Device& device) {
  try {
    (void)at::empty({1}, at::TensorOptions().device(device));
  } catch (const std::exception&) {  // no such device: the readings stay unknown
  }
}

}  // namespace

bool reset_memory_peak(const torch::Device& device) {
  if (device.is_cpu()) {
    release_cpu_cache();  // what is measured from here is the working set, not the cache
    // Linux >= 4.0: writing 5 resets VmHWM to the current RSS.
    std::ofstream f("/proc/self/clear_refs");
    if (!f) return false;
    f << "5";
    f.flush();
    return static_cast<bool>(f);
  }
  if (device.is_cuda()) {
    initialise(device);
    return compat::cuda_reset_peak_stats(device.has_index() ? device.index() : 0);
  }
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
  if (device.is_cuda()) {
    initialise(device);
    const int index = device.has_index() ? device.index() : 0;
    int64_t current = 0, peak = 0, free = 0, total = 0;
    if (compat::cuda_allocated_bytes(index, &current, &peak)) {
      r.current = current;
      r.peak = peak;
    }
    if (compat::cuda_memory_info(index, &free, &total)) {
      r.available = free;
      r.total = total;
    }
  }
  return r;
}

}  // namespace anvil::train
