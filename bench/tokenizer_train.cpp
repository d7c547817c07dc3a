// Training throughput of anvil's byte-level BPE trainer: MB of JSONL input per second for an 8k
// and a 32k vocabulary, on real text from the machine written as {"text": ...} records.
// usage: tokenizer_train [MB=20] [THREADS=0]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "../tests/tokenize/real_text_corpus.h"
#include "anvil/core/fs.h"
#include "anvil/tokenize/bpe_trainer.h"

using namespace anvil;

int main(int argc, char** argv) {
  const double mb = argc > 1 ? std::atof(argv[1]) : 20.0;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  const auto docs = testing::real_text_corpus(static_cast<size_t>(mb * 1e6), 4096);
  std::string jsonl;
  for (const auto& d : docs) jsonl += nlohmann::json{{"text", d}}.dump() + "\n";
  const std::string path =
      (std::filesystem::temp_directory_path() / "anvil-tokenizer-train-bench.jsonl").string();
  write_file_atomic(path, jsonl);
  const double file_mb = jsonl.size() / 1e6;
  std::printf("input %zu records, %.2f MB of JSONL\n", docs.size(), file_mb);
  for (int64_t vocab : {8000, 32000}) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto words = tokenize::count_words_jsonl(path, "text", tokenize::kGpt2Pattern, threads);
    const auto t1 = std::chrono::steady_clock::now();
    tokenize::BpeTrainOptions o;
    o.vocab_size = vocab;
    o.special_tokens = {"<|endoftext|>"};
    o.threads = threads;
    const auto tok = tokenize::train_bpe(words, o);
    const auto t2 = std::chrono::steady_clock::now();
    const double count_s = std::chrono::duration<double>(t1 - t0).count();
    const double merge_s = std::chrono::duration<double>(t2 - t1).count();
    std::printf(
        "vocab %6lld: %zu distinct words, %zu merges; count %.2fs + merges %.2fs = %.2fs, "
        "%.1f MB/s\n",
        static_cast<long long>(tok.vocab_size()), words.size(), tok.merges().size(), count_s,
        merge_s, count_s + merge_s, file_mb / (count_s + merge_s));
  }
  std::filesystem::remove(path);
  return 0;
}
