// Supervised fine-tuning of the Llama-style decoder on specialist records (model.type: llama):
// a byte-level BPE tokenizer trained on the training texts, prompt-masked loss, sequence packing
// with segment-aware attention, gradient accumulation, cosine schedule with warmup, clipping,
// weight decay that skips norms and biases, optional LoRA on a base model, and evaluation by
// generating answers for held-out records and scoring them with each specialist's validator.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "anvil/models/llama.h"
#include "anvil/models/llama_config.h"
#include "anvil/models/lora_linear.h"
#include "anvil/train/tracking.h"

namespace anvil {
class Config;
}
namespace anvil::tokenize {
class BpeTokenizer;
}

namespace anvil::pipeline {

struct LmTrainOptions {
  std::string data_path;      // specialist JSONL (text form), required
  std::string run_dir;        // required
  models::LlamaConfig model;  // vocab_size comes from the tokenizer
  int64_t tokenizer_vocab = 2048;
  std::string tokenizer_pattern = "qwen2";  // see tokenize::pattern_by_name
  int64_t seq_len = 256;
  int64_t batch_size = 16;  // packed rows per micro-batch
  int64_t grad_accum = 1;
  int64_t epochs = 2;
  double lr = 2e-3, lr_min = 1e-4, weight_decay = 0.1, grad_clip = 1.0;
  int64_t warmup_steps = 30;
  double train_ratio = 0.95;
  int64_t eval_per_specialist = 40;  // held-out records generated and scored per specialist
  int64_t max_new_tokens = 192;
  std::string base_model;  // fine-tune this model folder instead of training from scratch
  bool lora = false;
  models::LoraOptions lora_options;
  std::vector<std::string> lora_targets = {"q_proj", "v_proj"};
  uint64_t seed = 42;
  std::string device = "auto";
  int64_t threads = 0;
  bool progress = true;
  train::TrackingOptions tracking;

  static LmTrainOptions from_config(const Config& config);
  void validate() const;
};

struct SpecialistScore {
  std::string specialist;
  int64_t records = 0;
  double field_accuracy = 0;  // mean validator field score
  double exact = 0;           // fraction of records with every field right
  double perplexity = 0;      // of the reference completions (response tokens + EOS)
};

struct LmTrainResult {
  std::string model_dir;
  int64_t parameters = 0;
  int64_t tokens_seen = 0;  // training tokens processed (incl. prompt tokens)
  double train_seconds = 0;
  double tokens_per_second = 0;
  double final_val_loss = 0;
  std::vector<SpecialistScore> scores;  // per specialist, plus "overall" last
};

LmTrainResult train_language_model(const LmTrainOptions& options);

// Evaluates a model (already on its device) on held-out specialist records of `data_path`.
std::vector<SpecialistScore> evaluate_language_model(models::LlamaForCausalLM& model,
                                                     const tokenize::BpeTokenizer& tokenizer,
                                                     const std::string& data_path,
                                                     int64_t per_specialist,
                                                     int64_t max_new_tokens);

// Evaluates a saved model folder on held-out specialist records.
std::vector<SpecialistScore> evaluate_language_model(const std::string& model_dir,
                                                     const std::string& data_path,
                                                     int64_t per_specialist, int64_t max_new_tokens,
                                                     const std::string& device);

std::string format_specialist_scores(const std::vector<SpecialistScore>& scores);

}  // namespace anvil::pipeline
