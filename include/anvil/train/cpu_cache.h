// A caching allocator for LibTorch's CPU tensors. A training step frees and reallocates the same
// large buffers every step (activations, logits, their gradients); glibc serves blocks above its
// mmap threshold (32 MiB at most) with a fresh mmap each time, so every step pays a page fault
// per 4 KiB page of them. Once installed, blocks of at least `min_block_bytes` that tensors free
// are kept and handed to the next allocation of that size (sizes rounded up to 8 classes per power
// of two, so tensors whose size varies a little from batch to batch share blocks); at most
// `max_cached_bytes` are kept, the least recently freed given back first, and a block nobody asked
// for within `max_idle_seconds` (a size only an earlier phase of the program used) is given back
// too. An allocation the cache cannot serve first gives back as many bytes of blocks that have
// waited over a second, so a change of working sizes replaces stale cached memory rather than
// adding to it. What a running process holds is therefore its live tensors plus at most that much.
#pragma once

#include <cstdint>

namespace anvil::train {

struct CpuCacheOptions {
  int64_t min_block_bytes = int64_t{1} << 20;   // smaller blocks: glibc's heap serves them well
  int64_t max_cached_bytes = int64_t{1} << 30;  // freed blocks kept for reuse, in all
  double max_idle_seconds = 10;                 // a freed block unused this long is given back
};

struct CpuCacheStats {
  int64_t hits = 0;          // allocations served from the cache
  int64_t misses = 0;        // cacheable allocations passed to the system allocator
  int64_t cached_bytes = 0;  // freed blocks held now
  int64_t evicted = 0;       // blocks given back because the cache was full
};

// Makes the cache LibTorch's CPU allocator for the rest of the process. Blocks allocated before
// stay with the allocator that made them. Once per process: later calls only change the options.
// ANVIL_CPU_CACHE=0 in the environment turns it off (returns false).
bool install_cpu_cache(const CpuCacheOptions& options = {});

// Counters since install (all zero when it is not installed).
CpuCacheStats cpu_cache_stats();

// Gives every cached block back to the system allocator (say, before measuring memory).
void release_cpu_cache();

}  // namespace anvil::train
