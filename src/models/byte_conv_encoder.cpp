// Byte-level convolutional encoder shared by the classifier architectures.
#include "anvil/models/byte_conv_encoder.h"

#include <torch/torch.h>

#include "anvil/core/error.h"

namespace anvil::models {

ByteConvEncoderImpl::ByteConvEncoderImpl(const ByteConvEncoderOptions& options) {
  if (options.channels.size() != options.dilations.size() ||
      options.channels.size() != options.batch_norm.size())
    throw Error("ByteConvEncoder: channels, dilations and batch_norm must have the same length");
  embed_ = register_module("embed", torch::nn::Embedding(options.vocab_size, options.embed_dim));
  int64_t in = options.embed_dim;
  for (size_t i = 0; i < options.channels.size(); ++i) {
    const int64_t out = options.channels[i];
    const int64_t d = options.dilations[i];
    auto conv = torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, {1, 3})
                                      .padding(torch::ExpandingArray<2>({0, d}))
                                      .dilation(torch::ExpandingArray<2>({1, d})));
    convs_.push_back(register_module("conv" + std::to_string(i), conv));
    if (options.batch_norm[i]) {
      norms_.push_back(register_module("norm" + std::to_string(i), torch::nn::BatchNorm2d(out)));
    } else {
      norms_.push_back(nullptr);
    }
    in = out;
  }
  out_channels_ = in;
}

torch::Tensor ByteConvEncoderImpl::forward(const torch::Tensor& tokens) {
  // [B, L] -> [B, L, E] -> [B, E, 1, L] channels-last
  auto x = embed_->forward(tokens).permute({0, 2, 1}).unsqueeze(2).contiguous(
      torch::MemoryFormat::ChannelsLast);
  for (size_t i = 0; i < convs_.size(); ++i) {
    x = convs_[i]->forward(x);
    if (!norms_[i].is_empty()) x = norms_[i]->forward(x);
    x = torch::relu(x);
  }
  // [B, C, 1, L] -> [B, L, C]
  return x.squeeze(2).permute({0, 2, 1}).contiguous();
}

torch::Tensor masked_max_pool(const torch::Tensor& features, const torch::Tensor& mask) {
  // Features are post-ReLU (>= 0), so filling padding with 0 leaves the max unchanged unless a
  // request is empty, where the result is 0 rather than -inf.
  return features.masked_fill(~mask.unsqueeze(-1), 0.0).amax(1);
}

}  // namespace anvil::models
