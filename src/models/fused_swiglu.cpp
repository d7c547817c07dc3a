// SwiGLU's gating as one autograd function (see fused_swiglu.h).
#include "anvil/models/fused_swiglu.h"

#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>

namespace anvil::models {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

constexpr int64_t kGrain = 32 * 1024;

struct FusedSwiglu : public torch::autograd::Function<FusedSwiglu> {
  static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& gate_in,
                               const torch::Tensor& up_in) {
    const auto gate = gate_in.contiguous(), up = up_in.contiguous();
    auto out = torch::empty_like(gate, torch::MemoryFormat::Contiguous);
    AT_DISPATCH_FLOATING_TYPES_AND(at::kBFloat16, gate.scalar_type(), "fused_swiglu", [&] {
      const scalar_t *g = gate.data_ptr<scalar_t>(), *u = up.data_ptr<scalar_t>();
      scalar_t* y = out.data_ptr<scalar_t>();
      at::parallel_for(0, gate.numel(), kGrain, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
          const float x = static_cast<float>(g[i]);
          y[i] = static_cast<scalar_t>(x / (1.0f + std::exp(-x)) * static_cast<float>(u[i]));
        }
      });
    });
    ctx->save_for_backward({gate, up});
    return out;
  }

  // d gate = gy * up * sigmoid(g) * (1 + g * (1 - sigmoid(g))), d up = gy * silu(g).
  static tensor_list backward(AutogradContext* ctx, tensor_list grad_out) {
    const auto saved = ctx->get_saved_variables();
    const auto &gate = saved[0], &up = saved[1];
    const auto gy = grad_out[0].to(gate.scalar_type()).contiguous();
    auto d_gate = torch::empty_like(gate), d_up = torch::empty_like(up);
    AT_DISPATCH_FLOATING_TYPES_AND(at::kBFloat16, gate.scalar_type(), "fused_swiglu_backward", [&] {
      const scalar_t *g = gate.data_ptr<scalar_t>(), *u = up.data_ptr<scalar_t>();
      const scalar_t* dy = gy.data_ptr<scalar_t>();
      scalar_t *dg = d_gate.data_ptr<scalar_t>(), *du = d_up.data_ptr<scalar_t>();
      at::parallel_for(0, gate.numel(), kGrain, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
          const float x = static_cast<float>(g[i]), grad = static_cast<float>(dy[i]);
          const float sig = 1.0f / (1.0f + std::exp(-x));
          du[i] = static_cast<scalar_t>(grad * x * sig);
          dg[i] = static_cast<scalar_t>(grad * static_cast<float>(u[i]) * sig *
                                        (1.0f + x * (1.0f - sig)));
        }
      });
    });
    return {d_gate, d_up};
  }
};

}  // namespace

torch::Tensor composed_swiglu(const torch::Tensor& gate, const torch::Tensor& up) {
  return torch::silu(gate) * up;
}

torch::Tensor fused_swiglu(const torch::Tensor& gate, const torch::Tensor& up) {
  const auto type = gate.scalar_type();
  const bool fused = gate.device().is_cpu() && up.device().is_cpu() && gate.sizes() == up.sizes() &&
                     type == up.scalar_type() &&
                     (type == torch::kFloat32 || type == torch::kBFloat16);
  return fused ? FusedSwiglu::apply(gate, up) : composed_swiglu(gate, up);
}

}  // namespace anvil::models
