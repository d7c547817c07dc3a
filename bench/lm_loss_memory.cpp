// Peak memory of the language-model loss with and without lm.loss_chunk, at real vocabulary sizes:
// a forward+backward of the next-token loss from hidden states [B, T, D] through a frozen LM head
// [V, D] (as in LoRA fine-tuning), measured as the growth of peak RSS (VmHWM, reset through
// /proc/self/clear_refs) in a fresh process per case, with the loss value to show they agree.
//   build/bench/lm_loss_memory [--batch 4] [--seq 512] [--chunk 1024]
#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "anvil/models/chunked_loss.h"
#include "anvil/models/llama.h"

namespace {

int64_t vm_hwm_kb() {
  std::ifstream f("/proc/self/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atoll(line.c_str() + 6);
  return -1;
}

void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

// One case in this process: prints peak growth in MiB and the loss.
void run_case(int64_t vocab, int64_t hidden, int64_t batch, int64_t seq, int64_t chunk) {
  torch::manual_seed(0);
  torch::set_num_threads(2);
  const auto weight = torch::randn({vocab, hidden}) * 0.02;
  auto h = torch::randn({batch, seq, hidden}).requires_grad_(true);
  const auto labels = torch::randint(0, vocab, {batch, seq}, torch::kInt64);
  reset_peak();
  const int64_t before = vm_hwm_kb();
  auto loss = chunk > 0
                  ? anvil::models::chunked_causal_lm_loss(h, weight, labels, torch::Tensor(), chunk)
                  : anvil::models::causal_lm_loss(torch::matmul(h, weight.t()), labels);
  loss.backward();
  const int64_t after = vm_hwm_kb();
  std::printf("%8lld %6lld %3lld x %4lld %6s  peak +%7.1f MiB  loss %.6f\n",
              static_cast<long long>(vocab), static_cast<long long>(hidden),
              static_cast<long long>(batch), static_cast<long long>(seq),
              chunk > 0 ? std::to_string(chunk).c_str() : "off", (after - before) / 1024.0,
              loss.item<double>());
}

}  // namespace

int main(int argc, char** argv) {
  int64_t batch = 4, seq = 512, chunk = 1024;
  std::string one;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--batch") batch = std::atoll(argv[i + 1]);
    if (k == "--seq") seq = std::atoll(argv[i + 1]);
    if (k == "--chunk") chunk = std::atoll(argv[i + 1]);
    if (k == "--case") one = argv[i + 1];
  }
  if (!one.empty()) {  // "VOCAB,HIDDEN,CHUNK": run in this (fresh) process
    long long v, d, c;
    if (std::sscanf(one.c_str(), "%lld,%lld,%lld", &v, &d, &c) != 3) return 2;
    run_case(v, d, batch, seq, c);
    return 0;
  }
  std::printf("   vocab hidden   B x    T  chunk  peak memory of loss forward+backward\n");
  std::fflush(stdout);
  // Qwen2.5-0.5B (151936 x 896) and Llama-3.2-1B (128256 x 2048) heads, and a 32k vocabulary.
  for (const auto& [v, d] : {std::pair<int64_t, int64_t>{32000, 896}, {151936, 896}, {128256, 2048}})
    for (int64_t c : {int64_t{0}, chunk}) {
      const std::string cmd = std::string(argv[0]) + " --batch " + std::to_string(batch) +
                              " --seq " + std::to_string(seq) + " --case " + std::to_string(v) +
                              "," + std::to_string(d) + "," + std::to_string(c);
      if (std::system(cmd.c_str()) != 0) return 1;
    }
  return 0;
}
