// EarlyStopping: stops training when `score_key` (higher is better) has not improved by more than
// `min_delta` for `patience` evaluations. Attach after the evaluator that produces the score.
#pragma once

#include <limits>

#include "anvil/train/engine.h"

namespace anvil::train {

struct EarlyStoppingOptions {
  std::string score_key = "val_intent_acc";
  int64_t patience = 5;  // 0 disables
  double min_delta = 0.0;
};

class EarlyStopping : public Handler {
 public:
  explicit EarlyStopping(EarlyStoppingOptions options);
  void attach(Engine& engine) override;
  std::string name() const override { return "early_stopping"; }
  std::string save_state() const override;
  void load_state(const std::string& state) override;

  int64_t bad_epochs() const { return bad_epochs_; }
  double best() const { return best_; }

 private:
  EarlyStoppingOptions options_;
  double best_ = -std::numeric_limits<double>::infinity();
  int64_t bad_epochs_ = 0;
};

}  // namespace anvil::train
