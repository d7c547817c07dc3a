// `anvil data index|stats FILES...`: what the data cache does with a run's shards. `index` builds
// or refreshes each shard's line-index sidecar; `stats` prints the cache plan (mmap or stream per
// file) under a budget.
#include <cstdio>

#include "anvil/core/error.h"
#include "anvil/data/data_cache.h"
#include "anvil/data/shard_index.h"
#include "anvil/data/sharded_jsonl.h"
#include "commands.h"

namespace anvil::cli {
namespace {

struct DataArgs {
  std::vector<std::string> files;
  std::string budget = "auto";
  std::string stream = "auto";
  std::vector<std::string> priorities;  // PATTERN=N
  bool no_sidecar = false;
};

void print_index(const DataArgs& a) {
  const auto files = data::expand_data_patterns(a.files);
  std::printf("%-40s %12s %12s %9s %10s  %s\n", "shard", "lines", "bytes", "seconds", "MB/s",
              "index");
  uint64_t lines = 0, bytes = 0;
  double seconds = 0;
  for (const auto& f : files) {
    const data::ShardIndex index = data::load_shard_index(f, !a.no_sidecar);
    const double mbs = index.seconds > 0 ? index.stamp.size / 1e6 / index.seconds : 0;
    std::printf("%-40s %12zu %12s %9.3f %10.1f  %s\n", f.c_str(), index.lines.size(),
                data::format_bytes(index.stamp.size).c_str(), index.seconds, mbs,
                data::index_origin_name(index.origin));
    if (!index.note.empty() && index.note != "no sidecar")
      std::printf("  note: %s\n", index.note.c_str());
    lines += index.lines.size();
    bytes += index.stamp.size;
    seconds += index.seconds;
  }
  std::printf("%zu shard(s), %llu lines, %s in %.3f s\n", files.size(),
              static_cast<unsigned long long>(lines), data::format_bytes(bytes).c_str(), seconds);
}

void print_stats(const DataArgs& a) {
  data::DataCacheOptions o;
  o.budget_bytes = data::parse_cache_budget(a.budget, "--budget");
  o.stream = data::parse_stream_mode(a.stream);
  o.priorities = data::parse_cache_priorities(a.priorities, "--priority");
  o.sidecar = !a.no_sidecar;
  const data::ShardedJsonl shards(data::expand_data_patterns(a.files), o);
  const auto& plan = shards.plan();
  const auto& indexes = shards.indexes();
  std::printf("%-40s %12s %12s %8s  %-6s  %s\n", "file", "lines", "bytes", "priority", "mode",
              "index");
  for (size_t k = 0; k < plan.files.size(); ++k) {
    const auto& f = plan.files[k];
    std::printf("%-40s %12zu %12s %8d  %-6s  %s\n", f.path.c_str(), shards.shard_size(k),
                data::format_bytes(f.bytes).c_str(), f.priority, data::access_mode_name(f.mode),
                data::index_origin_name(indexes[k].origin));
  }
  const auto st = shards.stats();
  std::printf(
      "budget %s: indexes %s + block cache %s, then %zu file(s) mapped (%s), %zu streamed "
      "(%s)\n",
      data::format_bytes(st.budget_bytes).c_str(), data::format_bytes(st.index_bytes).c_str(),
      data::format_bytes(st.block_cache_bytes).c_str(), st.mapped_files,
      data::format_bytes(st.bytes_mapped).c_str(), st.streamed_files,
      data::format_bytes(st.bytes_streamed).c_str());
  std::printf("%zu file(s), %llu lines, %s\n", st.files, static_cast<unsigned long long>(st.lines),
              data::format_bytes(st.bytes_mapped + st.bytes_streamed).c_str());
  for (const auto& note : st.notes) std::printf("note: %s\n", note.c_str());
}

}  // namespace

void register_data(CLI::App& app, Context&) {
  auto* cmd = app.add_subcommand("data", "Index JSONL shards and show the data cache's plan");
  cmd->require_subcommand(1);
  auto a = std::make_shared<DataArgs>();

  auto* index = cmd->add_subcommand(
      "index", "Build or refresh each shard's line-index sidecar (SHARD.anvil-idx)");
  index->add_option("files", a->files, "JSONL shards or glob patterns")->required();
  index->add_flag("--no-sidecar", a->no_sidecar, "index in memory only, write nothing");
  index->callback([a] { print_index(*a); });

  auto* stats = cmd->add_subcommand(
      "stats", "What the data cache would do: mmap or stream per file, under a budget");
  stats->add_option("files", a->files, "JSONL shards or glob patterns")->required();
  stats->add_option("--budget", a->budget, "auto | N% | size (512M, 2G)  (data.cache_budget)")
      ->capture_default_str();
  stats->add_option("--stream", a->stream, "auto | always | never  (data.stream)")
      ->capture_default_str();
  stats->add_option("--priority", a->priorities,
                    "PATTERN=N: map matching files first (data.cache_priority)");
  stats->add_flag("--no-sidecar", a->no_sidecar, "do not read or write index sidecars");
  stats->callback([a] { print_stats(*a); });
}

}  // namespace anvil::cli
