// LoraLinear: a linear projection (y = x W^T + b) that can carry a LoRA adapter,
// y = x W^T + b + scaling * B(A(dropout(x))), with A [r, in] and B [out, r] named `lora_A` and
// `lora_B` as in PEFT. The base weight can be frozen; the adapter can be merged into W and
// unmerged again. Parameter names: weight, bias (optional), lora_A.weight, lora_B.weight.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>

namespace anvil::models {

struct LoraOptions {
  int64_t r = 8;
  double alpha = 16;
  double dropout = 0.0;
  bool rslora = false;  // scaling alpha / sqrt(r) instead of alpha / r
  double scaling() const;
  void validate() const;
};

class LoraLinearImpl : public torch::nn::Module {
 public:
  LoraLinearImpl(int64_t in_features, int64_t out_features, bool bias);
  torch::Tensor forward(const torch::Tensor& x);  // [..., in] -> [..., out]

  // Adds a fresh adapter (A Kaiming-uniform as PEFT, B zeros: the output is unchanged at first).
  void add_lora(const LoraOptions& options);
  bool has_lora() const { return !lora_A_.is_empty(); }
  // W += scaling * B A (and forward skips the adapter) / W -= scaling * B A.
  void merge();
  void unmerge();
  bool merged() const { return merged_; }

  torch::Tensor weight;  // [out, in]
  torch::Tensor bias;    // [out] or undefined

 private:
  torch::nn::Linear lora_A_{nullptr}, lora_B_{nullptr};
  LoraOptions lora_;
  bool merged_ = false;
};
TORCH_MODULE(LoraLinear);

}  // namespace anvil::models
