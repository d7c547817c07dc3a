// Replay selection.
#include "anvil/pipeline/replay.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "anvil/core/error.h"
#include "anvil/core/rng.h"

namespace anvil::pipeline {

std::vector<size_t> choose_replay(const std::vector<std::string>& earlier, int64_t new_records,
                                  double fraction, uint64_t seed) {
  if (!(fraction >= 0 && fraction <= 1))
    throw usage_error("lm.replay_fraction = " + std::to_string(fraction) + ": must be in [0, 1]");
  std::map<std::string, std::vector<size_t>> by;  // name order
  for (size_t i = 0; i < earlier.size(); ++i) by[earlier[i]].push_back(i);
  const int64_t total = std::llround(fraction * static_cast<double>(new_records));
  std::vector<size_t> out;
  if (total <= 0 || by.empty()) return out;
  const int64_t k = static_cast<int64_t>(by.size());
  int64_t rank = 0;
  for (auto& [name, idx] : by) {
    const int64_t share = total / k + (rank < total % k ? 1 : 0);
    Rng(seed).fork(static_cast<uint64_t>(rank)).shuffle(idx);
    const size_t take = static_cast<size_t>(std::min<int64_t>(share, idx.size()));
    out.insert(out.end(), idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(take));
    ++rank;
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace anvil::pipeline
