// ShardedJsonl: random access to the non-blank lines of many JSONL shards as one sequence, under
// a memory budget (data_cache.h plans which shards are memory-mapped and which are streamed).
// Line i of the whole is line i - start(shard) of its shard, shards in the order given. Mapped
// shards are read through the mapping; streamed shards through a bounded LRU block cache. Every
// line keeps its `path:LINE` for errors. Mappings and file descriptors are released when the
// object is destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/data/data_cache.h"
#include "anvil/data/shard_index.h"

namespace anvil::data {

struct ShardedJsonlStats {
  size_t files = 0, mapped_files = 0, streamed_files = 0;
  uint64_t lines = 0;
  uint64_t budget_bytes = 0;
  uint64_t bytes_mapped = 0, bytes_streamed = 0;
  uint64_t index_bytes = 0;        // memory held by the line indexes
  uint64_t block_cache_bytes = 0;  // capacity of the streamed shards' block cache
  size_t sidecars_loaded = 0, sidecars_written = 0, indexes_in_memory_only = 0;
  uint64_t mapped_reads = 0, streamed_reads = 0;  // line() calls by kind
  uint64_t block_hits = 0, block_misses = 0, block_evictions = 0, bytes_read = 0;
  std::vector<std::string> notes;  // "PATH: why its sidecar was not used / not written"
};

class ShardedJsonl {
 public:
  // Indexes every shard (load_shard_index with options.sidecar), plans the cache and maps or
  // opens each shard. `files` are paths (expand patterns first: expand_data_patterns). Throws
  // anvil::Error naming the file that cannot be opened, indexed or mapped.
  ShardedJsonl(std::vector<std::string> files, DataCacheOptions options);
  ~ShardedJsonl();
  ShardedJsonl(const ShardedJsonl&) = delete;
  ShardedJsonl& operator=(const ShardedJsonl&) = delete;

  size_t size() const;  // non-blank lines in all shards
  size_t shard_count() const;
  size_t shard_size(size_t shard) const;  // non-blank lines in one shard
  // Line i without its line end. A mapped shard's line points into the mapping (valid while this
  // object lives); a streamed shard's line is copied into `scratch` (valid until it changes).
  // Thread-safe. Throws anvil::Error when i is out of range, when the shard was found changed by
  // check_fresh(), or when a streamed shard is now shorter than indexed.
  std::string_view line(size_t i, std::string& scratch) const;
  size_t shard_of(size_t i) const;     // which shard holds line i
  size_t line_number(size_t i) const;  // 1-based line number of line i in its shard
  const std::string& shard_path(size_t shard) const;
  std::string location(size_t i) const;  // "path:LINE"

  const CachePlan& plan() const;
  // Per shard: path, stamp, how it was indexed and why (the `lines` are not kept in these copies).
  const std::vector<ShardIndex>& indexes() const;
  ShardedJsonlStats stats() const;

  // Stats every shard; a shard whose size or mtime differs from when it was indexed is marked
  // invalid (later line() calls on it throw, its cached blocks are dropped) and this throws
  // anvil::Error naming it, with old and new size and mtime. Call between epochs: a mapped shard
  // truncated underneath a reader can fault the process.
  void check_fresh() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anvil::data
