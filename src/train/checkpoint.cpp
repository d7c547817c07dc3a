// Training checkpoints: save and restore (see anvil/train/checkpoint.h).
#include "anvil/train/checkpoint.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/train/optimizer_state.h"
#include "anvil/train/rng_state.h"

namespace anvil::train {
namespace {

constexpr const char* kVersionKey = "anvil.checkpoint";
constexpr const char* kEngineKey = "anvil.engine";
constexpr const char* kHandlersKey = "anvil.handlers";

nlohmann::json metadata_json(const io::SafetensorsFile& file, const std::string& key) {
  auto it = file.metadata.find(key);
  if (it == file.metadata.end())
    throw Error("metadata has no '" + key + "' (not an anvil training checkpoint)");
  try {
    return nlohmann::json::parse(it->second);
  } catch (const nlohmann::json::exception& e) {
    throw Error("metadata '" + key + "' is not valid JSON: " + e.what());
  }
}

State position_from(const io::SafetensorsFile& file) {
  auto j = metadata_json(file, kEngineKey);
  State s;
  try {
    s.epoch = j.at("epoch").get<int64_t>();
    s.iteration = j.at("iteration").get<int64_t>();
    // Checkpoints written at epoch ends by older versions had no epoch_iteration.
    s.epoch_iteration = j.value("epoch_iteration", int64_t{0});
  } catch (const nlohmann::json::exception& e) {
    throw Error(std::string("metadata '") + kEngineKey + "': " + e.what());
  }
  if (s.epoch < 0 || s.iteration < 0 || s.epoch_iteration < 0)
    throw Error(std::string("metadata '") + kEngineKey + "' has a negative position");
  return s;
}

}  // namespace

void save_checkpoint(const std::string& path, const CheckpointParts& parts,
                     std::map<std::string, std::string> metadata) {
  for (const auto& [key, value] : metadata)
    if (key == kVersionKey || key == kEngineKey || key == kHandlersKey)
      throw Error("checkpoint metadata key '" + key + "' is reserved");
  io::NamedTensors tensors;
  if (parts.model) tensors = io::module_tensors(*parts.model, "model.");
  if (parts.optimizer)
    for (auto& t : adamw_state_tensors(*parts.optimizer, parts.optimizer_params, "optimizer."))
      tensors.push_back(std::move(t));
  if (parts.rng) tensors.emplace_back("rng.torch_cpu", cpu_generator_state());
  metadata[kVersionKey] = "2";
  if (parts.engine) {
    const auto& s = parts.engine->state();
    metadata[kEngineKey] =
        nlohmann::json{
            {"epoch", s.epoch}, {"iteration", s.iteration}, {"epoch_iteration", s.epoch_iteration}}
            .dump();
    nlohmann::json handlers = nlohmann::json::object();
    for (const auto& h : parts.engine->handlers()) handlers[h->name()] = h->save_state();
    metadata[kHandlersKey] = handlers.dump();
  }
  io::save_named_tensors(path, tensors, metadata);
}

std::map<std::string, std::string> load_checkpoint(const std::string& path,
                                                   const CheckpointParts& parts) {
  return with_context("resuming from " + path, [&] {
    auto file = io::read_safetensors(path);
    if (!file.metadata.count(kVersionKey))
      throw Error(std::string("metadata has no '") + kVersionKey +
                  "' (not an anvil training checkpoint)");
    if (parts.model) {
      torch::NoGradGuard no_grad;
      io::load_module_tensors(*parts.model, file, path, "model.", parts.strict_model);
    }
    if (parts.optimizer)
      load_adamw_state(*parts.optimizer, parts.optimizer_params, file, path, "optimizer.");
    if (parts.engine) {
      const State position = position_from(file);
      auto& s = parts.engine->state();
      s.epoch = position.epoch;
      s.iteration = position.iteration;
      s.epoch_iteration = position.epoch_iteration;
      auto handlers = metadata_json(file, kHandlersKey);
      if (!handlers.is_object()) throw Error(std::string("metadata '") + kHandlersKey + "' is not an object");
      for (const auto& h : parts.engine->handlers()) {
        auto it = handlers.find(h->name());
        if (it == handlers.end()) continue;
        if (!it->is_string())
          throw Error("handler state '" + h->name() + "' is not a string");
        h->load_state(it->get<std::string>());
      }
    }
    if (parts.rng) {
      const auto* rng = file.find("rng.torch_cpu");
      if (!rng) throw Error("no 'rng.torch_cpu' tensor (the random generator state)");
      set_cpu_generator_state(io::to_torch(*rng));
    }
    return file.metadata;
  });
}

State checkpoint_position(const std::string& path) {
  return with_context("reading " + path, [&] { return position_from(io::read_safetensors(path)); });
}

}  // namespace anvil::train
