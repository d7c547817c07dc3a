// The data cache plan: which of a run's JSONL shards are memory-mapped and which are streamed
// (read with pread through a small block cache), under a memory budget. Files are taken by
// priority (highest first, from glob rules in the options), then by size (smallest first, so the
// budget holds as many whole files as it can); each is mapped if it still fits, else streamed.
// Also: shard lists from glob patterns, and the budget from "auto", "80%", "2G" or a byte count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace anvil::data {

enum class StreamMode { kAuto, kAlways, kNever };       // data.stream: auto | always | never
StreamMode parse_stream_mode(const std::string& text);  // throws naming data.stream
const char* stream_mode_name(StreamMode mode);

struct CachePriority {
  std::string pattern;  // fnmatch(3) glob matched against the file path as given
  int priority = 0;     // higher is mapped first; files matching no rule have priority 0
};

// "PATTERN=N" items (data.cache_priority, `anvil data stats --priority`) as rules. Throws a usage
// error naming `key` and the item.
std::vector<CachePriority> parse_cache_priorities(const std::vector<std::string>& items,
                                                  const std::string& key = "data.cache_priority");

struct DataCacheOptions {
  uint64_t budget_bytes = 0;  // memory for mappings + indexes + block cache; 0 = auto (80% of
                              // MemAvailable at planning time)
  std::vector<CachePriority> priorities;  // the first matching rule wins
  StreamMode stream = StreamMode::kAuto;  // kAlways / kNever override the budget
  bool sidecar = true;                    // persist line indexes as <shard>.anvil-idx
  uint64_t block_bytes = 1 << 20;         // pread block size for streamed shards
  uint64_t cache_blocks = 64;             // blocks kept (LRU) for streamed shards
  void validate() const;                  // throws naming the field and the bad value
  std::string describe() const;           // one line, for logs
};

// MemAvailable from /proc/meminfo (falls back to free physical pages).
uint64_t available_memory_bytes();
// 80% of available_memory_bytes().
uint64_t default_cache_budget();

// "auto" -> 0 (= default_cache_budget() when used); "N%" -> N% of available memory; a byte count
// with an optional K/M/G/T suffix (powers of 1024, "KiB"/"KB"/"K" all accepted): "512M", "2G".
// Throws a usage error naming `key` and the text.
uint64_t parse_cache_budget(const std::string& text, const std::string& key = "data.cache_budget");
// "1.50 GiB", "12.0 MiB", "512 B".
std::string format_bytes(uint64_t bytes);

// Each item is a path or a glob(3) pattern; items may also be comma-separated lists. Patterns
// expand to their sorted matches; the result keeps the items' order and drops duplicates. Throws
// a usage error naming a pattern that matches nothing or a plain path that does not exist.
std::vector<std::string> expand_data_patterns(const std::vector<std::string>& items);
// Splits "a.jsonl,b/*.jsonl" into its non-empty items.
std::vector<std::string> split_data_list(const std::string& text);

enum class AccessMode { kMap, kStream };
const char* access_mode_name(AccessMode mode);

struct CachePlanFile {
  std::string path;
  uint64_t bytes = 0;
  int priority = 0;
  AccessMode mode = AccessMode::kStream;
};

struct CachePlan {
  std::vector<CachePlanFile> files;  // in the order given
  uint64_t budget_bytes = 0;         // the resolved budget
  uint64_t overhead_bytes = 0;       // indexes + block cache, taken off the budget first
  uint64_t mapped_bytes = 0;
  uint64_t streamed_bytes = 0;
  size_t mapped_files() const;
  size_t streamed_files() const;
};

// Plans `files` (sizes in `bytes`, same order) with `overhead_bytes` of the budget already spoken
// for. Throws when the lists differ in length.
CachePlan plan_data_cache(const std::vector<std::string>& files, const std::vector<uint64_t>& bytes,
                          uint64_t overhead_bytes, const DataCacheOptions& options);

}  // namespace anvil::data
