// Bridges LibTorch tensors and anvil's safetensors reader/writer: converting tensors, saving named
// tensors, and loading a module's parameters and buffers strictly (missing, unexpected or
// wrongly-shaped tensors are errors naming the tensor and the file).
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "anvil/io/safetensors.h"

namespace anvil::io {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

TensorData to_tensor_data(const std::string& name, const torch::Tensor& tensor);
torch::Tensor to_torch(const TensorData& data);

// All parameters and buffers of `module`, named as in named_parameters()/named_buffers(), prefixed.
NamedTensors module_tensors(const torch::nn::Module& module, const std::string& prefix = "");

// Copies tensors named `prefix + name` from `file` into the module's parameters and buffers.
// Every module tensor must be present with the same shape; with `strict`, tensors under `prefix`
// that the module does not have are errors too.
void load_module_tensors(torch::nn::Module& module, const SafetensorsFile& file,
                         const std::string& origin, const std::string& prefix = "",
                         bool strict = true);

// Writes tensors atomically as safetensors.
void save_named_tensors(const std::string& path, const NamedTensors& tensors,
                        const std::map<std::string, std::string>& metadata);

}  // namespace anvil::io
