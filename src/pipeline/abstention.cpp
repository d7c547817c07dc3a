// Judging requests and the abstention rules.
#include "anvil/pipeline/abstention.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "anvil/core/utf8.h"
#include "anvil/data/number_spans.h"
#include "anvil/datagen/intents.h"
#include "anvil/datagen/out_of_domain.h"
#include "anvil/models/intent_features.h"

namespace anvil::pipeline {
namespace {

bool is_blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string rule_reason(const Judgement& j) {
  if (is_blank(j.text)) return "the request is empty";
  if (j.intent == datagen::kNoIntent) return "it matches no known request (the model's 'none' class)";
  const auto* spec = datagen::find_intent(j.intent);
  if (!spec || j.numbers == spec->operand_count) return "";
  // Every phrasing of an intent spells out exactly its operands: with fewer the request is
  // incomplete, with more it is not clear which ones are meant.
  const std::string count =
      std::to_string(spec->operand_count) + " number" + (spec->operand_count == 1 ? "" : "s");
  return "'" + j.intent + "' " + (j.numbers < spec->operand_count ? "needs " : "takes ") + count +
         " but the request has " + std::to_string(j.numbers);
}

void judge_batch(models::IntentModel& model, std::vector<Judgement>& out, size_t begin,
                 size_t end) {
  const auto& cfg = model.net->config();
  std::vector<std::string> texts;
  for (size_t i = begin; i < end; ++i) texts.push_back(out[i].text);
  auto in = models::encode_requests(texts, cfg.max_length, cfg.max_numbers).to(model.device);
  auto outputs = model.net->forward(in);
  auto preds = model.net->decode(outputs, in);
  auto probs = torch::softmax(outputs.intent_logits.to(torch::kCPU, torch::kDouble) /
                                  model.calibration.temperature, -1);
  const int64_t k = std::min<int64_t>(3, probs.size(1));
  auto [top_p, top_i] = probs.topk(k, -1);
  auto p_a = top_p.accessor<double, 2>();
  auto i_a = top_i.accessor<int64_t, 2>();
  for (size_t b = 0; b < texts.size(); ++b) {
    Judgement& j = out[begin + b];
    j.prediction = preds[b];
    j.intent = model.intents[static_cast<size_t>(preds[b].intent)];
    j.raw_confidence = preds[b].intent_confidence;
    j.confidence = p_a[static_cast<int64_t>(b)][0];
    for (int64_t r = 0; r < k; ++r)
      j.guesses.emplace_back(model.intents[static_cast<size_t>(i_a[static_cast<int64_t>(b)][r])],
                             p_a[static_cast<int64_t>(b)][r]);
    j.numbers = static_cast<int64_t>(data::find_numbers(j.text).size());
    j.rule_reason = rule_reason(j);
  }
}

}  // namespace

std::vector<Judgement> judge_requests(models::IntentModel& model,
                                      const std::vector<std::string>& texts, int64_t batch_size) {
  torch::NoGradGuard no_grad;
  model.net->eval();
  std::vector<Judgement> out(texts.size());
  for (size_t i = 0; i < texts.size(); ++i)
    out[i].text = normalize_digits(texts[i], &out[i].digits_normalised);
  const auto step = static_cast<size_t>(std::max<int64_t>(batch_size, 1));
  for (size_t i = 0; i < texts.size(); i += step)
    judge_batch(model, out, i, std::min(texts.size(), i + step));
  return out;
}

std::string abstain_reason(const Judgement& j, double threshold) {
  if (!j.rule_reason.empty()) return j.rule_reason;
  if (j.confidence < threshold) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "confidence %.3f is below the model's threshold %.3f",
                  j.confidence, threshold);
    return buf;
  }
  return "";
}

double choose_threshold(const std::vector<Judgement>& in_domain, double target) {
  if (in_domain.empty()) return 0;
  std::vector<double> answered;
  for (const auto& j : in_domain)
    if (j.rule_reason.empty()) answered.push_back(j.confidence);
  const auto allowed = static_cast<int64_t>(std::floor(target * static_cast<double>(in_domain.size()))) -
                       static_cast<int64_t>(in_domain.size() - answered.size());
  if (allowed <= 0 || answered.empty()) return 0;
  std::sort(answered.begin(), answered.end());
  // Abstaining below answered[allowed] refuses at most `allowed` of them (ties answer).
  return answered[static_cast<size_t>(std::min<int64_t>(allowed, static_cast<int64_t>(answered.size()) - 1))];
}

double margin_threshold(double ceiling, const std::vector<Judgement>& out_of_domain,
                        double* floor) {
  double highest = 0;
  for (const auto& j : out_of_domain)
    if (j.rule_reason.empty() && j.confidence < ceiling) highest = std::max(highest, j.confidence);
  if (floor) *floor = highest;
  return (highest + ceiling) / 2;
}

double abstain_rate(const std::vector<Judgement>& judged, double threshold) {
  if (judged.empty()) return 0;
  size_t n = 0;
  for (const auto& j : judged) n += !abstain_reason(j, threshold).empty();
  return static_cast<double>(n) / static_cast<double>(judged.size());
}

}  // namespace anvil::pipeline
