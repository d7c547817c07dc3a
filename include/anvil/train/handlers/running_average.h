// RunningAverage: averages every value of the step output over each epoch and stores the means in
// State::metrics as "train_<key>" at the end of the epoch (e.g. train_loss, train_intent_acc).
// Its sums are checkpointed, so an epoch resumed mid-way reports the same means.
#pragma once

#include <map>

#include "anvil/train/engine.h"

namespace anvil::train {

class RunningAverage : public Handler {
 public:
  void attach(Engine& engine) override;
  std::string name() const override { return "running_average"; }
  std::string save_state() const override;  // {"key": [sum, count], ...}
  void load_state(const std::string& state) override;
  // Mean so far in the current epoch ("" key absent -> NaN).
  double mean(const std::string& key) const;

 private:
  std::map<std::string, std::pair<double, int64_t>> sums_;
};

}  // namespace anvil::train
