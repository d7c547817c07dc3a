// Global-norm gradient clipping.
#include "anvil/train/handlers/grad_clip.h"

#include <torch/nn/utils/clip_grad.h>

#include "anvil/core/error.h"

namespace anvil::train {

GradientClipping::GradientClipping(std::vector<torch::Tensor> parameters, double max_norm)
    : parameters_(std::move(parameters)), max_norm_(max_norm) {
  if (!(max_norm_ > 0))
    throw Error("train.grad_clip = " + std::to_string(max_norm_) + ": must be > 0");
}

void GradientClipping::attach(Engine& engine) {
  engine.on(on(Event::kBackwardCompleted), [this](Engine&) {
    last_norm_ = torch::nn::utils::clip_grad_norm_(parameters_, max_norm_);
  });
  engine.on(on(Event::kIterationCompleted),
            [this](Engine& e) { e.state().output["grad_norm"] = last_norm_; });
}

}  // namespace anvil::train
