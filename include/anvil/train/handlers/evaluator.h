// Evaluator: at the end of every `every` epochs, runs an evaluation function and stores its
// metrics in State::metrics (e.g. val_loss, val_intent_acc) for the handlers that follow.
#pragma once

#include <functional>
#include <map>

#include "anvil/train/engine.h"

namespace anvil::train {

class Evaluator : public Handler {
 public:
  using EvalFn = std::function<std::map<std::string, double>()>;
  explicit Evaluator(EvalFn fn, int64_t every = 1) : fn_(std::move(fn)), every_(every) {}
  void attach(Engine& engine) override;
  std::string name() const override { return "evaluator"; }

 private:
  EvalFn fn_;
  int64_t every_;
};

}  // namespace anvil::train
