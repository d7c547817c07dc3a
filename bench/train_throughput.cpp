// Training throughput of the intent classifier (steps/s), for side-by-side comparison with
// bench/python/train_throughput.py (same data, batches, model, loss and optimizer).
// usage: train_throughput DATA.jsonl [--model pointer_cnn|multihead_cnn] [--batch 256]
//        [--steps 40] [--warmup 5] [--threads 0] [--cpu-cache 1|0] (anvil's CPU caching allocator)
// Prints one line: "anvil <model> threads=T batch=B steps/s=X".
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "anvil/core/runtime.h"
#include "anvil/data/intent_record.h"
#include "anvil/models/intent_features.h"
#include "anvil/train/cpu_cache.h"
#include "anvil/train/device.h"

using namespace anvil;

int main(int argc, char** argv) {
  tune_runtime();
  if (argc < 2) {
    std::fprintf(
        stderr,
        "usage: %s DATA.jsonl [--model T] [--batch B] [--steps N] [--warmup W] [--threads T]\n",
        argv[0]);
    return 2;
  }
  std::string path = argv[1], type = "pointer_cnn";
  int64_t batch = 256, steps = 40, warmup = 5, threads = 0, cpu_cache = 1;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--model")
      type = v;
    else if (k == "--batch")
      batch = std::stoll(v);
    else if (k == "--steps")
      steps = std::stoll(v);
    else if (k == "--warmup")
      warmup = std::stoll(v);
    else if (k == "--threads")
      threads = std::stoll(v);
    else if (k == "--cpu-cache")
      cpu_cache = std::stoll(v);
  }
  if (cpu_cache) train::install_cpu_cache();
  try {
    threads = train::configure_threads(threads);
    torch::manual_seed(0);
    auto records = data::load_intent_records(path);
    std::unordered_map<std::string, int64_t> index;
    for (const auto& r : records) index.emplace(r.intent, 0);
    int64_t next = 0;
    std::vector<std::string> names;
    for (auto& kv : index) names.push_back(kv.first);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) index[n] = next++;

    models::ClassifierConfig cfg;
    cfg.type = type;
    cfg.n_intents = static_cast<int64_t>(names.size());
    auto net = models::make_classifier(cfg);
    net->train();
    torch::optim::AdamW opt(net->parameters(), torch::optim::AdamWOptions(1e-3).weight_decay(0.01));
    models::LossWeights w;

    // Pre-build the batches (sequential, as the Python script does) so only the step is timed.
    struct Batch {
      models::ClassifierInputs in;
      models::ClassifierTargets tgt;
    };
    std::vector<Batch> batches;
    const int64_t n_batches =
        std::min<int64_t>(static_cast<int64_t>(records.size()) / batch, warmup + steps);
    for (int64_t b = 0; b < n_batches; ++b) {
      std::vector<std::string> texts;
      std::vector<const data::IntentRecord*> ptrs;
      for (int64_t i = b * batch; i < (b + 1) * batch; ++i) {
        texts.push_back(records[i].text);
        ptrs.push_back(&records[i]);
      }
      batches.push_back({models::encode_requests(texts, cfg.max_length, cfg.max_numbers),
                         models::make_targets(ptrs, index, cfg.max_length, cfg.max_numbers)});
    }
    auto step = [&](const Batch& b) {
      auto out = net->forward(b.in);
      auto loss = net->loss(out, b.tgt, w);
      opt.zero_grad();
      loss.total.backward();
      torch::nn::utils::clip_grad_norm_(net->parameters(), 1.0);
      opt.step();
    };
    int64_t k = 0;
    for (int64_t i = 0; i < warmup; ++i) step(batches[k++ % batches.size()]);
    auto t0 = std::chrono::steady_clock::now();
    for (int64_t i = 0; i < steps; ++i) step(batches[k++ % batches.size()]);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("anvil %s threads=%lld batch=%lld steps/s=%.3f\n", type.c_str(),
                static_cast<long long>(threads), static_cast<long long>(batch), steps / s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "train_throughput: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
