// LrScheduler: sets the optimizer's learning rate before every iteration from a schedule that is
// a pure function of the global step, so a resumed run gets exactly the same rates.
// Schedules: none (constant), step (x gamma every step_size epochs), exponential (x gamma per
// epoch), cosine (to lr_min over the whole run); all with an optional linear warmup.
#pragma once

#include <torch/optim/optimizer.h>

#include "anvil/train/engine.h"

namespace anvil::train {

struct LrScheduleOptions {
  std::string type = "cosine";  // none | step | exponential | cosine
  double base_lr = 1e-3;
  double lr_min = 0.0;
  int64_t warmup_steps = 0;
  int64_t step_size = 5;  // epochs, for "step"
  double gamma = 0.5;     // for "step" and "exponential"
  int64_t steps_per_epoch = 1;
  int64_t total_steps = 1;  // for "cosine"
  void validate() const;
};

// Learning rate at 1-based global step `step`.
double lr_at(const LrScheduleOptions& o, int64_t step);

class LrScheduler : public Handler {
 public:
  LrScheduler(torch::optim::Optimizer& optimizer, LrScheduleOptions options);
  void attach(Engine& engine) override;
  std::string name() const override { return "lr_scheduler"; }
  double current_lr() const { return current_; }

 private:
  torch::optim::Optimizer& optimizer_;
  LrScheduleOptions options_;
  double current_ = 0;
};

}  // namespace anvil::train
