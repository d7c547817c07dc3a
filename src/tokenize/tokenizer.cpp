// Tokenizer::encode_batch: documents split into contiguous chunks, one per worker thread.
#include "anvil/tokenize/tokenizer.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace anvil::tokenize {

std::vector<std::vector<int64_t>> Tokenizer::encode_batch(
    const std::vector<std::string_view>& texts, int threads) const {
  std::vector<std::vector<int64_t>> out(texts.size());
  size_t n_threads = threads > 0 ? static_cast<size_t>(threads)
                                 : std::max(1u, std::thread::hardware_concurrency());
  n_threads = std::min(n_threads, std::max<size_t>(1, texts.size()));
  // Workers take small blocks from a shared counter so long documents do not unbalance them.
  std::atomic<size_t> next{0};
  constexpr size_t kBlock = 16;
  std::exception_ptr error;
  std::atomic<bool> failed{false};
  auto work = [&] {
    try {
      for (;;) {
        const size_t begin = next.fetch_add(kBlock);
        if (begin >= texts.size() || failed) return;
        const size_t end = std::min(texts.size(), begin + kBlock);
        for (size_t i = begin; i < end; ++i) encode_append(texts[i], out[i]);
      }
    } catch (...) {
      if (!failed.exchange(true)) error = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < n_threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
  return out;
}

}  // namespace anvil::tokenize
