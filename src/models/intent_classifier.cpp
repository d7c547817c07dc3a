// Shared parts of the intent classifiers: config, factory, multi-task loss and decoding.
#include "anvil/models/intent_classifier.h"

#include <torch/torch.h>

#include "anvil/core/error.h"
#include "anvil/models/multihead_cnn.h"
#include "anvil/models/pointer_cnn.h"

namespace anvil::models {

void ClassifierConfig::validate() const {
  auto bad = [](const std::string& field, const std::string& value, const std::string& why) {
    return Error("model config: " + field + " = " + value + ": " + why);
  };
  if (type != "pointer_cnn" && type != "multihead_cnn")
    throw bad("type", "'" + type + "'", "expected pointer_cnn or multihead_cnn");
  if (n_intents < 2) throw bad("n_intents", std::to_string(n_intents), "need at least 2 intents");
  if (embed_dim < 1) throw bad("embed_dim", std::to_string(embed_dim), "must be positive");
  if (channels.size() != 3)
    throw bad("channels", std::to_string(channels.size()) + " values", "expected 3");
  for (auto c : channels)
    if (c < 1) throw bad("channels", std::to_string(c), "must be positive");
  if (dropout < 0 || dropout >= 1)
    throw bad("dropout", std::to_string(dropout), "must be in [0, 1)");
  if (max_length < 1) throw bad("max_length", std::to_string(max_length), "must be positive");
  if (max_numbers < 1) throw bad("max_numbers", std::to_string(max_numbers), "must be positive");
}

nlohmann::json ClassifierConfig::to_json() const {
  return {{"type", type},
          {"vocab_size", vocab_size},
          {"embed_dim", embed_dim},
          {"channels", channels},
          {"dropout", dropout},
          {"n_intents", n_intents},
          {"max_length", max_length},
          {"max_numbers", max_numbers}};
}

ClassifierConfig ClassifierConfig::from_json(const nlohmann::json& j) {
  try {
    ClassifierConfig c;
    c.type = j.at("type").get<std::string>();
    c.vocab_size = j.at("vocab_size").get<int64_t>();
    c.embed_dim = j.at("embed_dim").get<int64_t>();
    c.channels = j.at("channels").get<std::vector<int64_t>>();
    c.dropout = j.at("dropout").get<double>();
    c.n_intents = j.at("n_intents").get<int64_t>();
    c.max_length = j.at("max_length").get<int64_t>();
    c.max_numbers = j.at("max_numbers").get<int64_t>();
    c.validate();
    return c;
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("invalid model config: ") + e.what());
  }
}

ClassifierInputs ClassifierInputs::to(torch::Device device) const {
  return {tokens.to(device), number_first.to(device), number_last.to(device),
          number_mask.to(device), number_values.to(device)};
}

ClassifierTargets ClassifierTargets::to(torch::Device device) const {
  return {intent.to(device), count.to(device), operand_bins.to(device), operand_signs.to(device),
          operand_pointer.to(device)};
}

LossParts IntentClassifierImpl::loss(const ClassifierOutputs& out, const ClassifierTargets& t,
                                     const LossWeights& w) const {
  namespace F = torch::nn::functional;
  LossParts parts;
  auto intent = F::cross_entropy(out.intent_logits, t.intent);
  auto count = F::cross_entropy(out.count_logits, t.count);
  torch::Tensor operand, sign;
  const int64_t slots = out.operand_logits.size(1);
  if (config_.type == "multihead_cnn") {
    operand = F::cross_entropy(out.operand_logits.reshape({-1, kValueBins}),
                               t.operand_bins.reshape({-1}));
    sign = F::cross_entropy(out.sign_logits.reshape({-1, 2}), t.operand_signs.reshape({-1}));
  } else {
    auto logits = out.operand_logits.reshape({-1, out.operand_logits.size(2)});
    auto target = t.operand_pointer.reshape({-1});
    // Every slot can be unreachable only in degenerate data; guard the mean against 0/0.
    if (target.ne(-100).any().item<bool>()) {
      operand = F::cross_entropy(logits, target, F::CrossEntropyFuncOptions().ignore_index(-100));
    } else {
      operand = logits.sum() * 0.0;
    }
    (void)slots;
  }
  parts.total = w.intent * intent + w.count * count + w.operand * operand;
  if (sign.defined()) parts.total = parts.total + w.sign * sign;
  parts.intent = intent.item<double>();
  parts.count = count.item<double>();
  parts.operand = operand.item<double>();
  parts.sign = sign.defined() ? sign.item<double>() : 0.0;
  return parts;
}

std::vector<Prediction> IntentClassifierImpl::decode(const ClassifierOutputs& out,
                                                     const ClassifierInputs& inputs) const {
  auto probs = torch::softmax(out.intent_logits.to(torch::kFloat), -1).cpu();
  auto [conf, intent] = probs.max(-1);
  auto count = out.count_logits.argmax(-1).cpu();
  auto op_idx = out.operand_logits.argmax(-1).cpu();  // [B, 4]
  torch::Tensor sign_idx;
  if (out.sign_logits.defined()) sign_idx = out.sign_logits.argmax(-1).cpu();
  auto values = inputs.number_values.cpu();
  const int64_t b = intent.size(0);
  std::vector<Prediction> preds(static_cast<size_t>(b));
  auto intent_a = intent.accessor<int64_t, 1>();
  auto conf_a = conf.accessor<float, 1>();
  auto count_a = count.accessor<int64_t, 1>();
  auto op_a = op_idx.accessor<int64_t, 2>();
  for (int64_t i = 0; i < b; ++i) {
    Prediction& p = preds[static_cast<size_t>(i)];
    p.intent = intent_a[i];
    p.intent_confidence = conf_a[i];
    p.count = count_a[i];
    p.operands.assign(kMaxOperands, 0);
    for (int64_t k = 0; k < kMaxOperands; ++k) {
      if (k >= p.count) continue;  // slots past the predicted count are zero
      if (config_.type == "multihead_cnn") {
        int64_t v = op_a[i][k];
        p.operands[k] = sign_idx.accessor<int64_t, 2>()[i][k] ? -v : v;
      } else {
        int64_t j = op_a[i][k];
        p.operands[k] = j > 0 ? values[i][j - 1].item<int64_t>() : 0;
      }
    }
  }
  return preds;
}

IntentClassifier make_classifier(const ClassifierConfig& config) {
  config.validate();
  if (config.type == "multihead_cnn") return std::make_shared<MultiheadCnnImpl>(config);
  return std::make_shared<PointerCnnImpl>(config);
}

}  // namespace anvil::models
