// The natural-language -> program classifier: reads a request as bytes and predicts the intent,
// the operand count and up to four operand values. Two architectures share this interface:
//   multihead_cnn  the baseline: value heads over 256 magnitude bins plus sign heads;
//   pointer_cnn    the default: operand slots point at the integers found in the text, so any
//                  value the request spells out is representable.
#pragma once

#include <torch/nn/module.h>
#include <torch/types.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace anvil::models {

constexpr int64_t kMaxOperands = 4;
constexpr int64_t kCountClasses = kMaxOperands + 1;  // 0..4 operands
constexpr int64_t kValueBins = 256;                  // baseline magnitude bins 0..255

struct ClassifierConfig {
  std::string type = "pointer_cnn";  // pointer_cnn | multihead_cnn
  int64_t vocab_size = 261;
  int64_t embed_dim = 64;
  std::vector<int64_t> channels = {64, 128, 256};  // three conv layers
  double dropout = 0.1;
  int64_t n_intents = 0;     // required
  int64_t max_length = 128;  // bytes per request
  int64_t max_numbers = 8;   // pointer_cnn: candidate integers per request

  void validate() const;  // throws anvil::Error naming the bad field and value
  nlohmann::json to_json() const;
  static ClassifierConfig from_json(const nlohmann::json& j);
};

// Model inputs for a batch of B requests of L bytes with up to M candidate numbers.
struct ClassifierInputs {
  torch::Tensor tokens;         // [B, L] int64 byte ids, padded with ByteTokenizer::kPad
  torch::Tensor number_first;   // [B, M] int64 position of each number's first byte (0 if absent)
  torch::Tensor number_last;    // [B, M] int64 position of each number's last byte
  torch::Tensor number_mask;    // [B, M] bool, true where a number exists
  torch::Tensor number_values;  // [B, M] int64 parsed values
  ClassifierInputs to(torch::Device device) const;
};

// Training targets.
struct ClassifierTargets {
  torch::Tensor intent;         // [B] int64
  torch::Tensor count;          // [B] int64 0..4
  torch::Tensor operand_bins;   // [B, 4] int64 min(|value|, 255)
  torch::Tensor operand_signs;  // [B, 4] int64 1 if negative
  torch::Tensor
      operand_pointer;  // [B, 4] int64: 0 = no operand, j+1 = number j; -100 = unreachable
  ClassifierTargets to(torch::Device device) const;
};

struct ClassifierOutputs {
  torch::Tensor intent_logits;   // [B, n_intents]
  torch::Tensor count_logits;    // [B, 5]
  torch::Tensor operand_logits;  // multihead: [B, 4, 256] bins; pointer: [B, 4, 1+M]
  torch::Tensor sign_logits;     // multihead: [B, 4, 2]; pointer: undefined
};

struct LossWeights {
  double intent = 1.0, count = 0.5, operand = 0.5, sign = 0.3;
};

struct LossParts {
  torch::Tensor total;  // scalar, differentiable
  double intent = 0, count = 0, operand = 0, sign = 0;
};

// Decoded predictions for one request.
struct Prediction {
  int64_t intent = 0;
  float intent_confidence = 0;
  int64_t count = 0;
  std::vector<int64_t> operands;  // 4 values
};

class IntentClassifierImpl : public torch::nn::Module {
 public:
  explicit IntentClassifierImpl(ClassifierConfig config) : config_(std::move(config)) {}
  virtual ClassifierOutputs forward(const ClassifierInputs& inputs) = 0;
  const ClassifierConfig& config() const { return config_; }

  LossParts loss(const ClassifierOutputs& out, const ClassifierTargets& targets,
                 const LossWeights& weights) const;
  // Argmax decoding; `inputs.number_values` supplies pointer values. Works on any device.
  std::vector<Prediction> decode(const ClassifierOutputs& out,
                                 const ClassifierInputs& inputs) const;

 protected:
  ClassifierConfig config_;
};

using IntentClassifier = std::shared_ptr<IntentClassifierImpl>;

// Builds the architecture named by config.type (validated first).
IntentClassifier make_classifier(const ClassifierConfig& config);

}  // namespace anvil::models
