// Epoch batch planning for DataLoader.
#include "anvil/data/loader.h"

#include <string>

#include "anvil/core/error.h"

namespace anvil::data {

std::vector<std::vector<int64_t>> epoch_batches(const std::vector<int64_t>& indices,
                                                const LoaderOptions& options, int64_t epoch) {
  if (options.batch_size < 1)
    throw usage_error("train.batch_size = " + std::to_string(options.batch_size) +
                      ": must be >= 1");
  std::vector<int64_t> order = indices;
  if (options.shuffle) {
    Rng rng = Rng(options.seed).fork(static_cast<uint64_t>(epoch));
    rng.shuffle(order);
  }
  std::vector<std::vector<int64_t>> batches;
  for (size_t i = 0; i < order.size(); i += static_cast<size_t>(options.batch_size)) {
    size_t end = std::min(order.size(), i + static_cast<size_t>(options.batch_size));
    if (options.drop_last && end - i < static_cast<size_t>(options.batch_size)) break;
    batches.emplace_back(order.begin() + i, order.begin() + end);
  }
  return batches;
}

}  // namespace anvil::data
