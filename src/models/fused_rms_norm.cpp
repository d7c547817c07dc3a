// RMSNorm as one autograd function (see fused_rms_norm.h).
#include "anvil/models/fused_rms_norm.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>
#include <vector>

#include "models/cpu_clones.h"

namespace anvil::models {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// Rows of at least this many elements go to one thread.
constexpr int64_t kGrainElements = 32 * 1024;

// Sums in double: a row is short (the hidden size), and the result is then at least as exact as
// LibTorch's float32 reduction.
ANVIL_CPU_CLONES double sum_of_squares(const float* x, int64_t d) {
  double acc[8] = {};
  int64_t i = 0;
  for (; i + 8 <= d; i += 8)
    for (int j = 0; j < 8; ++j) acc[j] += double{x[i + j]} * x[i + j];
  double s = 0;
  for (int j = 0; j < 8; ++j) s += acc[j];
  for (; i < d; ++i) s += double{x[i]} * x[i];
  return s;
}

// y = w * (x * r) for one row; returns r = 1 / sqrt(mean(x^2) + eps).
ANVIL_CPU_CLONES float forward_row(const float* x, const float* w, float* y, int64_t d,
                                   double eps) {
  const auto r = static_cast<float>(1.0 / std::sqrt(sum_of_squares(x, d) / double(d) + eps));
  for (int64_t i = 0; i < d; ++i) y[i] = w[i] * (x[i] * r);
  return r;
}

// One row's input gradient, and its share of the weight gradient added into gw:
// xhat = x r, g = gy w, gx = r (g - xhat mean(g xhat)), gw += gy xhat.
ANVIL_CPU_CLONES void backward_row(const float* x, const float* w, const float* gy, float r,
                                   float* gx, float* gw, int64_t d) {
  double acc[8] = {};
  int64_t i = 0;
  for (; i + 8 <= d; i += 8)
    for (int j = 0; j < 8; ++j) acc[j] += double{gy[i + j] * w[i + j]} * x[i + j];
  double dot = 0;
  for (int j = 0; j < 8; ++j) dot += acc[j];
  for (; i < d; ++i) dot += double{gy[i] * w[i]} * x[i];
  const auto mean = static_cast<float>(dot * r / double(d));  // mean(g * xhat)
  for (int64_t k = 0; k < d; ++k) {
    const float xhat = x[k] * r;
    gx[k] = r * (gy[k] * w[k] - xhat * mean);
    gw[k] += gy[k] * xhat;
  }
}

struct FusedRmsNorm : public torch::autograd::Function<FusedRmsNorm> {
  static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x_in,
                               const torch::Tensor& weight_in, double eps) {
    const auto x = x_in.contiguous();
    const auto weight = weight_in.contiguous();
    const int64_t d = x.size(-1), rows = x.numel() / std::max<int64_t>(d, 1);
    auto y = torch::empty_like(x, torch::MemoryFormat::Contiguous);
    auto inv_rms = torch::empty({rows}, x.options());
    const float *xp = x.data_ptr<float>(), *wp = weight.data_ptr<float>();
    float *yp = y.data_ptr<float>(), *rp = inv_rms.data_ptr<float>();
    at::parallel_for(0, rows, std::max<int64_t>(1, kGrainElements / std::max<int64_t>(d, 1)),
                     [&](int64_t begin, int64_t end) {
                       for (int64_t r = begin; r < end; ++r)
                         rp[r] = forward_row(xp + r * d, wp, yp + r * d, d, eps);
                     });
    ctx->save_for_backward({x, weight, inv_rms});
    return y;
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_out) {
    const auto saved = ctx->get_saved_variables();
    const auto &x = saved[0], &weight = saved[1], &inv_rms = saved[2];
    const auto gy = grad_out[0].to(torch::kFloat32).contiguous();
    const int64_t d = x.size(-1), rows = x.numel() / std::max<int64_t>(d, 1);
    auto gx = torch::empty_like(x, torch::MemoryFormat::Contiguous);
    // Weight gradients summed per chunk of rows, then over the chunks (a fixed order for a given
    // thread count).
    const int64_t grain = std::max<int64_t>(1, kGrainElements / std::max<int64_t>(d, 1));
    const int64_t chunks = (rows + grain - 1) / grain;
    auto partial = torch::zeros({std::max<int64_t>(chunks, 1), d}, x.options());
    const float *xp = x.data_ptr<float>(), *wp = weight.data_ptr<float>();
    const float *gyp = gy.data_ptr<float>(), *rp = inv_rms.data_ptr<float>();
    float *gxp = gx.data_ptr<float>(), *pp = partial.data_ptr<float>();
    at::parallel_for(0, chunks, 1, [&](int64_t c0, int64_t c1) {
      for (int64_t c = c0; c < c1; ++c)
        for (int64_t r = c * grain; r < std::min(rows, (c + 1) * grain); ++r)
          backward_row(xp + r * d, wp, gyp + r * d, rp[r], gxp + r * d, pp + c * d, d);
    });
    return {gx, partial.sum(0), torch::Tensor()};
  }
};

}  // namespace

torch::Tensor composed_rms_norm(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
  auto h = x.to(torch::kFloat32);
  h = h * torch::rsqrt(h.pow(2).mean(-1, /*keepdim=*/true) + eps);
  return weight * h.to(x.scalar_type());
}

torch::Tensor fused_rms_norm(const torch::Tensor& x, const torch::Tensor& weight, double eps) {
  const bool fused = x.device().is_cpu() && weight.device().is_cpu() &&
                     x.scalar_type() == torch::kFloat32 &&
                     weight.scalar_type() == torch::kFloat32 && x.dim() >= 1 && weight.dim() == 1 &&
                     weight.size(0) == x.size(-1);
  if (!fused) return composed_rms_norm(x, weight, eps);
  return FusedRmsNorm::apply(x, weight, eps);
}

}  // namespace anvil::models
