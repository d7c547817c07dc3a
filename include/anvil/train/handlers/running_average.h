// RunningAverage: averages every value of the step output over each epoch and stores the means in
// State::metrics as "train_<key>" at the end of the epoch (e.g. train_loss, train_intent_acc).
#pragma once

#include <map>

#include "anvil/train/engine.h"

namespace anvil::train {

class RunningAverage : public Handler {
 public:
  void attach(Engine& engine) override;
  std::string name() const override { return "running_average"; }
  // Mean so far in the current epoch ("" key absent -> NaN).
  double mean(const std::string& key) const;

 private:
  std::map<std::string, std::pair<double, int64_t>> sums_;
};

}  // namespace anvil::train
