// bf16 autocast: what `auto` resolves to (native bfloat16 CPU flags, else a timed probe), that the guard really switches
// matmuls to bfloat16 and restores the previous state, and that bf16 training steps track fp32
// ones on a tiny decoder.
#include "anvil/train/precision.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "anvil/core/error.h"
#include "anvil/models/llama.h"

namespace anvil::train {
namespace {

// GFLOP/s of a product of other shapes than the probe's, timed here: an independent look at
// whether this CPU runs bfloat16 faster.
double gflops(torch::ScalarType dtype) {
  const auto a = torch::ones({768, 384}, dtype), b = torch::ones({384, 640}, dtype);
  double best = 0;
  for (int i = 0; i < 8; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    torch::mm(a, b);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (i > 1) best = std::max(best, 2.0 * 768 * 384 * 640 / s / 1e9);
  }
  return best;
}

TEST(Precision, AutoOnCpuFollowsTheMatmulProbeAndBadSpecsNameTheKey) {
  EXPECT_EQ(resolve_precision("fp32", torch::kCPU), Precision::kFp32);
  EXPECT_EQ(resolve_precision("bf16", torch::kCPU), Precision::kBf16);
  torch::manual_seed(3);
  const auto before = torch::randn({4});
  torch::manual_seed(3);
  const auto choice = choose_precision("auto", torch::kCPU);
  EXPECT_TRUE(torch::equal(torch::randn({4}), before)) << "the probe drew random numbers";
  // CPUs whose flags name native bfloat16 matrix instructions get bf16 without a timing (which
  // other processes on the cores can fool); the others follow the probe.
  std::ifstream cpuinfo("/proc/cpuinfo");
  const std::string info((std::istreambuf_iterator<char>(cpuinfo)), std::istreambuf_iterator<char>());
  const bool native = info.find(" avx512_bf16") != std::string::npos ||
                      info.find(" amx_bf16") != std::string::npos;
  if (native) {
    EXPECT_EQ(choice.precision, Precision::kBf16) << choice.reason;
    EXPECT_NE(choice.reason.find("native bfloat16 matrix instructions"), std::string::npos)
        << choice.reason;
  } else {
    EXPECT_NE(choice.reason.find("lm.precision = auto: a bf16 matrix product ran"),
              std::string::npos)
        << choice.reason;
  }
  const auto probe = probe_cpu_matmul();
  EXPECT_GT(probe.fp32_gflops, 0);
  EXPECT_GT(probe.bf16_gflops, 0);
  const double ratio = gflops(torch::kBFloat16) / gflops(torch::kFloat32);
  std::printf("this CPU: bf16/fp32 matmul %.2fx; %s -> %s\n", ratio, choice.reason.c_str(),
              precision_name(choice.precision));
  if (ratio > 2.5) EXPECT_EQ(choice.precision, Precision::kBf16) << choice.reason;
  if (ratio < 1.0) EXPECT_EQ(choice.precision, Precision::kFp32) << choice.reason;
  try {
    resolve_precision("fp16", torch::kCPU);
    FAIL() << "fp16 accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("lm.precision = 'fp16'"), std::string::npos) << e.what();
  }
}

TEST(Precision, GuardRunsLinearLayersInBf16OnlyWhileAlive) {
  torch::manual_seed(0);
  torch::nn::Linear linear(8, 4);
  auto x = torch::randn({2, 8});
  {
    AutocastGuard guard(torch::kCPU, Precision::kBf16);
    EXPECT_EQ(linear(x).scalar_type(), torch::kBFloat16);
    {
      AutocastGuard inner(torch::kCPU, Precision::kFp32);  // fp32 guard changes nothing
      EXPECT_EQ(linear(x).scalar_type(), torch::kBFloat16);
    }
  }
  EXPECT_EQ(linear(x).scalar_type(), torch::kFloat);
  EXPECT_EQ(linear->weight.scalar_type(), torch::kFloat);
}

// The loss of `steps` AdamW steps on one fixed batch, forward under `precision`.
std::vector<double> train_losses(Precision precision, int steps) {
  torch::manual_seed(1);
  models::LlamaConfig c;
  c.vocab_size = 96;
  c.hidden_size = 64;
  c.intermediate_size = 128;
  c.num_hidden_layers = 2;
  c.num_attention_heads = 4;
  c.num_key_value_heads = 2;
  c.tie_word_embeddings = true;
  models::LlamaForCausalLM model(c);
  torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(3e-3));
  auto ids = torch::randint(0, c.vocab_size, {4, 32}, torch::kInt64);
  std::vector<double> losses;
  for (int i = 0; i < steps; ++i) {
    opt.zero_grad();
    torch::Tensor logits;
    {
      AutocastGuard guard(torch::kCPU, precision);
      logits = model->forward({ids});
    }
    EXPECT_EQ(logits.scalar_type(),
              precision == Precision::kBf16 ? torch::kBFloat16 : torch::kFloat);
    auto loss = models::causal_lm_loss(logits.to(torch::kFloat), ids);
    loss.backward();
    opt.step();
    losses.push_back(loss.item<double>());
  }
  for (const auto& p : model->parameters()) {
    EXPECT_EQ(p.scalar_type(), torch::kFloat);  // fp32 master weights
    EXPECT_EQ(p.grad().scalar_type(), torch::kFloat);
  }
  return losses;
}

TEST(Precision, Bf16TrainingStepsStayFiniteAndCloseToFp32) {
  const auto fp32 = train_losses(Precision::kFp32, 12);
  const auto bf16 = train_losses(Precision::kBf16, 12);
  double worst = 0;
  for (size_t i = 0; i < fp32.size(); ++i) {
    ASSERT_TRUE(std::isfinite(bf16[i])) << "step " << i;
    worst = std::max(worst, std::abs(bf16[i] - fp32[i]) / fp32[i]);
  }
  // bfloat16 keeps 8 mantissa bits (relative rounding 2^-9 ~ 0.2% per value). Measured here: the
  // losses differ by at most 0.07% over 12 steps. 1% leaves room for other CPUs and BLAS builds
  // and still catches a broken path (garbage logits or no learning move the loss by far more).
  EXPECT_LT(worst, 0.01) << "largest relative loss difference " << worst;
  EXPECT_LT(bf16.back(), 0.8 * bf16.front()) << "bf16 training does not learn";
  EXPECT_LT(fp32.back(), 0.8 * fp32.front());
  EXPECT_NE(bf16.back(), fp32.back()) << "bf16 autocast had no effect";
  std::printf("fp32 loss %.4f -> %.4f, bf16 %.4f -> %.4f, worst relative difference %.4f\n",
              fp32.front(), fp32.back(), bf16.front(), bf16.back(), worst);
}

}  // namespace
}  // namespace anvil::train
