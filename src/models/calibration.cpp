// Temperature scaling, reliability bins and ECE.
#include "anvil/models/calibration.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "anvil/core/error.h"

namespace anvil::models {

nlohmann::json Calibration::to_json() const {
  return {{"temperature", temperature},   {"threshold", threshold},
          {"ece_before", ece_before},     {"ece_after", ece_after},
          {"false_abstain", false_abstain}, {"ood_catch", ood_catch},
          {"target_false_abstain", target_false_abstain}};
}

Calibration Calibration::from_json(const nlohmann::json& j) {
  if (!j.is_object()) throw Error("calibration: expected a JSON object, got " + j.dump());
  Calibration c;
  auto read = [&](const char* key, double* out) {
    if (!j.contains(key)) return;
    if (!j[key].is_number()) throw Error(std::string("calibration: '") + key + "' must be a number");
    *out = j[key].get<double>();
  };
  read("temperature", &c.temperature);
  read("threshold", &c.threshold);
  read("ece_before", &c.ece_before);
  read("ece_after", &c.ece_after);
  read("false_abstain", &c.false_abstain);
  read("ood_catch", &c.ood_catch);
  read("target_false_abstain", &c.target_false_abstain);
  if (!(c.temperature > 0) || !std::isfinite(c.temperature))
    throw Error("calibration: 'temperature' must be a positive number, got " +
                std::to_string(c.temperature));
  return c;
}

std::vector<ReliabilityBin> reliability_bins(const std::vector<double>& confidence,
                                             const std::vector<bool>& correct, int bins) {
  if (confidence.size() != correct.size())
    throw Error("reliability_bins: " + std::to_string(confidence.size()) + " confidences but " +
                std::to_string(correct.size()) + " outcomes");
  if (bins < 1) throw Error("reliability_bins: bins must be >= 1");
  std::vector<ReliabilityBin> out(static_cast<size_t>(bins));
  std::vector<double> hits(out.size(), 0);
  for (int b = 0; b < bins; ++b) {
    out[static_cast<size_t>(b)].lo = static_cast<double>(b) / bins;
    out[static_cast<size_t>(b)].hi = static_cast<double>(b + 1) / bins;
  }
  for (size_t i = 0; i < confidence.size(); ++i) {
    // (lo, hi]: ceil(c * bins) - 1, clamped so that 0 lands in the first bin.
    const int b = std::clamp(static_cast<int>(std::ceil(confidence[i] * bins)) - 1, 0, bins - 1);
    auto& bin = out[static_cast<size_t>(b)];
    ++bin.count;
    bin.mean_confidence += confidence[i];
    hits[static_cast<size_t>(b)] += correct[i] ? 1 : 0;
  }
  for (size_t b = 0; b < out.size(); ++b) {
    if (out[b].count == 0) continue;
    out[b].mean_confidence /= static_cast<double>(out[b].count);
    out[b].accuracy = hits[b] / static_cast<double>(out[b].count);
  }
  return out;
}

double expected_calibration_error(const std::vector<ReliabilityBin>& bins) {
  int64_t n = 0;
  for (const auto& b : bins) n += b.count;
  if (n == 0) return 0;
  double ece = 0;
  for (const auto& b : bins)
    ece += static_cast<double>(b.count) / static_cast<double>(n) *
           std::abs(b.accuracy - b.mean_confidence);
  return ece;
}

double fit_temperature(const torch::Tensor& logits, const torch::Tensor& labels) {
  if (logits.dim() != 2 || labels.dim() != 1 || logits.size(0) != labels.size(0) ||
      logits.size(0) == 0)
    throw Error("fit_temperature: expected logits [N, C] and labels [N] with N > 0");
  torch::NoGradGuard no_grad;
  const auto x = logits.to(torch::kCPU, torch::kDouble);
  const auto y = labels.to(torch::kCPU, torch::kLong);
  auto nll = [&](double log_t) {
    return torch::nn::functional::cross_entropy(x / std::exp(log_t), y).item<double>();
  };
  // Golden-section search: NLL(T) is convex in 1/T, unimodal in log T.
  const double phi = (std::sqrt(5.0) - 1) / 2;
  double lo = std::log(1.0 / 20), hi = std::log(20.0);
  double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
  double fa = nll(a), fb = nll(b);
  while (hi - lo > 1e-6) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(b);
    }
  }
  return std::exp((lo + hi) / 2);
}

void calibrated_top1(const torch::Tensor& logits, double temperature,
                     std::vector<double>* confidence, std::vector<int64_t>* predicted) {
  torch::NoGradGuard no_grad;
  auto probs = torch::softmax(logits.to(torch::kCPU, torch::kDouble) / temperature, -1);
  auto [top, index] = probs.max(-1);
  auto t = top.contiguous();
  auto i = index.to(torch::kLong).contiguous();
  confidence->assign(t.data_ptr<double>(), t.data_ptr<double>() + t.numel());
  predicted->assign(i.data_ptr<int64_t>(), i.data_ptr<int64_t>() + i.numel());
}

}  // namespace anvil::models
