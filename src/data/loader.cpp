// Epoch order (full or block shuffle) and batch planning for DataLoader.
#include "anvil/data/loader.h"

#include <algorithm>
#include <string>

#include "anvil/core/error.h"

namespace anvil::data {

namespace {

// Sorted blocks of `block` indices in a seeded order, through a seeded buffer of `buffer`.
std::vector<int64_t> block_shuffle(std::vector<int64_t> sorted, int64_t block, int64_t buffer,
                                   Rng& rng) {
  std::sort(sorted.begin(), sorted.end());
  const size_t n = sorted.size(), b = static_cast<size_t>(block);
  std::vector<size_t> blocks((n + b - 1) / b);
  for (size_t i = 0; i < blocks.size(); ++i) blocks[i] = i;
  rng.shuffle(blocks);
  std::vector<int64_t> out;
  out.reserve(n);
  std::vector<int64_t> pool;  // the shuffle buffer
  const size_t cap = static_cast<size_t>(std::max<int64_t>(buffer, 1));
  pool.reserve(cap);
  for (size_t k : blocks) {
    for (size_t i = k * b; i < std::min(n, (k + 1) * b); ++i) {
      if (pool.size() < cap) {
        pool.push_back(sorted[i]);
        continue;
      }
      const size_t j = static_cast<size_t>(rng.uniform_int(0, static_cast<int64_t>(cap) - 1));
      out.push_back(pool[j]);
      pool[j] = sorted[i];
    }
  }
  rng.shuffle(pool);  // drain what is left in random order
  out.insert(out.end(), pool.begin(), pool.end());
  return out;
}

}  // namespace

std::vector<int64_t> epoch_order(const std::vector<int64_t>& indices, const LoaderOptions& options,
                                 int64_t epoch) {
  if (options.shuffle_block < 0)
    throw usage_error("data.shuffle_block = " + std::to_string(options.shuffle_block) +
                      ": must be >= 0 (0 = full shuffle)");
  if (options.shuffle_buffer < 0)
    throw usage_error("data.shuffle_buffer = " + std::to_string(options.shuffle_buffer) +
                      ": must be >= 0");
  if (!options.shuffle) return indices;
  Rng rng = Rng(options.seed).fork(static_cast<uint64_t>(epoch));
  if (options.shuffle_block > 0)
    return block_shuffle(indices, options.shuffle_block, options.shuffle_buffer, rng);
  std::vector<int64_t> order = indices;
  rng.shuffle(order);
  return order;
}

std::vector<std::vector<int64_t>> epoch_batches(const std::vector<int64_t>& indices,
                                                const LoaderOptions& options, int64_t epoch) {
  if (options.batch_size < 1)
    throw usage_error("train.batch_size = " + std::to_string(options.batch_size) +
                      ": must be >= 1");
  const std::vector<int64_t> order = epoch_order(indices, options, epoch);
  std::vector<std::vector<int64_t>> batches;
  for (size_t i = 0; i < order.size(); i += static_cast<size_t>(options.batch_size)) {
    size_t end = std::min(order.size(), i + static_cast<size_t>(options.batch_size));
    if (options.drop_last && end - i < static_cast<size_t>(options.batch_size)) break;
    batches.emplace_back(order.begin() + i, order.begin() + end);
  }
  return batches;
}

}  // namespace anvil::data
