// Learning-rate schedules.
#include "anvil/train/handlers/lr_scheduler.h"

#include <torch/optim/adamw.h>
#include <torch/optim/sgd.h>

#include <cmath>

#include "anvil/core/error.h"

namespace anvil::train {

void LrScheduleOptions::validate() const {
  if (type != "none" && type != "step" && type != "exponential" && type != "cosine")
    throw Error("train.scheduler = '" + type + "': expected none, step, exponential or cosine");
  if (!(base_lr > 0)) throw Error("train.lr = " + std::to_string(base_lr) + ": must be > 0");
  if (lr_min < 0 || lr_min > base_lr)
    throw Error("train.lr_min = " + std::to_string(lr_min) + ": must be in [0, train.lr]");
  if (warmup_steps < 0) throw Error("train.warmup_steps must be >= 0");
  if (step_size < 1)
    throw Error("train.step_size = " + std::to_string(step_size) + ": must be >= 1");
  if (!(gamma > 0)) throw Error("train.gamma = " + std::to_string(gamma) + ": must be > 0");
}

double lr_at(const LrScheduleOptions& o, int64_t step) {
  if (o.warmup_steps > 0 && step <= o.warmup_steps)
    return o.base_lr * static_cast<double>(step) / static_cast<double>(o.warmup_steps);
  const int64_t epoch = (step - 1) / std::max<int64_t>(o.steps_per_epoch, 1);  // 0-based
  if (o.type == "step")
    return o.base_lr * std::pow(o.gamma, static_cast<double>(epoch / o.step_size));
  if (o.type == "exponential") return o.base_lr * std::pow(o.gamma, static_cast<double>(epoch));
  if (o.type == "cosine") {
    const int64_t span = std::max<int64_t>(o.total_steps - o.warmup_steps, 1);
    const double t = std::min(1.0, static_cast<double>(step - o.warmup_steps) / span);
    return o.lr_min + 0.5 * (o.base_lr - o.lr_min) * (1.0 + std::cos(M_PI * t));
  }
  return o.base_lr;
}

LrScheduler::LrScheduler(torch::optim::Optimizer& optimizer, LrScheduleOptions options)
    : optimizer_(optimizer), options_(std::move(options)) {
  options_.validate();
}

void LrScheduler::attach(Engine& engine) {
  engine.on(on(Event::kIterationStarted), [this](Engine& e) {
    current_ = lr_at(options_, e.state().iteration);
    for (auto& group : optimizer_.param_groups()) group.options().set_lr(current_);
    e.state().metrics["lr"] = current_;
  });
}

}  // namespace anvil::train
