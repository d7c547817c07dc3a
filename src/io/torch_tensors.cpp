// LibTorch <-> safetensors conversion.
#include "anvil/io/torch_tensors.h"

#include <torch/torch.h>

#include <cstring>
#include <set>

#include "anvil/core/error.h"

namespace anvil::io {
namespace {

DType dtype_from_torch(torch::ScalarType t, const std::string& name) {
  switch (t) {
    case torch::kFloat32:
      return DType::kF32;
    case torch::kFloat64:
      return DType::kF64;
    case torch::kFloat16:
      return DType::kF16;
    case torch::kBFloat16:
      return DType::kBF16;
    case torch::kInt64:
      return DType::kI64;
    case torch::kInt32:
      return DType::kI32;
    case torch::kInt16:
      return DType::kI16;
    case torch::kInt8:
      return DType::kI8;
    case torch::kUInt8:
      return DType::kU8;
    case torch::kBool:
      return DType::kBool;
    default:
      throw Error("tensor '" + name + "': dtype " + std::string(c10::toString(t)) +
                  " cannot be stored in safetensors by anvil");
  }
}

torch::ScalarType torch_from_dtype(DType d, const std::string& name) {
  switch (d) {
    case DType::kF32:
      return torch::kFloat32;
    case DType::kF64:
      return torch::kFloat64;
    case DType::kF16:
      return torch::kFloat16;
    case DType::kBF16:
      return torch::kBFloat16;
    case DType::kI64:
      return torch::kInt64;
    case DType::kI32:
      return torch::kInt32;
    case DType::kI16:
      return torch::kInt16;
    case DType::kI8:
      return torch::kInt8;
    case DType::kU8:
      return torch::kUInt8;
    case DType::kBool:
      return torch::kBool;
    default:
      throw Error("tensor '" + name + "': dtype " + std::string(dtype_name(d)) +
                  " is not supported by LibTorch");
  }
}

}  // namespace

TensorData to_tensor_data(const std::string& name, const torch::Tensor& tensor) {
  auto t = tensor.detach().to(torch::kCPU).contiguous();
  TensorData d;
  d.name = name;
  d.dtype = dtype_from_torch(t.scalar_type(), name);
  d.shape.assign(t.sizes().begin(), t.sizes().end());
  d.bytes.assign(static_cast<const char*>(t.data_ptr()), t.numel() * t.element_size());
  return d;
}

torch::Tensor to_torch(const TensorData& data) {
  std::vector<int64_t> shape(data.shape.begin(), data.shape.end());
  auto t =
      torch::empty(shape, torch::TensorOptions().dtype(torch_from_dtype(data.dtype, data.name)));
  if (static_cast<size_t>(t.numel() * t.element_size()) != data.bytes.size())
    throw Error("tensor '" + data.name + "': " + std::to_string(data.bytes.size()) +
                " bytes do not match its shape");
  if (!data.bytes.empty()) std::memcpy(t.data_ptr(), data.bytes.data(), data.bytes.size());
  return t;
}

NamedTensors module_tensors(const torch::nn::Module& module, const std::string& prefix) {
  NamedTensors out;
  for (const auto& p : module.named_parameters(true)) out.emplace_back(prefix + p.key(), p.value());
  for (const auto& b : module.named_buffers(true)) out.emplace_back(prefix + b.key(), b.value());
  return out;
}

void load_module_tensors(torch::nn::Module& module, const SafetensorsFile& file,
                         const std::string& origin, const std::string& prefix, bool strict) {
  torch::NoGradGuard no_grad;
  std::set<std::string> used;
  auto copy_in = [&](const std::string& key, torch::Tensor& target) {
    const std::string name = prefix + key;
    const TensorData* d = file.find(name);
    if (!d) throw Error(origin + ": missing tensor '" + name + "'");
    auto src = to_torch(*d);
    if (src.sizes() != target.sizes())
      throw Error(origin + ": tensor '" + name + "' has shape " + c10::str(src.sizes()) +
                  " but the model expects " + c10::str(target.sizes()));
    target.copy_(src.to(target.dtype()));
    used.insert(name);
  };
  for (auto& p : module.named_parameters(true)) copy_in(p.key(), p.value());
  for (auto& b : module.named_buffers(true)) copy_in(b.key(), b.value());
  if (strict) {
    for (const auto& t : file.tensors) {
      if (t.name.rfind(prefix, 0) == 0 && !used.count(t.name))
        throw Error(origin + ": unexpected tensor '" + t.name + "' (not part of this model)");
    }
  }
}

void save_named_tensors(const std::string& path, const NamedTensors& tensors,
                        const std::map<std::string, std::string>& metadata) {
  std::vector<TensorData> data;
  data.reserve(tensors.size());
  for (const auto& [name, t] : tensors) data.push_back(to_tensor_data(name, t));
  write_safetensors(path, data, metadata);
}

}  // namespace anvil::io
