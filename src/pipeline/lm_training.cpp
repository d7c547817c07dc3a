// Language-model SFT on specialist records: tokenizer, packing, Engine loop, generation-based eval.
#include "anvil/pipeline/lm_training.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/core/rng.h"
#include "anvil/data/jsonl.h"
#include "anvil/data/splits.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_record.h"
#include "anvil/datagen/specialist_validator.h"
#include "anvil/io/torch_tensors.h"
#include "anvil/models/generation.h"
#include "anvil/models/llama.h"
#include "anvil/models/llama_io.h"
#include "anvil/pipeline/lora_io.h"
#include "anvil/tokenize/bpe_trainer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/device.h"
#include "anvil/train/engine.h"
#include "anvil/train/handlers/evaluator.h"
#include "anvil/train/handlers/grad_clip.h"
#include "anvil/train/handlers/lr_scheduler.h"
#include "anvil/train/handlers/nan_guard.h"
#include "anvil/train/handlers/progress_reporter.h"
#include "anvil/train/handlers/running_average.h"

namespace anvil::pipeline {

namespace {
const char* kAssistant = "\n\nAssistant: ";
const char* kEos = "<|endoftext|>";
const char* kPad = "<|pad|>";

struct SftRecord {
  std::string specialist, prompt, completion, response;
};

std::vector<SftRecord> load_sft_records(const std::string& path) {
  data::JsonlFile file(path);
  datagen::SpecialistRecordParser parser;
  std::vector<SftRecord> out;
  for (size_t i = 0; i < file.size(); ++i) {
    auto r = parser.parse(file.line(i), path, file.line_number(i));
    if (r.text.empty())
      throw Error(path + ":" + std::to_string(file.line_number(i)) +
                  ": record has no 'text' (use the text form: anvil datagen --specialist ... "
                  "--format text)");
    auto pos = r.text.rfind(kAssistant);
    if (pos == std::string::npos)
      throw Error(path + ":" + std::to_string(file.line_number(i)) +
                  ": 'text' has no \"Assistant: \" turn");
    const size_t cut = pos + std::string(kAssistant).size();
    out.push_back({r.specialist, r.text.substr(0, cut), r.text.substr(cut), r.response});
  }
  if (out.empty()) throw Error(path + " contains no records");
  return out;
}

struct Tokenized {
  std::vector<int64_t> ids;
  int64_t prompt_len = 0;
};

// Packed rows: several examples per row, each its own attention segment with positions from 0.
struct PackedBatch {
  torch::Tensor ids, labels, segments, positions;  // [B, L]
  int64_t tokens = 0;
};

PackedBatch make_packed_batch(const std::vector<std::vector<const Tokenized*>>& rows,
                              int64_t seq_len, int64_t pad_id) {
  const int64_t b = static_cast<int64_t>(rows.size());
  PackedBatch pb;
  pb.ids = torch::full({b, seq_len}, pad_id, torch::kInt64);
  pb.labels = torch::full({b, seq_len}, -100, torch::kInt64);
  pb.segments = torch::full({b, seq_len}, -1, torch::kInt64);
  pb.positions = torch::zeros({b, seq_len}, torch::kInt64);
  auto ids = pb.ids.accessor<int64_t, 2>(), labels = pb.labels.accessor<int64_t, 2>();
  auto seg = pb.segments.accessor<int64_t, 2>(), pos = pb.positions.accessor<int64_t, 2>();
  for (int64_t r = 0; r < b; ++r) {
    int64_t col = 0, s = 0;
    for (const Tokenized* t : rows[static_cast<size_t>(r)]) {
      for (size_t j = 0; j < t->ids.size(); ++j, ++col) {
        ids[r][col] = t->ids[j];
        labels[r][col] = static_cast<int64_t>(j) >= t->prompt_len ? t->ids[j] : -100;
        seg[r][col] = s;
        pos[r][col] = static_cast<int64_t>(j);
      }
      ++s;
      pb.tokens += static_cast<int64_t>(t->ids.size());
    }
  }
  return pb;
}

// Greedy in-order packing of an epoch's (shuffled) examples into rows of seq_len tokens.
std::vector<std::vector<const Tokenized*>> pack_rows(const std::vector<const Tokenized*>& order,
                                                     int64_t seq_len) {
  std::vector<std::vector<const Tokenized*>> rows(1);
  int64_t used = 0;
  for (const Tokenized* t : order) {
    const int64_t n = static_cast<int64_t>(t->ids.size());
    if (used + n > seq_len) {
      rows.emplace_back();
      used = 0;
    }
    rows.back().push_back(t);
    used += n;
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<SpecialistScore> score_records(models::LlamaForCausalLM& model,
                                           const tokenize::Tokenizer& tok, int64_t eos_id,
                                           int64_t pad_id,
                                           const std::vector<const SftRecord*>& recs,
                                           int64_t max_new_tokens, bool progress) {
  std::map<std::string, SpecialistScore> by;
  std::map<std::string, std::pair<double, int64_t>> nll;  // response-token NLL sum, count
  model->eval();
  {
    // Perplexity of the reference completions (response + EOS) given the prompt.
    torch::NoGradGuard no_grad;
    const auto device = model->parameters().front().device();
    for (const auto* r : recs) {
      std::vector<int64_t> ids = tok.encode(r->prompt);
      const int64_t prompt_len = static_cast<int64_t>(ids.size());
      tok.encode_append(r->completion, ids);
      ids.push_back(eos_id);
      const int64_t n = static_cast<int64_t>(ids.size());
      if (n > model->config().max_position_embeddings || prompt_len == 0) continue;
      auto input = torch::tensor(ids).unsqueeze(0).to(device);
      auto labels = input.clone();
      labels.narrow(1, 0, prompt_len).fill_(-100);
      models::LlamaInputs in{input};
      const double loss =
          models::causal_lm_loss(model->forward(in).to(torch::kFloat32), labels).item<double>();
      auto& [sum, count] = nll[r->specialist];
      sum += loss * static_cast<double>(n - prompt_len);
      count += n - prompt_len;
    }
  }
  models::GenerationOptions go;
  go.max_new_tokens = max_new_tokens;
  go.stop_token_ids = {eos_id};
  go.stop_strings = {"\n[confidence"};
  const size_t batch = 16;
  for (size_t i = 0; i < recs.size(); i += batch) {
    std::vector<std::string> prompts;
    const size_t end = std::min(recs.size(), i + batch);
    for (size_t j = i; j < end; ++j) prompts.push_back(recs[j]->prompt);
    auto gen = models::generate(model, tok, prompts, go, nullptr, pad_id);
    for (size_t j = i; j < end; ++j) {
      const auto* spec = datagen::find_specialist(recs[j]->specialist);
      if (!spec) continue;
      auto v = datagen::score_output(*spec, recs[j]->response, gen.texts[j - i]);
      auto& s = by[recs[j]->specialist];
      s.specialist = recs[j]->specialist;
      ++s.records;
      s.field_accuracy += v.score;
      s.exact += v.score >= 1.0 ? 1 : 0;
    }
    if (progress) std::fprintf(stderr, "\reval %zu/%zu", end, recs.size());
  }
  if (progress) std::fprintf(stderr, "\n");
  std::vector<SpecialistScore> out;
  SpecialistScore overall{"overall"};
  double macro = 0;
  double nll_sum = 0;
  int64_t nll_count = 0;
  for (auto& [name, s] : by) {
    const auto [sum, count] = nll[name];
    s.perplexity = count ? std::exp(sum / static_cast<double>(count)) : NAN;
    nll_sum += sum;
    nll_count += count;
    overall.records += s.records;
    overall.exact += s.exact;
    s.field_accuracy /= std::max<int64_t>(s.records, 1);
    s.exact /= std::max<int64_t>(s.records, 1);
    macro += s.field_accuracy;
    out.push_back(s);
  }
  overall.field_accuracy = by.empty() ? 0 : macro / static_cast<double>(by.size());
  overall.exact /= std::max<int64_t>(overall.records, 1);
  overall.perplexity = nll_count ? std::exp(nll_sum / static_cast<double>(nll_count)) : NAN;
  out.push_back(overall);
  return out;
}

std::vector<const SftRecord*> held_out_sample(const std::vector<SftRecord>& recs,
                                              const std::vector<int64_t>& idx,
                                              int64_t per_specialist) {
  std::map<std::string, int64_t> taken;
  std::vector<const SftRecord*> out;
  for (int64_t i : idx) {
    const auto& r = recs[static_cast<size_t>(i)];
    if (taken[r.specialist]++ < per_specialist) out.push_back(&r);
  }
  return out;
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
  if (!(train_ratio > 0 && train_ratio < 1))
    throw usage_error("data.train_ratio must be in (0, 1) for LM training");
}

LmTrainResult train_language_model(const LmTrainOptions& o) {
  o.validate();
  train::configure_threads(o.threads);
  const torch::Device device = train::resolve_device(o.device);
  torch::manual_seed(o.seed);
  ensure_directory(o.run_dir);
  const std::string model_dir = o.run_dir + "/model";

  auto records = load_sft_records(o.data_path);
  auto split =
      data::train_validation_split(static_cast<int64_t>(records.size()), o.train_ratio, o.seed);

  // Tokenizer: the base model's, or a new BPE trained on the training texts.
  std::shared_ptr<tokenize::BpeTokenizer> tok;
  if (!o.base_model.empty()) {
    tok = std::make_shared<tokenize::BpeTokenizer>(
        tokenize::load_tokenizer_json(o.base_model + "/tokenizer.json"));
  } else {
    std::vector<std::string> texts;
    std::vector<std::string_view> views;
    for (int64_t i : split.train) texts.push_back(records[i].prompt + records[i].completion);
    for (const auto& t : texts) views.push_back(t);
    tokenize::BpeTrainOptions bo;
    bo.vocab_size = o.tokenizer_vocab;
    bo.pattern = tokenize::pattern_by_name(o.tokenizer_pattern);
    bo.special_tokens = {kEos, kPad};
    auto words = tokenize::count_words(views, bo.pattern, 0);
    tok = std::make_shared<tokenize::BpeTokenizer>(tokenize::train_bpe(words, bo));
  }
  const int64_t eos_id = tok->token_id(kEos), pad_id = tok->token_id(kPad);
  if (eos_id < 0) throw Error("tokenizer has no " + std::string(kEos) + " token");
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
  int64_t skipped = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    auto& t = tokenized[i];
    t.ids = tok->encode(records[i].prompt);
    t.prompt_len = static_cast<int64_t>(t.ids.size());
    tok->encode_append(records[i].completion, t.ids);
    t.ids.push_back(eos_id);
  }
  std::vector<const Tokenized*> train_set, val_set;
  for (int64_t i : split.train) {
    if (static_cast<int64_t>(tokenized[i].ids.size()) >
        std::min(o.seq_len, cfg.max_position_embeddings)) {
      ++skipped;
      continue;
    }
    train_set.push_back(&tokenized[i]);
  }
  for (int64_t i : split.validation)
    if (static_cast<int64_t>(tokenized[i].ids.size()) <= o.seq_len)
      val_set.push_back(&tokenized[i]);
  if (skipped)
    std::fprintf(stderr, "skipped %lld training records longer than lm.seq_len=%lld tokens\n",
                 static_cast<long long>(skipped), static_cast<long long>(o.seq_len));
  if (train_set.empty())
    throw Error("no training records fit in lm.seq_len=" + std::to_string(o.seq_len));

  // Optimizer: decay on matrices only (not norms, biases, or LoRA-frozen weights).
  std::vector<torch::Tensor> decay, no_decay;
  int64_t n_params = 0;
  for (const auto& p : model->named_parameters()) {
    n_params += p.value().numel();
    if (!p.value().requires_grad()) continue;
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
  torch::optim::AdamW optimizer(std::move(groups));

  // Epoch plans: shuffled order -> packed rows -> micro-batches.
  std::vector<std::vector<std::vector<const Tokenized*>>> epoch_rows;
  auto plan_epoch = [&](int64_t epoch) {
    auto order = train_set;
    Rng(o.seed).fork(static_cast<uint64_t>(epoch)).shuffle(order);
    return pack_rows(order, o.seq_len);
  };
  const int64_t rows_per_epoch = static_cast<int64_t>(plan_epoch(1).size());
  const int64_t micro_per_step = o.grad_accum;
  const int64_t steps_per_epoch =
      std::max<int64_t>(1, rows_per_epoch / (o.batch_size * micro_per_step));
  std::vector<std::vector<const Tokenized*>> rows;
  size_t next_row = 0;
  int64_t tokens_seen = 0;

  auto forward_loss = [&](const PackedBatch& pb) {
    models::LlamaInputs in{pb.ids.to(device)};
    in.segment_ids = pb.segments.to(device);
    in.position_ids = pb.positions.to(device);
    return models::causal_lm_loss(model->forward(in), pb.labels.to(device));
  };

  train::Engine engine([&](train::Engine& e) -> std::map<std::string, double> {
    optimizer.zero_grad();
    double loss_sum = 0;
    for (int64_t m = 0; m < micro_per_step; ++m) {
      std::vector<std::vector<const Tokenized*>> chunk;
      for (int64_t r = 0; r < o.batch_size; ++r) chunk.push_back(rows[(next_row++) % rows.size()]);
      auto pb = make_packed_batch(chunk, o.seq_len, fill_id);
      tokens_seen += pb.tokens;
      auto loss = forward_loss(pb) / static_cast<double>(micro_per_step);
      loss.backward();
      loss_sum += loss.item<double>();
    }
    e.fire(train::Event::kBackwardCompleted);
    optimizer.step();
    return {{"loss", loss_sum}};
  });
  engine.on(train::on(train::Event::kEpochStarted), [&](train::Engine& e) {
    rows = plan_epoch(e.state().epoch);
    next_row = 0;
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
  engine.attach(std::make_shared<train::LrScheduler>(optimizer, sched));
  std::vector<torch::Tensor> trainable;
  for (auto& p : model->parameters())
    if (p.requires_grad()) trainable.push_back(p);
  if (o.grad_clip > 0)
    engine.attach(std::make_shared<train::GradientClipping>(trainable, o.grad_clip));
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
  auto tracking = train::attach_tracking(engine, o.tracking, o.run_dir);
  train::ProgressReporterOptions po;
  po.enabled = o.progress;
  po.summary_keys = {"train_loss", "val_loss", "lr"};
  engine.attach(std::make_shared<train::ProgressReporter>(averages, po));

  std::fprintf(stderr,
               "llama: %lld parameters (%s), vocab %lld, %zu training records in %lld packed rows "
               "of %lld tokens\n",
               static_cast<long long>(n_params),
               o.lora ? "LoRA adapters trainable" : "all trainable",
               static_cast<long long>(cfg.vocab_size), train_set.size(),
               static_cast<long long>(rows_per_epoch), static_cast<long long>(o.seq_len));
  const auto t0 = std::chrono::steady_clock::now();
  engine.run(steps_per_epoch, o.epochs);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (engine.state().failed || engine.state().interrupted)
    throw Error("training stopped: " + engine.state().terminate_reason);

  LmTrainResult result;
  result.parameters = n_params;
  result.tokens_seen = tokens_seen;
  result.train_seconds = seconds;
  result.tokens_per_second = seconds > 0 ? tokens_seen / seconds : 0;
  result.final_val_loss =
      engine.state().metrics.count("val_loss") ? engine.state().metrics.at("val_loss") : NAN;

  // Save: the full model (from scratch), or the PEFT adapter next to a note of its base.
  result.model_dir = model_dir;
  if (o.lora) {
    save_peft_adapter(model, o.base_model, o.lora_options, o.lora_targets, model_dir);
  } else {
    models::save_llama(model, model_dir);
  }
  tokenize::save_tokenizer_json(*tok, model_dir + "/tokenizer.json");
  write_file_atomic(
      model_dir + "/generation_config.json",
      nlohmann::json{
          {"eos_token_id", eos_id}, {"pad_token_id", pad_id}, {"max_new_tokens", o.max_new_tokens}}
              .dump(2) +
          "\n");

  auto sample = held_out_sample(records, split.validation, o.eval_per_specialist);
  result.scores = score_records(model, *tok, eos_id, fill_id, sample, o.max_new_tokens, o.progress);
  nlohmann::json j = nlohmann::json::array();
  for (const auto& s : result.scores)
    j.push_back({{"specialist", s.specialist},
                 {"records", s.records},
                 {"field_accuracy", s.field_accuracy},
                 {"exact", s.exact},
                 {"perplexity", s.perplexity}});
  write_file_atomic(o.run_dir + "/eval.json", j.dump(2) + "\n");
  if (tracking.tracker) {
    const int64_t id = tracking.tracker->log_artifact(o.run_dir + "/eval.json", "evaluation");
    tracking.tracker->log_lineage(o.data_path, "dataset", id);
  }
  return result;
}

std::vector<SpecialistScore> evaluate_language_model(models::LlamaForCausalLM& model,
                                                     const tokenize::BpeTokenizer& tok,
                                                     const std::string& data_path,
                                                     int64_t per_specialist,
                                                     int64_t max_new_tokens) {
  auto records = load_sft_records(data_path);
  std::vector<int64_t> all(records.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
  const int64_t eos = tok.token_id(kEos), pad = tok.token_id(kPad);
  return score_records(model, tok, eos, pad >= 0 ? pad : eos,
                       held_out_sample(records, all, per_specialist), max_new_tokens, true);
}

std::vector<SpecialistScore> evaluate_language_model(const std::string& model_dir,
                                                     const std::string& data_path,
                                                     int64_t per_specialist, int64_t max_new_tokens,
                                                     const std::string& device_spec) {
  auto model = load_model_with_adapters(model_dir);
  model->to(train::resolve_device(device_spec));
  auto tok = tokenize::load_tokenizer_json(model_dir + "/tokenizer.json");
  return evaluate_language_model(model, tok, data_path, per_specialist, max_new_tokens);
}

std::string format_specialist_scores(const std::vector<SpecialistScore>& scores) {
  std::string s = "specialist                 records  field acc  all-fields exact  perplexity\n";
  char buf[200];
  for (const auto& sc : scores) {
    std::snprintf(buf, sizeof buf, "%-26s %7lld  %8.2f%%  %8.2f%%         %8.4f\n",
                  sc.specialist.c_str(), static_cast<long long>(sc.records),
                  100 * sc.field_accuracy, 100 * sc.exact, sc.perplexity);
    s += buf;
  }
  return s;
}

}  // namespace anvil::pipeline
