// Building blocks shared by the ONNX exporters (onnx_llama.cpp, onnx_intent_classifier.cpp): a
// module's tensors looked up by their checkpoint names, and common layers as ONNX nodes.
#pragma once

#include <torch/nn/module.h>

#include <map>
#include <string>
#include <vector>

#include "anvil/io/onnx.h"

namespace anvil::interop {

// Parameters and buffers of a module by name (model.layers.0.mlp.up_proj.weight, ...).
class ModuleWeights {
 public:
  explicit ModuleWeights(const torch::nn::Module& module);
  bool has(const std::string& name) const { return tensors_.count(name) > 0; }
  // As float32 on the CPU; throws naming the tensor if the module has none of that name.
  torch::Tensor get(const std::string& name) const;

 private:
  std::map<std::string, torch::Tensor> tensors_;
};

// y = x W^T + b for `prefix`.weight [out, in] (and `prefix`.bias when present): x [..., in] ->
// [..., out]. The weight is stored transposed, [in, out], as `prefix`.weight.T for MatMul.
std::string onnx_linear(io::OnnxGraph& g, const ModuleWeights& w, const std::string& x,
                        const std::string& prefix);

// make_mlp's Sequential(Linear, ReLU, Dropout, Linear) in inference mode.
std::string onnx_mlp(io::OnnxGraph& g, const ModuleWeights& w, const std::string& x,
                     const std::string& prefix);

std::string onnx_unsqueeze(io::OnnxGraph& g, const std::string& x,
                           const std::vector<int64_t>& axes);
std::string onnx_transpose(io::OnnxGraph& g, const std::string& x,
                           const std::vector<int64_t>& perm);

}  // namespace anvil::interop
