// A Llama/Qwen2 decoder as an ONNX graph: input_ids and attention_mask [batch, seq] -> logits
// [batch, seq, vocab], the same maths as LlamaForCausalLMImpl::forward without a KV cache.
#include <torch/torch.h>

#include <cmath>
#include <limits>

#include "anvil/core/error.h"
#include "anvil/interop/onnx_export.h"
#include "anvil/models/lora_linear.h"
#include "onnx_layers.h"

namespace anvil::interop {

namespace {

using io::onnx_float;
using io::onnx_int;
using io::onnx_ints;
using io::OnnxGraph;

struct LlamaGraph {
  OnnxGraph& g;
  const ModuleWeights& w;
  const models::LlamaConfig& c;
  std::string cos, sin;  // [B, 1, T, Dh]: rotary tables at each token's position
  std::string allowed;   // [B, 1, T, T] bool: which keys each query attends to

  // x * rsqrt(mean(x^2) + eps) * weight, over the last axis.
  std::string rms_norm(const std::string& x, const std::string& prefix) {
    auto mean = g.node("ReduceMean", {g.node("Mul", {x, x})},
                       {onnx_ints("axes", {-1}), onnx_int("keepdims", 1)});
    auto inv = g.node("Reciprocal",
                      {g.node("Sqrt", {g.node("Add", {mean, g.float_scalar(c.rms_norm_eps)})})});
    return g.node("Mul", {g.initializer(prefix + ".weight", w.get(prefix + ".weight")),
                          g.node("Mul", {x, inv})});
  }

  // [B, T, heads * Dh] -> [B, heads, T, Dh]
  std::string split_heads(const std::string& x, int64_t heads) {
    return onnx_transpose(g, g.node("Reshape", {x, g.ints({0, 0, heads, c.head_dim()})}),
                          {0, 2, 1, 3});
  }

  // HF rotate_half convention: x * cos + cat(-x2, x1) * sin, x1/x2 the halves of the head dim.
  std::string rotary(const std::string& x) {
    const int64_t half = c.head_dim() / 2;
    auto x1 = g.node("Slice", {x, g.ints({0}), g.ints({half}), g.ints({3})});
    auto x2 = g.node("Slice", {x, g.ints({half}), g.ints({c.head_dim()}), g.ints({3})});
    auto rotated = g.node("Concat", {g.node("Neg", {x2}), x1}, {onnx_int("axis", -1)});
    return g.node("Add", {g.node("Mul", {x, cos}), g.node("Mul", {rotated, sin})});
  }

  // Grouped-query attention: key/value head j serves query heads j*rep .. j*rep+rep-1.
  std::string repeat_kv(const std::string& x) {
    const int64_t rep = c.num_attention_heads / c.num_key_value_heads;
    if (rep == 1) return x;
    auto expanded = g.node("Expand", {onnx_unsqueeze(g, x, {2}), g.ints({1, 1, rep, 1, 1})});
    return g.node("Reshape", {expanded, g.ints({0, c.num_attention_heads, -1, c.head_dim()})});
  }

  std::string attention(const std::string& x, const std::string& prefix) {
    auto q = rotary(split_heads(onnx_linear(g, w, x, prefix + ".q_proj"), c.num_attention_heads));
    auto k = rotary(split_heads(onnx_linear(g, w, x, prefix + ".k_proj"), c.num_key_value_heads));
    auto v = split_heads(onnx_linear(g, w, x, prefix + ".v_proj"), c.num_key_value_heads);
    k = repeat_kv(k);
    v = repeat_kv(v);
    auto scores = g.node("MatMul", {q, onnx_transpose(g, k, {0, 1, 3, 2})});  // [B, H, T, T]
    scores = g.node(
        "Div",
        {scores, g.float_scalar(static_cast<float>(std::sqrt(static_cast<double>(c.head_dim()))))});
    scores =
        g.node("Where", {allowed, scores, g.float_scalar(std::numeric_limits<float>::lowest())});
    auto probs = g.node("Softmax", {scores}, {onnx_int("axis", -1)});
    auto out = onnx_transpose(g, g.node("MatMul", {probs, v}), {0, 2, 1, 3});  // [B, T, H, Dh]
    out = g.node("Reshape", {out, g.ints({0, 0, c.num_attention_heads * c.head_dim()})});
    return onnx_linear(g, w, out, prefix + ".o_proj");
  }

  std::string mlp(const std::string& x, const std::string& prefix) {
    auto gate = onnx_linear(g, w, x, prefix + ".gate_proj");
    auto silu = g.node("Mul", {gate, g.node("Sigmoid", {gate})});
    return onnx_linear(g, w, g.node("Mul", {silu, onnx_linear(g, w, x, prefix + ".up_proj")}),
                       prefix + ".down_proj");
  }

  // Positions (count of real tokens before each one, so left padding is skipped), the rotary
  // tables gathered at them, and the causal-and-not-padding mask.
  void positions_and_mask(const std::string& ids, const std::string& mask) {
    auto pos = g.node("Sub", {g.node("CumSum", {mask, g.int_scalar(1)}), g.int_scalar(1)});
    pos = g.node("Max", {pos, g.int_scalar(0)});  // [B, T]
    const int64_t dh = c.head_dim();
    auto inv_freq =
        1.0 / torch::pow(c.rope_theta, torch::arange(0, dh, 2, torch::kInt64).to(torch::kFloat32) /
                                           static_cast<double>(dh));
    auto freqs =
        torch::arange(c.max_position_embeddings, torch::kInt64).to(torch::kFloat32).unsqueeze(-1) *
        inv_freq.view({1, -1});                 // [P, Dh/2], as the model computes it
    auto emb = torch::cat({freqs, freqs}, -1);  // [P, Dh]
    auto gather = [&](const std::string& name, const torch::Tensor& table) {
      return onnx_unsqueeze(g, g.node("Gather", {g.initializer(name, table), pos}), {1});
    };
    cos = gather("rope.cos", emb.cos());
    sin = gather("rope.sin", emb.sin());

    auto seq =
        g.node("Squeeze",
               {g.node("Shape", {ids}, {onnx_int("start", 1), onnx_int("end", 2)}), g.ints({0})});
    auto idx = g.node("Range", {g.int_scalar(0), seq, g.int_scalar(1)});  // [T]
    auto causal = g.node("LessOrEqual", {onnx_unsqueeze(g, idx, {0}), onnx_unsqueeze(g, idx, {1})});
    auto real =
        g.node("Cast", {mask}, {onnx_int("to", static_cast<int64_t>(io::onnx::DataType::kBool))});
    allowed = g.node("And", {causal, onnx_unsqueeze(g, real, {1, 2})});
  }
};

void require_merged_adapters(const models::LlamaForCausalLM& model) {
  for (const auto& m : model->modules())
    if (auto* lin = m->as<models::LoraLinearImpl>(); lin && lin->has_lora() && !lin->merged())
      throw Error("onnx export: the model has unmerged LoRA adapters; merge them first");
}

}  // namespace

io::OnnxModel llama_to_onnx(const models::LlamaForCausalLM& model) {
  require_merged_adapters(model);
  const auto& c = model->config();
  const ModuleWeights w(*model);
  io::OnnxModel out;
  OnnxGraph& g = out.graph;
  using io::onnx::DataType;
  g.add_input("input_ids", DataType::kInt64, {"batch", "sequence"});
  g.add_input("attention_mask", DataType::kInt64, {"batch", "sequence"});
  g.add_output("logits", DataType::kFloat, {"batch", "sequence", c.vocab_size});

  LlamaGraph b{g, w, c, "", "", ""};
  b.positions_and_mask("input_ids", "attention_mask");
  const auto embed = g.initializer("model.embed_tokens.weight", w.get("model.embed_tokens.weight"));
  auto h = g.node("Gather", {embed, "input_ids"});  // [B, T, D]
  for (int64_t i = 0; i < c.num_hidden_layers; ++i) {
    const std::string p = "model.layers." + std::to_string(i);
    h = g.node("Add", {h, b.attention(b.rms_norm(h, p + ".input_layernorm"), p + ".self_attn")});
    h = g.node("Add", {h, b.mlp(b.rms_norm(h, p + ".post_attention_layernorm"), p + ".mlp")});
  }
  h = b.rms_norm(h, "model.norm");
  if (c.tie_word_embeddings) {
    g.node("MatMul", {h, onnx_transpose(g, embed, {1, 0})}, {}, "logits");
  } else {
    const auto head = g.initializer("lm_head.weight.T", w.get("lm_head.weight").t());
    g.node("MatMul", {h, head}, {}, "logits");
  }

  out.doc_string = c.architecture +
                   " exported by anvil: logits [batch, sequence, vocab] for input_ids and an "
                   "attention_mask (1 = token, 0 = padding; left padding supported).";
  out.metadata = {{"anvil.kind", "language_model"},
                  {"architecture", c.architecture},
                  {"vocab_size", std::to_string(c.vocab_size)},
                  {"max_position_embeddings", std::to_string(c.max_position_embeddings)},
                  {"bos_token_id", std::to_string(c.bos_token_id)},
                  {"eos_token_id", std::to_string(c.eos_token_id)},
                  {"pad_token_id", std::to_string(c.pad_token_id)}};
  return out;
}

}  // namespace anvil::interop
