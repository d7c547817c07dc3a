// Pointer-network classifier: operands are chosen among the integers in the request.
#include "anvil/models/pointer_cnn.h"

#include <torch/torch.h>

#include "anvil/models/mlp.h"

namespace anvil::models {
namespace nn = torch::nn;

namespace {
constexpr int64_t kRankDim = 16;


// features [B, L, C], positions [B, M] -> [B, M, C]
torch::Tensor gather_positions(const torch::Tensor& features, const torch::Tensor& positions) {
  auto idx = positions.unsqueeze(-1).expand({-1, -1, features.size(2)});
  return features.gather(1, idx);
}
}  // namespace

PointerCnnImpl::PointerCnnImpl(ClassifierConfig config) : IntentClassifierImpl(std::move(config)) {
  ByteConvEncoderOptions enc;
  enc.vocab_size = config_.vocab_size;
  enc.embed_dim = config_.embed_dim;
  enc.channels = config_.channels;
  enc.dilations = {1, 2, 4};
  enc.batch_norm = {true, true, true};
  encoder_ = register_module("encoder", ByteConvEncoder(enc));
  const int64_t c = encoder_->out_channels();
  intent_head_ = register_module("intent_head", make_mlp(c, 128, config_.n_intents, config_.dropout));
  count_head_ = register_module("count_head", make_mlp(c, 64, kCountClasses, config_.dropout));
  rank_embed_ = register_module("rank_embed", nn::Embedding(config_.max_numbers, kRankDim));
  slot_scorer_ = register_module("slot_scorer", make_mlp(2 * c + kRankDim, 128, kMaxOperands, 0.0));
  none_head_ = register_module("none_head", nn::Linear(c, kMaxOperands));
}

ClassifierOutputs PointerCnnImpl::forward(const ClassifierInputs& inputs) {
  auto features = encoder_->forward(inputs.tokens);                // [B, L, C]
  auto pooled = masked_max_pool(features, inputs.tokens.ne(256));  // [B, C]
  ClassifierOutputs out;
  out.intent_logits = intent_head_->forward(pooled);
  out.count_logits = count_head_->forward(pooled);

  const int64_t m = inputs.number_mask.size(1);
  auto first = gather_positions(features, inputs.number_first);  // [B, M, C]
  auto last = gather_positions(features, inputs.number_last);    // [B, M, C]
  auto number = (first + last) * 0.5;
  auto ranks = torch::arange(m, inputs.tokens.options()).unsqueeze(0).expand({pooled.size(0), m});
  auto scorer_in = torch::cat(
      {number, pooled.unsqueeze(1).expand({-1, m, -1}), rank_embed_->forward(ranks)}, -1);
  auto scores = slot_scorer_->forward(scorer_in).transpose(1, 2);  // [B, 4, M]
  scores = scores.masked_fill(~inputs.number_mask.unsqueeze(1), -1e9);
  auto none = none_head_->forward(pooled).unsqueeze(-1);  // [B, 4, 1]
  out.operand_logits = torch::cat({none, scores}, -1);    // [B, 4, 1+M]
  return out;
}

}  // namespace anvil::models
