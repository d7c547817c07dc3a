// Data-path throughput: datagen records/s, JSONL indexing (MB/s, lines/s) and random-access record
// parsing (records/s, MB/s). usage: data_throughput [N=200000]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "anvil/core/rng.h"
#include "anvil/data/intent_record.h"
#include "anvil/data/jsonl.h"
#include "anvil/datagen/generator.h"

using namespace anvil;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  const int64_t n = argc > 1 ? std::stoll(argv[1]) : 200000;
  const std::string path =
      (std::filesystem::temp_directory_path() / "anvil-data-bench.jsonl").string();
  try {
    datagen::DatagenOptions o;
    o.n = n;
    o.seed = 1;
    o.output = path;
    auto t = Clock::now();
    auto rep = datagen::generate_dataset(o);
    double s = since(t);
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::printf(
        "datagen: %lld records (%.1f MB) in %.3fs = %.0f records/s (1 thread, incl. write+fsync)\n",
        static_cast<long long>(rep.written), mb, s, rep.written / s);

    t = Clock::now();
    data::JsonlFile file(path);
    s = since(t);
    std::printf("jsonl index: %zu lines in %.4fs = %.0f MB/s, %.0f lines/s\n", file.size(), s,
                mb / s, file.size() / s);

    Rng rng(3);
    const size_t reads = std::min<size_t>(file.size(), 100000);
    size_t bytes = 0;
    int64_t checksum = 0;
    t = Clock::now();
    for (size_t i = 0; i < reads; ++i) {
      size_t k = static_cast<size_t>(rng.uniform_int(0, static_cast<int64_t>(file.size()) - 1));
      auto line = file.line(k);
      bytes += line.size();
      auto r = data::parse_intent_record(line, path, file.line_number(k));
      checksum += r.operand_count;
    }
    s = since(t);
    std::printf(
        "random access + parse: %zu records in %.3fs = %.0f records/s, %.1f MB/s (checksum %lld)\n",
        reads, s, reads / s, bytes / 1e6 / s, static_cast<long long>(checksum));

    t = Clock::now();
    auto all = data::load_intent_records(path);
    s = since(t);
    std::printf("sequential load: %zu records in %.3fs = %.0f records/s, %.0f MB/s\n", all.size(),
                s, all.size() / s, mb / s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "data_throughput: error: %s\n", e.what());
    return 1;
  }
  std::filesystem::remove(path);
  return 0;
}
