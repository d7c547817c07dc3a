// Replay for progressive training: a new phase's data gets a small share of earlier phases'
// training records mixed in, the standard cheap defence against forgetting earlier specialists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace anvil::pipeline {

// Chooses which earlier records to replay into a phase of `new_records` records.
// `earlier[i]` is the specialist of earlier record i. round(fraction * new_records) records are
// spread evenly over the earlier specialists in name order (the first `total % k` get one more);
// a specialist with fewer records than its share gives all it has (the shortfall is not moved to
// others). Within a specialist the records are a uniform draw without replacement, a pure
// function of `seed`. Returns sorted indices into `earlier`. fraction must be in [0, 1].
std::vector<size_t> choose_replay(const std::vector<std::string>& earlier, int64_t new_records,
                                  double fraction, uint64_t seed);

}  // namespace anvil::pipeline
