// The intent classifiers (multihead_cnn, pointer_cnn) as ONNX graphs: the byte CNN encoder with
// batch norm in inference mode, the masked max pool and every head, as the models' forward in
// eval mode computes them.
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/torch.h>

#include <nlohmann/json.hpp>
#include <type_traits>

#include "anvil/core/error.h"
#include "anvil/interop/onnx_export.h"
#include "anvil/tokenize/byte_tokenizer.h"
#include "onnx_layers.h"
#include "torch_compat.h"

namespace anvil::interop {

namespace {

using io::onnx_float;
using io::onnx_int;
using io::onnx_ints;
using io::OnnxGraph;
using io::onnx::DataType;

template <typename Impl>
const Impl& submodule(const torch::nn::Module& net, const std::string& name) {
  for (const auto& m : net.named_modules())
    if (m.key() == name)
      if (auto* impl = m.value()->as<Impl>()) return *impl;
  throw Error("onnx export: the classifier has no module '" + name + "' of the expected type");
}

// The width padding of a Conv2d given as numbers (the encoder never uses "same"/"valid").
template <typename Padding>
int64_t explicit_padding(const Padding& padding, const std::string& conv) {
  const int64_t pad = compat::visit(
      [](const auto& p) -> int64_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(p)>, torch::ExpandingArray<2>>)
          return p->at(1);
        return -1;
      },
      padding);
  if (pad < 0) throw Error("onnx export: " + conv + " uses symbolic padding; numbers expected");
  return pad;
}

// ByteConvEncoder: tokens [B, L] -> features [B, L, C]. Conv2d with a 1x3 kernel on [B, E, 1, L],
// batch norm (where the model has it) and ReLU after each layer.
std::string encoder(OnnxGraph& g, const ModuleWeights& w, const torch::nn::Module& net,
                    const std::string& tokens) {
  auto x = g.node("Gather", {g.initializer("encoder.embed.weight", w.get("encoder.embed.weight")),
                             tokens});                          // [B, L, E]
  x = onnx_unsqueeze(g, onnx_transpose(g, x, {0, 2, 1}), {2});  // [B, E, 1, L]
  for (int i = 0;; ++i) {
    const std::string conv = "encoder.conv" + std::to_string(i),
                      norm = "encoder.norm" + std::to_string(i);
    if (!w.has(conv + ".weight")) break;
    const auto& options = submodule<torch::nn::Conv2dImpl>(net, conv).options;
    const int64_t pad = explicit_padding(options.padding(), conv);
    const int64_t dilation = options.dilation()->at(1);
    x = g.node("Conv",
               {x, g.initializer(conv + ".weight", w.get(conv + ".weight")),
                g.initializer(conv + ".bias", w.get(conv + ".bias"))},
               {onnx_ints("kernel_shape", {1, options.kernel_size()->at(1)}),
                onnx_ints("pads", {0, pad, 0, pad}), onnx_ints("dilations", {1, dilation}),
                onnx_ints("strides", {1, 1})});
    if (w.has(norm + ".running_mean")) {
      const double eps = submodule<torch::nn::BatchNorm2dImpl>(net, norm).options.eps();
      x = g.node("BatchNormalization",
                 {x, g.initializer(norm + ".weight", w.get(norm + ".weight")),
                  g.initializer(norm + ".bias", w.get(norm + ".bias")),
                  g.initializer(norm + ".running_mean", w.get(norm + ".running_mean")),
                  g.initializer(norm + ".running_var", w.get(norm + ".running_var"))},
                 {onnx_float("epsilon", static_cast<float>(eps))});
    }
    x = g.node("Relu", {x});
  }
  return onnx_transpose(g, g.node("Squeeze", {x, g.ints({2})}), {0, 2, 1});  // [B, L, C]
}

// Max over real (non-padding) positions; 0 for a request with none, as masked_max_pool.
std::string masked_max_pool(OnnxGraph& g, const std::string& features, const std::string& tokens) {
  auto pad = g.node("Equal", {tokens, g.int_scalar(tokenize::ByteTokenizer::kPad)});
  auto real = onnx_unsqueeze(g, g.node("Not", {pad}), {-1});  // [B, L, 1]
  auto kept = g.node("Where", {real, features, g.float_scalar(0.0f)});
  return g.node("ReduceMax", {kept}, {onnx_ints("axes", {1}), onnx_int("keepdims", 0)});
}

// Stacks per-slot head outputs [B, X] into [B, 4, X].
std::string stack_slots(OnnxGraph& g, const std::vector<std::string>& slots,
                        const std::string& out) {
  std::vector<std::string> parts;
  for (const auto& s : slots) parts.push_back(onnx_unsqueeze(g, s, {1}));
  return g.node("Concat", parts, {onnx_int("axis", 1)}, out);
}

void multihead_heads(OnnxGraph& g, const ModuleWeights& w, const std::string& pooled) {
  std::vector<std::string> values, signs;
  for (int64_t k = 0; k < models::kMaxOperands; ++k) {
    values.push_back(onnx_mlp(g, w, pooled, "value_head" + std::to_string(k)));
    signs.push_back(onnx_linear(g, w, pooled, "sign_head" + std::to_string(k)));
  }
  stack_slots(g, values, "operand_logits");
  stack_slots(g, signs, "sign_logits");
}

// Operand slots scored against each candidate number: features at its first and last byte, the
// pooled request and an embedding of its rank; a "no operand" logit per slot comes first.
void pointer_heads(OnnxGraph& g, const ModuleWeights& w, const std::string& features,
                   const std::string& pooled, int64_t channels) {
  auto at = [&](const std::string& positions) {  // [B, M] -> [B, M, C]
    auto idx = g.node("Expand", {onnx_unsqueeze(g, positions, {-1}), g.ints({1, 1, channels})});
    return g.node("GatherElements", {features, idx}, {onnx_int("axis", 1)});
  };
  auto number =
      g.node("Mul", {g.node("Add", {at("number_first"), at("number_last")}), g.float_scalar(0.5f)});
  auto batch = g.node("Shape", {"tokens"}, {onnx_int("start", 0), onnx_int("end", 1)});
  auto count = g.node("Shape", {"number_mask"}, {onnx_int("start", 1), onnx_int("end", 2)});
  auto ranks = g.node("Slice", {g.initializer("rank_embed.weight", w.get("rank_embed.weight")),
                                g.ints({0}), count, g.ints({0})});  // [M, 16]
  ranks =
      g.node("Expand", {ranks, g.node("Concat", {batch, g.ints({1, 1})}, {onnx_int("axis", 0)})});
  auto request = g.node(
      "Expand", {onnx_unsqueeze(g, pooled, {1}), g.node("Concat", {g.ints({1}), count, g.ints({1})},
                                                        {onnx_int("axis", 0)})});  // [B, M, C]
  auto scorer_in = g.node("Concat", {number, request, ranks}, {onnx_int("axis", -1)});
  auto scores =
      onnx_transpose(g, onnx_mlp(g, w, scorer_in, "slot_scorer"), {0, 2, 1});  // [B, 4, M]
  scores = g.node("Where", {onnx_unsqueeze(g, "number_mask", {1}), scores, g.float_scalar(-1e9f)});
  auto none = onnx_unsqueeze(g, onnx_linear(g, w, pooled, "none_head"), {-1});  // [B, 4, 1]
  g.node("Concat", {none, scores}, {onnx_int("axis", -1)}, "operand_logits");
}

}  // namespace

io::OnnxModel intent_classifier_to_onnx(const models::IntentModel& model) {
  const auto& net = *model.net;
  const auto& c = net.config();
  const ModuleWeights w(net);
  const bool pointer = c.type == "pointer_cnn";
  if (!pointer && c.type != "multihead_cnn")
    throw Error("onnx export: classifier type '" + c.type + "' is not supported");
  io::OnnxModel out;
  OnnxGraph& g = out.graph;
  g.add_input("tokens", DataType::kInt64, {"batch", "length"});
  if (pointer) {
    g.add_input("number_first", DataType::kInt64, {"batch", "numbers"});
    g.add_input("number_last", DataType::kInt64, {"batch", "numbers"});
    g.add_input("number_mask", DataType::kBool, {"batch", "numbers"});
  }
  const int64_t n = c.n_intents;
  g.add_output("intent_logits", DataType::kFloat, {"batch", n});
  g.add_output("count_logits", DataType::kFloat, {"batch", models::kCountClasses});
  if (pointer) {
    g.add_output("operand_logits", DataType::kFloat,
                 {"batch", models::kMaxOperands, "numbers_plus_1"});
  } else {
    g.add_output("operand_logits", DataType::kFloat,
                 {"batch", models::kMaxOperands, models::kValueBins});
    g.add_output("sign_logits", DataType::kFloat, {"batch", models::kMaxOperands, 2});
  }

  auto features = encoder(g, w, net, "tokens");
  auto pooled = masked_max_pool(g, features, "tokens");
  g.node("Identity", {onnx_mlp(g, w, pooled, "intent_head")}, {}, "intent_logits");
  g.node("Identity", {onnx_mlp(g, w, pooled, "count_head")}, {}, "count_logits");
  if (pointer) {
    pointer_heads(g, w, features, pooled, c.channels.back());
  } else {
    multihead_heads(g, w, pooled);
  }

  out.doc_string =
      "anvil intent classifier (" + c.type +
      "): tokens are a request's UTF-8 bytes (0-255) padded with 256 (models::encode_requests)" +
      std::string(pointer ? "; number_first/number_last/number_mask locate the integers in it"
                          : "") +
      ". Outputs are logits; operand_logits " +
      (pointer ? "[batch, 4, 1 + numbers]: slot k picks 'no operand' (0) or number j (j + 1)"
               : "[batch, 4, 256] magnitude bins with sign_logits [batch, 4, 2]") +
      ".";
  out.metadata = {{"anvil.kind", "intent_classifier"},
                  {"anvil.model", c.to_json().dump()},
                  {"anvil.intents", nlohmann::json(model.intents).dump()}};
  return out;
}

}  // namespace anvil::interop
