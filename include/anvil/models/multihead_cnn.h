// MultiheadCnn (model.type: multihead_cnn): the baseline classifier. Byte CNN + global max pool,
// then heads for the intent (256->128->n), operand count (256->64->5), four operand magnitudes
// (256->128->256 bins) and four signs (256->2). Magnitudes above 255 are not representable.
#pragma once

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

#include "anvil/models/byte_conv_encoder.h"
#include "anvil/models/intent_classifier.h"

namespace anvil::models {

class MultiheadCnnImpl : public IntentClassifierImpl {
 public:
  explicit MultiheadCnnImpl(ClassifierConfig config);
  ClassifierOutputs forward(const ClassifierInputs& inputs) override;

 private:
  ByteConvEncoder encoder_{nullptr};
  torch::nn::Sequential intent_head_{nullptr}, count_head_{nullptr};
  std::vector<torch::nn::Sequential> value_heads_;
  std::vector<torch::nn::Linear> sign_heads_;
};

}  // namespace anvil::models
