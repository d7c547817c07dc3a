// Chunked linear + cross-entropy as one autograd function (see chunked_loss.h).
#include "anvil/models/chunked_loss.h"

#include <torch/torch.h>

#include "anvil/core/error.h"

namespace anvil::models {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// loss = sum_i scale_i * (logsumexp(h_i W^T) - (h_i W^T)[label_i]); scale already holds the
// weights divided by their sum (0 on ignored rows). When gradients are wanted they are computed
// here, chunk by chunk, while each chunk's logits are at hand: d loss / d logits = scale_i *
// (softmax - onehot), turned at once into the chunk's rows of dL/dh (d W) and its share of dL/dW
// (d^T h). The logits are never kept nor recomputed; backward only scales by the incoming
// gradient. Matmuls run in `mm_dtype` (bfloat16 under bf16 autocast), the softmax in float32.
struct ChunkedCrossEntropy : public torch::autograd::Function<ChunkedCrossEntropy> {
  static torch::Tensor forward(AutogradContext* ctx, torch::Tensor h, torch::Tensor w,
                               torch::Tensor labels, torch::Tensor scale, int64_t chunk,
                               bool want_h, bool want_w, int64_t mm_dtype) {
    torch::NoGradGuard no_grad;
    const auto dt = static_cast<torch::ScalarType>(mm_dtype);
    const auto hm = h.to(dt), wm = w.to(dt);
    const auto wt = wm.t();
    const int64_t n = h.size(0);
    torch::Tensor grad_h =
        want_h ? torch::empty({n, h.size(1)}, h.options().dtype(torch::kFloat32)) : torch::Tensor();
    torch::Tensor grad_w =
        want_w ? torch::zeros(w.sizes(), w.options().dtype(torch::kFloat32)) : torch::Tensor();
    auto total = torch::zeros({}, h.options().dtype(torch::kFloat64));
    for (int64_t start = 0; start < n; start += chunk) {
      const int64_t len = std::min(chunk, n - start);
      const auto hc = hm.narrow(0, start, len);
      auto logits = torch::mm(hc, wt).to(torch::kFloat32);  // [len, V]
      const auto lab = labels.narrow(0, start, len).unsqueeze(1);
      const auto sc = scale.narrow(0, start, len);
      const auto lse = torch::logsumexp(logits, 1);
      total += ((lse - logits.gather(1, lab).squeeze(1)) * sc).sum().to(torch::kFloat64);
      if (!want_h && !want_w) continue;
      auto& d = logits.sub_(lse.unsqueeze(1)).exp_();  // softmax, in place
      d.scatter_add_(1, lab, torch::full(lab.sizes(), -1.0f, d.options()));
      d.mul_(sc.unsqueeze(1));
      const auto dm = d.to(dt);
      if (want_h) grad_h.narrow(0, start, len).copy_(torch::mm(dm, wm));
      if (want_w) {
        if (dt == torch::kFloat32)
          grad_w.addmm_(dm.t(), hc);
        else
          grad_w.add_(torch::mm(dm.t(), hc));
      }
    }
    ctx->saved_data["grad_h"] = grad_h;
    ctx->saved_data["grad_w"] = grad_w;
    ctx->saved_data["h_dtype"] = static_cast<int64_t>(h.scalar_type());
    ctx->saved_data["w_dtype"] = static_cast<int64_t>(w.scalar_type());
    return total.to(torch::kFloat32);
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_out) {
    const auto g = grad_out[0].to(torch::kFloat32);
    // Moved out of the context, so the returned gradient is the only reference (no copy when it
    // becomes .grad).
    auto take = [&](const char* key, const char* dtype) {
      torch::Tensor t = ctx->saved_data[key].toOptional<torch::Tensor>().value_or(torch::Tensor());
      ctx->saved_data.erase(key);
      if (!t.defined()) return t;
      return t.mul_(g).to(static_cast<torch::ScalarType>(ctx->saved_data[dtype].toInt()));
    };
    auto grad_h = take("grad_h", "h_dtype");
    auto grad_w = take("grad_w", "w_dtype");
    return {grad_h,          grad_w,          torch::Tensor(), torch::Tensor(),
            torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
  }
};

}  // namespace

torch::Tensor chunked_causal_lm_loss(const torch::Tensor& hidden, const torch::Tensor& weight,
                                     const torch::Tensor& labels, const torch::Tensor& weights,
                                     int64_t chunk_rows, torch::ScalarType matmul_dtype) {
  if (chunk_rows < 1)
    throw usage_error("loss chunk = " + std::to_string(chunk_rows) + ": must be >= 1 row");
  if (hidden.dim() != 3 || labels.dim() != 2 || hidden.size(0) != labels.size(0) ||
      hidden.size(1) != labels.size(1) || weight.dim() != 2 || weight.size(1) != hidden.size(2))
    throw Error("chunked loss: hidden " + c10::str(hidden.sizes()) + ", LM head " +
                c10::str(weight.sizes()) + " and labels " + c10::str(labels.sizes()) +
                " do not fit together");
  const int64_t t = hidden.size(1);
  auto h = hidden.narrow(1, 0, t - 1).reshape({-1, hidden.size(2)});
  auto lab = labels.narrow(1, 1, t - 1).reshape({-1});
  const auto kept = lab.ne(-100).to(torch::kFloat32);
  auto scale = weights.defined()
                   ? weights.narrow(1, 1, t - 1).reshape({-1}).to(torch::kFloat32) * kept
                   : kept;
  scale = scale / scale.sum().clamp_min(1e-12);
  // Rows with scale 0 (ignored labels: prompts, padding; zero weights) add nothing to the value
  // or to any gradient: only the others' logits are computed. In a completion-only fine-tune that
  // skips most rows.
  const auto rows = scale.nonzero().squeeze(1);
  if (rows.numel() < scale.numel()) {
    h = h.index_select(0, rows);
    lab = lab.index_select(0, rows);
    scale = scale.index_select(0, rows);
  }
  // Gradients are computed with the loss only when a backward can follow.
  const bool grad = torch::GradMode::is_enabled();
  return ChunkedCrossEntropy::apply(h, weight, lab.clamp_min(0), scale.detach(), chunk_rows,
                                    grad && hidden.requires_grad(), grad && weight.requires_grad(),
                                    static_cast<int64_t>(matmul_dtype));
}

}  // namespace anvil::models
