// The weight-decay rule for optimizer parameter groups (see anvil/train/param_groups.h).
#include "anvil/train/param_groups.h"

#include <torch/torch.h>

#include <set>

#include "anvil/core/ascii.h"

namespace anvil::train {
namespace {

// By the module's type name, so users' own norm and embedding modules follow the rule too:
// torch::nn::LayerNormImpl, BatchNorm2dImpl, GroupNormImpl, anvil's RmsNormImpl, a user's
// "MyRMSNorm"; torch::nn::EmbeddingImpl, EmbeddingBagImpl.
bool type_name_has(const torch::nn::Module& m, const std::string& word) {
  return ascii_lower(m.name()).find(word) != std::string::npos;
}

bool is_bias(const std::string& name, const torch::Tensor& p) {
  return p.dim() < 2 && (name == "bias" || (name.size() > 5 && name.substr(name.size() - 5) == ".bias"));
}

}  // namespace

DecayOptions DecayOptions::from_config(const Config& c) {
  DecayOptions o;
  o.decay_biases = c.get_bool("train.decay_biases");
  o.decay_norms = c.get_bool("train.decay_norms");
  o.decay_embeddings = c.get_bool("train.decay_embeddings");
  return o;
}

io::NamedTensors ParamGroups::all() const {
  io::NamedTensors out = decay;
  out.insert(out.end(), no_decay.begin(), no_decay.end());
  return out;
}

ParamGroups split_parameters(const torch::nn::Module& module, const DecayOptions& options) {
  // Parameters owned directly by norm or embedding modules, by tensor identity (a tied weight is
  // one tensor under two names: it is classified once, by its first name).
  std::set<const void*> norm_params, embedding_params;
  for (const auto& m : module.named_modules()) {
    const bool norm = type_name_has(*m.value(), "norm");
    const bool embedding = type_name_has(*m.value(), "embedding");
    if (!norm && !embedding) continue;
    for (const auto& p : m.value()->named_parameters(/*recurse=*/false))
      (norm ? norm_params : embedding_params).insert(p.value().unsafeGetTensorImpl());
  }
  ParamGroups groups;
  std::set<const void*> seen;
  for (const auto& p : module.named_parameters(/*recurse=*/true)) {
    const auto& t = p.value();
    const void* id = t.unsafeGetTensorImpl();
    if (!t.requires_grad() || !seen.insert(id).second) continue;
    bool decay = t.dim() >= 2;
    if (norm_params.count(id)) decay = options.decay_norms;
    else if (embedding_params.count(id)) decay = options.decay_embeddings;
    else if (is_bias(p.key(), t)) decay = options.decay_biases;
    (decay ? groups.decay : groups.no_decay).emplace_back(p.key(), t);
  }
  return groups;
}

std::unique_ptr<torch::optim::AdamW> make_adamw(const ParamGroups& groups,
                                                const AdamWSettings& s) {
  auto options = [&](double decay) {
    return std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(s.lr)
                                                            .weight_decay(decay)
                                                            .betas({s.beta1, s.beta2})
                                                            .eps(s.eps));
  };
  auto tensors = [](const io::NamedTensors& named) {
    std::vector<torch::Tensor> out;
    for (const auto& [name, t] : named) out.push_back(t);
    return out;
  };
  std::vector<torch::optim::OptimizerParamGroup> list;
  if (!groups.decay.empty()) list.emplace_back(tensors(groups.decay), options(s.weight_decay));
  if (!groups.no_decay.empty()) list.emplace_back(tensors(groups.no_decay), options(0.0));
  return std::make_unique<torch::optim::AdamW>(std::move(list), *options(s.weight_decay));
}

}  // namespace anvil::train
