// Supervised fine-tuning of the Llama-style decoder on specialist records (model.type: llama):
// a byte-level BPE tokenizer trained on the training texts, prompt-masked loss, sequence packing
// with segment-aware attention, gradient accumulation, cosine schedule with warmup, clipping,
// weight decay by train/param_groups' rule, optional LoRA on a base model, optional bf16
// autocast, and evaluation by generating answers for held-out records and scoring them with each
// specialist's validator. Checkpoints (RUN_DIR/checkpoints/last.safetensors: weights, AdamW
// state, engine position, RNG, data order position) are written at every epoch end, every
// lm.checkpoint_every steps and on Ctrl-C/SIGTERM; `resume` continues bit for bit.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "anvil/core/sink.h"
#include "anvil/models/llama_config.h"
#include "anvil/models/lora_linear.h"
#include "anvil/pipeline/lm_evaluation.h"
#include "anvil/train/dist/process_group.h"
#include "anvil/train/param_groups.h"
#include "anvil/train/pre_training_checks.h"
#include "anvil/train/tracking.h"

namespace anvil {
class Config;
}

namespace anvil::pipeline {

struct LmTrainOptions {
  std::string data_path;      // specialist JSONL (text form), required
  std::string run_dir;        // required
  models::LlamaConfig model;  // vocab_size comes from the tokenizer
  int64_t tokenizer_vocab = 2048;
  std::string tokenizer_pattern = "qwen2";  // see tokenize::pattern_by_name
  bool tokenizer_space_apart = false;       // see tokenize::BpeTrainOptions::space_apart
  // " word" and "word" share a trained embedding row (from scratch or full fine-tuning; folded
  // into the saved model): see LlamaForCausalLM::share_embedding_rows.
  bool share_space_embeddings = false;
  int64_t seq_len = 256;
  int64_t batch_size = 16;  // packed rows per micro-batch
  int64_t grad_accum = 1;
  int64_t epochs = 2;
  double lr = 2e-3, lr_min = 1e-4, weight_decay = 0.1, grad_clip = 1.0;
  int64_t warmup_steps = 30;
  double train_ratio = 0.95;
  int64_t eval_per_specialist =
      40;  // held-out records generated and scored per specialist; 0 = none
  int64_t max_new_tokens = 192;
  std::string base_model;  // fine-tune this model folder instead of training from scratch
  bool lora = false;
  models::LoraOptions lora_options;
  std::vector<std::string> lora_targets = {"q_proj", "v_proj"};
  std::string precision = "auto";  // lm.precision: auto | fp32 | bf16 (autocast, fp32 master)
  double prompt_loss_weight = 0;   // lm.prompt_loss_weight: prompt tokens' loss weight (0..1)
  int64_t checkpoint_every = 0;    // lm.checkpoint_every: optimizer steps; 0 = epoch ends only
  int64_t loss_chunk = 0;  // lm.loss_chunk: loss over this many rows at a time, no full logits
  std::string base_dtype = "fp32";      // lm.base_dtype: fp32 | bf16 | fp16 (CUDA): frozen base
  bool gradient_checkpointing = false;  // lm.gradient_checkpointing: recompute layers in backward
  bool resume = false;                  // continue from run_dir/checkpoints/last.safetensors
  int64_t stop_after_steps = 0;  // checkpoint and stop (as interrupted) after this global step
  int64_t inject_nan_at = 0;     // train.inject_nan_at: testing only, this step's loss is NaN
  uint64_t seed = 42;
  std::string device = "auto";
  int64_t threads = 0;
  bool progress = true;
  train::TrackingOptions tracking;
  train::DecayOptions decay;        // which parameters weight decay applies to (train.decay_*)
  train::PreTrainingChecks checks;  // train.mode: the checks before training (device: ours)
  Sink* sink = nullptr;             // log lines ("resuming at ..."); null = silent
  // Data-parallel training over this group (null: this process alone). Each rank reads its share
  // of every step's rows (train.batch_size is per rank), gradients are averaged in buckets of
  // dist_bucket_mb; rank 0 alone logs, checkpoints, tracks and writes the model.
  std::shared_ptr<dist::ProcessGroup> group;
  int64_t dist_bucket_mb = 25;  // dist.bucket_mb

  static LmTrainOptions from_config(const Config& config);
  void validate() const;
};

// The data position a checkpoint saves with the engine's (metadata "anvil.lm_data").
struct LmDataPosition {
  int64_t next_row = 0;     // index into the current epoch's packed rows (all ranks' rows)
  int64_t tokens_seen = 0;  // training tokens processed so far
};

struct LmTrainResult {
  std::string model_dir;
  int64_t parameters = 0;
  int64_t tokens_seen = 0;  // training tokens processed (incl. prompt tokens)
  double train_seconds = 0;
  double tokens_per_second = 0;
  double final_val_loss = 0;
  std::string precision;                // what lm.precision resolved to: fp32 | bf16
  int64_t memory_estimate_bytes = 0;    // models::estimate_llama_memory of one step
  int64_t memory_peak_bytes = -1;       // measured during training (CPU: peak RSS); -1 unknown
  std::vector<SpecialistScore> scores;  // per specialist, plus "overall" last; empty without eval
  std::optional<train::ValidationReport> validation;  // the pre-training checks (not train_only)
  bool trained = true;                                // false in check_only mode
};

// Throws anvil::Error when the run is interrupted (after checkpointing; the message says how to
// resume) or fails.
LmTrainResult train_language_model(const LmTrainOptions& options);

}  // namespace anvil::pipeline
