// Base model plus LoRA adapters sharing its weights (see model_set.h).
#include "anvil/serve/model_set.h"

#include <torch/torch.h>

#include <filesystem>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/interop/language_model_loader.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/train/device.h"

namespace anvil::serve {

namespace {

// A new module tree of the base's shape whose parameters and buffers are the base's tensors.
models::LlamaForCausalLM share_base(models::LlamaForCausalLM& base) {
  models::LlamaForCausalLM copy(base->config());
  auto from = base->named_parameters();
  for (auto& p : copy->named_parameters()) p.value().set_data(from[p.key()]);
  auto buffers = base->named_buffers();
  for (auto& b : copy->named_buffers()) b.value().set_data(buffers[b.key()]);
  copy->to(base->parameters().front().device());
  return copy;
}

}  // namespace

std::string model_id_of(const std::string& path) {
  std::filesystem::path p(path);
  while (!p.empty() && p.filename().empty()) p = p.parent_path();
  std::string name = p.filename().string();
  if (name.size() > 5 && name.substr(name.size() - 5) == ".gguf") name.resize(name.size() - 5);
  return name.empty() ? "model" : name;
}

namespace {
interop::LanguageModel load_base(const std::string& base) {
  return with_context("model " + base, [&] { return interop::load_language_model(base); });
}
}  // namespace

ModelSet::ModelSet(const std::string& base, const std::vector<std::string>& adapters,
                   const std::string& device)
    : ModelSet(load_base(base), base, adapters, device) {}

ModelSet::ModelSet(interop::LanguageModel lm, const std::string& base,
                   const std::vector<std::string>& adapters, const std::string& device)
    : tokenizer_(std::move(lm.tokenizer)) {
  format_ = detect_chat_format(tokenizer_);
  const int64_t pad = tokenizer_.token_id(pipeline::kSftPad);
  const int64_t eos = pipeline::sft_eos_id(tokenizer_, lm.model->config().eos_token_id);
  pad_id_ = pad >= 0 ? pad : std::max<int64_t>(eos, 0);
  lm.model->to(train::resolve_device(device));
  lm.model->eval();
  for (auto& p : lm.model->parameters()) p.set_requires_grad(false);
  auto first = std::make_unique<ServedModel>();
  first->id = model_id_of(base);
  first->path = base;
  first->model = lm.model;
  first->calibration = pipeline::load_answer_calibration(base);
  models_.push_back(std::move(first));
  for (const auto& spec : adapters) {
    // "NAME=DIR" names the adapter; a bare DIR is named after its folder.
    const auto eq = spec.find('=');
    const bool named = eq != std::string::npos && eq > 0 && spec.find('/') > eq;
    const std::string dir = named ? spec.substr(eq + 1) : spec;
    if (!file_exists(dir + "/adapter_config.json"))
      throw Error(dir + ": not a LoRA adapter folder (no adapter_config.json)")
          .about("adapters", dir);
    auto served = std::make_unique<ServedModel>();
    served->id = named ? spec.substr(0, eq) : model_id_of(dir);
    served->path = dir;
    if (find(served->id) || served->id == "auto")
      throw usage_error("adapter " + dir + ": the id '" + served->id +
                        "' is taken; name it: --adapters NAME=" + dir)
          .about("adapters", dir);
    served->model = share_base(models_.front()->model);
    with_context("adapter " + dir, [&] { models::load_peft_adapter(served->model, dir); });
    served->model->to(models_.front()->model->parameters().front().device());
    served->model->eval();
    served->calibration = pipeline::load_answer_calibration(dir);
    models_.push_back(std::move(served));
  }
}

ServedModel* ModelSet::find(const std::string& id) {
  for (auto& m : models_)
    if (m->id == id) return m.get();
  return nullptr;
}

std::vector<std::string> ModelSet::ids() const {
  std::vector<std::string> out;
  for (const auto& m : models_) out.push_back(m->id);
  return out;
}

int64_t ModelSet::context_length() const {
  return models_.front()->model->config().max_position_embeddings;
}

}  // namespace anvil::serve
