// AdamW state survives a safetensors round trip and continues identically.
#include "anvil/train/optimizer_state.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/core/error.h"
#include "support/run_cli.h"

namespace anvil::train {
namespace {

TEST(OptimizerState, AdamWRoundTripContinuesIdentically) {
  torch::manual_seed(0);
  torch::nn::Linear a(4, 3), b(4, 3);
  {
    torch::NoGradGuard g;
    for (size_t i = 0; i < a->parameters().size(); ++i)
      b->parameters()[i].copy_(a->parameters()[i]);
  }
  auto x = torch::randn({8, 4});
  auto step = [&](torch::nn::Linear& m, torch::optim::AdamW& opt) {
    opt.zero_grad();
    m->forward(x).pow(2).sum().backward();
    opt.step();
  };
  torch::optim::AdamW opt_a(a->parameters(), torch::optim::AdamWOptions(0.1).weight_decay(0.01));
  for (int i = 0; i < 3; ++i) step(a, opt_a);

  anvil::testing::TempDir dir("optim");
  auto named = io::module_tensors(*a);
  auto tensors = io::module_tensors(*a, "model.");
  for (auto& t : adamw_state_tensors(opt_a, named, "optimizer.")) tensors.push_back(t);
  io::save_named_tensors(dir / "ckpt.safetensors", tensors, {});

  auto file = io::read_safetensors(dir / "ckpt.safetensors");
  io::load_module_tensors(*b, file, "ckpt", "model.", /*strict=*/false);
  torch::optim::AdamW opt_b(b->parameters(), torch::optim::AdamWOptions(0.1).weight_decay(0.01));
  load_adamw_state(opt_b, io::module_tensors(*b), file, "ckpt", "optimizer.");

  step(a, opt_a);
  step(b, opt_b);
  for (size_t i = 0; i < a->parameters().size(); ++i)
    EXPECT_TRUE(torch::equal(a->parameters()[i], b->parameters()[i]));
}

TEST(TorchTensors, StrictLoadRejectsMissingExtraAndMisshapenTensors) {
  torch::nn::Linear m(2, 2);
  anvil::testing::TempDir dir("tt");
  io::save_named_tensors(dir / "ok.safetensors", io::module_tensors(*m), {});
  auto ok = io::read_safetensors(dir / "ok.safetensors");
  EXPECT_NO_THROW(io::load_module_tensors(*m, ok, "ok"));

  io::save_named_tensors(dir / "missing.safetensors", {{"weight", m->weight}}, {});
  EXPECT_THROW(io::load_module_tensors(*m, io::read_safetensors(dir / "missing.safetensors"), "m"),
               Error);

  io::save_named_tensors(dir / "extra.safetensors",
                         {{"weight", m->weight}, {"bias", m->bias}, {"ghost", torch::zeros({1})}},
                         {});
  EXPECT_THROW(io::load_module_tensors(*m, io::read_safetensors(dir / "extra.safetensors"), "m"),
               Error);

  io::save_named_tensors(dir / "shape.safetensors",
                         {{"weight", torch::zeros({3, 2})}, {"bias", m->bias}}, {});
  try {
    io::load_module_tensors(*m, io::read_safetensors(dir / "shape.safetensors"),
                            "shape.safetensors");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'weight' has shape"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace anvil::train
