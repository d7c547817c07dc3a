// PointerCnn (model.type: pointer_cnn, the default): the intent and count heads of the baseline on
// a dilated byte CNN (receptive field 15 bytes), and operand slots that point at the integers found
// in the text. For each candidate number j, a scorer sees the features at the number's first and
// last byte, the pooled request vector (which knows the wording, hence the operand order) and an
// embedding of j; it emits one logit per slot. A per-slot "no operand" logit comes from the pooled
// vector. Any integer the request spells out is representable.
#pragma once

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>

#include "anvil/models/byte_conv_encoder.h"
#include "anvil/models/intent_classifier.h"

namespace anvil::models {

class PointerCnnImpl : public IntentClassifierImpl {
 public:
  explicit PointerCnnImpl(ClassifierConfig config);
  ClassifierOutputs forward(const ClassifierInputs& inputs) override;

 private:
  ByteConvEncoder encoder_{nullptr};
  torch::nn::Sequential intent_head_{nullptr}, count_head_{nullptr};
  torch::nn::Embedding rank_embed_{nullptr};    // [M, 16]: which number in order
  torch::nn::Sequential slot_scorer_{nullptr};  // [C + C + 16] -> 128 -> 4
  torch::nn::Linear none_head_{nullptr};        // C -> 4
};

}  // namespace anvil::models
