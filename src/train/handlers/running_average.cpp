// Per-epoch running means of step outputs.
#include "anvil/train/handlers/running_average.h"

#include <cmath>

namespace anvil::train {

void RunningAverage::attach(Engine& engine) {
  engine.on(on(Event::kEpochStarted), [this](Engine&) { sums_.clear(); });
  engine.on(on(Event::kIterationCompleted), [this](Engine& e) {
    for (const auto& [k, v] : e.state().output) {
      auto& s = sums_[k];
      s.first += v;
      s.second += 1;
    }
  });
  engine.on(on(Event::kEpochCompleted), [this](Engine& e) {
    for (const auto& [k, s] : sums_) e.state().metrics["train_" + k] = s.first / s.second;
  });
}

double RunningAverage::mean(const std::string& key) const {
  auto it = sums_.find(key);
  return it == sums_.end() || it->second.second == 0 ? NAN : it->second.first / it->second.second;
}

}  // namespace anvil::train
