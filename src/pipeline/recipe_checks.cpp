// The intent classifier and the language model as validator targets (see recipe_checks.h).
#include "pipeline/recipe_checks.h"

#include <torch/torch.h>

#include "anvil/core/error.h"

namespace anvil::pipeline {
namespace {

const torch::Tensor& get(const io::NamedTensors& tensors, const std::string& name) {
  for (const auto& [k, v] : tensors)
    if (k == name) return v;
  throw Error("batch has no tensor '" + name + "'");
}

torch::Tensor get_optional(const io::NamedTensors& tensors, const std::string& name) {
  for (const auto& [k, v] : tensors)
    if (k == name) return v;
  return {};
}

train::TensorSpec label_spec(const std::string& name, std::vector<int64_t> shape, int64_t min,
                             int64_t max, std::optional<int64_t> ignore = std::nullopt) {
  train::TensorSpec s;
  s.name = name;
  s.dtype = torch::kInt64;
  s.shape = std::move(shape);
  s.min_value = min;
  s.max_value = max;
  s.ignore_index = ignore;
  return s;
}

models::ClassifierOutputs classifier_outputs(const io::NamedTensors& out) {
  return {get(out, "intent_logits"), get(out, "count_logits"), get(out, "operand_logits"),
          get_optional(out, "sign_logits")};
}

}  // namespace

train::NamedBatch named_intent_batch(const models::ClassifierInputs& in,
                                     const models::ClassifierTargets& t) {
  return {{"tokens", in.tokens},
          {"number_first", in.number_first},
          {"number_last", in.number_last},
          {"number_mask", in.number_mask},
          {"number_values", in.number_values},
          {"intent", t.intent},
          {"count", t.count},
          {"operand_bins", t.operand_bins},
          {"operand_signs", t.operand_signs},
          {"operand_pointer", t.operand_pointer}};
}

train::ValidationTarget intent_validation_target(
    models::IntentClassifier& net, int64_t num_intents, torch::optim::Optimizer& optimizer,
    const models::LossWeights& weights, std::function<std::optional<train::NamedBatch>()> next,
    std::function<void(int64_t)> start_epoch) {
  train::ValidationTarget t;
  t.model = net.get();
  t.optimizer = &optimizer;
  t.next_batch = std::move(next);
  t.start_epoch = std::move(start_epoch);
  t.forward = [&net](const train::NamedBatch& b) -> io::NamedTensors {
    auto out = net->forward({get(b, "tokens"), get(b, "number_first"), get(b, "number_last"),
                             get(b, "number_mask"), get(b, "number_values")});
    io::NamedTensors named = {{"intent_logits", out.intent_logits},
                              {"count_logits", out.count_logits},
                              {"operand_logits", out.operand_logits}};
    if (out.sign_logits.defined()) named.emplace_back("sign_logits", out.sign_logits);
    return named;
  };
  t.loss = [&net, weights](const io::NamedTensors& out, const train::NamedBatch& b) {
    models::ClassifierTargets targets{get(b, "intent"), get(b, "count"), get(b, "operand_bins"),
                                      get(b, "operand_signs"), get(b, "operand_pointer")};
    return net->loss(classifier_outputs(out), targets, weights).total;
  };
  const int64_t numbers = net->config().max_numbers;
  const int64_t ops = models::kMaxOperands;
  t.batch_spec = {label_spec("intent", {-1}, 0, num_intents - 1),
                  label_spec("count", {-1}, 0, ops),
                  label_spec("operand_bins", {-1, ops}, 0, models::kValueBins - 1),
                  label_spec("operand_signs", {-1, ops}, 0, 1),
                  label_spec("operand_pointer", {-1, ops}, 0, numbers, -100)};
  train::TensorSpec tokens;
  tokens.name = "tokens";
  tokens.dtype = torch::kInt64;
  tokens.shape = {-1, -1};
  t.batch_spec.push_back(tokens);
  return t;
}

train::NamedBatch named_lm_batch(const PackedBatch& b) {
  train::NamedBatch n = {
      {"ids", b.ids}, {"segments", b.segments}, {"positions", b.positions}, {"labels", b.labels}};
  if (b.weights.defined()) n.emplace_back("weights", b.weights);
  return n;
}

train::ValidationTarget lm_validation_target(models::LlamaForCausalLM& model,
                                             torch::optim::Optimizer& optimizer,
                                             torch::Device device, train::Precision precision,
                                             std::function<std::optional<train::NamedBatch>()> next,
                                             std::function<void(int64_t)> start_epoch) {
  train::ValidationTarget t;
  t.model = model.ptr().get();
  t.optimizer = &optimizer;
  t.next_batch = std::move(next);
  t.start_epoch = std::move(start_epoch);
  t.forward = [&model, device, precision](const train::NamedBatch& b) -> io::NamedTensors {
    models::LlamaInputs in{get(b, "ids")};
    in.segment_ids = get(b, "segments");
    in.position_ids = get(b, "positions");
    train::AutocastGuard autocast(device, precision);
    return {{"logits", model->forward(in)}};
  };
  t.loss = [](const io::NamedTensors& out, const train::NamedBatch& b) {
    return models::causal_lm_loss(get(out, "logits").to(torch::kFloat), get(b, "labels"),
                                  get_optional(b, "weights"));
  };
  const int64_t vocab = model->config().vocab_size;
  t.batch_spec = {label_spec("ids", {-1, -1}, 0, vocab - 1),
                  label_spec("labels", {-1, -1}, 0, vocab - 1, -100)};
  return t;
}

}  // namespace anvil::pipeline
