// Language-model SFT on specialist records: tokenizer, model, Engine loop with checkpoints,
// generation-based evaluation of the result.
#include "anvil/pipeline/lm_training.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/rng.h"
#include "anvil/core/sink.h"
#include "anvil/data/splits.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/chunked_loss.h"
#include "anvil/models/llama.h"
#include "anvil/models/llama_io.h"
#include "anvil/models/llama_memory.h"
#include "anvil/pipeline/lm_checkpoint_model.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/pipeline/skill_scores.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/space_variants.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/checkpoint.h"
#include "anvil/train/device.h"
#include "anvil/train/dist/data_parallel.h"
#include "anvil/train/dist/rank_tracking.h"
#include "anvil/train/dist/rank_zero.h"
#include "anvil/train/dist/sampler.h"
#include "anvil/train/engine.h"
#include "anvil/train/handlers/checkpointer.h"
#include "anvil/train/handlers/evaluator.h"
#include "anvil/train/handlers/grad_clip.h"
#include "anvil/train/handlers/lr_scheduler.h"
#include "anvil/train/handlers/nan_guard.h"
#include "anvil/train/handlers/progress_reporter.h"
#include "anvil/train/handlers/running_average.h"
#include "anvil/train/memory.h"
#include "anvil/train/param_groups.h"
#include "anvil/train/pre_training_checks.h"
#include "anvil/train/precision.h"
#include "pipeline/recipe_checks.h"

namespace anvil::pipeline {
namespace {

// The base model's tokenizer; on resume the one the interrupted run trained (saved with its
// checkpoints); otherwise a new BPE trained on the training texts.
std::shared_ptr<tokenize::BpeTokenizer> make_tokenizer(const LmTrainOptions& o,
                                                       const std::vector<SftRecord>& records,
                                                       const std::vector<int64_t>& train_idx,
                                                       const std::string& saved_path) {
  if (!o.base_model.empty())
    return std::make_shared<tokenize::BpeTokenizer>(
        tokenize::load_tokenizer_json(o.base_model + "/tokenizer.json"));
  if (o.resume && file_exists(saved_path))
    return std::make_shared<tokenize::BpeTokenizer>(tokenize::load_tokenizer_json(saved_path));
  std::vector<std::string> texts;
  std::vector<std::string_view> views;
  for (int64_t i : train_idx) texts.push_back(records[i].prompt + records[i].completion);
  for (const auto& t : texts) views.push_back(t);
  tokenize::BpeTrainOptions bo;
  bo.vocab_size = o.tokenizer_vocab;
  bo.pattern = tokenize::pattern_by_name(o.tokenizer_pattern);
  bo.space_apart = o.tokenizer_space_apart;
  bo.special_tokens = {kSftEos, kSftPad};
  auto words = tokenize::count_words(views, bo.pattern, 0);
  return std::make_shared<tokenize::BpeTokenizer>(tokenize::train_bpe(words, bo));
}

}  // namespace

LmTrainOptions LmTrainOptions::from_config(const Config& c) {
  LmTrainOptions o;
  o.data_path = c.get_string("lm.data");
  o.model.hidden_size = c.get_int("llama.hidden_size");
  o.model.intermediate_size = c.get_int("llama.intermediate_size");
  o.model.num_hidden_layers = c.get_int("llama.layers");
  o.model.num_attention_heads = c.get_int("llama.heads");
  o.model.num_key_value_heads = c.get_int("llama.kv_heads");
  o.model.rope_theta = c.get_double("llama.rope_theta");
  o.model.rms_norm_eps = c.get_double("llama.rms_norm_eps");
  o.model.max_position_embeddings = c.get_int("llama.max_position");
  o.model.tie_word_embeddings = c.get_bool("llama.tie_embeddings");
  o.tokenizer_vocab = c.get_int("lm.tokenizer_vocab");
  o.tokenizer_pattern = c.get_string("lm.tokenizer_pattern");
  o.tokenizer_space_apart = c.get_bool("lm.tokenizer_space_apart");
  o.share_space_embeddings = c.get_bool("lm.share_space_embeddings");
  o.seq_len = c.get_int("lm.seq_len");
  o.grad_accum = c.get_int("lm.grad_accum");
  o.eval_per_specialist = c.get_int("lm.eval_per_specialist");
  o.max_new_tokens = c.get_int("lm.max_new_tokens");
  o.base_model = c.get_string("lm.base_model");
  o.precision = c.get_string("lm.precision");
  o.prompt_loss_weight = c.get_double("lm.prompt_loss_weight");
  o.checkpoint_every = c.get_int("lm.checkpoint_every");
  o.loss_chunk = c.get_int("lm.loss_chunk");
  o.base_dtype = c.get_string("lm.base_dtype");
  o.gradient_checkpointing = c.get_bool("lm.gradient_checkpointing");
  o.dist_bucket_mb = c.get_int("dist.bucket_mb");
  o.batch_size = c.get_int("train.batch_size");
  o.epochs = c.get_int("train.epochs");
  o.lr = c.get_double("train.lr");
  o.lr_min = c.get_double("train.lr_min");
  o.weight_decay = c.get_double("train.weight_decay");
  o.decay = train::DecayOptions::from_config(c);
  o.grad_clip = c.get_double("train.grad_clip");
  o.inject_nan_at = c.get_int("train.inject_nan_at");
  o.warmup_steps = c.get_int("train.warmup_steps");
  o.train_ratio = c.get_double("data.train_ratio");
  o.lora = c.get_bool("lora.enabled");
  o.lora_options.r = c.get_int("lora.r");
  o.lora_options.alpha = c.get_double("lora.alpha");
  o.lora_options.dropout = c.get_double("lora.dropout");
  o.lora_options.rslora = c.get_bool("lora.rslora");
  o.lora_targets = c.get_string_list("lora.target_modules");
  o.seed = static_cast<uint64_t>(c.get_int("run.seed"));
  o.device = c.get_string("run.device");
  o.threads = c.get_int("run.threads");
  o.tracking = train::TrackingOptions::from_config(c);
  o.checks = train::PreTrainingChecks::from_config(c);
  return o;
}

void LmTrainOptions::validate() const {
  if (data_path.empty())
    throw usage_error("lm.data is empty: no specialist JSONL given").about("data_path");
  if (run_dir.empty()) throw usage_error("no run directory given");
  if (seq_len < 16)
    throw usage_error("lm.seq_len = " + std::to_string(seq_len) + ": must be >= 16");
  if (batch_size < 1 || grad_accum < 1 || epochs < 1)
    throw usage_error("train.batch_size, lm.grad_accum and train.epochs must be >= 1");
  if (tokenizer_vocab < 300)
    throw usage_error("lm.tokenizer_vocab = " + std::to_string(tokenizer_vocab) +
                      ": must be >= 300");
  try {
    tokenize::pattern_by_name(tokenizer_pattern);
  } catch (const Error& e) {
    throw usage_error(std::string("lm.tokenizer_pattern: ") + e.what());
  }
  if (lora && base_model.empty())
    throw usage_error("lora.enabled needs lm.base_model (the model to adapt)");
  if (lora && share_space_embeddings)
    throw usage_error(
        "lm.share_space_embeddings trains extra embedding rows; LoRA keeps the embeddings frozen "
        "(set it false, or train the full model)");
  if (precision != "auto" && precision != "fp32" && precision != "bf16")
    throw usage_error("lm.precision = '" + precision + "': expected auto, fp32 or bf16");
  if (!(prompt_loss_weight >= 0 && prompt_loss_weight <= 1))
    throw usage_error("lm.prompt_loss_weight = " + std::to_string(prompt_loss_weight) +
                      ": must be in [0, 1]");
  if (base_dtype != "fp32" && base_dtype != "bf16" && base_dtype != "fp16")
    throw usage_error("lm.base_dtype = '" + base_dtype + "': expected fp32, bf16 or fp16");
  if (base_dtype != "fp32" && !lora)
    throw usage_error("lm.base_dtype = " + base_dtype +
                      " applies to the frozen base of LoRA training (lora.enabled); full training "
                      "keeps float32 weights");
  if (loss_chunk < 0)
    throw usage_error("lm.loss_chunk = " + std::to_string(loss_chunk) +
                      ": must be >= 0 (0 = the whole logits at once)");
  if (checkpoint_every < 0)
    throw usage_error("lm.checkpoint_every = " + std::to_string(checkpoint_every) +
                      ": must be >= 0 (0 = at epoch ends only)");
  if (eval_per_specialist < 0)
    throw usage_error("lm.eval_per_specialist = " + std::to_string(eval_per_specialist) +
                      ": must be >= 0");
  if (stop_after_steps < 0)
    throw usage_error("stop_after_steps = " + std::to_string(stop_after_steps) + ": must be >= 0")
        .about("stop_after_steps");
  if (!(train_ratio > 0 && train_ratio < 1))
    throw usage_error("data.train_ratio must be in (0, 1) for LM training");
  if (dist_bucket_mb < 1)
    throw usage_error("dist.bucket_mb = " + std::to_string(dist_bucket_mb) + ": must be >= 1");
}

namespace {

// Stage 1: records -> tokenizer -> token ids, split into what fits lm.seq_len.
struct LmData {
  std::vector<SftRecord> records;
  data::Split split;
  std::shared_ptr<tokenize::BpeTokenizer> tok;
  int64_t eos_id = -1, pad_id = -1, fill_id = -1;  // fill: padding in batches and generation
  std::vector<Tokenized> tokenized;
  std::vector<const Tokenized*> train_set, val_set;
};

LmData prepare_lm_data(const LmTrainOptions& o, const std::string& ckpt_tokenizer,
                       bool write_tokenizer) {
  LmData d;
  d.records = load_sft_records(o.data_path);
  d.split =
      data::train_validation_split(static_cast<int64_t>(d.records.size()), o.train_ratio, o.seed);
  d.tok = make_tokenizer(o, d.records, d.split.train, ckpt_tokenizer);
  if (o.base_model.empty() && !o.resume && write_tokenizer)
    tokenize::save_tokenizer_json(*d.tok, ckpt_tokenizer);
  // A base model anvil did not train (Llama 3) may end its texts with another token: its own.
  const int64_t base_eos =
      o.base_model.empty() ? -1 : models::read_llama_config(o.base_model).eos_token_id;
  d.eos_id = sft_eos_id(*d.tok, base_eos);
  d.pad_id = d.tok->token_id(kSftPad);
  if (d.eos_id < 0)
    throw Error("tokenizer has no " + std::string(kSftEos) + " token" +
                (o.base_model.empty() ? std::string()
                                      : " and the eos_token_id of " + o.base_model +
                                            "/config.json is missing or not one of its tokens"));
  d.fill_id = d.pad_id >= 0 ? d.pad_id : d.eos_id;
  // Every record once: prompt ids (masked) + completion ids + EOS.
  d.tokenized.resize(d.records.size());
  for (size_t i = 0; i < d.records.size(); ++i) {
    auto& t = d.tokenized[i];
    t.ids = d.tok->encode(d.records[i].prompt);
    t.prompt_len = static_cast<int64_t>(t.ids.size());
    encode_completion(*d.tok, d.records[i].completion, t.ids);
    t.ids.push_back(d.eos_id);
  }
  return d;
}

// Keeps the records that fit `max_len` tokens; says how many training records did not.
void select_fitting(LmData& d, int64_t max_len, const LmTrainOptions& o) {
  int64_t skipped = 0;
  for (int64_t i : d.split.train) {
    if (static_cast<int64_t>(d.tokenized[i].ids.size()) > max_len) {
      ++skipped;
      continue;
    }
    d.train_set.push_back(&d.tokenized[i]);
  }
  for (int64_t i : d.split.validation)
    if (static_cast<int64_t>(d.tokenized[i].ids.size()) <= max_len)
      d.val_set.push_back(&d.tokenized[i]);
  if (skipped)
    log_line(o.sink, "skipped %lld training records longer than lm.seq_len=%lld tokens",
             static_cast<long long>(skipped), static_cast<long long>(o.seq_len));
  if (d.train_set.empty())
    throw Error("no training records fit in lm.seq_len=" + std::to_string(o.seq_len));
}

// " word" and "word" get one shared embedding row per pair (lm.share_space_embeddings).
void share_space_variants(models::LlamaForCausalLMImpl& model, const tokenize::BpeTokenizer& tok,
                          Sink* sink) {
  std::vector<std::vector<int64_t>> groups;
  for (const auto& p : tokenize::space_variant_pairs(tok)) groups.push_back({p.spaced, p.bare});
  model.share_embedding_rows(groups);
  log_line(sink, "shared embedding rows: %zu pairs of tokens that differ by a leading space",
           groups.size());
}

// Stage 2: the model: from scratch, or the base model (optionally with LoRA adapters).
models::LlamaForCausalLM build_lm(const LmTrainOptions& o, const LmData& d, torch::Device device) {
  models::LlamaForCausalLM model{nullptr};
  if (!o.base_model.empty()) {
    model = models::load_llama(o.base_model);
  } else {
    models::LlamaConfig cfg = o.model;
    cfg.vocab_size = d.tok->vocab_size();
    cfg.bos_token_id = d.eos_id;
    cfg.eos_token_id = d.eos_id;
    cfg.pad_token_id = d.fill_id;
    model = models::LlamaForCausalLM(cfg);
  }
  if (o.share_space_embeddings) share_space_variants(*model, *d.tok, o.sink);
  if (o.lora) model->add_lora(o.lora_options, o.lora_targets);
  if (o.base_dtype == "fp16" && !device.is_cuda())
    throw usage_error("lm.base_dtype = fp16 needs a CUDA device (on " + device.str() +
                      " use bf16)");
  if (o.base_dtype != "fp32")
    model->set_frozen_dtype(o.base_dtype == "bf16" ? torch::kBFloat16 : torch::kHalf);
  model->set_gradient_checkpointing(o.gradient_checkpointing);
  model->to(device);
  model->train();
  return model;
}

// Everything the step function and the handlers share during a run.
struct LmRun {
  const LmTrainOptions& o;
  const LmData& d;
  models::LlamaForCausalLM model;
  torch::Device device;
  train::Precision precision;
  io::NamedTensors trainable;
  std::unique_ptr<torch::optim::AdamW> optimizer;
  int64_t rows_per_epoch = 0, steps_per_epoch = 0;
  std::vector<std::vector<const Tokenized*>> rows;  // the current epoch's packed rows
  LmDataPosition position;
  std::shared_ptr<dist::ProcessGroup> group;  // null: this process alone
  int rank = 0, world = 1;
  std::unique_ptr<dist::DataParallel> data_parallel;

  // This rank's rows of the next micro-batch: every rank's rows are the next world x batch rows of
  // the epoch plan, strided over the ranks (the distributed sampler's split, without shuffling:
  // the plan is already shuffled). The position counts all ranks' rows.
  std::vector<std::vector<const Tokenized*>> next_micro_batch() {
    const auto take =
        dist::DistributedSampler(o.batch_size * world, {rank, world, 0, false, true}).indices(0);
    std::vector<std::vector<const Tokenized*>> chunk;
    for (int64_t i : take)
      chunk.push_back(rows[static_cast<size_t>(position.next_row + i) % rows.size()]);
    position.next_row += o.batch_size * world;
    return chunk;
  }

  // Epoch plan: a deterministic shuffle per epoch -> packed rows. The data position is (epoch,
  // next_row), which is what checkpoints save.
  std::vector<std::vector<const Tokenized*>> plan_epoch(int64_t epoch) const {
    auto order = d.train_set;
    Rng(o.seed).fork(static_cast<uint64_t>(epoch)).shuffle(order);
    return pack_rows(order, o.seq_len);
  }

  torch::Tensor forward_loss(const PackedBatch& pb) {
    models::LlamaInputs in{pb.ids.to(device)};
    in.segment_ids = pb.segments.to(device);
    in.position_ids = pb.positions.to(device);
    const auto labels = pb.labels.to(device);
    const auto weights = pb.weights.defined() ? pb.weights.to(device) : torch::Tensor();
    // From the hidden states, never the whole [B, T, vocab] logits; an LM head with a LoRA
    // adapter of its own computes the full logits instead.
    const bool head_lora = !model->lm_head.is_empty() && model->lm_head->has_lora();
    if (o.loss_chunk > 0 && !head_lora) {
      torch::Tensor hidden;
      {
        train::AutocastGuard autocast(device, precision);
        hidden = model->hidden_states(in);
      }
      return models::chunked_causal_lm_loss(
          hidden, model->lm_head_weight(), labels, weights, o.loss_chunk,
          precision == train::Precision::kBf16 ? torch::kBFloat16 : torch::kFloat32);
    }
    torch::Tensor logits;
    {
      train::AutocastGuard autocast(device, precision);
      logits = model->forward(in);
    }
    return models::causal_lm_loss(logits.to(torch::kFloat), labels, weights);
  }

  // One optimizer step over grad_accum micro-batches on every rank. Each micro-batch's mean loss
  // is scaled by its share of the step's loss weight (over all micro-batches and ranks), so the
  // step's loss and gradient are those of the whole step at once, however it is split.
  std::map<std::string, double> step(train::Engine& e) {
    optimizer->zero_grad();
    std::vector<PackedBatch> micro;
    std::vector<double> weights;
    double local_weight = 0, local_tokens = 0;
    for (int64_t m = 0; m < o.grad_accum; ++m) {
      micro.push_back(
          make_packed_batch(next_micro_batch(), o.seq_len, d.fill_id, o.prompt_loss_weight));
      weights.push_back(models::causal_lm_loss_weight(micro.back().labels, micro.back().weights));
      local_weight += weights.back();
      local_tokens += static_cast<double>(micro.back().tokens);
    }
    const auto totals = dist::sum_over_ranks(group, {local_weight, local_tokens});
    position.tokens_seen += static_cast<int64_t>(totals[1]);
    double loss_sum = 0;
    for (size_t m = 0; m < micro.size(); ++m) {
      const double share =
          totals[0] > 0 ? weights[m] * world / totals[0] : 1.0 / static_cast<double>(o.grad_accum);
      auto loss = forward_loss(micro[m]) * share;
      if (e.state().iteration == o.inject_nan_at) loss = loss * std::nan("");  // fault injection
      loss.backward();
      loss_sum += loss.item<double>();
    }
    if (data_parallel) data_parallel->average_gradients();
    e.fire(train::Event::kBackwardCompleted);
    optimizer->step();
    return {{"loss", dist::sum_over_ranks(group, {loss_sum})[0] / world}};
  }

  std::map<std::string, double> validate() {
    torch::NoGradGuard g;
    model->eval();
    auto val_rows = pack_rows(d.val_set, o.seq_len);
    double sum = 0;
    int64_t n = 0;
    // Batch k on rank k % world; the mean over batches is the same for any world size.
    const size_t batch = static_cast<size_t>(o.batch_size);
    for (size_t i = batch * static_cast<size_t>(rank); i < val_rows.size();
         i += batch * static_cast<size_t>(world)) {
      std::vector<std::vector<const Tokenized*>> chunk(
          val_rows.begin() + i, val_rows.begin() + std::min(val_rows.size(), i + batch));
      sum += forward_loss(make_packed_batch(chunk, o.seq_len, d.fill_id)).item<double>();
      ++n;
    }
    model->train();
    const auto total = dist::sum_over_ranks(group, {sum, static_cast<double>(n)});
    return {{"val_loss", total[1] > 0 ? total[0] / total[1] : NAN}};
  }

  train::CheckpointParts checkpoint_parts(train::Engine& engine) {
    return {model.get(), optimizer.get(), trainable, &engine};
  }

  // The pre-training checks read an epoch's micro-batches as step() builds them, from their own
  // copy of the epoch plan (the run's data position is untouched).
  std::optional<train::ValidationReport> run_checks() {
    struct Source {
      std::vector<std::vector<const Tokenized*>> rows;
      int64_t next_row = 0, made = 0;
    };
    auto src = std::make_shared<Source>();
    const int64_t per_epoch = steps_per_epoch * o.grad_accum;
    auto start = [this, src](int64_t epoch) {
      src->rows = plan_epoch(epoch);
      src->next_row = src->made = 0;
    };
    auto next = [this, src, per_epoch]() -> std::optional<train::NamedBatch> {
      if (src->made >= per_epoch || src->rows.empty()) return std::nullopt;
      std::vector<std::vector<const Tokenized*>> chunk;
      for (int64_t r = 0; r < o.batch_size; ++r)
        chunk.push_back(src->rows[static_cast<size_t>(src->next_row++) % src->rows.size()]);
      ++src->made;
      return named_lm_batch(make_packed_batch(chunk, o.seq_len, d.fill_id, o.prompt_loss_weight));
    };
    train::PreTrainingChecks checks = o.checks;
    checks.validator.device = device;
    auto target = lm_validation_target(model, *optimizer, device, precision, next, start);
    return train::run_pre_training_checks(target, checks, o.run_dir, o.tracking, o.sink);
  }
};

constexpr const char* kDataPositionKey = "anvil.lm_data";

std::map<std::string, std::string> data_position_metadata(const LmDataPosition& p, int world) {
  return {{kDataPositionKey,
           nlohmann::json{
               {"next_row", p.next_row}, {"tokens_seen", p.tokens_seen}, {"world_size", world}}
               .dump()}};
}

// The position, after checking the checkpoint was written with this run's number of ranks (the
// rows per step, the steps per epoch and the learning-rate schedule all depend on it).
LmDataPosition data_position_from(const std::map<std::string, std::string>& meta,
                                  const std::string& path, int world) {
  auto it = meta.find(kDataPositionKey);
  if (it == meta.end())
    throw Error(path + ": metadata has no '" + kDataPositionKey + "' (not an LM checkpoint)");
  LmDataPosition p;
  int64_t written_by = 1;
  try {
    auto j = nlohmann::json::parse(it->second);
    p = {j.at("next_row").get<int64_t>(), j.at("tokens_seen").get<int64_t>()};
    written_by = j.value("world_size", int64_t{1});
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": metadata '" + kDataPositionKey + "': " + e.what());
  }
  if (written_by != world)
    throw usage_error(path + " was written by a run of " + std::to_string(written_by) +
                      " rank(s); this run has " + std::to_string(world) +
                      ": resume with the same number of ranks (the rows per step, the data "
                      "position and the learning-rate schedule depend on it), or start a new run "
                      "from its model with lm.base_model")
        .about("resume");
  return p;
}

// Stage 3: handlers: running averages, cosine schedule, clipping, NaN guard, validation,
// checkpoints, the optional stop, tracking and progress. Returns the checkpointer.
struct LmHandlers {
  std::shared_ptr<train::Checkpointer> checkpointer;
  train::Tracking tracking;
};

LmHandlers attach_lm_handlers(train::Engine& engine, LmRun& run, const std::string& ckpt_dir) {
  const auto& o = run.o;
  engine.on(train::on(train::Event::kEpochStarted), [&run](train::Engine& e) {
    run.rows = run.plan_epoch(e.state().epoch);
    run.position.next_row = 0;
  });
  auto averages = std::make_shared<train::RunningAverage>();
  engine.attach(averages);
  train::LrScheduleOptions sched;
  sched.type = "cosine";
  sched.base_lr = o.lr;
  sched.lr_min = std::min(o.lr_min, o.lr);
  sched.warmup_steps = o.warmup_steps;
  sched.steps_per_epoch = run.steps_per_epoch;
  sched.total_steps = run.steps_per_epoch * o.epochs;
  engine.attach(std::make_shared<train::LrScheduler>(*run.optimizer, sched));
  std::vector<torch::Tensor> trainable_tensors;
  for (const auto& [name, p] : run.trainable) trainable_tensors.push_back(p);
  if (o.grad_clip > 0)
    engine.attach(std::make_shared<train::GradientClipping>(trainable_tensors, o.grad_clip));
  engine.attach(std::make_shared<train::NanGuard>());
  engine.attach(std::make_shared<train::Evaluator>([&run] { return run.validate(); }));
  train::CheckpointOptions co{ckpt_dir, "val_loss", /*keep_best=*/0};
  co.every_iterations = o.checkpoint_every;
  co.on_interrupt = true;
  LmHandlers h;
  h.checkpointer =
      std::make_shared<train::Checkpointer>(co, [&run](train::Engine& e, const std::string& path) {
        train::save_checkpoint(path, run.checkpoint_parts(e),
                               data_position_metadata(run.position, run.world));
      });
  if (run.rank == 0) engine.attach(h.checkpointer);  // one writer: every rank holds the same state
  if (o.stop_after_steps > 0)
    engine.on(train::once(train::Event::kIterationCompleted, o.stop_after_steps),
              [&run](train::Engine& e) {
                if (e.state().iteration >= run.steps_per_epoch * run.o.epochs) return;
                e.state().interrupted = true;
                e.terminate("stopped after step " + std::to_string(run.o.stop_after_steps) +
                            " as asked (stop_after_steps)");
              });
  // Before restoring checkpointed handler state, so a resumed run continues the same tracked run.
  h.tracking = dist::attach_rank_tracking(engine, o.tracking, o.run_dir, run.group);
  train::ProgressReporterOptions po;
  po.enabled = o.progress && run.rank == 0;
  po.summary_keys = {"train_loss", "val_loss", "lr"};
  engine.attach(std::make_shared<train::ProgressReporter>(averages, po));
  return h;
}

// Stage 5: the model folder, the held-out evaluation and the tracked artifacts.
// What one optimizer micro-step holds, for the memory estimate.
models::LlamaMemoryPlan memory_plan(const LmRun& run) {
  const auto& o = run.o;
  models::LlamaMemoryPlan p;
  p.config = run.model->config();
  p.batch = o.batch_size;
  p.seq_len = std::min(o.seq_len, p.config.max_position_embeddings);
  p.lora = o.lora;
  p.lora_r = o.lora_options.r;
  p.lora_targets = o.lora_targets;
  p.base_bytes = o.base_dtype == "fp32" ? 4 : 2;
  p.autocast_bf16 = run.precision == train::Precision::kBf16;
  p.gradient_checkpointing = o.gradient_checkpointing;
  p.loss_chunk = o.loss_chunk;
  return p;
}

// How far the held-out answers' confidence can be trusted: calibration.json, reliability.png and a
// log line; the model folder keeps the fitted temperature for what serves it.
void write_calibration(const std::vector<AnswerOutcome>& outcomes, const LmTrainOptions& o,
                       const std::string& model_dir) {
  if (outcomes.size() < 2) return;
  const auto report = calibrate_answers(outcomes);
  write_file_atomic(o.run_dir + "/calibration.json", report.to_json().dump(2) + "\n");
  save_answer_calibration(answer_calibration_of(report), model_dir);
  save_lm_reliability_diagram(report, o.run_dir + "/reliability.png");
  std::string table = format_lm_calibration(report);
  table.pop_back();  // log_line ends the line
  log_line(o.sink, "%s", table.c_str());
}

// confidence_calibration's, fact_verification's and context_protocol's own scores (skills.json
// and a log line), when the run has them; an older skills.json goes. A data-parallel run keeps
// each answer on the rank that generated it, so there `anvil eval` measures them.
void write_skill_scores(const std::vector<AnswerOutcome>& outcomes, const LmTrainOptions& o,
                        const std::shared_ptr<dist::ProcessGroup>& group) {
  std::filesystem::remove(o.run_dir + "/skills.json");
  const auto skills = score_skills(outcomes);
  if (skills.empty()) return;
  if (group && group->size() > 1) {
    log_line(o.sink, "skill scores: not measured in a data-parallel run (run anvil eval)");
    return;
  }
  write_file_atomic(o.run_dir + "/skills.json", skill_scores_to_json(skills).dump(2) + "\n");
  std::string table = format_skill_scores(skills);
  table.pop_back();  // log_line ends the line
  log_line(o.sink, "%s", table.c_str());
}

void finish_lm_run(LmRun& run, const LmHandlers& h, const std::string& model_dir,
                   LmTrainResult& result) {
  const auto& o = run.o;
  const auto& d = run.d;
  run.model->fold_shared_embeddings();  // a plain Llama from here on: saved, evaluated, exported
  // Every rank returns with the model written (a phase's evaluation reads it back).
  dist::on_rank_zero(run.group, [&] {
    save_lm_model_folder(run.model, *d.tok, o, model_dir, d.eos_id, d.pad_id);
  });
  // A calibration left in the folder by an earlier run would be served with these weights.
  dist::on_rank_zero(run.group,
                     [&] { std::filesystem::remove(model_dir + "/" + kAnswerCalibrationFile); });
  std::vector<AnswerOutcome> outcomes;
  if (o.eval_per_specialist > 0) {  // every rank generates for its share of the held-out records
    auto sample = held_out_sample(d.records, d.split.validation, o.eval_per_specialist);
    result.scores =
        score_records(run.model, *d.tok, d.eos_id, d.fill_id, sample, o.max_new_tokens,
                      o.progress ? o.sink : nullptr, o.loss_chunk, run.group, &outcomes);
  }
  if (run.rank != 0) return;
  if (o.eval_per_specialist > 0) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& s : result.scores) {
      nlohmann::json fields = nlohmann::json::object();
      for (const auto& [field, score] : s.fields) fields[field] = score;
      j.push_back({{"specialist", s.specialist},
                   {"records", s.records},
                   {"field_accuracy", s.field_accuracy},
                   {"exact", s.exact},
                   {"perplexity", s.perplexity},
                   {"fields", fields}});
    }
    write_file_atomic(o.run_dir + "/eval.json", j.dump(2) + "\n");
    write_calibration(outcomes, o, model_dir);
    write_skill_scores(outcomes, o, run.group);
  }
  if (h.tracking.tracker) {
    const std::string artifact =
        o.eval_per_specialist > 0 ? o.run_dir + "/eval.json" : model_dir + "/tokenizer.json";
    const int64_t id = h.tracking.tracker->log_artifact(
        artifact, o.eval_per_specialist > 0 ? "evaluation" : "model");
    h.tracking.tracker->log_lineage(o.data_path, "dataset", id);
    for (const char* f : {"calibration.json", "reliability.png"})
      if (file_exists(o.run_dir + "/" + f))
        h.tracking.tracker->log_artifact(o.run_dir + "/" + f, "calibration");
    if (file_exists(o.run_dir + "/skills.json"))
      h.tracking.tracker->log_artifact(o.run_dir + "/skills.json", "evaluation");
  }
}

// lm.precision for this run; rank 0's choice for every rank of a data-parallel job (auto times
// the CPU, and all ranks must run the same arithmetic).
train::PrecisionChoice agree_on_precision(const LmTrainOptions& o, const torch::Device& device) {
  const std::string chosen = dist::from_rank_zero(o.group, [&] {
    const auto c = train::choose_precision(o.precision, device);
    return std::string(train::precision_name(c.precision)) + "\n" + c.reason;
  });
  const size_t cut = chosen.find('\n');
  return {train::resolve_precision(chosen.substr(0, cut), device), chosen.substr(cut + 1)};
}

}  // namespace

LmTrainResult train_language_model(const LmTrainOptions& options) {
  options.validate();
  const int rank = options.group ? options.group->rank() : 0;
  LmTrainOptions o = options;
  if (rank != 0) {  // rank 0 speaks for the job
    o.sink = nullptr;
    o.progress = false;
  }
  train::configure_threads(o.threads);
  const torch::Device device = train::resolve_device(o.device);
  torch::manual_seed(o.seed);
  ensure_directory(o.run_dir);
  const std::string model_dir = o.run_dir + "/model";
  const std::string ckpt_dir = o.run_dir + "/checkpoints";
  const std::string last_ckpt = ckpt_dir + "/last.safetensors";
  if (o.resume && !file_exists(last_ckpt))
    throw usage_error("cannot resume: no checkpoint at '" + last_ckpt + "'");

  LmData data = prepare_lm_data(o, ckpt_dir + "/tokenizer.json", rank == 0);
  const train::PrecisionChoice precision = agree_on_precision(o, device);
  log_line(o.sink, "precision %s: %s", train::precision_name(precision.precision),
           precision.reason.c_str());
  LmRun run{o, data, build_lm(o, data, device), device, precision.precision};
  run.group = o.group;
  run.rank = rank;
  run.world = o.group ? o.group->size() : 1;
  select_fitting(data, std::min(o.seq_len, run.model->config().max_position_embeddings), o);
  const train::ParamGroups groups = train::split_parameters(*run.model, o.decay);
  run.trainable = groups.all();
  run.optimizer = train::make_adamw(groups, {o.lr, o.weight_decay, 0.9, 0.95, 1e-8});
  run.rows_per_epoch = static_cast<int64_t>(run.plan_epoch(1).size());
  run.steps_per_epoch =
      std::max<int64_t>(1, run.rows_per_epoch / (o.batch_size * o.grad_accum * run.world));

  // The checks train on copies; rank 0 runs them for the job (the others wait at the broadcast).
  auto validation = rank == 0 ? run.run_checks() : std::nullopt;  // throws when a check fails
  if (o.checks.mode == train::ValidationMode::kCheckOnly) {
    LmTrainResult checked;
    checked.validation = std::move(validation);
    checked.trained = false;
    return checked;
  }
  if (run.group) {
    std::vector<torch::Tensor> params;
    for (const auto& [name, p] : run.trainable) params.push_back(p);
    run.data_parallel = std::make_unique<dist::DataParallel>(
        run.group, params, run.model->buffers(),
        dist::DataParallelOptions{o.dist_bucket_mb * 1024 * 1024});
    run.data_parallel->broadcast_from(0);
    log_line(o.sink,
             "data-parallel over %d ranks (%s): %lld rows per step in all, %zu gradient "
             "bucket(s)",
             run.world, run.group->backend().c_str(),
             static_cast<long long>(o.batch_size * o.grad_accum * run.world),
             run.data_parallel->bucket_count());
  }
  train::Engine engine([&run](train::Engine& e) { return run.step(e); });
  LmHandlers handlers = attach_lm_handlers(engine, run, ckpt_dir);
  train::record_checks_on_start(engine, handlers.tracking, validation, o.checks.mode);
  if (o.resume) {
    run.position = data_position_from(
        train::load_checkpoint(last_ckpt, run.checkpoint_parts(engine)), last_ckpt, run.world);
    const auto& s = engine.state();
    if (s.epoch_iteration > 0 && s.epoch_iteration < run.steps_per_epoch)
      run.rows = run.plan_epoch(s.epoch);
    log_line(o.sink, "resuming at epoch %lld, step %lld", static_cast<long long>(s.epoch),
             static_cast<long long>(s.iteration));
  }
  int64_t n_params = 0;
  for (const auto& p : run.model->parameters()) n_params += p.numel();
  log_line(o.sink,
           "llama: %lld parameters (%s), vocab %lld, %zu training records in %lld packed rows of "
           "%lld tokens, %s",
           static_cast<long long>(n_params), o.lora ? "LoRA adapters trainable" : "all trainable",
           static_cast<long long>(run.model->config().vocab_size), data.train_set.size(),
           static_cast<long long>(run.rows_per_epoch), static_cast<long long>(o.seq_len),
           train::precision_name(run.precision));

  const auto estimate = models::estimate_llama_memory(memory_plan(run));
  log_line(o.sink, "memory estimate for a step: %s",
           models::describe(estimate, o.gradient_checkpointing).c_str());

  // Stage 4: run.
  const int64_t tokens_at_start = run.position.tokens_seen;
  train::reset_memory_peak(device);  // releases cached CPU blocks first
  const auto held = train::read_memory(device);
  const auto t0 = std::chrono::steady_clock::now();
  engine.run(run.steps_per_epoch, o.epochs);
  // No rank leaves before rank 0 has written what the run's end (or interruption) asks for.
  if (run.group) run.group->barrier();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (run.data_parallel)
    log_line(o.sink, "%s", dist::describe(run.data_parallel->stats(), seconds).c_str());
  const auto peak = train::read_memory(device).peak;
  if (peak > 0 && held.current >= 0)
    log_line(o.sink,
             "memory: peak %s %s during training, %s above the %s held before the first step "
             "(weights, data, runtime); estimate for a step %s",
             models::format_gib(peak).c_str(), device.is_cpu() ? "RSS" : "allocated",
             models::format_gib(std::max<int64_t>(peak - held.current, 0)).c_str(),
             models::format_gib(held.current).c_str(),
             models::format_gib(estimate.total()).c_str());
  if (engine.state().failed) {
    const std::string last = handlers.checkpointer->last_path();
    throw Error("training stopped: " + engine.state().terminate_reason +
                (file_exists(last) ? "; the last good checkpoint is " + last +
                                         " (continue with --resume and a lower train.lr)"
                                   : "; no checkpoint had been written yet"));
  }
  if (engine.state().interrupted)
    throw Error(engine.state().terminate_reason + "; checkpoint saved in " + ckpt_dir)
        .about("resume", o.run_dir);

  LmTrainResult result;
  result.parameters = n_params;
  result.tokens_seen = run.position.tokens_seen;
  result.train_seconds = seconds;
  result.tokens_per_second =
      seconds > 0 ? (run.position.tokens_seen - tokens_at_start) / seconds : 0;
  // A resumed run that had already finished runs no epoch, so no evaluation: evaluate once.
  const auto& metrics = engine.state().metrics;
  result.final_val_loss =
      metrics.count("val_loss") ? metrics.at("val_loss") : run.validate().at("val_loss");
  result.precision = train::precision_name(run.precision);
  result.memory_estimate_bytes = estimate.total();
  result.memory_peak_bytes = peak;
  result.model_dir = model_dir;
  result.validation = std::move(validation);
  finish_lm_run(run, handlers, model_dir, result);
  if (rank != 0) result.model_dir.clear();  // rank 0 wrote the model
  return result;
}

}  // namespace anvil::pipeline
