// The CPU caching allocator (see anvil/train/cpu_cache.h): exact-size free lists in front of the
// allocator LibTorch had, least recently freed blocks given back when the cache is full.
#include "anvil/train/cpu_cache.h"

#include <c10/core/CPUAllocator.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <unordered_map>

#include "torch_compat.h"

namespace anvil::train {
namespace {

class CachingCpuAllocator final : public compat::Allocator {
 public:
  explicit CachingCpuAllocator(c10::Allocator* system) : system_(system) {}

  void set_options(const CpuCacheOptions& o) {
    std::lock_guard<std::mutex> lock(mutex_);
    min_block_ = o.min_block_bytes;
    max_cached_ = o.max_cached_bytes;
    max_idle_ = std::chrono::milliseconds(static_cast<int64_t>(o.max_idle_seconds * 1000));
    trim_to(max_cached_);
  }

  c10::DataPtr allocate_block(size_t n) override {
    if (static_cast<int64_t>(n) < min_block_.load(std::memory_order_relaxed))
      return system_->allocate(n);
    const size_t size = size_class(n);
    Block* b = take(size);
    if (!b) {  // allocated outside the lock, then registered
      b = new Block{system_->allocate(size), size, {}};
      std::lock_guard<std::mutex> lock(mutex_);
      live_[b->memory.get()] = b;
    }
    void* data = b->memory.get();
    // Context = data, as LibTorch's raw_allocate()/raw_deallocate() (used by oneDNN's scratch
    // buffers) require of an allocator with a raw_deleter().
    return {data, data, &CachingCpuAllocator::release, c10::Device(c10::DeviceType::CPU)};
  }

  // Small blocks come straight from the system allocator, so raw deallocation is possible only
  // when it has a raw deleter of its own.
  c10::DeleterFnPtr raw_deleter() const override {
    return system_->raw_deleter() ? &CachingCpuAllocator::release : nullptr;
  }

  CpuCacheStats stats() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
  }

  void release_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    trim_to(0);
  }

 private:
  struct Block {
    c10::DataPtr memory;  // from the system allocator; freed when the block is deleted
    size_t size;
    std::list<Block*>::iterator lru;  // position among the free blocks
    std::chrono::steady_clock::time_point freed;
    std::multimap<size_t, Block*>::iterator slot;  // its entry in free_ while free
  };

  // Sizes are rounded up to one of 8 classes per power of two (at most 12.5% more): batches whose
  // tensors vary a little in size (padded to their longest text) still find a free block.
  static size_t size_class(size_t n) {
    size_t p = 1;
    while (p <= n / 2) p <<= 1;  // the largest power of two <= n
    const size_t step = std::max<size_t>(p / 8, 1);
    return (n + step - 1) / step * step;
  }

  // The smallest free block of `n` to 2n bytes (n a size class), registered as handed out, or
  // null (a miss): tensors whose size varies from batch to batch share blocks. A miss first gives
  // back up to `n` bytes of blocks that have waited more than a second (not recycled by the
  // current loop): memory needed in new sizes replaces stale cached memory instead of adding to it.
  Block* take(size_t n) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = free_.lower_bound(n);
    if (it == free_.end() || it->first > 2 * n) {
      ++stats_.misses;
      const auto stale = std::chrono::steady_clock::now() - std::chrono::seconds(1);
      int64_t given = 0;
      while (!lru_.empty() && lru_.front()->freed < stale && given < static_cast<int64_t>(n)) {
        given += static_cast<int64_t>(lru_.front()->size);
        evict_front();
      }
      return nullptr;
    }
    Block* b = it->second;
    free_.erase(it);
    lru_.erase(b->lru);
    stats_.cached_bytes -= static_cast<int64_t>(b->size);
    ++stats_.hits;
    live_[b->memory.get()] = b;
    return b;
  }

  // Memory at `data` was let go of: a cached block is kept for the next allocation of its size;
  // a small one (raw_deallocate of what the system allocator made) goes back to that allocator.
  static void release(void* data);

  void keep(void* data) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto it = live_.find(data);
    if (it == live_.end()) {
      lock.unlock();
      system_->raw_deleter()(data);
      return;
    }
    Block* b = it->second;
    live_.erase(it);
    b->slot = free_.emplace(b->size, b);
    b->lru = lru_.insert(lru_.end(), b);
    b->freed = std::chrono::steady_clock::now();
    stats_.cached_bytes += static_cast<int64_t>(b->size);
    trim_to(max_cached_, b->freed - max_idle_);
  }

  // Gives the least recently freed blocks back until at most `limit` bytes are cached and none
  // has waited since before `oldest` (a size the program stopped using: another phase's).
  void trim_to(int64_t limit, std::chrono::steady_clock::time_point oldest = {}) {
    while (!lru_.empty() && (stats_.cached_bytes > limit || lru_.front()->freed < oldest))
      evict_front();
  }

  void evict_front() {
    Block* b = lru_.front();
    lru_.pop_front();
    free_.erase(b->slot);
    stats_.cached_bytes -= static_cast<int64_t>(b->size);
    ++stats_.evicted;
    delete b;
  }

  c10::Allocator* system_;
  std::mutex mutex_;
  std::atomic<int64_t> min_block_{int64_t{1} << 20};
  int64_t max_cached_ = 0;
  std::chrono::milliseconds max_idle_{0};
  CpuCacheStats stats_;
  std::multimap<size_t, Block*> free_;      // by size
  std::unordered_map<void*, Block*> live_;  // handed out, by data pointer
  std::list<Block*> lru_;
};

// The one instance: LibTorch keeps a raw pointer to its CPU allocator for the whole process, and
// blocks may be freed during static destruction, so it is never destroyed.
CachingCpuAllocator* g_cache = nullptr;
std::mutex g_install_mutex;

void CachingCpuAllocator::release(void* data) { g_cache->keep(data); }

}  // namespace

bool install_cpu_cache(const CpuCacheOptions& options) {
  if (const char* off = std::getenv("ANVIL_CPU_CACHE"); off && std::strcmp(off, "0") == 0)
    return false;
  std::lock_guard<std::mutex> lock(g_install_mutex);
  if (!g_cache) {
    g_cache = new CachingCpuAllocator(c10::GetCPUAllocator());
    // Priority above the default allocator's, so LibTorch's own registration cannot undo it.
    c10::SetCPUAllocator(g_cache, /*priority=*/10);
  }
  g_cache->set_options(options);
  return true;
}

CpuCacheStats cpu_cache_stats() { return g_cache ? g_cache->stats() : CpuCacheStats{}; }

void release_cpu_cache() {
  if (g_cache) g_cache->release_all();
}

}  // namespace anvil::train
