// LM checkpoint save/restore.
#include "anvil/pipeline/lm_checkpoint.h"

#include <torch/torch.h>

#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/train/optimizer_state.h"
#include "anvil/train/rng_state.h"

namespace anvil::pipeline {

void save_lm_checkpoint(const std::string& path, models::LlamaForCausalLM& model,
                        torch::optim::AdamW& optimizer, const io::NamedTensors& trainable,
                        const train::Engine& engine, const LmDataPosition& position) {
  auto tensors = io::module_tensors(*model, "model.");
  for (auto& t : train::adamw_state_tensors(optimizer, trainable, "optimizer."))
    tensors.push_back(std::move(t));
  tensors.emplace_back("rng.torch_cpu", train::cpu_generator_state());
  nlohmann::json handlers = nlohmann::json::object();
  for (const auto& h : engine.handlers()) handlers[h->name()] = h->save_state();
  const auto& s = engine.state();
  std::map<std::string, std::string> meta = {
      {"anvil.checkpoint", "1"},
      {"anvil.engine",
       nlohmann::json{
           {"epoch", s.epoch}, {"iteration", s.iteration}, {"epoch_iteration", s.epoch_iteration}}
           .dump()},
      {"anvil.handlers", handlers.dump()},
      {"anvil.lm_data",
       nlohmann::json{{"next_row", position.next_row}, {"tokens_seen", position.tokens_seen}}
           .dump()}};
  io::save_named_tensors(path, tensors, meta);
}

LmDataPosition load_lm_checkpoint(const std::string& path, models::LlamaForCausalLM& model,
                                  torch::optim::AdamW& optimizer, const io::NamedTensors& trainable,
                                  train::Engine& engine) {
  return with_context("resuming from " + path, [&] {
    auto st = io::read_safetensors(path);
    auto meta = [&](const std::string& key) {
      auto it = st.metadata.find(key);
      if (it == st.metadata.end())
        throw Error("metadata has no '" + key + "' (not an LM training checkpoint)");
      try {
        return nlohmann::json::parse(it->second);
      } catch (const nlohmann::json::exception& e) {
        throw Error("metadata '" + key + "' is not valid JSON: " + e.what());
      }
    };
    auto engine_state = meta("anvil.engine");
    auto data = meta("anvil.lm_data");
    auto handlers = meta("anvil.handlers");
    {
      torch::NoGradGuard g;
      io::load_module_tensors(*model, st, path, "model.", /*strict=*/true);
    }
    train::load_adamw_state(optimizer, trainable, st, path, "optimizer.");
    auto& s = engine.state();
    try {
      s.epoch = engine_state.at("epoch").get<int64_t>();
      s.iteration = engine_state.at("iteration").get<int64_t>();
      s.epoch_iteration = engine_state.at("epoch_iteration").get<int64_t>();
      for (const auto& h : engine.handlers())
        if (handlers.contains(h->name())) h->load_state(handlers[h->name()].get<std::string>());
      LmDataPosition p;
      p.next_row = data.at("next_row").get<int64_t>();
      p.tokens_seen = data.at("tokens_seen").get<int64_t>();
      const auto* rng = st.find("rng.torch_cpu");
      if (!rng) throw Error("no 'rng.torch_cpu' tensor");
      train::set_cpu_generator_state(io::to_torch(*rng));
      return p;
    } catch (const nlohmann::json::exception& e) {
      throw Error(std::string("invalid checkpoint metadata: ") + e.what());
    }
  });
}

}  // namespace anvil::pipeline
