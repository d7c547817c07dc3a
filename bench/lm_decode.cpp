// Single-stream decoding speed of a language model (batch 1, KV cache, greedy): the prompt goes
// through the batched forward, then `--new` tokens are decoded one at a time, by FastDecoder
// (--fast 1, what `anvil generate` does for one prompt) or by the model's LibTorch operators with
// the KV cache (--fast 0). --batch B > 1 times batched generation (LibTorch's operators) instead.
// For bench/run_decode_bench.sh, beside llama.cpp on the same model (bench/node/llama_cpp_decode.mjs).
// A --model that is a GGUF file is read as `anvil generate` reads it (an F16 GGUF's weights are
// exact in half precision, so FastDecoder reads them from a 16-bit copy).
// usage: lm_decode (--model DIR|FILE.gguf | --hidden 256 --layers 4 --heads 4 --kv-heads 2 --ffn 512
//        --vocab 4096) [--prompt 300] [--new 128] [--threads 1] [--fast 1] [--batch 1]
//        [--seed 0] [--save DIR --tokenizer tokenizer.json] (write the random-weight model as a
//        model folder, for export) [--ids FILE] (write the prompt's ids as JSON)
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "anvil/core/runtime.h"
#include "anvil/interop/language_model_loader.h"
#include "anvil/models/fast_decode.h"
#include "anvil/models/llama.h"
#include "anvil/models/llama_io.h"
#include "anvil/train/cpu_cache.h"
#include "anvil/train/device.h"

using namespace anvil;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  tune_runtime();
  train::install_cpu_cache();
  std::map<std::string, std::string> a = {
      {"--model", ""},   {"--hidden", "256"}, {"--layers", "4"}, {"--heads", "4"},
      {"--kv-heads", "2"}, {"--ffn", "512"}, {"--vocab", "4096"}, {"--prompt", "300"},
      {"--new", "128"},  {"--threads", "1"}, {"--fast", "1"},     {"--batch", "1"},
      {"--seed", "0"},   {"--save", ""},     {"--tokenizer", ""}, {"--ids", ""}};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!a.count(argv[i])) {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
    a[argv[i]] = argv[i + 1];
  }
  auto num = [&](const char* k) { return std::stoll(a[k]); };
  const int64_t threads = train::configure_threads(num("--threads"));
  torch::manual_seed(num("--seed"));
  models::LlamaForCausalLM model{nullptr};
  if (!a["--model"].empty()) {
    model = interop::is_gguf_file(a["--model"])
                ? interop::load_language_model(a["--model"]).model
                : models::load_llama(a["--model"]);
  } else {
    models::LlamaConfig c;
    c.vocab_size = num("--vocab");
    c.hidden_size = num("--hidden");
    c.intermediate_size = num("--ffn");
    c.num_hidden_layers = num("--layers");
    c.num_attention_heads = num("--heads");
    c.num_key_value_heads = num("--kv-heads");
    c.max_position_embeddings = 1024;
    c.tie_word_embeddings = true;
    model = models::LlamaForCausalLM(c);
  }
  model->eval();
  if (!a["--save"].empty()) {
    models::save_llama(model, a["--save"]);
    std::filesystem::copy_file(a["--tokenizer"], a["--save"] + "/tokenizer.json",
                               std::filesystem::copy_options::overwrite_existing);
  }
  torch::NoGradGuard no_grad;
  const auto& c = model->config();
  const int64_t b = num("--batch"), n_prompt = num("--prompt"), n_new = num("--new");
  const auto ids = torch::randint(0, c.vocab_size, {b, n_prompt}, torch::kInt64);
  if (!a["--ids"].empty()) {
    std::ofstream f(a["--ids"]);
    f << "[";
    for (int64_t i = 0; i < n_prompt; ++i) f << (i ? "," : "") << ids[0][i].item<int64_t>();
    f << "]\n";
  }
  int64_t n_params = 0;
  for (const auto& p : model->parameters()) n_params += p.numel();

  const auto t0 = Clock::now();
  models::KvCache cache;
  models::LlamaInputs in{ids};
  in.cache = &cache;
  auto next = model->last_logits(in).argmax(-1);  // [B]
  const double prefill = std::chrono::duration<double>(Clock::now() - t0).count();
  const bool fast = b == 1 && num("--fast") != 0;
  std::unique_ptr<models::FastDecoder> decoder;
  if (fast) {
    decoder = std::make_unique<models::FastDecoder>(model, n_prompt + n_new);
    decoder->load_cache(cache);
  }
  std::vector<int64_t> out;
  const auto t1 = Clock::now();
  for (int64_t i = 1; i < n_new; ++i) {  // the first new token came from the prefill
    if (fast) {
      const auto& logits = decoder->step(next[0].item<int64_t>());
      next = torch::tensor({static_cast<int64_t>(
          std::max_element(logits.begin(), logits.end()) - logits.begin())});
    } else {
      models::LlamaInputs step{next.unsqueeze(1)};
      step.cache = &cache;
      next = model->last_logits(step).argmax(-1);
    }
    out.push_back(next[0].item<int64_t>());
  }
  const double decode = std::chrono::duration<double>(Clock::now() - t1).count();
  std::printf(
      "anvil decode params=%lld threads=%lld batch=%lld prompt=%lld new=%lld %s: prefill %.1f ms, "
      "decode tokens/s=%.1f%s\n",
      static_cast<long long>(n_params), static_cast<long long>(threads),
      static_cast<long long>(b), static_cast<long long>(n_prompt), static_cast<long long>(n_new),
      fast ? "fast-decoder" : "libtorch-ops", prefill * 1e3,
      static_cast<double>(b * (n_new - 1)) / decode,
      decoder ? (" weights=" + decoder->weight_format() + " " +
                 std::to_string(decoder->weight_bytes() >> 20) + "MiB")
                    .c_str()
              : "");
  return 0;
}
