// GradientClipping: rescales gradients so their global L2 norm is at most `max_norm`, between
// backward() and the optimizer step (on Event::kBackwardCompleted). Records the pre-clip norm in
// the step output as "grad_norm" so the NaN guard also sees exploding gradients.
#pragma once

#include <torch/types.h>

#include <vector>

#include "anvil/train/engine.h"

namespace anvil::train {

class GradientClipping : public Handler {
 public:
  GradientClipping(std::vector<torch::Tensor> parameters, double max_norm);
  void attach(Engine& engine) override;
  std::string name() const override { return "grad_clip"; }
  double last_norm() const { return last_norm_; }

 private:
  std::vector<torch::Tensor> parameters_;
  double max_norm_;
  double last_norm_ = 0;
};

}  // namespace anvil::train
