// Word counting for BPE training: pre-tokenize texts (or a JSONL field) on several threads, each
// with its own map, then merge the maps.
#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

#include "anvil/core/error.h"
#include "anvil/core/progress.h"
#include "anvil/data/jsonl.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/pretokenizer.h"

namespace anvil::tokenize {

namespace {

size_t thread_count(int threads, size_t work_items) {
  const size_t n = threads > 0 ? static_cast<size_t>(threads)
                               : std::max(1u, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(n, work_items));
}

void count_into(WordCounts& counts, const RegexSplitter& splitter, RegexSplitter::Scratch& scratch,
                std::vector<std::string_view>& pieces, std::string_view text, std::string& key) {
  splitter.split(text, scratch, pieces);
  for (std::string_view p : pieces) {
    key.assign(p.data(), p.size());
    ++counts[key];
  }
}

// Runs `body(thread_index, begin, end)` over blocks of [0, n) on `n_threads` threads, thread 0
// being the caller; rethrows the first exception.
template <typename Body>
void parallel_blocks(size_t n, size_t n_threads, size_t block, Body body) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  auto work = [&](size_t t) {
    try {
      for (;;) {
        const size_t begin = next.fetch_add(block);
        if (begin >= n || failed) return;
        body(t, begin, std::min(n, begin + block));
      }
    } catch (...) {
      if (!failed.exchange(true)) error = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n_threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
}

WordCounts merge_counts(std::vector<WordCounts>& per_thread) {
  WordCounts total = std::move(per_thread[0]);
  for (size_t t = 1; t < per_thread.size(); ++t)
    for (auto& [word, n] : per_thread[t]) total[word] += n;
  return total;
}

}  // namespace

WordCounts count_words(const std::vector<std::string_view>& texts, const std::string& pattern,
                       int threads) {
  RegexSplitter splitter(pattern);
  const size_t n_threads = thread_count(threads, texts.size());
  std::vector<WordCounts> counts(n_threads);
  parallel_blocks(texts.size(), n_threads, 64, [&](size_t t, size_t begin, size_t end) {
    RegexSplitter::Scratch scratch(splitter);
    std::vector<std::string_view> pieces;
    std::string key;
    for (size_t i = begin; i < end; ++i)
      count_into(counts[t], splitter, scratch, pieces, texts[i], key);
  });
  return merge_counts(counts);
}

WordCounts count_words_jsonl(const std::string& path, const std::string& field,
                             const std::string& pattern, int threads, bool progress) {
  data::JsonlFile file(path);
  RegexSplitter splitter(pattern);
  const size_t n_threads = thread_count(threads, file.size());
  std::vector<WordCounts> counts(n_threads);
  ProgressOptions po;
  po.label = "count words";
  po.unit = "rec";
  po.enabled = progress;
  ProgressBar bar(static_cast<int64_t>(file.size()), po);
  std::atomic<size_t> done{0};
  size_t shown = 0;
  parallel_blocks(file.size(), n_threads, 1024, [&](size_t t, size_t begin, size_t end) {
    simdjson::dom::parser parser;
    RegexSplitter::Scratch scratch(splitter);
    std::vector<std::string_view> pieces;
    std::string key;
    for (size_t i = begin; i < end; ++i) {
      const std::string_view line = file.line(i);
      auto where = [&] { return path + ":" + std::to_string(file.line_number(i)); };
      simdjson::dom::element record;
      if (auto err = parser.parse(line.data(), line.size()).get(record); err != simdjson::SUCCESS)
        throw Error(where() + ": not valid JSON (" + simdjson::error_message(err) + ")");
      std::string_view text;
      if (record.at_key(field).get_string().get(text) != simdjson::SUCCESS)
        throw Error(where() + ": expected a string field \"" + field + "\"");
      count_into(counts[t], splitter, scratch, pieces, text, key);
    }
    done += end - begin;
    if (t == 0) {  // only the calling thread draws
      const size_t now = done;
      bar.update(static_cast<int64_t>(now - shown));
      shown = now;
    }
  });
  bar.update(static_cast<int64_t>(file.size() - shown));
  bar.finish();
  return merge_counts(counts);
}

}  // namespace anvil::tokenize
