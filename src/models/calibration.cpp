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
          {"target_false_abstain", target_false_abstain},
          {"threshold_ceiling", threshold_ceiling}, {"ood_floor", ood_floor}};
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
  read("threshold_ceiling", &c.threshold_ceiling);
  read("ood_floor", &c.ood_floor);
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

double LogisticScaling::operator()(double x) const {
  const double z = scale * x + bias;
  return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z));
}

LogisticScaling fit_logistic_scaling(const std::vector<double>& x, const std::vector<bool>& correct,
                                     LogisticScaling prior, double prior_weight) {
  if (x.size() != correct.size())
    throw Error("fit_logistic_scaling: " + std::to_string(x.size()) + " scores but " +
                std::to_string(correct.size()) + " outcomes");
  auto loss = [&](const LogisticScaling& f) {
    double l = prior_weight / 2 *
               ((f.scale - prior.scale) * (f.scale - prior.scale) +
                (f.bias - prior.bias) * (f.bias - prior.bias));
    for (size_t i = 0; i < x.size(); ++i) {
      const double z = f.scale * x[i] + f.bias;
      // -log sigmoid(+-z), computed without overflow.
      const double m = correct[i] ? -z : z;
      l += m > 0 ? m + std::log1p(std::exp(-m)) : std::log1p(std::exp(m));
    }
    return l;
  };
  LogisticScaling f = prior;
  double current = loss(f);
  for (int iter = 0; iter < 100; ++iter) {
    double ga = prior_weight * (f.scale - prior.scale), gb = prior_weight * (f.bias - prior.bias);
    double haa = prior_weight, hab = 0, hbb = prior_weight;
    for (size_t i = 0; i < x.size(); ++i) {
      const double p = f(x[i]), g = p - (correct[i] ? 1.0 : 0.0), w = p * (1 - p);
      ga += g * x[i];
      gb += g;
      haa += w * x[i] * x[i];
      hab += w * x[i];
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (!(det > 1e-300)) break;
    const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    double step = 1;
    LogisticScaling next{f.scale - da, f.bias - db};
    double l = loss(next);
    while (l > current && step > 1e-6) {
      step /= 2;
      next = {f.scale - step * da, f.bias - step * db};
      l = loss(next);
    }
    if (l > current) break;
    const double moved = std::fabs(next.scale - f.scale) + std::fabs(next.bias - f.bias);
    f = next;
    current = l;
    if (moved < 1e-10) break;
  }
  return f;
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
