// ShardIndex: the line-offset index of one JSONL shard (its non-blank lines, with the same
// blank-line, CRLF and BOM rules as JsonlFile), built by reading the shard in bounded blocks and
// persisted beside it as a sidecar `<shard>.anvil-idx` keyed by the shard's size and mtime. A
// sidecar is only ever a cache: a stale or corrupt one is rebuilt, never trusted.
//
// Sidecar format (little-endian; docs/data_cache.md has the full table):
//   offset  size  field
//        0     8  magic "ANVLIDX\0"
//        8     4  version (kShardIndexVersion)
//       12     4  entry size in bytes (kShardIndexEntryBytes = 16)
//       16     8  shard size in bytes
//       24     8  shard mtime, nanoseconds since the epoch (signed)
//       32     8  line count N
//       40     8  FNV-1a 64 checksum of the N entries' bytes
//       48  16*N  entries: begin u64 (byte offset of the line), length u32 (bytes, without the
//                 line end), number u32 (1-based line number in the file)
// The file is exactly 48 + 16*N bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace anvil::data {

inline constexpr char kShardIndexMagic[8] = {'A', 'N', 'V', 'L', 'I', 'D', 'X', '\0'};
inline constexpr uint32_t kShardIndexVersion = 1;
inline constexpr uint32_t kShardIndexEntryBytes = 16;
inline constexpr size_t kShardIndexHeaderBytes = 48;
inline constexpr const char* kShardIndexSuffix = ".anvil-idx";

// What identifies a shard's contents: its size and modification time.
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  bool operator==(const FileStamp& o) const { return size == o.size && mtime_ns == o.mtime_ns; }
  bool operator!=(const FileStamp& o) const { return !(*this == o); }
};

// Stats a regular file. Throws anvil::Error naming the path if it is missing or not a file.
FileStamp stat_file(const std::string& path);

// One non-blank line of a shard.
struct LineSpan {
  uint64_t begin = 0;   // byte offset in the shard
  uint32_t length = 0;  // bytes, without "\n" or "\r\n"
  uint32_t number = 0;  // 1-based line number in the shard
  bool operator==(const LineSpan& o) const {
    return begin == o.begin && length == o.length && number == o.number;
  }
};

// Where an index came from (for stats and `anvil data index`).
enum class IndexOrigin {
  kSidecar,        // read from a fresh, valid sidecar
  kBuiltSaved,     // built by scanning the shard, sidecar written
  kBuiltInMemory,  // built by scanning; sidecars are off or the sidecar could not be written
};
const char* index_origin_name(IndexOrigin origin);

struct ShardIndex {
  std::string path;
  FileStamp stamp;              // the shard as it was indexed
  std::vector<LineSpan> lines;  // non-blank lines, in file order
  IndexOrigin origin = IndexOrigin::kBuiltInMemory;
  std::string note;    // why a sidecar was not used or not written, or ""
  double seconds = 0;  // time to load or build
  uint64_t memory_bytes() const { return lines.size() * sizeof(LineSpan); }
};

// `path` + kShardIndexSuffix.
std::string sidecar_path(const std::string& shard);

// Scans the shard in blocks of `block_bytes` (bounded memory besides the index itself). Throws
// anvil::Error naming the path on read errors, on a line longer than 4 GiB or more than 2^32-1
// lines, and when the shard changes while it is being indexed.
ShardIndex build_shard_index(const std::string& path, size_t block_bytes = 1 << 20);

// Reads the sidecar of `path` if it is valid and matches `stamp`. Returns false, with the reason
// in `why` ("missing", "stale: shard size 10 != 12", "corrupt: bad magic", ...), otherwise.
bool read_shard_sidecar(const std::string& path, const FileStamp& stamp,
                        std::vector<LineSpan>& lines, std::string& why);

// Writes `index` as its shard's sidecar, atomically (temp file + rename). Throws anvil::Error.
void write_shard_sidecar(const ShardIndex& index);

// The index of `path`: from its sidecar when `use_sidecar` and the sidecar is fresh and valid,
// otherwise built and (when `use_sidecar`) saved. A sidecar that cannot be written (read-only
// directory, full disk) leaves the index in memory, with the reason in `note`.
ShardIndex load_shard_index(const std::string& path, bool use_sidecar = true);

}  // namespace anvil::data
