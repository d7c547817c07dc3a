// DistributedSampler: which examples each rank reads in an epoch. Every rank computes the same
// seeded permutation of the epoch (or the plain order), makes its length a multiple of the world
// size — by repeating its start (pad) or dropping its tail (drop_last) — and takes every
// world-size-th index from its rank on. The shards are disjoint (up to the padding) and their union
// is the epoch; the same seed and epoch give the same shards on every machine.
#pragma once

#include <cstdint>
#include <vector>

namespace anvil::dist {

struct SamplerOptions {
  int rank = 0;
  int world_size = 1;
  uint64_t seed = 0;
  bool shuffle = true;     // false: the examples in order (the caller already shuffled them)
  bool drop_last = false;  // false: pad with the permutation's first indices
};

class DistributedSampler {
 public:
  DistributedSampler(int64_t examples, SamplerOptions options);
  // This rank's indices into [0, examples) for `epoch`.
  std::vector<int64_t> indices(int64_t epoch) const;
  // How many indices every rank gets per epoch.
  int64_t shard_size() const;

 private:
  int64_t examples_;
  SamplerOptions o_;
};

}  // namespace anvil::dist
