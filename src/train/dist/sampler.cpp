// DistributedSampler: one permutation per epoch, strided over the ranks.
#include "anvil/train/dist/sampler.h"

#include <numeric>
#include <string>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"

namespace anvil::dist {

DistributedSampler::DistributedSampler(int64_t examples, SamplerOptions options)
    : examples_(examples), o_(options) {
  if (examples < 0) throw Error("DistributedSampler: negative example count");
  if (o_.world_size < 1 || o_.rank < 0 || o_.rank >= o_.world_size)
    throw usage_error("DistributedSampler: rank " + std::to_string(o_.rank) +
                      " is not in a world of " + std::to_string(o_.world_size));
}

int64_t DistributedSampler::shard_size() const {
  const int64_t w = o_.world_size;
  return o_.drop_last ? examples_ / w : (examples_ + w - 1) / w;
}

std::vector<int64_t> DistributedSampler::indices(int64_t epoch) const {
  std::vector<int64_t> order(static_cast<size_t>(examples_));
  std::iota(order.begin(), order.end(), 0);
  if (o_.shuffle) Rng(o_.seed).fork(static_cast<uint64_t>(epoch)).shuffle(order);
  const int64_t total = shard_size() * o_.world_size;
  std::vector<int64_t> mine;
  mine.reserve(static_cast<size_t>(shard_size()));
  for (int64_t i = o_.rank; i < total; i += o_.world_size)
    mine.push_back(order[static_cast<size_t>(i % std::max<int64_t>(examples_, 1))]);
  return mine;
}

}  // namespace anvil::dist
