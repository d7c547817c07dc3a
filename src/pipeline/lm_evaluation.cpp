// Generation-based evaluation of the language model, scored by each specialist's validator.
#include "anvil/pipeline/lm_evaluation.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "anvil/datagen/calculator.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_validator.h"
#include "anvil/models/chunked_loss.h"
#include "anvil/models/generation.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/tokenize/bpe_tokenizer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/device.h"

namespace anvil::pipeline {

namespace {

// What one specialist's records add up to; summed over ranks before the scores are formed.
struct Tally {
  double records = 0, field = 0, exact = 0;
  double nll_sum = 0, nll_count = 0;  // response-token NLL of the reference completions
  std::vector<double> per_field;      // score sums, in the specialist's declared field order
};
constexpr size_t kTallyFields = 5;  // the numbers before per_field
// "\n[confidence: 0.97]" and a little slack, generated after the answer's own token budget.
constexpr int64_t kConfidenceLineTokens = 12;

// How many fields `specialist` declares (the length of its per_field tally).
size_t declared_fields(const std::string& specialist) {
  const auto* spec = datagen::find_specialist(specialist);
  return spec ? spec->fields.size() : 0;
}

// Perplexity of the reference completion (response + EOS) given the prompt, into `t`.
void add_reference_nll(models::LlamaForCausalLM& model, const tokenize::Tokenizer& tok,
                       int64_t eos_id, const SftRecord& r, int64_t loss_chunk, Tally& t) {
  std::vector<int64_t> ids = tok.encode(r.prompt);
  const int64_t prompt_len = static_cast<int64_t>(ids.size());
  encode_completion(tok, r.completion, ids);
  ids.push_back(eos_id);
  const int64_t n = static_cast<int64_t>(ids.size());
  if (n > model->config().max_position_embeddings || prompt_len == 0) return;
  const auto device = model->parameters().front().device();
  auto input = torch::tensor(ids).unsqueeze(0).to(device);
  auto labels = input.clone();
  labels.narrow(1, 0, prompt_len).fill_(-100);
  models::LlamaInputs in{input};
  const bool chunked = loss_chunk > 0 && (model->lm_head.is_empty() || !model->lm_head->has_lora());
  const double loss =
      (chunked ? models::chunked_causal_lm_loss(model->hidden_states(in), model->lm_head_weight(),
                                                labels, {}, loss_chunk)
               : models::causal_lm_loss(model->forward(in).to(torch::kFloat32), labels))
          .item<double>();
  t.nll_sum += loss * static_cast<double>(n - prompt_len);
  t.nll_count += static_cast<double>(n - prompt_len);
}

// The tallies of every rank added up, in the order of `names` (the same on every rank).
void sum_tallies(const std::shared_ptr<dist::ProcessGroup>& group,
                 const std::vector<std::string>& names, std::map<std::string, Tally>& by) {
  if (!group) return;
  std::vector<double> flat;
  for (const auto& name : names) {
    Tally& t = by[name];
    t.per_field.resize(declared_fields(name));
    flat.insert(flat.end(), {t.records, t.field, t.exact, t.nll_sum, t.nll_count});
    flat.insert(flat.end(), t.per_field.begin(), t.per_field.end());
  }
  flat = dist::sum_over_ranks(group, std::move(flat));
  const double* v = flat.data();
  for (const auto& name : names) {
    Tally& t = by[name];
    t = Tally{v[0], v[1], v[2], v[3], v[4], std::vector<double>(t.per_field.size())};
    v += kTallyFields;
    for (double& f : t.per_field) f = *v++;
  }
}

// Into `o`: the answer part of a generated text (before its confidence line), the confidence
// written there (-1 if none) and the log-probability of the tokens that make up the answer.
void read_answer(const tokenize::Tokenizer& tok, const std::string& text,
                 const std::vector<int64_t>& ids, const std::vector<float>& logprobs,
                 AnswerOutcome& o) {
  o.stated = -1;
  const size_t cut = text.find(kSftConfidence);
  o.answer = text.substr(0, cut);
  if (cut != std::string::npos) {
    const size_t colon = text.find(':', cut);
    if (colon != std::string::npos) {
      char* end = nullptr;
      const double v = std::strtod(text.c_str() + colon + 1, &end);
      if (end != text.c_str() + colon + 1 && std::isfinite(v) && v >= 0) o.stated = v;
    }
  }
  o.log_prob = answer_log_prob(tok, o.answer.size(), ids, logprobs);
}

// Every rank's outcomes in record order: each rank fills its records' slots, the rest are summed.
void gather_outcomes(const std::shared_ptr<dist::ProcessGroup>& group,
                     std::vector<AnswerOutcome>& outcomes) {
  if (!group) return;
  std::vector<double> flat;
  for (const auto& o : outcomes) flat.insert(flat.end(), {o.score, o.stated + 1, o.log_prob});
  flat = dist::sum_over_ranks(group, std::move(flat));
  for (size_t i = 0; i < outcomes.size(); ++i) {  // the numbers summed; the texts stay as they are
    outcomes[i].score = flat[3 * i];
    outcomes[i].stated = flat[3 * i + 1] - 1;
    outcomes[i].log_prob = flat[3 * i + 2];
  }
}

std::vector<SpecialistScore> scores_from(const std::map<std::string, Tally>& by) {
  std::vector<SpecialistScore> out;
  SpecialistScore overall{"overall"};
  double macro = 0, exact = 0, nll_sum = 0, nll_count = 0;
  int64_t tasks = 0;
  for (const auto& [name, t] : by) {
    if (t.records == 0) continue;  // no validator for it (not a known specialist)
    SpecialistScore s{name, static_cast<int64_t>(t.records), t.field / t.records,
                      t.exact / t.records, t.nll_count ? std::exp(t.nll_sum / t.nll_count) : NAN};
    const auto* spec = datagen::find_specialist(name);
    for (size_t f = 0; spec && f < t.per_field.size(); ++f) {
      if (spec->fields[f].kind != datagen::FieldKind::kUnscored)
        s.fields.emplace_back(spec->fields[f].name, t.per_field[f] / t.records);
    }
    out.push_back(s);
    if (spec && spec->auxiliary) continue;  // a helper skill, not one of the tasks
    overall.records += s.records;
    exact += t.exact;
    nll_sum += t.nll_sum;
    nll_count += t.nll_count;
    macro += s.field_accuracy;
    ++tasks;
  }
  overall.field_accuracy = tasks == 0 ? 0 : macro / static_cast<double>(tasks);
  overall.exact = exact / std::max<double>(static_cast<double>(overall.records), 1);
  overall.perplexity = nll_count ? std::exp(nll_sum / nll_count) : NAN;
  out.push_back(overall);
  return out;
}

}  // namespace

std::vector<SpecialistScore> score_records(
    models::LlamaForCausalLM& model, const tokenize::Tokenizer& tok, int64_t eos_id, int64_t pad_id,
    const std::vector<const SftRecord*>& recs, int64_t max_new_tokens, Sink* progress,
    int64_t loss_chunk, const std::shared_ptr<dist::ProcessGroup>& group,
    std::vector<AnswerOutcome>* outcomes) {
  // This rank's share: records rank, rank + world, ...
  const size_t rank = group ? static_cast<size_t>(group->rank()) : 0;
  const size_t world = group ? static_cast<size_t>(group->size()) : 1;
  std::vector<const SftRecord*> mine;
  for (size_t i = rank; i < recs.size(); i += world) mine.push_back(recs[i]);
  std::vector<AnswerOutcome> answers(recs.size());  // a slot per record; this rank fills its own
  for (size_t i = 0; i < recs.size(); ++i) {
    answers[i].specialist = recs[i]->specialist;
    answers[i].reference = recs[i]->response;
  }

  std::map<std::string, Tally> by;
  model->eval();
  {
    torch::NoGradGuard no_grad;
    for (const auto* r : mine)
      add_reference_nll(model, tok, eos_id, *r, loss_chunk, by[r->specialist]);
  }
  // The answer, then its confidence line (a few tokens more), then EOS.
  models::GenerationOptions go;
  go.max_new_tokens = max_new_tokens + kConfidenceLineTokens;
  go.stop_token_ids = {eos_id};
  go.record_logprobs = true;
  go.inject = [](size_t, const std::string& text) { return datagen::calculator_completion(text); };
  const size_t batch = 16;
  for (size_t i = 0; i < mine.size(); i += batch) {
    std::vector<std::string> prompts;
    const size_t end = std::min(mine.size(), i + batch);
    for (size_t j = i; j < end; ++j) prompts.push_back(mine[j]->prompt);
    auto gen = models::generate(model, tok, prompts, go, nullptr, pad_id);
    for (size_t j = i; j < end; ++j) {
      auto& outcome = answers[rank + j * world];
      read_answer(tok, gen.texts[j - i], gen.token_ids[j - i], gen.logprobs[j - i], outcome);
      const auto* spec = datagen::find_specialist(mine[j]->specialist);
      if (!spec) continue;
      auto v = datagen::score_output(*spec, mine[j]->response, outcome.answer);
      outcome.score = v.score;
      auto& t = by[mine[j]->specialist];
      t.records += 1;
      t.field += v.score;
      t.exact += v.score >= 1.0 ? 1 : 0;
      t.per_field.resize(spec->fields.size());
      for (size_t f = 0; f < spec->fields.size(); ++f) {
        for (const auto& fs : v.fields) {
          if (fs.field == spec->fields[f].name) t.per_field[f] += fs.score;
        }
      }
    }
    emit(progress, Channel::kLog, "\reval %zu/%zu%s", end, mine.size(),
         end == mine.size() ? "\n" : "");
  }
  std::vector<std::string> names;  // every rank's specialists, in one order
  for (const auto* r : recs) names.push_back(r->specialist);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  sum_tallies(group, names, by);
  if (outcomes) {
    gather_outcomes(group, answers);
    *outcomes = std::move(answers);
  }
  return scores_from(by);
}

std::vector<SpecialistScore> evaluate_language_model(
    models::LlamaForCausalLM& model, const tokenize::BpeTokenizer& tok,
    const std::string& data_path, int64_t per_specialist, int64_t max_new_tokens, Sink* progress,
    const std::shared_ptr<dist::ProcessGroup>& group, std::vector<AnswerOutcome>* outcomes) {
  auto records = load_sft_records(data_path);
  std::vector<int64_t> all(records.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
  const int64_t eos = sft_eos_id(tok, model->config().eos_token_id), pad = tok.token_id(kSftPad);
  return score_records(model, tok, eos, pad >= 0 ? pad : eos,
                       held_out_sample(records, all, per_specialist), max_new_tokens, progress, 0,
                       group, outcomes);
}

std::vector<SpecialistScore> evaluate_language_model(
    const std::string& model_dir, const std::string& data_path, int64_t per_specialist,
    int64_t max_new_tokens, const std::string& device_spec, Sink* progress,
    const std::shared_ptr<dist::ProcessGroup>& group) {
  auto model = models::load_model_with_adapters(model_dir);
  model->to(train::resolve_device(device_spec));
  auto tok = tokenize::load_tokenizer_json(model_dir + "/tokenizer.json");
  return evaluate_language_model(model, tok, data_path, per_specialist, max_new_tokens, progress,
                                 group);
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
  std::string weak;
  for (const auto& sc : scores) {
    std::string line;
    for (const auto& [field, score] : sc.fields) {
      if (score >= 1.0) continue;
      std::snprintf(buf, sizeof buf, "%s%s %.1f%%", line.empty() ? "" : ", ", field.c_str(),
                    100 * score);
      line += buf;
    }
    if (!line.empty()) weak += "  " + sc.specialist + ": " + line + "\n";
  }
  if (!weak.empty()) s += "fields below 100% (mean score of each field)\n" + weak;
  return s;
}

}  // namespace anvil::pipeline
