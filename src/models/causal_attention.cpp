// Block-causal attention as one autograd function (see causal_attention.h).
#include "anvil/models/causal_attention.h"

#include <torch/torch.h>

#include "anvil/core/error.h"
#include "torch_compat.h"

namespace anvil::models {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// Block `i` of the query rows: rows [begin, begin + rows) see keys [0, keys).
struct Block {
  int64_t begin, rows, keys;
};

std::vector<Block> blocks_of(int64_t t, int64_t s, int64_t block_rows) {
  std::vector<Block> out;
  for (int64_t begin = 0; begin < t; begin += block_rows) {
    const int64_t rows = std::min(block_rows, t - begin);
    out.push_back({begin, rows, s - t + begin + rows});
  }
  return out;
}

struct CausalAttention : public torch::autograd::Function<CausalAttention> {
  static torch::Tensor forward(AutogradContext* ctx, torch::Tensor q, torch::Tensor k,
                               torch::Tensor v, torch::Tensor bias, double scale,
                               int64_t block_rows) {
    torch::NoGradGuard no_grad;
    const int64_t bh = q.size(0), t = q.size(1), s = k.size(1), dh = q.size(2);
    const int64_t b = bias.size(0), heads = bh / b;
    auto out = torch::empty({bh, t, dh}, q.options());
    std::vector<torch::Tensor> probs;
    const auto q_scaled = q * scale;  // [BH, T, Dh]: cheaper than scaling the scores
    for (const auto& blk : blocks_of(t, s, block_rows)) {
      // scores = q k^T * scale + bias. bmm, not baddbmm_: LibTorch 1.13's CPU baddbmm_ runs one
      // addmm_ per batch entry (at d = 512, 8 layers: 9,228 addmm_ and 55,000 select calls a step).
      auto scores = torch::bmm(q_scaled.narrow(1, blk.begin, blk.rows),
                               k.narrow(1, 0, blk.keys).transpose(1, 2));
      scores.view({b, heads, blk.rows, blk.keys})
          .add_(bias.narrow(2, blk.begin, blk.rows).narrow(3, 0, blk.keys));
      auto p = torch::softmax(scores.to(torch::kFloat32), -1);  // kept in float32 for backward
      out.narrow(1, blk.begin, blk.rows)
          .copy_(torch::bmm(p.to(q.scalar_type()), v.narrow(1, 0, blk.keys)));
      probs.push_back(p);
    }
    ctx->save_for_backward({q, k, v});
    ctx->saved_data["probs"] = probs;
    ctx->saved_data["scale"] = scale;
    ctx->saved_data["block_rows"] = block_rows;
    return out;
  }

  static tensor_list backward(AutogradContext* ctx, tensor_list grad_out) {
    const auto saved = ctx->get_saved_variables();
    const auto &q = saved[0], &k = saved[1], &v = saved[2];
    const auto probs = ctx->saved_data["probs"].toTensorVector();
    const double scale = ctx->saved_data["scale"].toDouble();
    const int64_t block_rows = ctx->saved_data["block_rows"].toInt();
    const auto go = grad_out[0].to(q.scalar_type()).contiguous();
    auto dq = torch::empty_like(q, torch::MemoryFormat::Contiguous);
    // Key and value gradients sum over the query blocks: in float32, whatever the matmul dtype.
    auto dk = torch::zeros(k.sizes(), k.options().dtype(torch::kFloat32));
    auto dv = torch::zeros(v.sizes(), v.options().dtype(torch::kFloat32));
    const auto blocks = blocks_of(q.size(1), k.size(1), block_rows);
    for (size_t i = 0; i < blocks.size(); ++i) {
      const auto& blk = blocks[i];
      const auto& p = probs[i];  // float32
      const auto go_i = go.narrow(1, blk.begin, blk.rows);
      const auto k_i = k.narrow(1, 0, blk.keys), v_i = v.narrow(1, 0, blk.keys);
      dv.narrow(1, 0, blk.keys).add_(torch::bmm(p.to(q.scalar_type()).transpose(1, 2), go_i));
      // d scores = p * (dp - sum(dp * p)), in float32 as the forward's softmax.
      const auto dp = torch::bmm(go_i, v_i.transpose(1, 2));
      const auto ds = torch::_softmax_backward_data(dp.to(torch::kFloat32), p, -1, torch::kFloat32)
                          .to(q.scalar_type());
      dq.narrow(1, blk.begin, blk.rows).copy_(torch::bmm(ds, k_i).mul_(scale));
      dk.narrow(1, 0, blk.keys)
          .add_(torch::bmm(ds.transpose(1, 2), q.narrow(1, blk.begin, blk.rows)), scale);
    }
    return {dq,
            dk.to(k.scalar_type()),
            dv.to(v.scalar_type()),
            torch::Tensor(),
            torch::Tensor(),
            torch::Tensor()};
  }
};

}  // namespace

torch::Tensor causal_attention(const torch::Tensor& q, const torch::Tensor& k,
                               const torch::Tensor& v, const torch::Tensor& bias, double scale,
                               int64_t block_rows) {
  if (q.dim() != 3 || k.dim() != 3 || v.sizes() != k.sizes() || q.size(0) != k.size(0) ||
      q.size(2) != k.size(2) || k.size(1) < q.size(1) || bias.dim() != 4 ||
      q.size(0) % bias.size(0) != 0 || bias.size(2) != q.size(1) || bias.size(3) != k.size(1))
    throw Error("causal attention: q " + c10::str(q.sizes()) + ", k " + c10::str(k.sizes()) +
                ", v " + c10::str(v.sizes()) + " and bias " + c10::str(bias.sizes()) +
                " do not fit together");
  if (block_rows < 1)
    throw Error("causal attention: block_rows = " + std::to_string(block_rows) + ", must be >= 1");
  // Under autocast the products run in its dtype, as matmul's would; otherwise in q's.
  const auto type = q.device().type();
  const bool autocast = (type == c10::DeviceType::CPU || type == c10::DeviceType::CUDA) &&
                        compat::autocast_enabled(type);
  const auto dt = autocast ? compat::autocast_dtype(type) : q.scalar_type();
  return CausalAttention::apply(q.to(dt), k.to(dt), v.to(dt), bias, scale, block_rows);
}

}  // namespace anvil::models
