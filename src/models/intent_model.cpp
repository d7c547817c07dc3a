// Intent model persistence.
#include "anvil/models/intent_model.h"

#include <torch/torch.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/io/torch_tensors.h"

namespace anvil::models {

IntentModel make_intent_model(const models::ClassifierConfig& config,
                              std::vector<std::string> intents, torch::Device device) {
  IntentModel m;
  auto cfg = config;
  cfg.n_intents = static_cast<int64_t>(intents.size());
  m.net = models::make_classifier(cfg);
  m.net->to(device);
  m.intents = std::move(intents);
  for (size_t i = 0; i < m.intents.size(); ++i) m.index[m.intents[i]] = static_cast<int64_t>(i);
  m.device = device;
  return m;
}

std::map<std::string, std::string> intent_model_metadata(const IntentModel& model) {
  return {{"format", "pt"},
          {"anvil.kind", "intent_classifier"},
          {"anvil.model", model.net->config().to_json().dump()},
          {"anvil.intents", nlohmann::json(model.intents).dump()},
          {"anvil.calibration", model.calibration.to_json().dump()}};
}

void save_intent_model(const IntentModel& model, const std::string& dir) {
  ensure_directory(dir);
  io::save_named_tensors(dir + "/model.safetensors", io::module_tensors(*model.net),
                         intent_model_metadata(model));
}

IntentModel load_intent_model(const std::string& path, torch::Device device) {
  std::string file = path;
  if (std::filesystem::is_directory(path)) file = path + "/model.safetensors";
  if (!file_exists(file))
    throw Error("no model at '" + path +
                "': an intent model is a run's model directory (RUN/model) holding "
                "model.safetensors")
        .about("intent_model", path);
  auto st = io::read_safetensors(file);
  auto get_meta = [&](const std::string& key) {
    auto it = st.metadata.find(key);
    if (it == st.metadata.end())
      throw Error(file + ": not an anvil intent model (metadata '" + key + "' is missing)");
    return it->second;
  };
  models::ClassifierConfig config;
  std::vector<std::string> intents;
  Calibration calibration;
  try {
    config = models::ClassifierConfig::from_json(nlohmann::json::parse(get_meta("anvil.model")));
    intents = nlohmann::json::parse(get_meta("anvil.intents")).get<std::vector<std::string>>();
    // Models saved before calibration existed answer with raw confidences and never abstain.
    if (auto it = st.metadata.find("anvil.calibration"); it != st.metadata.end())
      calibration = Calibration::from_json(nlohmann::json::parse(it->second));
  } catch (const nlohmann::json::exception& e) {
    throw Error(file + ": invalid model metadata: " + e.what());
  } catch (const Error& e) {
    throw e.with_context(file);
  }
  const bool checkpoint = st.metadata.count("anvil.checkpoint") > 0;
  IntentModel m = make_intent_model(config, std::move(intents), torch::kCPU);
  io::load_module_tensors(*m.net, st, file, checkpoint ? "model." : "", /*strict=*/!checkpoint);
  m.net->to(device);
  m.net->eval();
  m.device = device;
  m.calibration = calibration;
  return m;
}

}  // namespace anvil::models
