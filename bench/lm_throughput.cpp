// Training throughput of the Llama-style decoder (tokens/s) and generation tokens/s with and
// without the KV cache, for side-by-side comparison with bench/python/lm_throughput.py.
// usage: lm_throughput [--hidden 256] [--layers 4] [--heads 4] [--kv-heads 2] [--ffn 688]
//        [--vocab 2048] [--batch 8] [--seq 256] [--steps 10] [--warmup 2] [--threads 0]
//        [--bf16 0|1] (bf16 autocast forward, fp32 weights and optimizer)
//        [--lora R] (train a rank-R adapter on every linear projection, base frozen; 0 = full)
//        [--lora-dropout PERCENT] (LoRA dropout, e.g. 5 = 0.05; also times the dropout itself)
//        [--cpu-cache 1|0] (anvil's CPU caching allocator, as the CLI installs it)
//        [--loss-chunk N] (the loss from the hidden states N rows at a time, as lm.loss_chunk and
//        its default 256; 0 = the full logits)
//        [--trace 1] (one more step recorded by LibTorch's profiler into lm_step_trace.json, a
//        Chrome trace; bench/python/trace_ops.py sums it per operator)
#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include "anvil/core/runtime.h"
#include "anvil/models/chunked_loss.h"
#include "anvil/models/hash_dropout.h"
#include "anvil/models/llama.h"
#include "anvil/train/cpu_cache.h"
#include "anvil/train/device.h"
#include "anvil/train/precision.h"

using namespace anvil;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  tune_runtime();
  std::map<std::string, int64_t> a = {
      {"--hidden", 256},   {"--layers", 4},   {"--heads", 4},        {"--kv-heads", 2},
      {"--ffn", 688},      {"--vocab", 2048}, {"--batch", 8},        {"--seq", 256},
      {"--steps", 10},     {"--warmup", 2},   {"--threads", 0},      {"--gen", 64},
      {"--bf16", 0},       {"--lora", 0},     {"--lora-dropout", 0}, {"--cpu-cache", 1},
      {"--loss-chunk", 256}, {"--trace", 0}};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!a.count(argv[i])) {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
    a[argv[i]] = std::stoll(argv[i + 1]);
  }
  if (a["--cpu-cache"]) train::install_cpu_cache();
  const int64_t threads = train::configure_threads(a["--threads"]);
  torch::manual_seed(0);
  models::LlamaConfig c;
  c.vocab_size = a["--vocab"];
  c.hidden_size = a["--hidden"];
  c.intermediate_size = a["--ffn"];
  c.num_hidden_layers = a["--layers"];
  c.num_attention_heads = a["--heads"];
  c.num_key_value_heads = a["--kv-heads"];
  c.max_position_embeddings = std::max<int64_t>(a["--seq"], 512);
  c.tie_word_embeddings = true;
  models::LlamaForCausalLM model(c);
  const double dropout = a["--lora-dropout"] / 100.0;
  if (a["--lora"] > 0) {
    models::LoraOptions lo;
    lo.r = a["--lora"];
    lo.alpha = 2.0 * double(lo.r);
    lo.dropout = dropout;
    model->add_lora(lo, {"all-linear"});
  }
  std::vector<torch::Tensor> trainable;
  for (auto& p : model->parameters())
    if (p.requires_grad()) trainable.push_back(p);
  torch::optim::AdamW opt(trainable, torch::optim::AdamWOptions(1e-3).weight_decay(0.1));
  const int64_t b = a["--batch"], t = a["--seq"];
  if (dropout > 0) {  // the dropout of one projection input: LibTorch's vs the hash mask
    auto x = torch::randn({b, t, c.hidden_size});
    for (int k = 0; k < 2; ++k) {
      const bool hash = k == 1;
      auto f = [&] {
        return hash ? models::hash_dropout(x, dropout, true) : torch::dropout(x, dropout, true);
      };
      f();
      const auto d0 = Clock::now();
      for (int i = 0; i < 20; ++i) f();
      std::printf("dropout of [%lld, %lld, %lld] (%s): %.3f ms\n", static_cast<long long>(b),
                  static_cast<long long>(t), static_cast<long long>(c.hidden_size),
                  hash ? "anvil hash mask" : "torch::dropout",
                  std::chrono::duration<double>(Clock::now() - d0).count() / 20 * 1e3);
    }
  }
  auto ids = torch::randint(0, c.vocab_size, {b, t}, torch::kInt64);
  const auto precision = a["--bf16"] ? train::Precision::kBf16 : train::Precision::kFp32;
  auto step = [&] {
    opt.zero_grad();
    torch::Tensor out;
    {
      train::AutocastGuard autocast(torch::kCPU, precision);
      out = a["--loss-chunk"] > 0 ? model->hidden_states({ids}) : model->forward({ids});
    }
    auto loss = a["--loss-chunk"] > 0
                    ? models::chunked_causal_lm_loss(
                          out, model->lm_head_weight(), ids, {}, a["--loss-chunk"],
                          a["--bf16"] ? torch::kBFloat16 : torch::kFloat32)
                    : models::causal_lm_loss(out.to(torch::kFloat), ids);
    loss.backward();
    torch::nn::utils::clip_grad_norm_(trainable, 1.0);
    opt.step();
  };
  for (int64_t i = 0; i < a["--warmup"]; ++i) step();
  if (a["--trace"]) {
    torch::autograd::profiler::RecordProfile profile("lm_step_trace.json");
    step();
  }
  auto t0 = Clock::now();
  for (int64_t i = 0; i < a["--steps"]; ++i) step();
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double tokens = double(a["--steps"] * b * t);
  // Matmul FLOPs per token: 6 * non-embedding params + attention (12 * layers * d * t / 2 causal
  // avg ~ 6*L*d*t)
  int64_t n_params = 0;
  for (auto& p : model->parameters()) n_params += p.numel();
  // A frozen base needs no weight gradients: 4 instead of 6 FLOPs per parameter and token.
  const double flops_per_token = (a["--lora"] > 0 ? 4.0 : 6.0) * double(n_params) +
                                 6.0 * c.num_hidden_layers * c.hidden_size * t;
  std::printf(
      "anvil llama params=%lld lora=%lld threads=%lld batch=%lld seq=%lld precision=%s train "
      "tokens/s=%.0f steps/s=%.3f GFLOP/s=%.1f\n",
      static_cast<long long>(n_params), static_cast<long long>(a["--lora"]),
      static_cast<long long>(threads), static_cast<long long>(b), static_cast<long long>(t),
      train::precision_name(precision), tokens / s, a["--steps"] / s,
      tokens * flops_per_token / s / 1e9);

  // Generation: greedy continuation of one prompt, with and without the KV cache.
  torch::NoGradGuard g;
  model->eval();
  for (bool cache : {true, false}) {
    models::KvCache kv;
    auto seq = ids.narrow(0, 0, 1).narrow(1, 0, 32).clone();
    auto g0 = Clock::now();
    models::LlamaInputs in{seq};
    if (cache) in.cache = &kv;
    for (int64_t i = 0; i < a["--gen"]; ++i) {
      auto next = model->forward(in).select(1, -1).argmax(-1, true);
      seq = torch::cat({seq, next}, 1);
      in = models::LlamaInputs{cache ? next : seq};
      if (cache) in.cache = &kv;
    }
    const double gs = std::chrono::duration<double>(Clock::now() - g0).count();
    std::printf("anvil generation %s: %.1f tokens/s\n", cache ? "with KV cache" : "without cache",
                a["--gen"] / gs);
  }
  return 0;
}
