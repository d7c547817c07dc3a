// Calibrated confidence for a classifier head: temperature scaling fitted on held-out logits
// (Guo et al. 2017: one scalar T, probabilities softmax(logits / T), chosen to minimise the
// negative log-likelihood), the expected calibration error and the reliability diagram's bins,
// and the abstention threshold an intent model carries with its weights.
#pragma once

#include <torch/types.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

namespace anvil::models {

// What an intent model saves about its confidence (model metadata "anvil.calibration").
struct Calibration {
  double temperature = 1.0;  // probabilities are softmax(logits / temperature)
  double threshold = 0.0;    // abstain below this calibrated confidence (0 = never)
  // Measured when it was fitted (-1 = not measured):
  double ece_before = -1, ece_after = -1;  // validation split, 10 bins
  double false_abstain = -1;               // in-domain validation requests abstained
  double ood_catch = -1;                   // generated out-of-domain requests abstained
  double target_false_abstain = 0.005;     // what the threshold's ceiling was chosen for
  // The two ends the threshold was chosen between (pipeline/abstention.h, margin_threshold):
  double threshold_ceiling = -1;  // highest threshold keeping in-domain abstention <= target
  double ood_floor = -1;          // most confident out-of-domain request that reached it

  nlohmann::json to_json() const;
  // Missing keys keep their defaults; wrong types throw anvil::Error naming the key.
  static Calibration from_json(const nlohmann::json& j);
};

// One bin of a reliability diagram: predictions whose confidence is in (lo, hi].
struct ReliabilityBin {
  double lo = 0, hi = 0;
  int64_t count = 0;
  double mean_confidence = 0;  // 0 when empty
  double accuracy = 0;         // 0 when empty
};

// `bins` equal-width bins over [0, 1]; confidence 0 falls in the first bin.
std::vector<ReliabilityBin> reliability_bins(const std::vector<double>& confidence,
                                             const std::vector<bool>& correct, int bins = 10);

// sum over bins of count/N * |accuracy - mean confidence|; 0 for no predictions.
double expected_calibration_error(const std::vector<ReliabilityBin>& bins);

// The temperature minimising the mean NLL of `labels` [N] under softmax(logits [N, C] / T),
// searched on log T over [1/20, 20] (golden section on a convex function, to 1e-6 in log T).
double fit_temperature(const torch::Tensor& logits, const torch::Tensor& labels);

// Platt scaling of one score: the (scale, bias) of confidence sigmoid(scale * x + bias) that
// minimise the summed NLL of `correct` plus prior_weight / 2 * ((scale - prior.scale)^2 +
// (bias - prior.bias)^2), a pull toward `prior` (a fit on more answers) that keeps a small or
// one-sided sample (all right) finite. Newton's method with step halving (the objective is
// convex). Throws anvil::Error when `x` and `correct` differ in size.
struct LogisticScaling {
  double scale = 1, bias = 0;
  double operator()(double x) const;  // sigmoid(scale * x + bias)
};
LogisticScaling fit_logistic_scaling(const std::vector<double>& x, const std::vector<bool>& correct,
                                     LogisticScaling prior, double prior_weight);

// Max softmax probability and its class per row of logits / temperature.
void calibrated_top1(const torch::Tensor& logits, double temperature,
                     std::vector<double>* confidence, std::vector<int64_t>* predicted);

}  // namespace anvil::models
