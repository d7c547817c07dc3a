// Environment-time runtime tuning (see anvil/core/runtime.h).
#include "anvil/core/runtime.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace anvil {

void tune_runtime_or_reexec(char** argv) {
  if (std::getenv("ANVIL_NO_REEXEC") || std::getenv("ANVIL_RUNTIME_TUNED")) return;
  // Keep activation-sized buffers in the heap instead of mmapping/unmapping them every step.
  const std::string tunables =
      "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=17179869184";
  const char* existing = std::getenv("GLIBC_TUNABLES");
  std::string value = existing && *existing ? std::string(existing) + ":" + tunables : tunables;
  setenv("GLIBC_TUNABLES", value.c_str(), 1);
  setenv("ANVIL_RUNTIME_TUNED", "1", 1);
  execv("/proc/self/exe", argv);
  // exec failed: carry on untuned rather than fail.
}

}  // namespace anvil
