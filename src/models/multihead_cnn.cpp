// Baseline multi-head CNN classifier.
#include "anvil/models/multihead_cnn.h"

#include <torch/torch.h>

#include "anvil/models/mlp.h"

namespace anvil::models {
namespace nn = torch::nn;

MultiheadCnnImpl::MultiheadCnnImpl(ClassifierConfig config)
    : IntentClassifierImpl(std::move(config)) {
  ByteConvEncoderOptions enc;
  enc.vocab_size = config_.vocab_size;
  enc.embed_dim = config_.embed_dim;
  enc.channels = config_.channels;
  enc.dilations = {1, 1, 1};
  enc.batch_norm = {true, true, false};
  encoder_ = register_module("encoder", ByteConvEncoder(enc));
  const int64_t c = encoder_->out_channels();
  intent_head_ = register_module("intent_head", make_mlp(c, 128, config_.n_intents, config_.dropout));
  count_head_ = register_module("count_head", make_mlp(c, 64, kCountClasses, config_.dropout));
  for (int64_t k = 0; k < kMaxOperands; ++k) {
    value_heads_.push_back(register_module("value_head" + std::to_string(k),
                                           make_mlp(c, 128, kValueBins, config_.dropout)));
    sign_heads_.push_back(register_module("sign_head" + std::to_string(k), nn::Linear(c, 2)));
  }
}

ClassifierOutputs MultiheadCnnImpl::forward(const ClassifierInputs& inputs) {
  auto features = encoder_->forward(inputs.tokens);                // [B, L, C]
  auto pooled = masked_max_pool(features, inputs.tokens.ne(256));  // [B, C]
  ClassifierOutputs out;
  out.intent_logits = intent_head_->forward(pooled);
  out.count_logits = count_head_->forward(pooled);
  std::vector<torch::Tensor> values, signs;
  for (int64_t k = 0; k < kMaxOperands; ++k) {
    values.push_back(value_heads_[k]->forward(pooled));
    signs.push_back(sign_heads_[k]->forward(pooled));
  }
  out.operand_logits = torch::stack(values, 1);  // [B, 4, 256]
  out.sign_logits = torch::stack(signs, 1);      // [B, 4, 2]
  return out;
}

}  // namespace anvil::models
