// BlockCache: a bounded LRU cache of fixed-size, aligned blocks of files read with pread, for
// streamed shards. Thread-safe (one mutex); counts hits, misses, evictions and bytes read.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace anvil::data {

struct BlockCacheStats {
  uint64_t hits = 0, misses = 0, evictions = 0, bytes_read = 0;
};

class BlockCache {
 public:
  // Holds at most `max_blocks` blocks of `block_bytes` each (REQUIRES: both >= 1).
  BlockCache(uint64_t block_bytes, uint64_t max_blocks);

  // Appends bytes [offset, offset + n) of the file open as `fd` to `out`. `file` identifies the
  // file in the cache (< 2^24); `file_size` is its indexed size; `path` labels errors. Throws
  // anvil::Error naming the path and offset when the file is now shorter than that.
  void read(uint32_t file, int fd, uint64_t file_size, const std::string& path, uint64_t offset,
            uint64_t n, std::string& out);
  // Drops every cached block of `file`.
  void invalidate(uint32_t file);
  BlockCacheStats stats() const;
  uint64_t capacity_bytes() const { return block_bytes_ * max_blocks_; }

 private:
  struct Block {
    std::vector<char> bytes;
    std::list<uint64_t>::iterator lru;  // position in lru_ (front = most recent)
  };
  const std::vector<char>& block(uint32_t file, int fd, uint64_t file_size, const std::string& path,
                                 uint64_t number);

  const uint64_t block_bytes_, max_blocks_;
  mutable std::mutex mu_;
  std::list<uint64_t> lru_;
  std::unordered_map<uint64_t, Block> blocks_;  // key: file << 40 | block number
  BlockCacheStats stats_;
};

}  // namespace anvil::data
