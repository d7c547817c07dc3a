// Activation checkpointing as one autograd function (see activation_checkpoint.h).
#include "anvil/models/activation_checkpoint.h"

#include <ATen/autocast_mode.h>
#include <torch/torch.h>

#include <mutex>

#include "torch_compat.h"

namespace anvil::models {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// What the recomputation must see as the first forward saw it.
struct ForwardContext : torch::CustomClassHolder {
  BlockFn block;
  torch::Device device = torch::kCPU;
  torch::Tensor cpu_rng, device_rng;  // generator states before the first forward
  bool autocast_cpu = false, autocast_cuda = false;
  c10::ScalarType autocast_cpu_dtype = c10::ScalarType::BFloat16;
  c10::ScalarType autocast_cuda_dtype = c10::ScalarType::Half;
};

torch::Tensor generator_state(const torch::Device& device) {
  auto gen = at::globalContext().defaultGenerator(device);
  std::lock_guard<std::mutex> lock(gen.mutex());
  return gen.get_state();
}

void set_generator_state(const torch::Device& device, const torch::Tensor& state) {
  auto gen = at::globalContext().defaultGenerator(device);
  std::lock_guard<std::mutex> lock(gen.mutex());
  gen.set_state(state);
}

void capture(ForwardContext& c) {
  c.cpu_rng = generator_state(torch::kCPU);
  if (!c.device.is_cpu()) c.device_rng = generator_state(c.device);
  c.autocast_cpu = compat::autocast_enabled(c10::DeviceType::CPU);
  c.autocast_cpu_dtype = compat::autocast_dtype(c10::DeviceType::CPU);
  c.autocast_cuda = compat::autocast_enabled(c10::DeviceType::CUDA);
  c.autocast_cuda_dtype = compat::autocast_dtype(c10::DeviceType::CUDA);
}

// RAII: the first forward's generators and autocast while alive; the caller's after.
class ReplayScope {
 public:
  explicit ReplayScope(const ForwardContext& first) : now_(first) {
    capture(now_);
    apply(first);
    at::autocast::increment_nesting();
  }
  ~ReplayScope() {
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    apply(now_);
  }
  ReplayScope(const ReplayScope&) = delete;
  ReplayScope& operator=(const ReplayScope&) = delete;

 private:
  static void apply(const ForwardContext& c) {
    set_generator_state(torch::kCPU, c.cpu_rng);
    if (c.device_rng.defined()) set_generator_state(c.device, c.device_rng);
    compat::set_autocast_enabled(c10::DeviceType::CPU, c.autocast_cpu);
    compat::set_autocast_dtype(c10::DeviceType::CPU, c.autocast_cpu_dtype);
    compat::set_autocast_enabled(c10::DeviceType::CUDA, c.autocast_cuda);
    compat::set_autocast_dtype(c10::DeviceType::CUDA, c.autocast_cuda_dtype);
  }
  ForwardContext now_;  // the caller's state, restored on exit
};

struct Checkpoint : public torch::autograd::Function<Checkpoint> {
  // `params` only connects the trainable tensors to the graph; the block reads them itself.
  static torch::Tensor forward(AutogradContext* ctx, torch::Tensor x, torch::TensorList params,
                               c10::intrusive_ptr<ForwardContext> fc) {
    capture(*fc);
    torch::Tensor y;
    {
      torch::NoGradGuard no_grad;
      y = fc->block(x);
    }
    tensor_list saved{x};
    saved.insert(saved.end(), params.begin(), params.end());
    ctx->save_for_backward(saved);
    ctx->saved_data["context"] = c10::IValue::make_capsule(fc);
    ctx->saved_data["x_needs_grad"] = x.requires_grad();
    return y;
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_out) {
    const auto fc =
        c10::static_intrusive_pointer_cast<ForwardContext>(ctx->saved_data["context"].toCapsule());
    const auto saved = ctx->get_saved_variables();
    const auto& x = saved[0];
    const tensor_list params(saved.begin() + 1, saved.end());
    const bool x_needs_grad = ctx->saved_data["x_needs_grad"].toBool();
    auto xd = x.detach().requires_grad_(x_needs_grad);
    torch::Tensor y;
    {
      ReplayScope replay(*fc);
      torch::AutoGradMode grad_on(true);
      y = fc->block(xd);
    }
    tensor_list inputs;
    if (x_needs_grad) inputs.push_back(xd);
    for (const auto& p : params) inputs.push_back(p);
    auto grads = torch::autograd::grad({y}, inputs, {grad_out[0]}, /*retain_graph=*/false,
                                       /*create_graph=*/false, /*allow_unused=*/true);
    tensor_list out;
    out.push_back(x_needs_grad ? grads[0] : torch::Tensor());
    for (size_t i = 0; i < params.size(); ++i) out.push_back(grads[i + (x_needs_grad ? 1 : 0)]);
    out.push_back(torch::Tensor());  // the context
    return out;
  }
};

}  // namespace

torch::Tensor checkpoint(BlockFn block, const torch::Tensor& x,
                         const std::vector<torch::Tensor>& params) {
  auto fc = c10::make_intrusive<ForwardContext>();
  fc->block = std::move(block);
  fc->device = x.device();
  return Checkpoint::apply(x, torch::TensorList(params), fc);
}

}  // namespace anvil::models
