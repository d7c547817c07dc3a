// Shared ONNX building blocks: module weights by name, Linear, MLP, Unsqueeze, Transpose.
#include "onnx_layers.h"

#include <torch/torch.h>

#include "anvil/core/error.h"

namespace anvil::interop {

ModuleWeights::ModuleWeights(const torch::nn::Module& module) {
  for (const auto& p : module.named_parameters()) tensors_[p.key()] = p.value();
  for (const auto& b : module.named_buffers()) tensors_[b.key()] = b.value();
}

torch::Tensor ModuleWeights::get(const std::string& name) const {
  auto it = tensors_.find(name);
  if (it == tensors_.end()) throw Error("onnx export: the model has no tensor '" + name + "'");
  return it->second.detach().to(torch::kCPU, torch::kFloat32);
}

std::string onnx_linear(io::OnnxGraph& g, const ModuleWeights& w, const std::string& x,
                        const std::string& prefix) {
  const auto weight = g.initializer(prefix + ".weight.T", w.get(prefix + ".weight").t());
  auto y = g.node("MatMul", {x, weight});
  if (w.has(prefix + ".bias"))
    y = g.node("Add", {y, g.initializer(prefix + ".bias", w.get(prefix + ".bias"))});
  return y;
}

std::string onnx_mlp(io::OnnxGraph& g, const ModuleWeights& w, const std::string& x,
                     const std::string& prefix) {
  auto h = g.node("Relu", {onnx_linear(g, w, x, prefix + ".0")});
  return onnx_linear(g, w, h, prefix + ".3");
}

std::string onnx_unsqueeze(io::OnnxGraph& g, const std::string& x,
                           const std::vector<int64_t>& axes) {
  return g.node("Unsqueeze", {x, g.ints(axes)});
}

std::string onnx_transpose(io::OnnxGraph& g, const std::string& x,
                           const std::vector<int64_t>& perm) {
  return g.node("Transpose", {x}, {io::onnx_ints("perm", perm)});
}

}  // namespace anvil::interop
