// Generation-based evaluation of the language model, scored by each specialist's validator.
#include "anvil/pipeline/lm_evaluation.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdio>
#include <map>

#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_validator.h"
#include "anvil/models/chunked_loss.h"
#include "anvil/models/generation.h"
#include "anvil/models/peft_adapter.h"
#include "anvil/tokenize/bpe_tokenizer.h"
#include "anvil/tokenize/tokenizer_json.h"
#include "anvil/train/device.h"

namespace anvil::pipeline {

std::vector<SpecialistScore> score_records(models::LlamaForCausalLM& model,
                                           const tokenize::Tokenizer& tok, int64_t eos_id,
                                           int64_t pad_id,
                                           const std::vector<const SftRecord*>& recs,
                                           int64_t max_new_tokens, Sink* progress,
                                           int64_t loss_chunk) {
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
      const bool chunked =
          loss_chunk > 0 && (model->lm_head.is_empty() || !model->lm_head->has_lora());
      const double loss =
          (chunked ? models::chunked_causal_lm_loss(model->hidden_states(in),
                                                    model->lm_head_weight(), labels, {},
                                                    loss_chunk)
                   : models::causal_lm_loss(model->forward(in).to(torch::kFloat32), labels))
              .item<double>();
      auto& [sum, count] = nll[r->specialist];
      sum += loss * static_cast<double>(n - prompt_len);
      count += n - prompt_len;
    }
  }
  models::GenerationOptions go;
  go.max_new_tokens = max_new_tokens;
  go.stop_token_ids = {eos_id};
  go.stop_strings = {kSftConfidence};
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
    emit(progress, Channel::kLog, "\reval %zu/%zu%s", end, recs.size(),
         end == recs.size() ? "\n" : "");
  }
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

std::vector<SpecialistScore> evaluate_language_model(models::LlamaForCausalLM& model,
                                                     const tokenize::BpeTokenizer& tok,
                                                     const std::string& data_path,
                                                     int64_t per_specialist, int64_t max_new_tokens,
                                                     Sink* progress) {
  auto records = load_sft_records(data_path);
  std::vector<int64_t> all(records.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int64_t>(i);
  const int64_t eos = sft_eos_id(tok, model->config().eos_token_id), pad = tok.token_id(kSftPad);
  return score_records(model, tok, eos, pad >= 0 ? pad : eos,
                       held_out_sample(records, all, per_specialist), max_new_tokens, progress);
}

std::vector<SpecialistScore> evaluate_language_model(const std::string& model_dir,
                                                     const std::string& data_path,
                                                     int64_t per_specialist, int64_t max_new_tokens,
                                                     const std::string& device_spec,
                                                     Sink* progress) {
  auto model = models::load_model_with_adapters(model_dir);
  model->to(train::resolve_device(device_spec));
  auto tok = tokenize::load_tokenizer_json(model_dir + "/tokenizer.json");
  return evaluate_language_model(model, tok, data_path, per_specialist, max_new_tokens, progress);
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
