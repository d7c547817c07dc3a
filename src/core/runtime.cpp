// Process-level runtime tuning (see anvil/core/runtime.h).
#include "anvil/core/runtime.h"

#include <malloc.h>

#include <cstdlib>

namespace anvil {

bool tune_runtime() {
  if (std::getenv("ANVIL_NO_MALLOC_TUNING")) return false;
#if defined(__GLIBC__)
  // Same two parameters GLIBC_TUNABLES would set at exec time; mallopt also turns off glibc's
  // dynamic threshold adjustment, which is what we want: the values stay where they are put.
  const bool mmap_ok = mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1;
  const bool trim_ok = mallopt(M_TRIM_THRESHOLD, -1) == 1;  // -1: never give the top back
  return mmap_ok && trim_ok;
#else
  return false;
#endif
}

}  // namespace anvil
