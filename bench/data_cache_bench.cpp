// Data cache benchmark: generates JSONL shards of realistic intent records (datagen lines, shuffled
// and repeated) totalling --gb GB, then measures, with the shards evicted from the page cache
// before each cold pass (posix_fadvise DONTNEED on our own files only):
//   indexing MB/s (scan vs sidecar load), random-access and block-shuffled lines/s with every
//   shard mapped vs every shard streamed vs the budget's plan (--budget, e.g. half the data),
// and training steps/s of the intent classifier from a small dataset, in memory vs streamed.
// usage: data_cache_bench [--dir DIR] [--gb 2] [--shards 8] [--budget 1G] [--train-records 20000]
//                         [--reads 2000000] [--threads 1] [--rounds 5] [--skip-io] [--keep]
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "anvil/core/config.h"
#include "anvil/core/rng.h"
#include "anvil/data/data_cache.h"
#include "anvil/data/intent_record.h"
#include "anvil/data/intent_shards.h"
#include "anvil/data/jsonl.h"
#include "anvil/data/loader.h"
#include "anvil/data/shard_index.h"
#include "anvil/data/sharded_jsonl.h"
#include "anvil/datagen/generator.h"
#include "anvil/models/intent_features.h"
#include "anvil/pipeline/intent_training.h"

using namespace anvil;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void evict(const std::vector<std::string>& files) {
  for (const auto& f : files) {
    const int fd = ::open(f.c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

std::string cpu_line() {
  std::ifstream in("/proc/cpuinfo");
  std::string line, model, flags;
  while (std::getline(in, line)) {
    if (model.empty() && line.rfind("model name", 0) == 0) model = line.substr(line.find(':') + 2);
    if (flags.empty() && line.rfind("flags", 0) == 0) {
      for (const char* f : {"avx", "avx2", "fma", "avx512f", "avx512bw", "avx512_bf16", "amx_tile"})
        if ((" " + line + " ").find(std::string(" ") + f + " ") != std::string::npos)
          flags += std::string(f) + " ";
    }
  }
  return model + ", " + std::to_string(::sysconf(_SC_NPROCESSORS_ONLN)) + " cores; flags: " + flags;
}

// Lines of a datagen file, as templates for the shards.
std::vector<std::string> template_lines(const std::string& dir, int64_t n) {
  datagen::DatagenOptions o;
  o.n = n;
  o.seed = 7;
  o.output = dir + "/templates.jsonl";
  datagen::generate_dataset(o);
  const data::JsonlFile file(o.output);
  std::vector<std::string> lines;
  for (size_t i = 0; i < file.size(); ++i) lines.emplace_back(file.line(i));
  std::filesystem::remove(o.output);
  return lines;
}

std::vector<std::string> write_shards(const std::string& dir, const std::vector<std::string>& lines,
                                      uint64_t total, int shards) {
  std::vector<std::string> paths;
  Rng rng(3);
  const uint64_t per = total / static_cast<uint64_t>(shards);
  for (int k = 0; k < shards; ++k) {
    char name[64];
    std::snprintf(name, sizeof(name), "/shard-%03d.jsonl", k);
    paths.push_back(dir + name);
    std::ofstream out(paths.back(), std::ios::binary);
    std::string buf;
    uint64_t written = 0;
    while (written < per) {
      buf.clear();
      while (buf.size() < (1 << 20)) buf += rng.choice(lines) + "\n";
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      written += buf.size();
    }
  }
  return paths;
}

struct ReadResult {
  double lines_per_s = 0, mb_per_s = 0;
  data::ShardedJsonlStats stats;
};

ReadResult read_lines(const std::vector<std::string>& files, data::DataCacheOptions o,
                      const std::vector<int64_t>& order) {
  evict(files);
  const data::ShardedJsonl shards(files, o);
  std::string scratch;
  uint64_t bytes = 0;
  const auto t = Clock::now();
  uint64_t colons = 0;  // touch every byte of every line, as a parser would
  for (int64_t i : order) {
    const std::string_view line = shards.line(static_cast<size_t>(i), scratch);
    bytes += line.size();
    colons += static_cast<uint64_t>(std::count(line.begin(), line.end(), ':'));
  }
  if (colons == 0) std::printf("(no colons?)\n");
  const double s = since(t);
  return {static_cast<double>(order.size()) / s, static_cast<double>(bytes) / 1e6 / s,
          shards.stats()};
}

void print_read(const char* what, const ReadResult& r) {
  std::printf(
      "  %-34s %10.0f lines/s %8.1f MB/s  (mapped %zu, streamed %zu; blocks hit %llu, "
      "miss %llu, evicted %llu)\n",
      what, r.lines_per_s, r.mb_per_s, r.stats.mapped_files, r.stats.streamed_files,
      static_cast<unsigned long long>(r.stats.block_hits),
      static_cast<unsigned long long>(r.stats.block_misses),
      static_cast<unsigned long long>(r.stats.block_evictions));
}

double train_steps_per_s(const std::string& data, const std::string& run_dir, const char* stream,
                         int threads) {
  Config c = Config::from_defaults();
  c.apply_overrides({"data.path=" + data, std::string("data.stream=") + stream, "train.epochs=1",
                     "run.threads=" + std::to_string(threads), "train.mode=train_only",
                     "track.enabled=false", "eval.calibrate=false",
                     "train.early_stopping_patience=0"});
  auto o = pipeline::IntentTrainOptions::from_config(c);
  o.run_dir = run_dir;
  o.progress = false;
  const auto r = pipeline::train_intent_classifier(o);
  return r.steps_per_second;
}

void io_benchmarks(const std::string& dir, double gb, int shards, const std::string& budget_text,
                   int64_t reads, bool keep) {
  const uint64_t budget = data::parse_cache_budget(budget_text, "--budget");
  const auto templates = template_lines(dir, 50000);
  auto t = Clock::now();
  const auto files = write_shards(dir, templates, static_cast<uint64_t>(gb * (1ull << 30)), shards);
  uint64_t total = 0;
  for (const auto& f : files) total += std::filesystem::file_size(f);
  std::printf("shards: %d x %s = %s in %.1f s; budget %s\n", shards,
              data::format_bytes(total / files.size()).c_str(), data::format_bytes(total).c_str(),
              since(t), data::format_bytes(budget).c_str());

  // Indexing: cold scan, then sidecar load.
  evict(files);
  t = Clock::now();
  uint64_t lines = 0;
  for (const auto& f : files) {
    data::ShardIndex index = data::build_shard_index(f);
    lines += index.lines.size();
    data::write_shard_sidecar(index);
  }
  double s = since(t);
  std::printf("index (cold scan + sidecar write): %llu lines in %.2f s = %.0f MB/s, %.0f lines/s\n",
              static_cast<unsigned long long>(lines), s, total / 1e6 / s, lines / s);
  evict(files);
  t = Clock::now();
  for (const auto& f : files) data::build_shard_index(f);
  s = since(t);
  std::printf("index (cold scan only): %.2f s = %.0f MB/s\n", s, total / 1e6 / s);
  t = Clock::now();
  for (const auto& f : files) data::load_shard_index(f);
  s = since(t);
  std::printf("index (sidecar load): %.3f s = %.0f MB of shard per s\n", s, total / 1e6 / s);

  // Random access and block-shuffled reads.
  Rng rng(11);
  // Uniform random reads are the worst case of a block cache (each miss reads a whole block):
  // a tenth as many of them.
  std::vector<int64_t> random(static_cast<size_t>(std::max<int64_t>(reads / 10, 1)));
  for (auto& i : random) i = rng.uniform_int(0, static_cast<int64_t>(lines) - 1);
  std::vector<int64_t> all(lines);
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
  data::LoaderOptions lo;
  lo.shuffle_block = 1024;
  lo.shuffle_buffer = 8192;
  std::vector<int64_t> blocked = data::epoch_order(all, lo, 1);
  blocked.resize(std::min<size_t>(blocked.size(), static_cast<size_t>(reads)));
  data::DataCacheOptions o;
  o.budget_bytes = budget;
  for (const auto& [name, order] :
       {std::pair<const char*, const std::vector<int64_t>*>{"uniform random", &random},
        {"block shuffle (1024 lines, buf 8192)", &blocked}}) {
    std::printf("%s, %zu reads, cold start:\n", name, order->size());
    o.stream = data::StreamMode::kNever;
    print_read("all mapped", read_lines(files, o, *order));
    o.stream = data::StreamMode::kAlways;
    print_read("all streamed (pread, 64 x 1 MiB LRU)", read_lines(files, o, *order));
    o.block_bytes = 64 << 10;
    print_read("all streamed (pread, 64 x 64 KiB LRU)", read_lines(files, o, *order));
    o.block_bytes = 1 << 20;
    o.stream = data::StreamMode::kAuto;
    print_read(("budget " + budget_text + " plan").c_str(), read_lines(files, o, *order));
  }
  if (!keep) {
    for (const auto& f : files) {
      std::filesystem::remove(f);
      std::filesystem::remove(data::sidecar_path(f));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = (std::filesystem::temp_directory_path() / "anvil-cache-bench").string();
  double gb = 2;
  int shards = 8;
  std::string budget_text = "1G";
  int64_t train_records = 20000, reads = 2000000;
  bool keep = false, skip_io = false;
  int threads = 1, rounds = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--dir")
      dir = next();
    else if (a == "--gb")
      gb = std::stod(next());
    else if (a == "--shards")
      shards = std::stoi(next());
    else if (a == "--budget")
      budget_text = next();
    else if (a == "--train-records")
      train_records = std::stoll(next());
    else if (a == "--reads")
      reads = std::stoll(next());
    else if (a == "--keep")
      keep = true;
    else if (a == "--skip-io")
      skip_io = true;
    else if (a == "--threads")
      threads = std::stoi(next());
    else if (a == "--rounds")
      rounds = std::stoi(next());
    else {
      std::fprintf(stderr, "unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  try {
    std::printf("cpu: %s\n", cpu_line().c_str());
    std::filesystem::create_directories(dir);
    if (!skip_io) io_benchmarks(dir, gb, shards, budget_text, reads, keep);
    // Training throughput on a small dataset: in memory vs streamed from the same file.
    datagen::DatagenOptions g;
    g.n = train_records;
    g.seed = 11;
    g.output = dir + "/train.jsonl";
    datagen::generate_dataset(g);
    // The data path alone, per batch of 256: reading and parsing the records from a streamed
    // shard in block-shuffled order, then encoding the texts (the rest of tensorizing is small).
    {
      data::DataCacheOptions o;
      o.stream = data::StreamMode::kAlways;
      const data::ShardedJsonl shards({g.output}, o);
      std::vector<int64_t> all(shards.size());
      for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
      data::LoaderOptions lo;
      lo.batch_size = 256;
      lo.shuffle_block = 1024;
      lo.shuffle_buffer = 8192;
      const auto batches = data::epoch_batches(all, lo, 1);
      double parse_s = 0, encode_s = 0;
      for (const auto& b : batches) {
        auto t0 = Clock::now();
        const auto records = data::read_intent_records(shards, b);
        parse_s += since(t0);
        t0 = Clock::now();
        std::vector<std::string> texts;
        for (const auto& r : records) texts.push_back(r.text);
        models::encode_requests(texts, 128, 8);
        encode_s += since(t0);
      }
      std::printf(
          "batch preparation (256 records, streamed, block shuffle): read+parse %.2f ms, "
          "encode %.2f ms per batch\n",
          1e3 * parse_s / batches.size(), 1e3 * encode_s / batches.size());
    }
    // Alternating rounds after a warm-up run, so machine noise and one-time start-up costs hit
    // both alike; the median of the rounds is reported.
    train_steps_per_s(g.output, dir + "/run-warmup", "never", threads);
    std::vector<double> mem, str;
    for (int round = 0; round < rounds; ++round) {
      const std::string r = std::to_string(round);
      mem.push_back(train_steps_per_s(g.output, dir + "/run-mem" + r, "never", threads));
      str.push_back(train_steps_per_s(g.output, dir + "/run-stream" + r, "always", threads));
      std::printf("training round %d: in memory %.2f steps/s, streamed %.2f steps/s\n", round,
                  mem.back(), str.back());
      std::fflush(stdout);
    }
    std::sort(mem.begin(), mem.end());
    std::sort(str.begin(), str.end());
    const size_t mid = mem.size() / 2;
    std::printf(
        "training (%lld records, 1 epoch, batch 256, %d thread(s), median of %d): in "
        "memory %.2f steps/s, streamed %.2f steps/s (%+.1f%%)\n",
        static_cast<long long>(train_records), threads, rounds, mem[mid], str[mid],
        100.0 * (str[mid] / mem[mid] - 1));
    if (!keep) std::filesystem::remove_all(dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "data_cache_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
