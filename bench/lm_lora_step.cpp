// Peak memory and tokens/s of one LoRA fine-tuning step at real model shapes with random weights
// (no download): Qwen2.5-0.5B and Llama-3.2-1B (and Llama-3.1-8B for the estimate only), each
// memory feature on and off (lm.base_dtype bf16, lm.gradient_checkpointing, lm.loss_chunk), beside
// anvil's estimate. Each case runs in a fresh process so that its peak is its own: CPU peak RSS
// (VmHWM reset through /proc/self/clear_refs, minus the process before the model), CUDA the
// caching allocator's peak.
//   build/bench/lm_lora_step [--shapes qwen2.5-0.5b,llama-3.2-1b] [--batch 1] [--seq 512]
//                            [--steps 3] [--device cpu|cuda] [--r 16] [--targets all-linear]
//                            [--precision fp32|bf16] [--json FILE]
//   one case: ... --case SHAPE,BASE_DTYPE,CHECKPOINTING,LOSS_CHUNK
//   estimates only (nothing allocated, any shape incl. llama-3.1-8b): ... --estimate-only 1
#include <torch/torch.h>

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "anvil/models/chunked_loss.h"
#include "anvil/models/llama.h"
#include "anvil/models/llama_memory.h"
#include "anvil/train/memory.h"
#include "anvil/train/precision.h"

namespace {

using anvil::models::LlamaConfig;

LlamaConfig shape(const std::string& name) {
  LlamaConfig c;
  c.max_position_embeddings = 32768;
  if (name == "qwen2.5-0.5b") {  // Qwen/Qwen2.5-0.5B config.json
    c.architecture = "Qwen2ForCausalLM";
    c.vocab_size = 151936, c.hidden_size = 896, c.intermediate_size = 4864;
    c.num_hidden_layers = 24, c.num_attention_heads = 14, c.num_key_value_heads = 2;
    c.tie_word_embeddings = true, c.attention_bias = true, c.rope_theta = 1000000;
    c.rms_norm_eps = 1e-6;
  } else if (name == "llama-3.2-1b") {  // meta-llama/Llama-3.2-1B config.json
    c.vocab_size = 128256, c.hidden_size = 2048, c.intermediate_size = 8192;
    c.num_hidden_layers = 16, c.num_attention_heads = 32, c.num_key_value_heads = 8;
    c.tie_word_embeddings = true, c.rope_theta = 500000;
  } else if (name == "llama-3.1-8b") {  // meta-llama/Llama-3.1-8B config.json
    c.vocab_size = 128256, c.hidden_size = 4096, c.intermediate_size = 14336;
    c.num_hidden_layers = 32, c.num_attention_heads = 32, c.num_key_value_heads = 8;
    c.rope_theta = 500000;
  } else if (name == "tiny") {
    c.vocab_size = 4096, c.hidden_size = 256, c.intermediate_size = 688;
    c.num_hidden_layers = 4, c.num_attention_heads = 4, c.num_key_value_heads = 4;
  } else {
    std::fprintf(stderr, "unknown shape '%s'\n", name.c_str());
    std::exit(2);
  }
  return c;
}

struct Args {
  std::string shapes = "qwen2.5-0.5b,llama-3.2-1b", device = "cpu", targets = "all-linear",
              precision = "fp32", json, one;
  bool estimate_only = false;
  int64_t batch = 1, seq = 512, steps = 3, r = 16, threads = 0;
};

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');) out.push_back(part);
  return out;
}

std::string cpu_model() {
  std::ifstream f("/proc/cpuinfo");
  std::string model, flags;
  for (std::string line; std::getline(f, line);) {
    if (model.empty() && line.rfind("model name", 0) == 0) model = line.substr(line.find(':') + 2);
    if (flags.empty() && line.rfind("flags", 0) == 0) flags = line.substr(line.find(':') + 2);
  }
  std::string picked;
  for (const auto& f : {"avx2", "fma", "avx512f", "avx512_bf16", "amx_bf16", "amx_tile"})
    if ((" " + flags + " ").find(std::string(" ") + f + " ") != std::string::npos)
      picked += std::string(picked.empty() ? "" : " ") + f;
  return model + " [" + picked + "]";
}

anvil::models::LlamaMemoryPlan plan_for(const Args& a, const LlamaConfig& c, bool bf16_base,
                                        bool ckpt, int64_t chunk) {
  anvil::models::LlamaMemoryPlan p;
  p.config = c;
  p.batch = a.batch, p.seq_len = a.seq;
  p.lora = true, p.lora_r = a.r, p.lora_targets = split(a.targets);
  p.base_bytes = bf16_base ? 2 : 4;
  p.autocast_bf16 = a.precision == "bf16";
  p.gradient_checkpointing = ckpt;
  p.loss_chunk = chunk;
  return p;
}

// One case in this process; prints one JSON line.
int run_case(const Args& a) {
  const auto f = split(a.one);
  const LlamaConfig c = shape(f.at(0));
  const bool bf16_base = f.at(1) == "bf16", ckpt = f.at(2) == "1";
  const int64_t chunk = std::atoll(f.at(3).c_str());
  const torch::Device device(a.device);
  if (a.threads > 0) torch::set_num_threads(static_cast<int>(a.threads));
  const auto estimate = anvil::models::estimate_llama_memory(plan_for(a, c, bf16_base, ckpt, chunk));
  const auto before = anvil::train::read_memory(device);

  torch::manual_seed(0);
  anvil::models::LlamaForCausalLM model(c);
  model->add_lora({a.r, 2.0 * a.r, 0.0, false}, split(a.targets));
  if (bf16_base) model->set_frozen_dtype(torch::kBFloat16);
  model->set_gradient_checkpointing(ckpt);
  model->to(device);
  model->train();
  malloc_trim(0);  // give back what building the float32 model and casting it left in the heap
  std::vector<torch::Tensor> trainable;
  for (const auto& p : model->parameters())
    if (p.requires_grad()) trainable.push_back(p);
  torch::optim::AdamW opt(trainable, torch::optim::AdamWOptions(1e-4));
  const auto precision = a.precision == "bf16" ? anvil::train::Precision::kBf16
                                               : anvil::train::Precision::kFp32;
  const auto ids = torch::randint(0, c.vocab_size, {a.batch, a.seq},
                                  torch::TensorOptions().dtype(torch::kInt64).device(device));
  const auto sync = [&] {
    if (device.is_cuda()) torch::cuda::synchronize();
  };
  anvil::train::reset_memory_peak(device);
  double loss = 0, seconds = 0;
  for (int64_t s = 0; s < a.steps; ++s) {
    sync();
    const auto t0 = std::chrono::steady_clock::now();
    opt.zero_grad();
    torch::Tensor l;
    {
      anvil::train::AutocastGuard autocast(device, precision);
      if (chunk > 0) {
        auto h = model->hidden_states({ids});
        l = anvil::models::chunked_causal_lm_loss(h, model->lm_head_weight(), ids, {}, chunk);
      } else {
        l = anvil::models::causal_lm_loss(model->forward({ids}).to(torch::kFloat32), ids);
      }
    }
    l.backward();
    opt.step();
    loss = l.item<double>();
    sync();
    if (s > 0 || a.steps == 1)
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  const auto after = anvil::train::read_memory(device);
  const int64_t measured = device.is_cpu() ? after.peak - before.current : after.peak;
  const int64_t timed = a.steps > 1 ? a.steps - 1 : 1;
  std::printf(
      "{\"shape\":\"%s\",\"device\":\"%s\",\"precision\":\"%s\",\"base_dtype\":\"%s\","
      "\"checkpointing\":%s,\"loss_chunk\":%lld,\"batch\":%lld,\"seq\":%lld,\"lora_r\":%lld,"
      "\"parameters\":%lld,\"trainable\":%lld,\"estimate_bytes\":%lld,\"measured_peak_bytes\":%lld,"
      "\"estimate_parameters\":%lld,\"estimate_activations\":%lld,\"estimate_logits\":%lld,"
      "\"tokens_per_second\":%.1f,\"loss\":%.5f}\n",
      f[0].c_str(), a.device.c_str(), a.precision.c_str(), bf16_base ? "bf16" : "fp32",
      ckpt ? "true" : "false", static_cast<long long>(chunk), static_cast<long long>(a.batch),
      static_cast<long long>(a.seq), static_cast<long long>(a.r),
      static_cast<long long>(estimate.total_parameters),
      static_cast<long long>(estimate.trainable_parameters),
      static_cast<long long>(estimate.total()), static_cast<long long>(measured),
      static_cast<long long>(estimate.parameters), static_cast<long long>(estimate.activations),
      static_cast<long long>(estimate.logits), a.batch * a.seq * timed / seconds, loss);
  return 0;
}

// The estimate of every case, in GiB, without running anything.
int print_estimates(const Args& a) {
  std::printf("# estimate (GiB): LoRA r=%lld on %s, batch %lld x %lld tokens, precision %s\n",
              static_cast<long long>(a.r), a.targets.c_str(), static_cast<long long>(a.batch),
              static_cast<long long>(a.seq), a.precision.c_str());
  std::printf("%-14s %-5s %-4s %-6s %8s %8s %8s %8s %8s\n", "shape", "base", "ckpt", "chunk",
              "params", "activ", "logits", "other", "total");
  for (const auto& s : split(a.shapes)) {
    const auto c = shape(s);
    for (const auto& [base, ckpt, chunk] :
         std::vector<std::tuple<bool, bool, int64_t>>{{false, false, 0}, {true, false, 0},
                                                      {true, true, 0}, {true, true, 1024}}) {
      const auto e = anvil::models::estimate_llama_memory(plan_for(a, c, base, ckpt, chunk));
      const double g = double(int64_t(1) << 30);
      std::printf("%-14s %-5s %-4s %-6lld %8.2f %8.2f %8.2f %8.2f %8.2f\n", s.c_str(),
                  base ? "bf16" : "fp32", ckpt ? "on" : "off", static_cast<long long>(chunk),
                  e.parameters / g, e.activations / g, e.logits / g,
                  (e.gradients + e.optimizer + e.workspace) / g, e.total() / g);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--shapes") a.shapes = v;
    else if (k == "--device") a.device = v;
    else if (k == "--targets") a.targets = v;
    else if (k == "--precision") a.precision = v;
    else if (k == "--json") a.json = v;
    else if (k == "--case") a.one = v;
    else if (k == "--estimate-only") a.estimate_only = v == "1";
    else if (k == "--batch") a.batch = std::atoll(v.c_str());
    else if (k == "--seq") a.seq = std::atoll(v.c_str());
    else if (k == "--steps") a.steps = std::atoll(v.c_str());
    else if (k == "--r") a.r = std::atoll(v.c_str());
    else if (k == "--threads") a.threads = std::atoll(v.c_str());
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (!a.one.empty()) return run_case(a);
  if (a.estimate_only) return print_estimates(a);

  std::printf("# CPU: %s, %u cores; LibTorch %s, %s threads; device %s\n", cpu_model().c_str(),
              std::thread::hardware_concurrency(), TORCH_VERSION,
              a.threads > 0 ? std::to_string(a.threads).c_str() : "default", a.device.c_str());
  std::printf("# LoRA r=%lld on %s, batch %lld x %lld tokens, precision %s, %lld steps (first "
              "untimed)\n",
              static_cast<long long>(a.r), a.targets.c_str(), static_cast<long long>(a.batch),
              static_cast<long long>(a.seq), a.precision.c_str(), static_cast<long long>(a.steps));
  // Each feature alone, then all together.
  const std::vector<std::string> cases = {"fp32,0,0", "bf16,0,0", "fp32,1,0", "fp32,0,128",
                                          "bf16,1,128"};
  std::string self = argv[0], common;
  for (int i = 1; i + 1 < argc; i += 2)
    if (std::string(argv[i]) != "--shapes" && std::string(argv[i]) != "--json")
      common += std::string(" ") + argv[i] + " " + argv[i + 1];
  std::FILE* json = a.json.empty() ? nullptr : std::fopen(a.json.c_str(), "w");
  for (const auto& s : split(a.shapes)) {
    for (const auto& cs : cases) {
      const std::string cmd = self + common + " --case " + s + "," + cs;
      std::FILE* p = popen(cmd.c_str(), "r");
      char buf[4096];
      std::string out;
      while (p && std::fgets(buf, sizeof buf, p)) out += buf;
      const int rc = p ? pclose(p) : -1;
      std::printf("%s", rc == 0 ? out.c_str() : ("{\"case\":\"" + s + "," + cs + "\",\"failed\":" +
                                                 std::to_string(rc) + "}\n").c_str());
      std::fflush(stdout);
      if (json) std::fputs(out.c_str(), json);
    }
  }
  if (json) std::fclose(json);
  return 0;
}
