// BlockCache: LRU of pread blocks.
#include "data/block_cache.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "anvil/core/error.h"

namespace anvil::data {

BlockCache::BlockCache(uint64_t block_bytes, uint64_t max_blocks)
    : block_bytes_(std::max<uint64_t>(block_bytes, 1)),
      max_blocks_(std::max<uint64_t>(max_blocks, 1)) {}

const std::vector<char>& BlockCache::block(uint32_t file, int fd, uint64_t file_size,
                                           const std::string& path, uint64_t number) {
  const uint64_t key = (static_cast<uint64_t>(file) << 40) | number;
  auto it = blocks_.find(key);
  if (it != blocks_.end()) {
    ++stats_.hits;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second.bytes;
  }
  ++stats_.misses;
  const uint64_t begin = number * block_bytes_;
  const uint64_t want = std::min(block_bytes_, file_size > begin ? file_size - begin : 0);
  std::vector<char> bytes(want);
  uint64_t done = 0;
  while (done < want) {
    const ssize_t got =
        ::pread(fd, bytes.data() + done, want - done, static_cast<off_t>(begin + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0)
      throw Error("cannot read '" + path + "' at offset " + std::to_string(begin + done) + ": " +
                  std::strerror(errno));
    if (got == 0)
      throw Error("'" + path + "' ends at offset " + std::to_string(begin + done) +
                  " but was indexed with " + std::to_string(file_size) +
                  " bytes: it changed since it was indexed; re-run to index it again");
    done += static_cast<uint64_t>(got);
  }
  stats_.bytes_read += want;
  if (blocks_.size() >= max_blocks_) {
    const uint64_t victim = lru_.back();
    lru_.pop_back();
    blocks_.erase(victim);
    ++stats_.evictions;
  }
  lru_.push_front(key);
  auto& b = blocks_[key];
  b.bytes = std::move(bytes);
  b.lru = lru_.begin();
  return b.bytes;
}

void BlockCache::read(uint32_t file, int fd, uint64_t file_size, const std::string& path,
                      uint64_t offset, uint64_t n, std::string& out) {
  std::lock_guard<std::mutex> lock(mu_);
  while (n > 0) {
    const uint64_t number = offset / block_bytes_, within = offset % block_bytes_;
    const auto& b = block(file, fd, file_size, path, number);
    if (within >= b.size())
      throw Error("'" + path + "': offset " + std::to_string(offset) + " is past its end");
    const uint64_t take = std::min<uint64_t>(n, b.size() - within);
    out.append(b.data() + within, take);
    offset += take;
    n -= take;
  }
}

void BlockCache::invalidate(uint32_t file) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = lru_.begin(); it != lru_.end();) {
    if ((*it >> 40) == file) {
      blocks_.erase(*it);
      it = lru_.erase(it);
    } else {
      ++it;
    }
  }
}

BlockCacheStats BlockCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace anvil::data
