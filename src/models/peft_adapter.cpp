// PEFT-layout adapter files.
#include "anvil/models/peft_adapter.h"

#include <torch/torch.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/peft_config.h"

namespace anvil::models {
namespace {
const std::string kPeftPrefix = "base_model.model.";
}

void save_peft_adapter(models::LlamaForCausalLM& model, const std::string& base_model_dir,
                       const models::LoraOptions& o, const std::vector<std::string>& targets,
                       const std::string& dir) {
  ensure_directory(dir);
  io::NamedTensors tensors;
  // target_modules as PEFT itself saves them: the adapted projections' names, with `all-linear`
  // expanded (PEFT reads that shorthand only as a bare string, and a list ["all-linear"] matches
  // no module there). anvil reads these names back to the same projections.
  std::vector<std::string> leaves;
  for (auto& p : model->named_parameters()) {
    const auto lora = p.key().find(".lora_");
    if (lora == std::string::npos) continue;
    tensors.emplace_back(kPeftPrefix + p.key(), p.value());
    const std::string module = p.key().substr(0, lora);
    const std::string leaf = module.substr(module.rfind('.') + 1);
    if (std::find(leaves.begin(), leaves.end(), leaf) == leaves.end()) leaves.push_back(leaf);
  }
  if (tensors.empty()) throw Error("the model has no LoRA adapters to save");
  io::save_named_tensors(dir + "/adapter_model.safetensors", tensors, {{"format", "pt"}});
  nlohmann::json cfg = {{"peft_type", "LORA"},
                        {"task_type", "CAUSAL_LM"},
                        {"r", o.r},
                        {"lora_alpha", o.alpha},
                        {"lora_dropout", o.dropout},
                        {"use_rslora", o.rslora},
                        {"target_modules", leaves},
                        {"bias", "none"},
                        {"fan_in_fan_out", false},
                        {"inference_mode", true},
                        {"base_model_name_or_path", base_model_dir}};
  write_file_atomic(dir + "/adapter_config.json", cfg.dump(2) + "\n");
}

void load_peft_adapter(models::LlamaForCausalLM& model, const std::string& dir) {
  const std::string cfg_path = dir + "/adapter_config.json";
  const PeftAdapterConfig cfg = parse_peft_adapter_config(read_file(cfg_path), cfg_path);
  models::LoraOptions o;
  o.r = cfg.r;
  o.alpha = cfg.alpha;
  o.dropout = cfg.dropout;
  o.rslora = cfg.rslora;
  const std::vector<std::string>& targets = cfg.target_modules;
  model->add_lora(o, targets);
  auto st = io::read_safetensors(dir + "/adapter_model.safetensors");
  torch::NoGradGuard g;
  auto params = model->named_parameters();
  size_t loaded = 0;
  for (const auto& t : st.tensors) {
    std::string name =
        t.name.rfind(kPeftPrefix, 0) == 0 ? t.name.substr(kPeftPrefix.size()) : t.name;
    auto pos = name.find(".default.");  // PEFT in-memory names carry the adapter name
    if (pos != std::string::npos) name.erase(pos, 8);
    auto* p = params.find(name);
    if (!p)
      throw Error(dir + "/adapter_model.safetensors: tensor '" + t.name +
                  "' matches no LoRA parameter");
    auto src = io::to_torch(t);
    if (src.sizes() != p->sizes())
      throw Error(dir + "/adapter_model.safetensors: '" + t.name + "' has shape " +
                  c10::str(src.sizes()) + ", expected " + c10::str(p->sizes()));
    p->copy_(src);
    ++loaded;
  }
  size_t expected = 0;
  for (const auto& p : params)
    if (p.key().find(".lora_") != std::string::npos) ++expected;
  if (loaded != expected)
    throw Error(dir + ": adapter holds " + std::to_string(loaded) +
                " LoRA tensors, the config implies " + std::to_string(expected));
}

models::LlamaForCausalLM load_model_with_adapters(const std::string& dir) {
  if (!file_exists(dir + "/adapter_config.json")) return models::load_llama(dir);
  const std::string cfg_path = dir + "/adapter_config.json";
  const PeftAdapterConfig cfg = parse_peft_adapter_config(read_file(cfg_path), cfg_path);
  if (cfg.base_model.empty()) throw Error(cfg_path + ": missing base_model_name_or_path");
  auto model = models::load_llama(cfg.base_model);
  load_peft_adapter(model, dir);
  return model;
}

}  // namespace anvil::models
