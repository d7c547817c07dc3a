// Train/validation and k-fold splits over record indices, shuffled with a seed so the same seed
// always gives the same split.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace anvil::data {

struct Split {
  std::vector<int64_t> train;
  std::vector<int64_t> validation;
};

// Shuffles 0..n-1 and puts round(n * train_ratio) indices in train (at least 1 in each part when
// n >= 2). train_ratio must be in (0, 1].
Split train_validation_split(int64_t n, double train_ratio, uint64_t seed);

// k folds: fold i validates on the i-th contiguous chunk of a seeded permutation.
std::vector<Split> k_fold_splits(int64_t n, int64_t k, uint64_t seed);

}  // namespace anvil::data
