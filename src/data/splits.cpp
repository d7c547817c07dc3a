// Seeded splits.
#include "anvil/data/splits.h"

#include <cmath>
#include <numeric>
#include <string>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"

namespace anvil::data {
namespace {
std::vector<int64_t> permutation(int64_t n, uint64_t seed) {
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), 0);
  Rng rng(seed ^ 0x5EEDull);
  rng.shuffle(idx);
  return idx;
}
}  // namespace

Split train_validation_split(int64_t n, double train_ratio, uint64_t seed) {
  if (!(train_ratio > 0 && train_ratio <= 1))
    throw usage_error("data.train_ratio = " + std::to_string(train_ratio) + ": must be in (0, 1]");
  auto idx = permutation(n, seed);
  int64_t n_train = static_cast<int64_t>(std::llround(static_cast<double>(n) * train_ratio));
  if (train_ratio < 1 && n >= 2) n_train = std::min(std::max<int64_t>(n_train, 1), n - 1);
  Split s;
  s.train.assign(idx.begin(), idx.begin() + n_train);
  s.validation.assign(idx.begin() + n_train, idx.end());
  return s;
}

std::vector<Split> k_fold_splits(int64_t n, int64_t k, uint64_t seed) {
  if (k < 2) throw usage_error("folds = " + std::to_string(k) + ": need at least 2 folds").about("folds");
  if (n < k)
    throw Error("cannot make " + std::to_string(k) + " folds from " + std::to_string(n) +
                " records");
  auto idx = permutation(n, seed);
  std::vector<Split> folds(static_cast<size_t>(k));
  for (int64_t f = 0; f < k; ++f) {
    const int64_t begin = n * f / k, end = n * (f + 1) / k;
    for (int64_t i = 0; i < n; ++i) {
      (i >= begin && i < end ? folds[f].validation : folds[f].train).push_back(idx[i]);
    }
  }
  return folds;
}

}  // namespace anvil::data
