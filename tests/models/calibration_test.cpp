// Calibration maths: reliability bins and ECE on a case worked by hand, temperature scaling
// against an independent PyTorch reference (LBFGS on log T, tests/models/reference_calibration.py),
// and the calibration record's JSON form with its error paths.
#include "anvil/models/calibration.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <random>

#include "anvil/core/error.h"
#include "anvil/io/torch_tensors.h"
#include "support/run_cli.h"

namespace anvil::models {
namespace {

// Worked by hand: bins (0.9,1]: {0.95 right, 0.92 wrong} acc 0.5 conf 0.935;
// (0.7,0.8]: {0.75 right} acc 1 conf 0.75; (0.3,0.4]: {0.4 wrong, 0.35 right} acc 0.5 conf 0.375;
// [0,0.1]: {0.0 wrong} acc 0 conf 0.
// ECE = 2/6*0.435 + 1/6*0.25 + 2/6*0.125 + 1/6*0 = 0.145 + 0.041666.. + 0.041666.. = 0.228333..
TEST(Calibration, ReliabilityBinsAndEceMatchAHandWorkedCase) {
  const std::vector<double> conf = {0.95, 0.92, 0.75, 0.4, 0.35, 0.0};
  const std::vector<bool> right = {true, false, true, false, true, false};
  auto bins = reliability_bins(conf, right, 10);
  ASSERT_EQ(bins.size(), 10u);
  EXPECT_EQ(bins[9].count, 2);
  EXPECT_DOUBLE_EQ(bins[9].accuracy, 0.5);
  EXPECT_DOUBLE_EQ(bins[9].mean_confidence, 0.935);
  EXPECT_EQ(bins[7].count, 1);  // 0.75 is in (0.7, 0.8]
  EXPECT_EQ(bins[3].count, 2);  // 0.4 is in (0.3, 0.4], not (0.4, 0.5]
  EXPECT_EQ(bins[0].count, 1);  // 0 joins the first bin
  EXPECT_NEAR(expected_calibration_error(bins), 0.145 + 0.25 / 6 + 0.25 / 6, 1e-12);
  EXPECT_EQ(expected_calibration_error(reliability_bins({}, {})), 0.0);
  EXPECT_THROW(reliability_bins({0.5}, {}), Error);
}

TEST(Calibration, TemperatureRecoversTheOneThatGeneratedTheLabels) {
  torch::manual_seed(3);
  auto logits = torch::randn({4000, 6}, torch::kDouble) * 4;
  auto labels = torch::multinomial(torch::softmax(logits / 2.5, -1), 1).squeeze(1);
  EXPECT_NEAR(fit_temperature(logits, labels), 2.5, 0.15);
  EXPECT_THROW(fit_temperature(logits, labels.slice(0, 0, 10)), Error);
}

// Outcomes drawn right with probability sigmoid(0.4 x - 1): the fit recovers (0.4, -1), and its
// gradient (computed here, not by the fit) is zero there; a weighty prior holds it near the
// prior; a one-sided sample (all right) stays finite.
TEST(Calibration, LogisticScalingRecoversTheOneThatDrewTheOutcomes) {
  std::mt19937_64 rng(5);
  std::normal_distribution<double> x_of(4.0, 6.0);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> x;
  std::vector<bool> right;
  for (int i = 0; i < 20000; ++i) {
    x.push_back(x_of(rng));
    right.push_back(u(rng) < 1 / (1 + std::exp(-(0.4 * x.back() - 1))));
  }
  const LogisticScaling f = fit_logistic_scaling(x, right, {1, 0}, 1.0);
  EXPECT_NEAR(f.scale, 0.4, 0.03);
  EXPECT_NEAR(f.bias, -1.0, 0.08);
  double ga = f.scale - 1, gb = f.bias;  // the prior's pull
  for (size_t i = 0; i < x.size(); ++i) {
    const double g = 1 / (1 + std::exp(-(f.scale * x[i] + f.bias))) - (right[i] ? 1 : 0);
    ga += g * x[i];
    gb += g;
  }
  EXPECT_NEAR(ga, 0, 1e-5);
  EXPECT_NEAR(gb, 0, 1e-5);
  EXPECT_NEAR(f(2.5), 1 / (1 + std::exp(-(f.scale * 2.5 + f.bias))), 1e-12);
  const LogisticScaling held = fit_logistic_scaling(x, right, {1, 0}, 1e9);
  EXPECT_NEAR(held.scale, 1, 1e-3);
  EXPECT_NEAR(held.bias, 0, 1e-3);
  const LogisticScaling sure = fit_logistic_scaling({5, 8, 12}, {true, true, true}, {1, 0}, 1.0);
  EXPECT_TRUE(std::isfinite(sure.scale) && std::isfinite(sure.bias));
  EXPECT_GT(sure(5), 0.99);
  EXPECT_THROW(fit_logistic_scaling({1, 2}, {true}, {1, 0}, 1.0), Error);
}

TEST(Calibration, MatchesIndependentPythonReference) {
  if (!std::filesystem::exists("/usr/bin/python3") ||
      anvil::testing::run_command("/usr/bin/python3 -c 'import torch'").exit_code != 0)
    GTEST_SKIP() << "python3-torch is not installed (bash scripts/setup --tests installs it)";
  torch::manual_seed(11);
  auto logits = torch::randn({1500, 9}, torch::kDouble) * 5;  // over-confident logits
  auto labels = torch::multinomial(torch::softmax(logits / 3.0, -1), 1).squeeze(1);
  const double t = fit_temperature(logits, labels);
  std::vector<double> conf;
  std::vector<int64_t> pred;
  auto ece = [&](double temperature) {
    calibrated_top1(logits, temperature, &conf, &pred);
    std::vector<bool> right(pred.size());
    for (size_t i = 0; i < pred.size(); ++i) right[i] = pred[i] == labels[static_cast<int64_t>(i)].item<int64_t>();
    return expected_calibration_error(reliability_bins(conf, right));
  };
  const double raw = ece(1.0), calibrated = ece(t);
  EXPECT_LT(calibrated, raw);
  anvil::testing::TempDir dir("calibration");
  auto fmt = [](double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return std::string(buf);
  };
  io::save_named_tensors(dir / "case.safetensors", {{"logits", logits}, {"labels", labels}},
                         {{"anvil_temperature", fmt(t)},
                          {"anvil_ece_raw", fmt(raw)},
                          {"anvil_ece_calibrated", fmt(calibrated)}});
  auto r = anvil::testing::run_command(std::string("cd ") + ANVIL_SOURCE_DIR +
                                       "/tests/models && /usr/bin/python3 reference_calibration.py " +
                                       (dir / "case.safetensors"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST(Calibration, JsonRoundTripAndErrors) {
  Calibration c;
  c.temperature = 1.7;
  c.threshold = 0.42;
  c.ood_catch = 0.99;
  c.threshold_ceiling = 0.8;
  c.ood_floor = 0.04;
  auto back = Calibration::from_json(c.to_json());
  EXPECT_DOUBLE_EQ(back.temperature, 1.7);
  EXPECT_DOUBLE_EQ(back.threshold, 0.42);
  EXPECT_DOUBLE_EQ(back.ood_catch, 0.99);
  EXPECT_DOUBLE_EQ(back.threshold_ceiling, 0.8);
  EXPECT_DOUBLE_EQ(back.ood_floor, 0.04);
  // A model saved before the threshold had a ceiling and a floor: both "not measured".
  const auto older = Calibration::from_json({{"temperature", 1.3}, {"threshold", 0.996}});
  EXPECT_EQ(older.threshold_ceiling, -1);
  EXPECT_EQ(older.ood_floor, -1);
  EXPECT_DOUBLE_EQ(Calibration::from_json(nlohmann::json::object()).temperature, 1.0);
  try {
    Calibration::from_json({{"temperature", "hot"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'temperature' must be a number"), std::string::npos);
  }
  EXPECT_THROW(Calibration::from_json({{"temperature", -1.0}}), Error);
}

}  // namespace
}  // namespace anvil::models
