// Activation checkpointing against the plain path: the same gradients bit for bit (fp32 and bf16
// autocast, full training and LoRA with dropout, packed segments), the same generator state
// afterwards, and a generic block whose input needs a gradient.
#include "anvil/models/activation_checkpoint.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/models/llama.h"
#include "anvil/train/precision.h"
#include "anvil/train/rng_state.h"

namespace anvil::models {
namespace {

LlamaConfig config() {
  LlamaConfig c;
  c.vocab_size = 61;
  c.hidden_size = 32;
  c.intermediate_size = 48;
  c.num_hidden_layers = 3;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.max_position_embeddings = 64;
  return c;
}

struct Step {
  std::map<std::string, torch::Tensor> grads;
  torch::Tensor loss, rng_after;
};

Step run(bool lora, bool checkpointing, train::Precision precision) {
  torch::manual_seed(11);
  LlamaForCausalLM model(config());
  if (lora) model->add_lora({4, 8, /*dropout=*/0.1, false}, {"all-linear"});
  if (lora) {  // a non-zero B, so every adapter's gradient path is exercised
    torch::NoGradGuard g;
    for (auto& p : model->named_parameters())
      if (p.key().find("lora_B") != std::string::npos) p.value().normal_(0, 0.05);
  }
  model->set_gradient_checkpointing(checkpointing);
  model->train();
  torch::manual_seed(5);
  const auto ids = torch::randint(0, 61, {2, 19}, torch::kInt64);
  LlamaInputs in{ids};
  in.segment_ids = torch::cat({torch::zeros({2, 9}, torch::kInt64), torch::ones({2, 10}, torch::kInt64)}, 1);
  torch::Tensor logits;
  {
    train::AutocastGuard autocast(torch::kCPU, precision);
    logits = model->forward(in);
  }
  auto loss = causal_lm_loss(logits.to(torch::kFloat32), ids);
  loss.backward();
  Step s{{}, loss.detach(), train::cpu_generator_state()};
  for (auto& p : model->named_parameters())
    if (p.value().grad().defined()) s.grads[p.key()] = p.value().grad();
  return s;
}

class CheckpointedLlama
    : public ::testing::TestWithParam<std::tuple<bool, train::Precision>> {};

TEST_P(CheckpointedLlama, GradientsAreBitIdenticalToThePlainPath) {
  const auto [lora, precision] = GetParam();
  const auto plain = run(lora, false, precision);
  const auto ckpt = run(lora, true, precision);
  EXPECT_TRUE(torch::equal(plain.loss, ckpt.loss));
  ASSERT_EQ(plain.grads.size(), ckpt.grads.size());
  ASSERT_FALSE(plain.grads.empty());
  for (const auto& [name, g] : plain.grads) {
    ASSERT_TRUE(ckpt.grads.count(name)) << name;
    EXPECT_TRUE(torch::equal(g, ckpt.grads.at(name))) << name;
  }
  // The recomputation replays the dropout masks and leaves the generator where it was.
  EXPECT_TRUE(torch::equal(plain.rng_after, ckpt.rng_after));
}

INSTANTIATE_TEST_SUITE_P(
    FullAndLora, CheckpointedLlama,
    ::testing::Combine(::testing::Bool(),
                       ::testing::Values(train::Precision::kFp32, train::Precision::kBf16)));

TEST(ActivationCheckpoint, BlockWhoseInputNeedsAGradient) {
  torch::manual_seed(2);
  const auto w0 = torch::randn({6, 6});
  const auto x0 = torch::randn({4, 6});
  const auto block = [](const torch::Tensor& w) {
    return [w](const torch::Tensor& x) { return torch::tanh(x.matmul(w)) * x; };
  };
  auto w1 = w0.clone().requires_grad_(true), x1 = x0.clone().requires_grad_(true);
  block(w1)(x1).pow(2).sum().backward();
  auto w2 = w0.clone().requires_grad_(true), x2 = x0.clone().requires_grad_(true);
  checkpoint(block(w2), x2, {w2}).pow(2).sum().backward();
  EXPECT_TRUE(torch::equal(x1.grad(), x2.grad()));
  EXPECT_TRUE(torch::equal(w1.grad(), w2.grad()));
}

TEST(ActivationCheckpoint, NothingIsRecordedWithoutGradients) {
  LlamaForCausalLM model(config());
  model->set_gradient_checkpointing(true);
  torch::NoGradGuard g;
  const auto ids = torch::randint(0, 61, {1, 7}, torch::kInt64);
  const auto logits = model->forward({ids});
  EXPECT_FALSE(logits.requires_grad());
}

}  // namespace
}  // namespace anvil::models
