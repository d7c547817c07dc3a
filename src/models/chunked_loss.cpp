// Chunked linear + cross-entropy as one autograd function (see chunked_loss.h).
#include "anvil/models/chunked_loss.h"

#include <torch/torch.h>

#include "anvil/core/error.h"

namespace anvil::models {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// loss = sum_i scale_i * (logsumexp(h_i W^T) - (h_i W^T)[label_i]); scale already holds the
// weights divided by their sum (0 on ignored rows).
struct ChunkedCrossEntropy : public torch::autograd::Function<ChunkedCrossEntropy> {
  static torch::Tensor forward(AutogradContext* ctx, torch::Tensor h, torch::Tensor w,
                               torch::Tensor labels, torch::Tensor scale, int64_t chunk) {
    torch::NoGradGuard no_grad;
    const auto hf = h.to(torch::kFloat32), wf = w.to(torch::kFloat32);
    auto total = torch::zeros({}, hf.options());
    const int64_t n = h.size(0);
    for (int64_t start = 0; start < n; start += chunk) {
      const int64_t len = std::min(chunk, n - start);
      const auto logits = torch::matmul(hf.narrow(0, start, len), wf.t());  // [len, V]
      const auto lab = labels.narrow(0, start, len);
      const auto picked = logits.gather(1, lab.unsqueeze(1)).squeeze(1);
      total += ((torch::logsumexp(logits, 1) - picked) * scale.narrow(0, start, len)).sum();
    }
    ctx->save_for_backward({h, w, labels, scale});
    ctx->saved_data["chunk"] = chunk;
    return total;
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_out) {
    const auto saved = ctx->get_saved_variables();
    const auto& h = saved[0];
    const auto& w = saved[1];
    const auto& labels = saved[2];
    const auto& scale = saved[3];
    const int64_t chunk = ctx->saved_data["chunk"].toInt();
    const auto g = grad_out[0].to(torch::kFloat32);
    const auto hf = h.to(torch::kFloat32), wf = w.to(torch::kFloat32);
    const bool want_h = ctx->needs_input_grad(0), want_w = ctx->needs_input_grad(1);
    torch::Tensor grad_h = want_h ? torch::empty_like(hf) : torch::Tensor();
    torch::Tensor grad_w = want_w ? torch::zeros_like(wf) : torch::Tensor();
    const int64_t n = h.size(0);
    for (int64_t start = 0; start < n; start += chunk) {
      const int64_t len = std::min(chunk, n - start);
      const auto hc = hf.narrow(0, start, len);
      auto d = torch::softmax(torch::matmul(hc, wf.t()), 1);  // [len, V]
      const auto lab = labels.narrow(0, start, len).unsqueeze(1);
      d.scatter_add_(1, lab, torch::full(lab.sizes(), -1.0f, d.options()));
      d.mul_((scale.narrow(0, start, len) * g).unsqueeze(1));
      if (want_h) grad_h.narrow(0, start, len).copy_(torch::matmul(d, wf));
      if (want_w) grad_w.addmm_(d.t(), hc);
    }
    return {want_h ? grad_h.to(h.scalar_type()) : torch::Tensor(),
            want_w ? grad_w.to(w.scalar_type()) : torch::Tensor(), torch::Tensor(),
            torch::Tensor(), torch::Tensor()};
  }
};

}  // namespace

torch::Tensor chunked_causal_lm_loss(const torch::Tensor& hidden, const torch::Tensor& weight,
                                     const torch::Tensor& labels, const torch::Tensor& weights,
                                     int64_t chunk_rows) {
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
  auto scale = weights.defined() ? weights.narrow(1, 1, t - 1).reshape({-1}).to(torch::kFloat32) * kept
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
  return ChunkedCrossEntropy::apply(h, weight, lab.clamp_min(0), scale.detach(), chunk_rows);
}

}  // namespace anvil::models
