// Linear projection with an optional LoRA adapter.
#include "anvil/models/lora_linear.h"

#include <torch/torch.h>

#include <cmath>

#include "anvil/core/error.h"
#include "anvil/models/hash_dropout.h"

namespace anvil::models {

double LoraOptions::scaling() const { return rslora ? alpha / std::sqrt(double(r)) : alpha / double(r); }

void LoraOptions::validate() const {
  if (r < 1) throw Error("lora.r = " + std::to_string(r) + ": must be >= 1");
  if (!(alpha > 0)) throw Error("lora.alpha = " + std::to_string(alpha) + ": must be > 0");
  if (dropout < 0 || dropout >= 1) throw Error("lora.dropout = " + std::to_string(dropout) + ": must be in [0, 1)");
}

LoraLinearImpl::LoraLinearImpl(int64_t in_features, int64_t out_features, bool with_bias) {
  // Same initialisation as torch.nn.Linear.
  weight = register_parameter("weight", torch::empty({out_features, in_features}));
  torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
  if (with_bias) {
    const double bound = 1.0 / std::sqrt(double(in_features));
    bias = register_parameter("bias", torch::empty({out_features}).uniform_(-bound, bound));
  }
}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& x) {
  // A base in reduced precision (set_frozen_dtype) takes its input in its dtype; the adapter
  // computes in its own and its output joins the base's dtype, as PEFT does.
  const bool reduced_base = weight.scalar_type() != torch::kFloat32;
  const bool cast = reduced_base && x.scalar_type() != weight.scalar_type();
  auto y = torch::nn::functional::linear(cast ? x.to(weight.scalar_type()) : x, weight, bias);
  if (has_lora() && !merged_) {
    auto h = hash_dropout(x, lora_.dropout, is_training());
    if (reduced_base) h = h.to(lora_A_->weight.scalar_type());
    auto delta = lora_B_->forward(lora_A_->forward(h)) * lora_.scaling();
    y = y + (reduced_base ? delta.to(y.scalar_type()) : delta);
  }
  return y;
}

void LoraLinearImpl::add_lora(const LoraOptions& options) {
  options.validate();
  if (has_lora()) throw Error("this projection already has a LoRA adapter");
  lora_ = options;
  const int64_t in = weight.size(1), out = weight.size(0);
  lora_A_ = register_module("lora_A", torch::nn::Linear(torch::nn::LinearOptions(in, options.r).bias(false)));
  lora_B_ = register_module("lora_B", torch::nn::Linear(torch::nn::LinearOptions(options.r, out).bias(false)));
  torch::NoGradGuard g;
  torch::nn::init::kaiming_uniform_(lora_A_->weight, std::sqrt(5.0));
  lora_B_->weight.zero_();
  lora_A_->to(weight.device());
  lora_B_->to(weight.device());
  merged_ = false;
}

void LoraLinearImpl::merge() {
  if (!has_lora() || merged_) return;
  torch::NoGradGuard g;
  weight.add_(torch::matmul(lora_B_->weight, lora_A_->weight) * lora_.scaling());
  merged_ = true;
}

void LoraLinearImpl::unmerge() {
  if (!has_lora() || !merged_) return;
  torch::NoGradGuard g;
  weight.sub_(torch::matmul(lora_B_->weight, lora_A_->weight) * lora_.scaling());
  merged_ = false;
}

}  // namespace anvil::models
