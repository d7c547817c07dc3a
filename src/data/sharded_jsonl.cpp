// ShardedJsonl: shard indexes + cache plan + mappings / block cache behind one line(i).
#include "anvil/data/sharded_jsonl.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include "anvil/core/error.h"
#include "data/block_cache.h"

namespace anvil::data {

namespace {

struct Shard {
  ShardIndex index;
  AccessMode mode = AccessMode::kStream;
  const char* map = nullptr;  // mapped shards (nullptr for an empty file)
  int fd = -1;                // streamed shards
  mutable std::atomic<bool> invalid{false};
  mutable std::string invalid_why;  // written once, before `invalid` is set
};

}  // namespace

struct ShardedJsonl::Impl {
  DataCacheOptions options;
  std::vector<std::unique_ptr<Shard>> shards;
  std::vector<ShardIndex> index_copies;  // for indexes(); lines dropped to save memory
  std::vector<uint64_t> starts;          // global index of each shard's first line; + total
  CachePlan plan;
  std::unique_ptr<BlockCache> cache;
  mutable std::atomic<uint64_t> mapped_reads{0}, streamed_reads{0};
  mutable std::mutex fresh_mu;

  ~Impl() {
    for (auto& s : shards) {
      if (s->map) ::munmap(const_cast<char*>(s->map), s->index.stamp.size);
      if (s->fd >= 0) ::close(s->fd);
    }
  }

  void open_shard(Shard& s) {
    const std::string& path = s.index.path;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error("cannot open '" + path + "': " + std::strerror(errno));
    if (stat_file(path) != s.index.stamp) {
      ::close(fd);
      throw Error("'" + path + "' changed after it was indexed; run again to re-index it");
    }
    if (s.mode == AccessMode::kStream) {
      s.fd = fd;
      return;
    }
    if (s.index.stamp.size > 0) {
      void* map = ::mmap(nullptr, s.index.stamp.size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (map == MAP_FAILED) {
        const std::string why = std::strerror(errno);
        ::close(fd);
        throw Error("cannot map '" + path + "': " + why);
      }
      s.map = static_cast<const char*>(map);
    }
    ::close(fd);  // the mapping stays valid
  }

  size_t shard_of(size_t i) const {
    if (i >= starts.back())
      throw Error("line index " + std::to_string(i) + " out of range (" +
                  std::to_string(starts.back()) + " lines in " + std::to_string(shards.size()) +
                  " shard(s))");
    return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), i) - starts.begin()) -
           1;
  }
};

ShardedJsonl::ShardedJsonl(std::vector<std::string> files, DataCacheOptions options)
    : impl_(std::make_unique<Impl>()) {
  options.validate();
  if (files.empty()) throw usage_error("no data files given");
  if (files.size() >= (size_t{1} << 24))
    throw usage_error(std::to_string(files.size()) + " data files: at most 2^24 are supported");
  auto& m = *impl_;
  m.options = options;
  std::vector<uint64_t> sizes;
  uint64_t overhead = options.block_bytes * options.cache_blocks;
  m.starts.push_back(0);
  for (const auto& f : files) {
    auto s = std::make_unique<Shard>();
    s->index = load_shard_index(f, options.sidecar);
    sizes.push_back(s->index.stamp.size);
    overhead += s->index.memory_bytes();
    m.starts.push_back(m.starts.back() + s->index.lines.size());
    ShardIndex copy = s->index;
    copy.lines.clear();
    copy.lines.shrink_to_fit();
    m.index_copies.push_back(std::move(copy));
    m.shards.push_back(std::move(s));
  }
  m.plan = plan_data_cache(files, sizes, overhead, options);
  for (size_t i = 0; i < m.shards.size(); ++i) {
    m.shards[i]->mode = m.plan.files[i].mode;
    m.open_shard(*m.shards[i]);
  }
  m.cache = std::make_unique<BlockCache>(options.block_bytes, options.cache_blocks);
}

ShardedJsonl::~ShardedJsonl() = default;

size_t ShardedJsonl::size() const { return impl_->starts.back(); }
size_t ShardedJsonl::shard_count() const { return impl_->shards.size(); }
size_t ShardedJsonl::shard_of(size_t i) const { return impl_->shard_of(i); }
size_t ShardedJsonl::shard_size(size_t shard) const {
  return impl_->shards.at(shard)->index.lines.size();
}

std::string_view ShardedJsonl::line(size_t i, std::string& scratch) const {
  const auto& m = *impl_;
  const size_t k = m.shard_of(i);
  const Shard& s = *m.shards[k];
  if (s.invalid.load(std::memory_order_acquire)) throw Error(s.invalid_why);
  const LineSpan& span = s.index.lines[i - m.starts[k]];
  if (s.mode == AccessMode::kMap) {
    m.mapped_reads.fetch_add(1, std::memory_order_relaxed);
    return {s.map + span.begin, span.length};
  }
  m.streamed_reads.fetch_add(1, std::memory_order_relaxed);
  scratch.clear();
  m.cache->read(static_cast<uint32_t>(k), s.fd, s.index.stamp.size, s.index.path, span.begin,
                span.length, scratch);
  return scratch;
}

size_t ShardedJsonl::line_number(size_t i) const {
  const size_t k = impl_->shard_of(i);
  return impl_->shards[k]->index.lines[i - impl_->starts[k]].number;
}

const std::string& ShardedJsonl::shard_path(size_t shard) const {
  return impl_->shards.at(shard)->index.path;
}

std::string ShardedJsonl::location(size_t i) const {
  return shard_path(shard_of(i)) + ":" + std::to_string(line_number(i));
}

const CachePlan& ShardedJsonl::plan() const { return impl_->plan; }
const std::vector<ShardIndex>& ShardedJsonl::indexes() const { return impl_->index_copies; }

ShardedJsonlStats ShardedJsonl::stats() const {
  const auto& m = *impl_;
  ShardedJsonlStats st;
  st.files = m.shards.size();
  st.mapped_files = m.plan.mapped_files();
  st.streamed_files = m.plan.streamed_files();
  st.lines = size();
  st.budget_bytes = m.plan.budget_bytes;
  st.bytes_mapped = m.plan.mapped_bytes;
  st.bytes_streamed = m.plan.streamed_bytes;
  st.block_cache_bytes = m.cache->capacity_bytes();
  for (const auto& s : m.shards) {
    st.index_bytes += s->index.memory_bytes();
    st.sidecars_loaded += s->index.origin == IndexOrigin::kSidecar;
    st.sidecars_written += s->index.origin == IndexOrigin::kBuiltSaved;
    st.indexes_in_memory_only += s->index.origin == IndexOrigin::kBuiltInMemory;
    if (!s->index.note.empty() && s->index.origin != IndexOrigin::kSidecar &&
        s->index.note != "no sidecar")
      st.notes.push_back(s->index.path + ": " + s->index.note);
  }
  st.mapped_reads = m.mapped_reads.load();
  st.streamed_reads = m.streamed_reads.load();
  const BlockCacheStats b = m.cache->stats();
  st.block_hits = b.hits;
  st.block_misses = b.misses;
  st.block_evictions = b.evictions;
  st.bytes_read = b.bytes_read;
  return st;
}

void ShardedJsonl::check_fresh() const {
  auto& m = *impl_;
  std::lock_guard<std::mutex> lock(m.fresh_mu);
  std::string first;
  for (size_t k = 0; k < m.shards.size(); ++k) {
    Shard& s = *m.shards[k];
    if (s.invalid.load()) {
      if (first.empty()) first = s.invalid_why;
      continue;
    }
    FileStamp now;
    std::string why;
    try {
      now = stat_file(s.index.path);
    } catch (const Error& e) {
      why = std::string(e.what()) + " (it was indexed with " + std::to_string(s.index.stamp.size) +
            " bytes)";
    }
    if (why.empty() && now == s.index.stamp) continue;
    if (why.empty())
      why = "'" + s.index.path + "' changed since it was indexed (size " +
            std::to_string(s.index.stamp.size) + " -> " + std::to_string(now.size) +
            " bytes, mtime " + std::to_string(s.index.stamp.mtime_ns) + " -> " +
            std::to_string(now.mtime_ns) +
            " ns): its cached lines are invalid; restart the run to re-index it";
    s.invalid_why = why;
    s.invalid.store(true, std::memory_order_release);
    m.cache->invalidate(static_cast<uint32_t>(k));
    if (first.empty()) first = why;
  }
  if (!first.empty()) throw Error(first);
}

}  // namespace anvil::data
