// Abstention: the rules (blank, the "none" class, fewer numbers than the intent needs), the
// threshold's ceiling chosen for a false-abstain target and the margin threshold below it (worked
// by hand), judging with digit normalisation, and prediction that refuses numbers too large for
// the machine instead of truncating them.
#include "anvil/pipeline/abstention.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "anvil/pipeline/intent_eval.h"

namespace anvil::pipeline {
namespace {

Judgement judged(const std::string& intent, double confidence, int64_t numbers,
                 const std::string& text = "some request") {
  Judgement j;
  j.text = text;
  j.intent = intent;
  j.confidence = confidence;
  j.numbers = numbers;
  return j;
}

TEST(Abstention, ThresholdRefusesAtMostTheTargetFraction) {
  // 200 in-domain requests, confidences 0.005, 0.010, ..., 1.000; target 1% -> 2 may be refused.
  std::vector<Judgement> in;
  for (int i = 1; i <= 200; ++i) in.push_back(judged("add", i / 200.0, 2));
  const double t = choose_threshold(in, 0.01);
  EXPECT_DOUBLE_EQ(t, 3 / 200.0);  // refuses 0.005 and 0.010
  EXPECT_DOUBLE_EQ(abstain_rate(in, t), 0.01);
  // One request already refused by a rule uses up one of the two.
  in[150].rule_reason = "the request is empty";
  EXPECT_DOUBLE_EQ(choose_threshold(in, 0.01), 2 / 200.0);
  EXPECT_DOUBLE_EQ(abstain_rate(in, choose_threshold(in, 0.01)), 0.01);
  EXPECT_EQ(choose_threshold(in, 0.0), 0.0);
  EXPECT_EQ(choose_threshold({}, 0.01), 0.0);
}

TEST(Abstention, MarginThresholdSitsMidwayBetweenOutOfDomainAndTheCeiling) {
  // Out of domain: 0.30 and 0.62 reach the threshold; 0.97 is refused by a rule whatever its
  // confidence, and 0.995 and 0.99 are not below the ceiling, which does not catch them.
  std::vector<Judgement> ood = {judged("add", 0.30, 2), judged("add", 0.62, 2),
                                judged("none", 0.97, 2), judged("factorial", 0.995, 1),
                                judged("add", 0.99, 2)};
  ood[2].rule_reason = "it matches no known request (the model's 'none' class)";
  double floor = -1;
  EXPECT_DOUBLE_EQ(margin_threshold(0.99, ood, &floor), (0.62 + 0.99) / 2);
  EXPECT_DOUBLE_EQ(floor, 0.62);
  // Both out-of-domain requests the ceiling caught are still caught.
  for (int i : {0, 1}) EXPECT_NE(abstain_reason(ood[i], margin_threshold(0.99, ood)), "");
  // Nothing out of domain reaches the threshold: midway between 0 and the ceiling.
  EXPECT_DOUBLE_EQ(margin_threshold(0.99, {ood[2]}, &floor), 0.495);
  EXPECT_EQ(floor, 0.0);
  // The rules alone exceed the in-domain target (ceiling 0): no threshold.
  EXPECT_EQ(margin_threshold(0.0, ood), 0.0);
}

TEST(Abstention, ReasonsNameWhatIsWrong) {
  auto j = judged("factorial", 0.99, 0, "compute the factorial");
  j.rule_reason = "";
  EXPECT_EQ(abstain_reason(j, 0.5), "");  // rule_reason is what judge_requests filled in
  Judgement low = judged("add", 0.41, 2);
  EXPECT_NE(abstain_reason(low, 0.87).find("confidence 0.410 is below the model's threshold 0.870"),
            std::string::npos);
  EXPECT_EQ(abstain_reason(low, 0.4), "");
}

models::IntentModel tiny_model() {
  torch::manual_seed(1);
  models::ClassifierConfig cfg;
  cfg.embed_dim = 8;
  cfg.channels = {8, 8, 8};
  return models::make_intent_model(cfg, {"add", "factorial", "none"}, torch::kCPU);
}

TEST(Abstention, JudgingNormalisesDigitsCountsNumbersAndAppliesTheRules) {
  auto model = tiny_model();
  auto out = judge_requests(model, {"factorial of \xd9\xa3\xd9\xa5", "   ", "add 1 and 2 and 3"});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].text, "factorial of 35");
  EXPECT_TRUE(out[0].digits_normalised);
  EXPECT_EQ(out[0].numbers, 1);
  EXPECT_EQ(out[1].rule_reason, "the request is empty");
  EXPECT_EQ(out[2].numbers, 3);
  EXPECT_EQ(out[0].guesses.size(), 3u);
  double total = 0;
  for (const auto& [name, p] : out[0].guesses) total += p;
  EXPECT_NEAR(total, 1.0, 1e-9);  // three intents: the guesses are the whole distribution
  for (const auto& j : out) {
    if (j.intent == "none") EXPECT_NE(j.rule_reason.find("'none' class"), std::string::npos);
    if (j.intent == "factorial" && j.numbers == 0)
      EXPECT_NE(j.rule_reason.find("needs 1 number but the request has 0"), std::string::npos);
  }
}

TEST(Abstention, MissingNumbersAreARule) {
  auto model = tiny_model();
  // Whatever the untrained model says, a blank request is refused and an intent that needs
  // more numbers than the text has is refused with both counts named.
  for (const auto& j : judge_requests(model, {"compute the factorial", "add them"})) {
    if (j.intent == "factorial")
      EXPECT_EQ(j.rule_reason, "'factorial' needs 1 number but the request has 0");
    if (j.intent == "add")
      EXPECT_EQ(j.rule_reason, "'add' needs 2 numbers but the request has 0");
  }
}

TEST(Prediction, NumbersTooLargeForTheMachineAreAnErrorNotAnOperand) {
  auto model = tiny_model();
  auto r = predict_requests(model, {"factorial of 99999999999999999999999",
                                    "add 1 and " + std::string(5000, '9')});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].error,
            "the number 99999999999999999999999 does not fit in a 64-bit signed integer (the "
            "machine's registers)");
  EXPECT_TRUE(r[0].output.empty());
  EXPECT_NE(r[1].error.find("999999999999999999999999... (5000 digits) does not fit"),
            std::string::npos)
      << r[1].error;
}

TEST(Prediction, OverflowingProgramsReportTheOverflowNeverAWrappedValue) {
  std::vector<int64_t> out;
  std::string program, error;
  EXPECT_FALSE(execute_intent("factorial", {25}, &out, &program, &error));
  EXPECT_TRUE(out.empty());
  EXPECT_NE(error.find("integer overflow: 4274473667143680000 * 10 does not fit"), std::string::npos)
      << error;
  EXPECT_FALSE(program.empty());
  EXPECT_TRUE(execute_intent("factorial", {20}, &out, nullptr, &error));
  EXPECT_EQ(out, std::vector<int64_t>{2432902008176640000});
}

}  // namespace
}  // namespace anvil::pipeline
