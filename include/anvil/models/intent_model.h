// A trained intent classifier on disk and in memory. A model directory holds model.safetensors:
// the weights, plus metadata "anvil.model" (architecture config JSON) and "anvil.intents" (the
// label list JSON) and, once fitted, "anvil.calibration" (calibration.h), so the one file is
// enough to rebuild the model. Checkpoints hold the same
// tensors prefixed "model." and can be loaded the same way. Layout: docs/formats.md §7.
#pragma once

#include <torch/types.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "anvil/models/calibration.h"
#include "anvil/models/intent_classifier.h"

namespace anvil::models {

struct IntentModel {
  models::IntentClassifier net;
  std::vector<std::string> intents;  // label id -> intent name
  std::unordered_map<std::string, int64_t> index;
  torch::Device device = torch::kCPU;
  Calibration calibration;  // temperature 1 and no threshold until fitted
};

IntentModel make_intent_model(const models::ClassifierConfig& config,
                              std::vector<std::string> intents, torch::Device device);

// Metadata stored with the weights.
std::map<std::string, std::string> intent_model_metadata(const IntentModel& model);

// Writes DIR/model.safetensors atomically.
void save_intent_model(const IntentModel& model, const std::string& dir);

// Loads a model directory, a model.safetensors file, or a checkpoint file. A missing model says
// how to train one.
IntentModel load_intent_model(const std::string& path, torch::Device device);

}  // namespace anvil::models
