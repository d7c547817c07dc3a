// Temperature, threshold and out-of-domain catch rate of a trained intent model.
#include "anvil/pipeline/intent_calibration.h"

#include <torch/torch.h>

#include <cstdio>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/datagen/out_of_domain.h"
#include "anvil/models/calibration.h"
#include "anvil/models/intent_features.h"
#include "anvil/pipeline/abstention.h"

namespace anvil::pipeline {
namespace {

// Intent logits of `records` [N, C] and their label ids [N].
std::pair<torch::Tensor, torch::Tensor> intent_logits(models::IntentModel& model,
                                                      const std::vector<data::IntentRecord>& records) {
  torch::NoGradGuard no_grad;
  model.net->eval();
  const auto& cfg = model.net->config();
  std::vector<torch::Tensor> chunks;
  std::vector<int64_t> labels;
  for (size_t i = 0; i < records.size(); i += 1024) {
    std::vector<std::string> texts;
    for (size_t j = i; j < std::min(records.size(), i + 1024); ++j) {
      texts.push_back(records[j].text);
      auto it = model.index.find(records[j].intent);
      if (it == model.index.end())
        throw Error("calibration: validation intent '" + records[j].intent + "' is not one of the model's");
      labels.push_back(it->second);
    }
    auto in = models::encode_requests(texts, cfg.max_length, cfg.max_numbers).to(model.device);
    chunks.push_back(model.net->forward(in).intent_logits.to(torch::kCPU, torch::kDouble));
  }
  return {torch::cat(chunks), torch::tensor(labels, torch::kLong)};
}

double ece_at(const torch::Tensor& logits, const torch::Tensor& labels, double temperature) {
  std::vector<double> confidence;
  std::vector<int64_t> predicted;
  models::calibrated_top1(logits, temperature, &confidence, &predicted);
  std::vector<bool> correct(predicted.size());
  auto y = labels.accessor<int64_t, 1>();
  for (size_t i = 0; i < predicted.size(); ++i) correct[i] = predicted[i] == y[static_cast<int64_t>(i)];
  return models::expected_calibration_error(models::reliability_bins(confidence, correct));
}

// Out-of-domain requests for `model`: a specialist's prompt is in its domain when the model is a
// router with that specialist among its labels.
std::vector<std::string> ood_texts(const models::IntentModel& model, int64_t n, uint64_t seed,
                                   datagen::OodSplit split) {
  std::vector<std::string> texts;
  for (auto& r : datagen::generate_out_of_domain({n, seed, split}))
    if (!(r.category == datagen::OodCategory::kSpecialist && model.index.count(r.source)))
      texts.push_back(std::move(r.text));
  return texts;
}

}  // namespace

CalibrationOptions CalibrationOptions::from_config(const Config& c) {
  CalibrationOptions o;
  o.enabled = c.get_bool("eval.calibrate");
  o.target_false_abstain = c.get_double("eval.false_abstain_target");
  o.ood_n = c.get_int("eval.ood_n");
  o.ood_seed = static_cast<uint64_t>(c.get_int("eval.ood_seed"));
  return o;
}

void CalibrationOptions::validate() const {
  if (!(target_false_abstain >= 0 && target_false_abstain < 1))
    throw usage_error("eval.false_abstain_target = " + std::to_string(target_false_abstain) +
                      ": must be in [0, 1)");
  if (ood_n < 0) throw usage_error("eval.ood_n = " + std::to_string(ood_n) + ": must be >= 0");
}

models::Calibration calibrate_intent_model(models::IntentModel& model,
                                           const std::vector<data::IntentRecord>& validation,
                                           const CalibrationOptions& options) {
  options.validate();
  models::Calibration c;
  c.target_false_abstain = options.target_false_abstain;
  if (validation.size() < 2) throw Error("calibration needs at least 2 validation records");

  // Temperature on the even records, ECE measured on the odd ones.
  auto [logits, labels] = intent_logits(model, validation);
  auto even = torch::arange(0, logits.size(0), 2), odd = torch::arange(1, logits.size(0), 2);
  c.temperature = models::fit_temperature(logits.index_select(0, even), labels.index_select(0, even));
  c.ece_before = ece_at(logits.index_select(0, odd), labels.index_select(0, odd), 1.0);
  c.ece_after = ece_at(logits.index_select(0, odd), labels.index_select(0, odd), c.temperature);

  // Threshold between the in-domain validation requests and a fresh draw of the kinds of
  // out-of-domain text training used as negatives, judged at the fitted temperature by a copy of
  // the model (the network is shared, not copied) so `model` is never left half-calibrated.
  models::IntentModel calibrated = model;
  calibrated.calibration = c;
  std::vector<std::string> in_domain;
  for (const auto& r : validation)
    if (r.intent != datagen::kNoIntent) in_domain.push_back(r.text);
  const auto judged = judge_requests(calibrated, in_domain);
  c.threshold_ceiling = choose_threshold(judged, options.target_false_abstain);
  c.threshold = c.threshold_ceiling;
  if (options.ood_n > 0) {
    const auto fit_draw = judge_requests(
        calibrated, ood_texts(model, options.ood_n, options.ood_seed + 1, datagen::OodSplit::kTraining));
    c.threshold = margin_threshold(c.threshold_ceiling, fit_draw, &c.ood_floor);
    // The catch rate on the evaluation draw, which nothing above has seen.
    const auto evaluation_draw = judge_requests(
        calibrated, ood_texts(model, options.ood_n, options.ood_seed, datagen::OodSplit::kEvaluation));
    c.ood_catch = abstain_rate(evaluation_draw, c.threshold);
  }
  c.false_abstain = abstain_rate(judged, c.threshold);
  return c;
}

std::string format_calibration(const models::Calibration& c) {
  char buf[480];
  int n = std::snprintf(buf, sizeof buf, "ECE %.4f -> %.4f (temperature %.3f); threshold %.3f",
                        c.ece_before, c.ece_after, c.temperature, c.threshold);
  if (c.ood_floor >= 0)  // chosen between the two (margin_threshold)
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n),
                  ", midway between out-of-domain %.3f and in-domain %.3f (the highest abstaining "
                  "on at most %.2f%% of validation requests): abstains on %.2f%% of in-domain "
                  "validation requests",
                  c.ood_floor, c.threshold_ceiling, 100 * c.target_false_abstain,
                  100 * c.false_abstain);
  else  // the in-domain ceiling alone (no out-of-domain draw)
    std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n),
                  " abstains on %.2f%% of in-domain validation requests (target %.2f%%)",
                  100 * c.false_abstain, 100 * c.target_false_abstain);
  std::string s = buf;
  if (c.ood_catch >= 0) {
    std::snprintf(buf, sizeof buf, ", catches %.2f%% of generated out-of-domain requests",
                  100 * c.ood_catch);
    s += buf;
  }
  return s;
}

}  // namespace anvil::pipeline
