// Hugging Face model folder I/O for the Llama decoder.
#include "anvil/models/llama_io.h"

#include <torch/torch.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/torch_tensors.h"

namespace anvil::models {
namespace {

bool is_lora(const std::string& name) { return name.find(".lora_") != std::string::npos; }

// Tensor name -> shard file, for a single file or an index.
std::map<std::string, std::string> weight_files(const std::string& dir) {
  std::map<std::string, std::string> where;
  const std::string single = dir + "/model.safetensors";
  const std::string index = dir + "/model.safetensors.index.json";
  if (file_exists(index)) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(read_file(index));
      for (const auto& [name, file] : j.at("weight_map").items())
        where[name] = dir + "/" + file.get<std::string>();
    } catch (const nlohmann::json::exception& e) {
      throw Error(index + ": invalid index: " + e.what());
    }
    return where;
  }
  if (!file_exists(single))
    throw Error("no weights in '" + dir +
                "': expected model.safetensors or model.safetensors.index.json");
  where[""] = single;
  return where;
}

}  // namespace

LlamaConfig read_llama_config(const std::string& dir) {
  const std::string path = dir + "/config.json";
  if (!file_exists(path)) throw Error("no config.json in '" + dir + "' (is it a model folder?)");
  try {
    return LlamaConfig::from_hf_json(nlohmann::json::parse(read_file(path)), path);
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": invalid JSON: " + e.what());
  }
}

void load_llama_weights(LlamaForCausalLM& model, const std::string& dir) {
  torch::NoGradGuard g;
  auto where = weight_files(dir);
  std::map<std::string, torch::Tensor> targets;
  for (auto& p : model->named_parameters())
    if (!is_lora(p.key())) targets[p.key()] = p.value();
  std::set<std::string> files;
  for (const auto& [name, file] : where) files.insert(file);
  std::set<std::string> loaded;
  for (const auto& file : files) {
    auto st = io::read_safetensors(file);
    for (const auto& t : st.tensors) {
      if (t.name.find("rotary_emb.inv_freq") != std::string::npos) continue;
      auto it = targets.find(t.name);
      if (it == targets.end()) {
        if (t.name == "lm_head.weight" && model->config().tie_word_embeddings) continue;
        throw Error(file + ": unexpected tensor '" + t.name + "' (not part of this " +
                    model->config().architecture + ")");
      }
      auto src = io::to_torch(t);
      if (src.sizes() != it->second.sizes())
        throw Error(file + ": tensor '" + t.name + "' has shape " + c10::str(src.sizes()) +
                    " but config.json implies " + c10::str(it->second.sizes()));
      it->second.copy_(src.to(it->second.dtype()));
      loaded.insert(t.name);
    }
  }
  for (const auto& [name, t] : targets)
    if (!loaded.count(name)) throw Error("'" + dir + "': missing tensor '" + name + "'");
}

LlamaForCausalLM load_llama(const std::string& dir) {
  LlamaForCausalLM model(read_llama_config(dir));
  load_llama_weights(model, dir);
  return model;
}

void save_llama(LlamaForCausalLM& model, const std::string& dir, const LlamaSaveOptions& options) {
  ensure_directory(dir);
  io::NamedTensors tensors;
  int64_t total = 0;
  for (auto& p : model->named_parameters()) {
    if (!options.include_lora && is_lora(p.key())) continue;
    tensors.emplace_back(p.key(), p.value());
    total += p.value().numel() * p.value().element_size();
  }
  const std::map<std::string, std::string> meta = {{"format", "pt"}};
  write_file_atomic(dir + "/config.json", model->config().to_hf_json().dump(2) + "\n");
  if (total <= options.shard_bytes) {
    io::save_named_tensors(dir + "/model.safetensors", tensors, meta);
    return;
  }
  std::vector<io::NamedTensors> shards(1);
  int64_t in_shard = 0;
  for (auto& t : tensors) {
    const int64_t bytes = t.second.numel() * t.second.element_size();
    if (in_shard > 0 && in_shard + bytes > options.shard_bytes) {
      shards.emplace_back();
      in_shard = 0;
    }
    shards.back().push_back(t);
    in_shard += bytes;
  }
  nlohmann::json index = {{"metadata", {{"total_size", total}}},
                          {"weight_map", nlohmann::json::object()}};
  for (size_t i = 0; i < shards.size(); ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "model-%05zu-of-%05zu.safetensors", i + 1, shards.size());
    io::save_named_tensors(dir + "/" + name, shards[i], meta);
    for (const auto& t : shards[i]) index["weight_map"][t.first] = name;
  }
  write_file_atomic(dir + "/model.safetensors.index.json", index.dump(2) + "\n");
}

}  // namespace anvil::models
