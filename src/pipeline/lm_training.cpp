// Language-model SFT on specialist records: tokenizer, model, Engine loop with checkpoints,
// generation-based evaluation of the result.
#include "anvil/pipeline/lm_training.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/rng.h"
#include "anvil/data/splits.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/llama.h"
#include "anvil/models/llama_io.h"
#include "anvil/pipeline/lm_checkpoint.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/device.h"
#include "anvil/train/engine.h"
#include "anvil/train/handlers/checkpointer.h"
#include "anvil/train/handlers/evaluator.h"
#include "anvil/train/handlers/grad_clip.h"
#include "anvil/train/handlers/lr_scheduler.h"
#include "anvil/train/handlers/nan_guard.h"
#include "anvil/train/handlers/progress_reporter.h"
#include "anvil/train/handlers/running_average.h"
#include "anvil/train/precision.h"

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
  bo.special_tokens = {kSftEos, kSftPad};
  auto words = tokenize::count_words(views, bo.pattern, 0);
  return std::make_shared<tokenize::BpeTokenizer>(tokenize::train_bpe(words, bo));
}

// AdamW with decay on matrices only (not norms, biases, or LoRA-frozen weights). `trainable`
// receives the optimized parameters by name (for checkpoints).
std::unique_ptr<torch::optim::AdamW> make_optimizer(models::LlamaForCausalLM& model,
                                                    const LmTrainOptions& o,
                                                    io::NamedTensors& trainable) {
  std::vector<torch::Tensor> decay, no_decay;
  for (const auto& p : model->named_parameters()) {
    if (!p.value().requires_grad()) continue;
    trainable.emplace_back(p.key(), p.value());
    (p.value().dim() >= 2 ? decay : no_decay).push_back(p.value());
  }
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(
      decay, std::make_unique<torch::optim::AdamWOptions>(
                 torch::optim::AdamWOptions(o.lr).weight_decay(o.weight_decay).betas({0.9, 0.95})));
  if (!no_decay.empty())
    groups.emplace_back(no_decay,
                        std::make_unique<torch::optim::AdamWOptions>(
                            torch::optim::AdamWOptions(o.lr).weight_decay(0.0).betas({0.9, 0.95})));
  return std::make_unique<torch::optim::AdamW>(std::move(groups));
}

// The result folder: the full model (from scratch), or the PEFT adapter next to a note of its base.
void save_result_model(models::LlamaForCausalLM& model, const tokenize::BpeTokenizer& tok,
                       const LmTrainOptions& o, const std::string& dir, int64_t eos_id,
                       int64_t pad_id) {
  if (o.lora) {
    models::save_peft_adapter(model, o.base_model, o.lora_options, o.lora_targets, dir);
  } else {
    models::save_llama(model, dir);
  }
  tokenize::save_tokenizer_json(tok, dir + "/tokenizer.json");
  write_file_atomic(
      dir + "/generation_config.json",
      nlohmann::json{
          {"eos_token_id", eos_id}, {"pad_token_id", pad_id}, {"max_new_tokens", o.max_new_tokens}}
              .dump(2) +
          "\n");
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
  o.seq_len = c.get_int("lm.seq_len");
  o.grad_accum = c.get_int("lm.grad_accum");
  o.eval_per_specialist = c.get_int("lm.eval_per_specialist");
  o.max_new_tokens = c.get_int("lm.max_new_tokens");
  o.base_model = c.get_string("lm.base_model");
  o.precision = c.get_string("lm.precision");
  o.prompt_loss_weight = c.get_double("lm.prompt_loss_weight");
  o.checkpoint_every = c.get_int("lm.checkpoint_every");
  o.batch_size = c.get_int("train.batch_size");
  o.epochs = c.get_int("train.epochs");
  o.lr = c.get_double("train.lr");
  o.lr_min = c.get_double("train.lr_min");
  o.weight_decay = c.get_double("train.weight_decay");
  o.grad_clip = c.get_double("train.grad_clip");
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
  return o;
}

void LmTrainOptions::validate() const {
  if (data_path.empty()) throw usage_error("lm.data is empty: give specialist JSONL (--data FILE)");
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
  if (precision != "auto" && precision != "fp32" && precision != "bf16")
    throw usage_error("lm.precision = '" + precision + "': expected auto, fp32 or bf16");
  if (!(prompt_loss_weight >= 0 && prompt_loss_weight <= 1))
    throw usage_error("lm.prompt_loss_weight = " + std::to_string(prompt_loss_weight) +
                      ": must be in [0, 1]");
  if (checkpoint_every < 0)
    throw usage_error("lm.checkpoint_every = " + std::to_string(checkpoint_every) +
                      ": must be >= 0 (0 = at epoch ends only)");
  if (eval_per_specialist < 0)
    throw usage_error("lm.eval_per_specialist = " + std::to_string(eval_per_specialist) +
                      ": must be >= 0");
  if (stop_after_steps < 0)
    throw usage_error("--stop-after-steps " + std::to_string(stop_after_steps) + ": must be >= 0");
  if (!(train_ratio > 0 && train_ratio < 1))
    throw usage_error("data.train_ratio must be in (0, 1) for LM training");
}

LmTrainResult train_language_model(const LmTrainOptions& o) {
  o.validate();
  train::configure_threads(o.threads);
  const torch::Device device = train::resolve_device(o.device);
  const train::Precision precision = train::resolve_precision(o.precision, device);
  torch::manual_seed(o.seed);
  ensure_directory(o.run_dir);
  const std::string model_dir = o.run_dir + "/model";
  const std::string ckpt_dir = o.run_dir + "/checkpoints";
  const std::string ckpt_tokenizer = ckpt_dir + "/tokenizer.json";
  if (o.resume && !file_exists(ckpt_dir + "/last.safetensors"))
    throw usage_error("cannot resume: no checkpoint at '" + ckpt_dir + "/last.safetensors'");

  auto records = load_sft_records(o.data_path);
  auto split =
      data::train_validation_split(static_cast<int64_t>(records.size()), o.train_ratio, o.seed);
  auto tok = make_tokenizer(o, records, split.train, ckpt_tokenizer);
  if (o.base_model.empty() && !o.resume) tokenize::save_tokenizer_json(*tok, ckpt_tokenizer);
  const int64_t eos_id = tok->token_id(kSftEos), pad_id = tok->token_id(kSftPad);
  if (eos_id < 0) throw Error("tokenizer has no " + std::string(kSftEos) + " token");
  const int64_t fill_id = pad_id >= 0 ? pad_id : eos_id;  // padding in batches and generation

  // Model: from scratch, or the base model (optionally with LoRA adapters).
  models::LlamaConfig cfg = o.model;
  models::LlamaForCausalLM model{nullptr};
  if (!o.base_model.empty()) {
    model = models::load_llama(o.base_model);
    cfg = model->config();
  } else {
    cfg.vocab_size = tok->vocab_size();
    cfg.bos_token_id = eos_id;
    cfg.eos_token_id = eos_id;
    cfg.pad_token_id = fill_id;
    model = models::LlamaForCausalLM(cfg);
  }
  if (o.lora) model->add_lora(o.lora_options, o.lora_targets);
  model->to(device);
  model->train();

  // Tokenize every record once: prompt ids (masked) + completion ids + EOS.
  std::vector<Tokenized> tokenized(records.size());
  for (size_t i = 0; i < records.size(); ++i) {
    auto& t = tokenized[i];
    t.ids = tok->encode(records[i].prompt);
    t.prompt_len = static_cast<int64_t>(t.ids.size());
    tok->encode_append(records[i].completion, t.ids);
    t.ids.push_back(eos_id);
  }
  const int64_t max_len = std::min(o.seq_len, cfg.max_position_embeddings);
  std::vector<const Tokenized*> train_set, val_set;
  int64_t skipped = 0;
  for (int64_t i : split.train) {
    if (static_cast<int64_t>(tokenized[i].ids.size()) > max_len) {
      ++skipped;
      continue;
    }
    train_set.push_back(&tokenized[i]);
  }
  for (int64_t i : split.validation)
    if (static_cast<int64_t>(tokenized[i].ids.size()) <= max_len) val_set.push_back(&tokenized[i]);
  if (skipped)
    std::fprintf(stderr, "skipped %lld training records longer than lm.seq_len=%lld tokens\n",
                 static_cast<long long>(skipped), static_cast<long long>(o.seq_len));
  if (train_set.empty())
    throw Error("no training records fit in lm.seq_len=" + std::to_string(o.seq_len));

  int64_t n_params = 0;
  for (const auto& p : model->parameters()) n_params += p.numel();
  io::NamedTensors trainable;
  auto optimizer = make_optimizer(model, o, trainable);

  // Epoch plans: a deterministic shuffle per epoch -> packed rows -> micro-batches. The data
  // position is (epoch, next_row), which is what checkpoints save.
  auto plan_epoch = [&](int64_t epoch) {
    auto order = train_set;
    Rng(o.seed).fork(static_cast<uint64_t>(epoch)).shuffle(order);
    return pack_rows(order, o.seq_len);
  };
  const int64_t rows_per_epoch = static_cast<int64_t>(plan_epoch(1).size());
  const int64_t steps_per_epoch =
      std::max<int64_t>(1, rows_per_epoch / (o.batch_size * o.grad_accum));
  std::vector<std::vector<const Tokenized*>> rows;
  LmDataPosition position;

  auto forward_loss = [&](const PackedBatch& pb) {
    models::LlamaInputs in{pb.ids.to(device)};
    in.segment_ids = pb.segments.to(device);
    in.position_ids = pb.positions.to(device);
    torch::Tensor logits;
    {
      train::AutocastGuard autocast(device, precision);
      logits = model->forward(in);
    }
    return models::causal_lm_loss(
        logits.to(torch::kFloat), pb.labels.to(device),
        pb.weights.defined() ? pb.weights.to(device) : torch::Tensor());
  };

  train::Engine engine([&](train::Engine& e) -> std::map<std::string, double> {
    optimizer->zero_grad();
    double loss_sum = 0;
    for (int64_t m = 0; m < o.grad_accum; ++m) {
      std::vector<std::vector<const Tokenized*>> chunk;
      for (int64_t r = 0; r < o.batch_size; ++r)
        chunk.push_back(rows[static_cast<size_t>(position.next_row++) % rows.size()]);
      auto pb = make_packed_batch(chunk, o.seq_len, fill_id, o.prompt_loss_weight);
      position.tokens_seen += pb.tokens;
      auto loss = forward_loss(pb) / static_cast<double>(o.grad_accum);
      loss.backward();
      loss_sum += loss.item<double>();
    }
    e.fire(train::Event::kBackwardCompleted);
    optimizer->step();
    return {{"loss", loss_sum}};
  });
  engine.on(train::on(train::Event::kEpochStarted), [&](train::Engine& e) {
    rows = plan_epoch(e.state().epoch);
    position.next_row = 0;
  });
  auto averages = std::make_shared<train::RunningAverage>();
  engine.attach(averages);
  train::LrScheduleOptions sched;
  sched.type = "cosine";
  sched.base_lr = o.lr;
  sched.lr_min = std::min(o.lr_min, o.lr);
  sched.warmup_steps = o.warmup_steps;
  sched.steps_per_epoch = steps_per_epoch;
  sched.total_steps = steps_per_epoch * o.epochs;
  engine.attach(std::make_shared<train::LrScheduler>(*optimizer, sched));
  std::vector<torch::Tensor> trainable_tensors;
  for (const auto& [name, p] : trainable) trainable_tensors.push_back(p);
  if (o.grad_clip > 0)
    engine.attach(std::make_shared<train::GradientClipping>(trainable_tensors, o.grad_clip));
  engine.attach(std::make_shared<train::NanGuard>());
  engine.attach(std::make_shared<train::Evaluator>([&]() -> std::map<std::string, double> {
    torch::NoGradGuard g;
    model->eval();
    auto val_rows = pack_rows(val_set, o.seq_len);
    double sum = 0;
    int64_t n = 0;
    for (size_t i = 0; i < val_rows.size(); i += static_cast<size_t>(o.batch_size)) {
      std::vector<std::vector<const Tokenized*>> chunk(
          val_rows.begin() + i, val_rows.begin() + std::min(val_rows.size(), i + o.batch_size));
      sum += forward_loss(make_packed_batch(chunk, o.seq_len, fill_id)).item<double>();
      ++n;
    }
    model->train();
    return {{"val_loss", n ? sum / n : NAN}};
  }));
  train::CheckpointOptions co{ckpt_dir, "val_loss", /*keep_best=*/0};
  co.every_iterations = o.checkpoint_every;
  co.on_interrupt = true;
  auto checkpointer =
      std::make_shared<train::Checkpointer>(co, [&](train::Engine& e, const std::string& path) {
        save_lm_checkpoint(path, model, *optimizer, trainable, e, position);
      });
  engine.attach(checkpointer);
  if (o.stop_after_steps > 0)
    engine.on(train::once(train::Event::kIterationCompleted, o.stop_after_steps),
              [&](train::Engine& e) {
                if (e.state().iteration >= steps_per_epoch * o.epochs) return;
                e.state().interrupted = true;
                e.terminate("stopped after step " + std::to_string(o.stop_after_steps) +
                            " as asked (--stop-after-steps)");
              });
  // Before restoring checkpointed handler state, so a resumed run continues the same tracked run.
  auto tracking = train::attach_tracking(engine, o.tracking, o.run_dir);
  train::ProgressReporterOptions po;
  po.enabled = o.progress;
  po.summary_keys = {"train_loss", "val_loss", "lr"};
  engine.attach(std::make_shared<train::ProgressReporter>(averages, po));

  if (o.resume) {
    position = load_lm_checkpoint(checkpointer->last_path(), model, *optimizer, trainable, engine);
    const auto& s = engine.state();
    if (s.epoch_iteration > 0 && s.epoch_iteration < steps_per_epoch) rows = plan_epoch(s.epoch);
    std::fprintf(stderr, "resuming at epoch %lld, step %lld\n", static_cast<long long>(s.epoch),
                 static_cast<long long>(s.iteration));
  }

  std::fprintf(stderr,
               "llama: %lld parameters (%s), vocab %lld, %zu training records in %lld packed rows "
               "of %lld tokens, %s\n",
               static_cast<long long>(n_params),
               o.lora ? "LoRA adapters trainable" : "all trainable",
               static_cast<long long>(cfg.vocab_size), train_set.size(),
               static_cast<long long>(rows_per_epoch), static_cast<long long>(o.seq_len),
               train::precision_name(precision));
  const int64_t tokens_at_start = position.tokens_seen;
  const auto t0 = std::chrono::steady_clock::now();
  engine.run(steps_per_epoch, o.epochs);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (engine.state().failed) throw Error("training stopped: " + engine.state().terminate_reason);
  if (engine.state().interrupted)
    throw Error(engine.state().terminate_reason + "; checkpoint saved in " + ckpt_dir +
                "; resume with `anvil train --resume " + o.run_dir + "`");

  LmTrainResult result;
  result.parameters = n_params;
  result.tokens_seen = position.tokens_seen;
  result.train_seconds = seconds;
  result.tokens_per_second = seconds > 0 ? (position.tokens_seen - tokens_at_start) / seconds : 0;
  result.final_val_loss =
      engine.state().metrics.count("val_loss") ? engine.state().metrics.at("val_loss") : NAN;
  result.precision = train::precision_name(precision);
  result.model_dir = model_dir;
  save_result_model(model, *tok, o, model_dir, eos_id, pad_id);

  if (o.eval_per_specialist > 0) {
    auto sample = held_out_sample(records, split.validation, o.eval_per_specialist);
    result.scores =
        score_records(model, *tok, eos_id, fill_id, sample, o.max_new_tokens, o.progress);
    nlohmann::json j = nlohmann::json::array();
    for (const auto& s : result.scores)
      j.push_back({{"specialist", s.specialist},
                   {"records", s.records},
                   {"field_accuracy", s.field_accuracy},
                   {"exact", s.exact},
                   {"perplexity", s.perplexity}});
    write_file_atomic(o.run_dir + "/eval.json", j.dump(2) + "\n");
  }
  if (tracking.tracker) {
    const std::string artifact =
        o.eval_per_specialist > 0 ? o.run_dir + "/eval.json" : model_dir + "/tokenizer.json";
    const int64_t id = tracking.tracker->log_artifact(
        artifact, o.eval_per_specialist > 0 ? "evaluation" : "model");
    tracking.tracker->log_lineage(o.data_path, "dataset", id);
  }
  return result;
}

}  // namespace anvil::pipeline
