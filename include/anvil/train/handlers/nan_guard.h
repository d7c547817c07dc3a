// NanGuard: stops the run, marked failed, as soon as a step outputs a NaN or infinite value
// (loss, grad norm). Checkpoints are written only at epoch ends, so the last good one stays.
#pragma once

#include "anvil/train/engine.h"

namespace anvil::train {

class NanGuard : public Handler {
 public:
  void attach(Engine& engine) override;
  std::string name() const override { return "nan_guard"; }
};

}  // namespace anvil::train
