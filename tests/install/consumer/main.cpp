// A user's program against the installed anvil package: a LibTorch module of its own trained by
// anvil's Engine on y = 3x - 1, saved with anvil's safetensors writer and loaded back.
// Exits 0 only when the fit recovers the line and the reloaded weights match.
#include <torch/torch.h>

#include <anvil/anvil.h>
#include <cmath>
#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  torch::manual_seed(0);
  torch::nn::Linear line(1, 1);
  torch::optim::SGD sgd(line->parameters(), torch::optim::SGDOptions(0.1));
  auto x = torch::linspace(-1, 1, 64).unsqueeze(1);
  auto y = 3 * x - 1;
  anvil::train::Engine engine([&](anvil::train::Engine&) {
    sgd.zero_grad();
    auto loss = torch::mse_loss(line(x), y);
    loss.backward();
    sgd.step();
    return std::map<std::string, double>{{"loss", loss.item<double>()}};
  });
  engine.run(/*epoch_length=*/50, /*max_epochs=*/4);
  const double w = line->weight.item<double>(), b = line->bias.item<double>();
  std::printf("w=%.4f b=%.4f loss=%.2e\n", w, b, engine.state().output["loss"]);

  const std::string path = std::string(argv[1]) + "/line.safetensors";
  anvil::io::save_named_tensors(path, anvil::io::module_tensors(*line), {{"format", "pt"}});
  torch::nn::Linear reloaded(1, 1);
  anvil::io::load_module_tensors(*reloaded, anvil::io::read_safetensors(path), path);
  const bool same = torch::equal(reloaded->weight, line->weight) && torch::equal(reloaded->bias, line->bias);
  std::printf("reloaded equal: %s, anvil %s\n", same ? "yes" : "no", anvil::kVersion);
  return std::abs(w - 3) < 1e-3 && std::abs(b + 1) < 1e-3 && same ? 0 : 1;
}
