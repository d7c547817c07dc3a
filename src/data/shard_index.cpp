// ShardIndex: scan a shard in blocks for its non-blank lines; read and write the sidecar.
#include "anvil/data/shard_index.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <memory>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"

namespace anvil::data {

namespace {

// Closes a file descriptor on scope exit.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

FileStamp stamp_of(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

// Reads up to `n` bytes at `offset`, retrying short reads and EINTR; returns the bytes read
// (fewer only at end of file).
size_t pread_full(int fd, char* buf, size_t n, uint64_t offset, const std::string& path) {
  size_t done = 0;
  while (done < n) {
    const ssize_t got = ::pread(fd, buf + done, n - done, static_cast<off_t>(offset + done));
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error("cannot read '" + path + "' at offset " + std::to_string(offset + done) + ": " +
                  std::strerror(errno));
    }
    if (got == 0) break;
    done += static_cast<size_t>(got);
  }
  return done;
}

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put_u64(std::string& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
uint32_t get_u32(const unsigned char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
uint64_t get_u64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

uint64_t fnv1a64(const char* p, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string encode_entries(const std::vector<LineSpan>& lines) {
  std::string out;
  out.reserve(lines.size() * kShardIndexEntryBytes);
  for (const auto& l : lines) {
    put_u64(out, l.begin);
    put_u32(out, l.length);
    put_u32(out, l.number);
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

const char* index_origin_name(IndexOrigin origin) {
  switch (origin) {
    case IndexOrigin::kSidecar:
      return "sidecar";
    case IndexOrigin::kBuiltSaved:
      return "built+saved";
    case IndexOrigin::kBuiltInMemory:
      return "built (in memory)";
  }
  return "?";
}

FileStamp stat_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw Error("cannot stat '" + path + "': " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw Error("cannot read '" + path + "': not a regular file");
  return stamp_of(st);
}

std::string sidecar_path(const std::string& shard) { return shard + kShardIndexSuffix; }

ShardIndex build_shard_index(const std::string& path, size_t block_bytes) {
  const auto t0 = std::chrono::steady_clock::now();
  if (block_bytes < 16) block_bytes = 16;
  const int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (raw < 0) throw Error("cannot open '" + path + "': " + std::strerror(errno));
  Fd fd(raw);
  struct stat st {};
  if (::fstat(fd.fd, &st) != 0) throw Error("cannot stat '" + path + "': " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) throw Error("cannot read '" + path + "': not a regular file");
  ShardIndex index;
  index.path = path;
  index.stamp = stamp_of(st);
  ::posix_fadvise(fd.fd, 0, 0, POSIX_FADV_SEQUENTIAL);  // a hint only

  std::unique_ptr<char[]> buf(new char[block_bytes]);
  uint64_t offset = 0;      // file offset of buf[0]
  uint64_t line_begin = 0;  // file offset where the current line starts
  uint64_t first_solid = std::numeric_limits<uint64_t>::max();  // first non-space/tab byte
  char last = 0;                                                // the line's last byte so far
  uint64_t number = 0;
  auto finish_line = [&](uint64_t end) {  // `end`: offset of the '\n' or of end of file
    ++number;
    uint64_t length = end - line_begin;
    if (length > 0 && last == '\r') --length;
    const bool blank = first_solid >= line_begin + length;
    if (!blank) {
      if (length > std::numeric_limits<uint32_t>::max() ||
          number > std::numeric_limits<uint32_t>::max())
        throw Error(path + ":" + std::to_string(number) + ": line too long or too many lines");
      index.lines.push_back(
          {line_begin, static_cast<uint32_t>(length), static_cast<uint32_t>(number)});
    }
    line_begin = end + 1;
    first_solid = std::numeric_limits<uint64_t>::max();
    last = 0;
  };
  bool first_block = true;
  while (true) {
    const size_t got = pread_full(fd.fd, buf.get(), block_bytes, offset, path);
    if (got == 0) break;
    size_t pos = 0;
    if (first_block && got >= 3 && std::memcmp(buf.get(), "\xEF\xBB\xBF", 3) == 0) {
      pos = 3;  // UTF-8 BOM
      line_begin = 3;
    }
    first_block = false;
    while (pos < got) {
      const char* start = buf.get() + pos;
      const auto* nl = static_cast<const char*>(std::memchr(start, '\n', got - pos));
      const size_t seg = nl ? static_cast<size_t>(nl - start) : got - pos;
      if (first_solid == std::numeric_limits<uint64_t>::max()) {
        for (size_t k = 0; k < seg; ++k) {
          if (start[k] != ' ' && start[k] != '\t') {
            first_solid = offset + pos + k;
            break;
          }
        }
      }
      if (seg > 0) last = start[seg - 1];
      if (nl) {
        finish_line(offset + pos + seg);
        pos += seg + 1;
      } else {
        pos = got;
      }
    }
    offset += got;
    if (got < block_bytes) break;
  }
  if (line_begin < offset) finish_line(offset);  // a last line without "\n"
  if (offset != index.stamp.size || stat_file(path) != index.stamp)
    throw Error("'" + path + "' changed while it was being indexed; index it again");
  index.seconds = seconds_since(t0);
  return index;
}

bool read_shard_sidecar(const std::string& path, const FileStamp& stamp,
                        std::vector<LineSpan>& lines, std::string& why) {
  const std::string side = sidecar_path(path);
  const int raw = ::open(side.c_str(), O_RDONLY | O_CLOEXEC);
  if (raw < 0) {
    why = errno == ENOENT ? "no sidecar"
                          : std::string("cannot open sidecar: ") + std::strerror(errno);
    return false;
  }
  Fd fd(raw);
  struct stat st {};
  if (::fstat(fd.fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    why = "sidecar is not a readable regular file";
    return false;
  }
  const uint64_t file_bytes = static_cast<uint64_t>(st.st_size);
  if (file_bytes < kShardIndexHeaderBytes) {
    why = "corrupt sidecar: " + std::to_string(file_bytes) + " bytes, shorter than the " +
          std::to_string(kShardIndexHeaderBytes) + "-byte header";
    return false;
  }
  unsigned char h[kShardIndexHeaderBytes];
  if (pread_full(fd.fd, reinterpret_cast<char*>(h), sizeof(h), 0, side) != sizeof(h)) {
    why = "corrupt sidecar: short header";
    return false;
  }
  if (std::memcmp(h, kShardIndexMagic, sizeof(kShardIndexMagic)) != 0) {
    why = "corrupt sidecar: bad magic (expected 'ANVLIDX')";
    return false;
  }
  const uint32_t version = get_u32(h + 8), entry = get_u32(h + 12);
  if (version != kShardIndexVersion || entry != kShardIndexEntryBytes) {
    why = "unsupported sidecar: version " + std::to_string(version) + ", entry size " +
          std::to_string(entry) + " (expected version " + std::to_string(kShardIndexVersion) +
          ", entry size " + std::to_string(kShardIndexEntryBytes) + ")";
    return false;
  }
  const FileStamp recorded{get_u64(h + 16), static_cast<int64_t>(get_u64(h + 24))};
  if (recorded != stamp) {
    why = "stale sidecar: it describes a shard of " + std::to_string(recorded.size) +
          " bytes, mtime " + std::to_string(recorded.mtime_ns) + " ns; the shard now has " +
          std::to_string(stamp.size) + " bytes, mtime " + std::to_string(stamp.mtime_ns) + " ns";
    return false;
  }
  const uint64_t count = get_u64(h + 32), checksum = get_u64(h + 40);
  if (count > (file_bytes - kShardIndexHeaderBytes) / kShardIndexEntryBytes ||
      kShardIndexHeaderBytes + count * kShardIndexEntryBytes != file_bytes) {
    why = "corrupt sidecar: " + std::to_string(count) + " entries do not fit its " +
          std::to_string(file_bytes) + " bytes";
    return false;
  }
  std::string body(count * kShardIndexEntryBytes, '\0');
  if (pread_full(fd.fd, body.data(), body.size(), kShardIndexHeaderBytes, side) != body.size()) {
    why = "corrupt sidecar: short read of the entries";
    return false;
  }
  if (fnv1a64(body.data(), body.size()) != checksum) {
    why = "corrupt sidecar: checksum mismatch";
    return false;
  }
  std::vector<LineSpan> out;
  out.reserve(count);
  uint64_t next_free = 0, last_number = 0;
  for (uint64_t i = 0; i < count; ++i) {
    const auto* p = reinterpret_cast<const unsigned char*>(body.data()) + i * kShardIndexEntryBytes;
    LineSpan l{get_u64(p), get_u32(p + 8), get_u32(p + 12)};
    if (l.begin < next_free || l.begin > stamp.size || l.length > stamp.size - l.begin ||
        l.number <= last_number) {
      why = "corrupt sidecar: entry " + std::to_string(i) + " (offset " + std::to_string(l.begin) +
            ", length " + std::to_string(l.length) + ", line " + std::to_string(l.number) +
            ") is out of order or outside the shard";
      return false;
    }
    next_free = l.begin + l.length + 1;
    last_number = l.number;
    out.push_back(l);
  }
  lines = std::move(out);
  return true;
}

void write_shard_sidecar(const ShardIndex& index) {
  const std::string body = encode_entries(index.lines);
  std::string out;
  out.reserve(kShardIndexHeaderBytes + body.size());
  out.append(kShardIndexMagic, sizeof(kShardIndexMagic));
  put_u32(out, kShardIndexVersion);
  put_u32(out, kShardIndexEntryBytes);
  put_u64(out, index.stamp.size);
  put_u64(out, static_cast<uint64_t>(index.stamp.mtime_ns));
  put_u64(out, index.lines.size());
  put_u64(out, fnv1a64(body.data(), body.size()));
  out += body;
  write_file_atomic(sidecar_path(index.path), out);
}

ShardIndex load_shard_index(const std::string& path, bool use_sidecar) {
  const auto t0 = std::chrono::steady_clock::now();
  const FileStamp stamp = stat_file(path);
  std::string why = "sidecars are off";
  if (use_sidecar) {
    ShardIndex index;
    if (read_shard_sidecar(path, stamp, index.lines, why)) {
      index.path = path;
      index.stamp = stamp;
      index.origin = IndexOrigin::kSidecar;
      index.seconds = seconds_since(t0);
      return index;
    }
  }
  ShardIndex index = build_shard_index(path);
  index.origin = IndexOrigin::kBuiltInMemory;
  if (use_sidecar) {
    index.note = why;  // why the sidecar was not used ("no sidecar", "stale sidecar: ...")
    try {
      write_shard_sidecar(index);
      index.origin = IndexOrigin::kBuiltSaved;
    } catch (const Error& e) {
      index.note += "; sidecar not written, index kept in memory (" + std::string(e.what()) + ")";
    }
  }
  index.seconds = seconds_since(t0);
  return index;
}

}  // namespace anvil::data
