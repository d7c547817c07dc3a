// Specialist generation throughput: examples/s on one core for each specialist (generate + the
// JSONL record, in memory), then the whole mixed dataset written to disk with 1..T threads
// (scaling; the file is byte-identical for every thread count). bench/run_specialist_bench.sh
// runs this beside bench/python/specialist_datagen.py and prints the ratios.
// usage: specialist_datagen [N_PER_SPECIALIST=20000] [MAX_THREADS=hardware] [NAMES=all]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "anvil/core/fs.h"
#include "anvil/core/rng.h"
#include "anvil/datagen/specialist_generator.h"

using namespace anvil;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv) {
  const int64_t n = argc > 1 ? std::stoll(argv[1]) : 20000;
  const int max_threads = argc > 2
                              ? std::stoi(argv[2])
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::string names = argc > 3 ? argv[3] : "all";
  try {
    const auto specs = datagen::select_specialists(names);
    // 1. One core, per specialist: generate the example and its JSONL record in memory.
    datagen::Example ex;
    std::string buffer;
    double total_seconds = 0;
    int64_t total = 0;
    for (const datagen::SpecialistSpec* spec : specs) {
      size_t bytes = 0;
      const auto t = Clock::now();
      for (int64_t i = 0; i < n; ++i) {
        datagen::generate_specialist_example(*spec, 1, static_cast<uint64_t>(i), &ex);
        datagen::append_specialist_record(*spec, ex, static_cast<uint64_t>(i),
                                          datagen::RecordFormat::kText, &buffer);
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
          bytes += buffer.size();
          buffer.clear();
        }
      }
      const double s = since(t);
      bytes += buffer.size();
      buffer.clear();
      total_seconds += s;
      total += n;
      std::printf("single %-24s %10.0f ex/s  %7.1f MB/s\n", spec->name.c_str(), n / s,
                  bytes / 1e6 / s);
    }
    std::printf("single %-24s %10.0f ex/s\n", "ALL(mean)", total / total_seconds);

    // 2. Thread scaling on the mixed dataset, written to disk.
    // tmpfs when there is one, so the figure is generation, not the disk.
    const std::filesystem::path dir = std::filesystem::is_directory("/dev/shm")
                                          ? std::filesystem::path("/dev/shm")
                                          : std::filesystem::temp_directory_path();
    const std::string path = (dir / "anvil-specialist-bench.jsonl").string();
    std::string first;
    double base = 0;
    for (int threads = 1; threads <= max_threads; threads *= 2) {
      datagen::SpecialistDatagenOptions o;
      o.specialists = names;
      o.n = n * static_cast<int64_t>(specs.size()) / 4;
      o.seed = 7;
      o.threads = threads;
      o.output = path;
      const auto report = datagen::generate_specialist_dataset(o);
      const double rate = report.written / report.seconds;
      if (threads == 1) base = rate;
      const std::string content = read_file(path);
      if (threads == 1) first = content;
      std::printf(
          "threads %2d %10.0f ex/s  speedup %.2fx  identical=%s  (%lld records, %.1f MB, "
          "written to %s)\n",
          threads, rate, rate / base, content == first ? "yes" : "NO",
          static_cast<long long>(report.written), content.size() / 1e6, dir.c_str());
      if (threads * 2 > max_threads && threads != max_threads) threads = max_threads / 2;
    }
    std::filesystem::remove(path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "specialist_datagen: %s\n", e.what());
    return 1;
  }
  return 0;
}
