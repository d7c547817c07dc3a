// Calibration of a specialist LM's answers: the halves it fits and measures on, ECE and Brier on
// a case worked by hand, the temperature recovered from answers drawn with a known one, answers
// without a stated confidence, and the JSON and diagram it writes.
#include "anvil/pipeline/lm_calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "anvil/core/error.h"
#include "support/run_cli.h"
#include "support/tiny_lm.h"

namespace anvil::pipeline {
namespace {

AnswerOutcome answer(const std::string& specialist, bool right, double stated, double p) {
  return {specialist, right ? 1.0 : 0.5, stated, std::log(p), ""};
}

// Measured half = each specialist's 2nd, 4th, ... answer: a: (right, 0.9), (wrong, 0.9);
// b: (right, 0.35). Stated confidences 1.0, 1.0, none.
// Answer probability bins: (0.8,0.9]: 2 answers, acc 0.5, conf 0.9; (0.3,0.4]: 1, acc 1, conf 0.35.
// ECE = 2/3 * 0.4 + 1/3 * 0.65 = 0.48333..; Brier = (0.01 + 0.81 + 0.4225) / 3 = 0.414166..
// Stated: 2 answers at 1.0, one right: ECE 0.5, Brier 0.5.
TEST(LmCalibration, EceAndBrierOnTheMeasuredHalfMatchAHandWorkedCase) {
  const std::vector<AnswerOutcome> outcomes = {
      answer("a", true, 1.0, 0.99), answer("a", true, 1.0, 0.9),  answer("b", false, -1, 0.2),
      answer("b", true, -1, 0.35),  answer("a", false, 1.0, 0.5), answer("a", false, 1.0, 0.9)};
  const auto r = calibrate_answers(outcomes);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.fit_records, 3);
  const auto& all = r.rows.back();
  EXPECT_EQ(all.specialist, "overall");
  EXPECT_EQ(all.records, 3);
  EXPECT_NEAR(all.accuracy, 2.0 / 3, 1e-12);
  EXPECT_NEAR(all.probability.ece, 2.0 / 3 * 0.4 + 1.0 / 3 * 0.65, 1e-9);
  EXPECT_NEAR(all.probability.brier, (0.01 + 0.81 + 0.4225) / 3, 1e-9);
  EXPECT_EQ(all.stated.n, 2);
  EXPECT_NEAR(all.stated.ece, 0.5, 1e-12);
  EXPECT_NEAR(all.stated.brier, 0.5, 1e-12);
  EXPECT_EQ(r.rows[0].specialist, "a");
  EXPECT_EQ(r.rows[0].records, 2);
  EXPECT_EQ(r.rows[1].stated.n, 0);  // b wrote no confidence
  EXPECT_THROW(calibrate_answers({outcomes[0]}), Error);
}

// Answers right with probability sigmoid(z / 2.5), where z is the log-odds of the probability
// the model gave them: an over-confident model whose temperature is 2.5.
TEST(LmCalibration, TemperatureRecoversTheOneThatDrewTheOutcomes) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> z_of(3.0, 3.0);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<AnswerOutcome> outcomes;
  for (int i = 0; i < 8000; ++i) {
    const double z = z_of(rng);
    const double p = 1 / (1 + std::exp(-z));
    const bool right = u(rng) < 1 / (1 + std::exp(-z / 2.5));
    outcomes.push_back(answer(i % 3 ? "x" : "y", right, 1.0, p));
  }
  const auto r = calibrate_answers(outcomes);
  EXPECT_NEAR(r.temperature, 2.5, 0.2);
  const auto& all = r.rows.back();
  EXPECT_LT(all.temperature_only.ece, 0.03);
  EXPECT_LT(all.calibrated.ece, 0.04);  // x's and y's own scalings, each on fewer answers
  EXPECT_GT(all.probability.ece, 0.08);
  EXPECT_LT(all.calibrated.brier, all.probability.brier);
  // Same maths as the report: p scaled on its log-odds.
  EXPECT_NEAR(calibrated_confidence(std::log(0.9), 1.0), 0.9, 1e-9);
  EXPECT_NEAR(calibrated_confidence(std::log(0.9), 2.0), 0.75, 1e-9);  // 9^(1/2) / (1 + 3)
}

// copy_drill is an auxiliary skill: its own row is measured, the overall and the temperature's fit
// leave it out (all wrong at 0.95, it would have pulled T up; the task's answers, all right at
// 0.95, pull it below 1).
// Two specialists no one temperature serves: "sure" right 95% of the time at p = 0.999, "shaky"
// right 30% of the time at p = 0.999 too (a temperature maps p > 0.5 above 0.5, so it cannot go
// below). Each gets its own scaling: served confidence near 0.95 and 0.3, overall ECE far below
// the temperature's.
TEST(LmCalibration, EachSpecialistGetsItsOwnScaling) {
  std::vector<AnswerOutcome> outcomes;
  for (int i = 0; i < 400; ++i) {  // i / 2: the fit half (even i) and the measured half alike
    outcomes.push_back(answer("sure", i / 2 % 20 != 0, 1.0, 0.999));
    outcomes.push_back(answer("shaky", i / 2 % 10 < 3, 1.0, 0.999));
  }
  const auto r = calibrate_answers(outcomes);
  ASSERT_EQ(r.specialists.size(), 2u);
  EXPECT_EQ(r.specialists.at("sure").fit_records, 200);
  const auto c = answer_calibration_of(r);
  EXPECT_NEAR(c.confidence(std::log(0.999), "sure"), 0.95, 0.02);
  EXPECT_NEAR(c.confidence(std::log(0.999), "shaky"), 0.30, 0.02);
  EXPECT_GE(c.confidence(std::log(0.999)), 0.5);  // the temperature's, for everyone else
  ASSERT_EQ(r.rows.size(), 3u);                   // shaky, sure, overall
  for (const auto& row : {r.rows[0], r.rows[1]}) {
    EXPECT_LT(row.calibrated.ece, 0.03) << row.specialist;
    EXPECT_GT(row.temperature_only.ece, 0.25) << row.specialist;
  }
  EXPECT_LT(r.rows.back().calibrated.brier, r.rows.back().temperature_only.brier - 0.05);
  EXPECT_NE(format_lm_calibration(r).find("per specialist"), std::string::npos);
  EXPECT_EQ(r.to_json()["specialists"]["shaky"]["fit_records"], 200);
}

TEST(LmCalibration, AuxiliarySpecialistsStayOutOfTheOverallAndTheFit) {
  std::vector<AnswerOutcome> outcomes;
  for (int i = 0; i < 8; ++i) outcomes.push_back(answer("spam_detection", true, 1.0, 0.95));
  for (int i = 0; i < 8; ++i) outcomes.push_back(answer("copy_drill", false, 1.0, 0.95));
  const auto r = calibrate_answers(outcomes);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].specialist, "copy_drill");
  EXPECT_EQ(r.rows[0].records, 4);
  EXPECT_EQ(r.rows.back().records, 4);
  EXPECT_DOUBLE_EQ(r.rows.back().accuracy, 1.0);
  EXPECT_EQ(r.fit_records, 4);
  EXPECT_LT(r.temperature, 1.0);
  // Only auxiliary answers: fitted on them rather than on nothing.
  const auto aux =
      calibrate_answers(std::vector<AnswerOutcome>(outcomes.begin() + 8, outcomes.end()));
  EXPECT_EQ(aux.fit_records, 4);
  EXPECT_GT(aux.temperature, 1.0);
}

TEST(LmCalibration, WritesJsonAndAReliabilityDiagram) {
  std::vector<AnswerOutcome> outcomes;
  for (int i = 0; i < 40; ++i) outcomes.push_back(answer("s", i % 4 != 0, 1.0, 0.6 + 0.01 * i));
  const auto r = calibrate_answers(outcomes);
  const auto j = r.to_json();
  EXPECT_EQ(j["rows"].size(), 2u);
  EXPECT_EQ(j["rows"][1]["specialist"], "overall");
  EXPECT_EQ(j["rows"][1]["stated"]["bins"].size(), 10u);
  EXPECT_NE(format_lm_calibration(r).find("temperature"), std::string::npos);
  anvil::testing::TempDir dir("lm_calibration");
  save_lm_reliability_diagram(r, dir / "r.png");
  EXPECT_EQ(anvil::testing::read_text(dir / "r.png").substr(1, 3), "PNG");
}

// The served confidence measured on every answer with a given temperature, nothing refitted:
// T = 1 leaves p; two answers at 0.8, one right -> ECE |0.8 - 0.5| = 0.3 and Brier (0.04 + 0.64)
// / 2. copy_repeat (auxiliary) has its row but stays out of the overall.
TEST(LmCalibration, ServedConfidenceIsMeasuredOnEveryAnswerWithTheSavedTemperature) {
  const std::vector<AnswerOutcome> outcomes = {answer("a", true, 1.0, 0.8),
                                               answer("a", false, 1.0, 0.8),
                                               answer("copy_repeat", true, 1.0, 0.3)};
  AnswerCalibration c;
  const auto rows = measure_served_confidence(outcomes, c);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].specialist, "copy_repeat");
  const auto& all = rows.back();
  EXPECT_EQ(all.records, 2);
  EXPECT_NEAR(all.calibrated.ece, 0.3, 1e-9);
  EXPECT_NEAR(all.calibrated.brier, (0.04 + 0.64) / 2, 1e-9);
  EXPECT_EQ(all.stated.n, 0);
  c.temperature = 2;  // p = 0.8 -> sigmoid(log 4 / 2) = 2/3: ECE |2/3 - 1/2|
  EXPECT_NEAR(measure_served_confidence(outcomes, c).back().calibrated.ece, 2.0 / 3 - 0.5, 1e-9);
  EXPECT_NE(format_served_confidence(rows, c).find("temperature 2.000"), std::string::npos);
}

// The served confidence counts the tokens before the confidence line (here tokenized apart, so
// the boundary is a token boundary) and is given only for an answer that ended or wrote the line.
TEST(LmCalibration, ServedConfidenceCountsTheAnswerBeforeItsConfidenceLineAndNeedsAnEnd) {
  const auto tok = anvil::testing::tiny_tokenizer({"<|endoftext|>"});
  const std::string answer = R"({"street_number":"400","street":"Greenwood Terrace"})";
  const std::string line = "\n[confidence: 0.97]";
  std::vector<int64_t> ids = tok.encode_text(answer);
  const size_t answer_tokens = ids.size();
  const auto tail = tok.encode_text(line);
  ids.insert(ids.end(), tail.begin(), tail.end());
  std::vector<float> logprobs;
  double answer_lp = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    logprobs.push_back(-0.05f * static_cast<float>(i + 1));
    if (i < answer_tokens) answer_lp += logprobs.back();
  }
  AnswerCalibration c;
  c.temperature = 1.5;
  const auto with_line = served_confidence(c, tok, answer + line, false, ids, logprobs);
  ASSERT_TRUE(with_line.has_value());
  EXPECT_NEAR(*with_line, c.confidence(answer_lp), 1e-6);
  const std::vector<int64_t> answer_ids(ids.begin(), ids.begin() + answer_tokens);
  const auto ended = served_confidence(c, tok, answer, true, answer_ids, logprobs);
  ASSERT_TRUE(ended.has_value());
  EXPECT_NEAR(*ended, c.confidence(answer_lp), 1e-6);
  EXPECT_FALSE(served_confidence(c, tok, answer, false, answer_ids, logprobs).has_value());
  // An answer with spam_detection's fields is served with spam_detection's scaling.
  const std::string spam = R"({"is_spam":false,"signals":[]})";
  const auto spam_ids = tok.encode_text(spam);
  const std::vector<float> spam_lps(spam_ids.size(), -0.01f);
  const double spam_lp = -0.01 * static_cast<double>(spam_ids.size());
  c.specialists["spam_detection"] = {0.5, -1.0, 40};
  const auto scaled = served_confidence(c, tok, spam, true, spam_ids, spam_lps);
  ASSERT_TRUE(scaled.has_value());
  EXPECT_NEAR(*scaled, 1 / (1 + std::exp(-(0.5 * answer_log_odds(spam_lp) - 1.0))), 1e-5);
  EXPECT_NEAR(*scaled, c.confidence(spam_lp, "spam_detection"), 1e-6);
  EXPECT_NE(*scaled, c.confidence(spam_lp));
}

// The model folder keeps the fitted temperature and what it measured; a missing file is "none",
// a malformed one an error naming the file and the key.
TEST(LmCalibration, AModelFolderKeepsItsAnswerCalibration) {
  std::vector<AnswerOutcome> outcomes;
  for (int i = 0; i < 40; ++i) outcomes.push_back(answer("s", i % 4 != 0, 1.0, 0.6 + 0.01 * i));
  const auto report = calibrate_answers(outcomes);
  const auto c = answer_calibration_of(report);
  EXPECT_EQ(c.temperature, report.temperature);
  EXPECT_EQ(c.fit_records, 20);
  EXPECT_EQ(c.measured_records, 20);
  EXPECT_EQ(c.ece_calibrated, report.rows.back().calibrated.ece);
  anvil::testing::TempDir dir("answer_calibration");
  EXPECT_FALSE(load_answer_calibration(dir.path()).has_value());
  save_answer_calibration(c, dir.path());
  const auto back = load_answer_calibration(dir.path());
  ASSERT_TRUE(back.has_value());
  EXPECT_DOUBLE_EQ(back->temperature, c.temperature);
  EXPECT_DOUBLE_EQ(back->ece_probability, c.ece_probability);
  ASSERT_EQ(back->specialists.size(), 1u);  // "s", fitted on 20 answers
  EXPECT_DOUBLE_EQ(back->specialists.at("s").scale, c.specialists.at("s").scale);
  EXPECT_DOUBLE_EQ(back->specialists.at("s").bias, c.specialists.at("s").bias);
  EXPECT_EQ(back->specialists.at("s").fit_records, 20);
  // A version 1 file (no per-specialist scalings) loads with the temperature alone.
  anvil::testing::write_text(dir / kAnswerCalibrationFile,
                             R"({"temperature": 1.5, "fit_records": 2, "measured_records": 2,
                                 "ece_answer_probability": 0.2, "ece_calibrated": 0.1})");
  EXPECT_TRUE(load_answer_calibration(dir.path())->specialists.empty());
  // The confidence: sigmoid(log-odds / T) of the answer probability, worked by hand for p = 0.8.
  AnswerCalibration t2;
  t2.temperature = 2;
  EXPECT_NEAR(t2.confidence(std::log(0.8)), 1 / (1 + std::exp(-std::log(4.0) / 2)), 1e-12);
  for (const auto& [text, key] : std::vector<std::pair<std::string, std::string>>{
           {"{\"temperature\": 1", "not valid JSON"},
           {"{\"fit_records\": 1}", "'temperature'"},
           {"[1, 2]", "'temperature'"},
           {"{\"temperature\": 0}", "positive"},
           {"{\"temperature\": 1, \"fit_records\": -3, "
            "\"measured_records\": 1, "
            "\"ece_answer_probability\": 0, "
            "\"ece_calibrated\": 0}",
            "'fit_records' must be a whole number"},
           {"{\"temperature\": 1, \"fit_records\": 3, \"measured_records\": 1, "
            "\"ece_answer_probability\": 0, \"ece_calibrated\": 0, "
            "\"specialists\": {\"s\": {\"scale\": 1}}}",
            "'specialists.s.bias'"},
           {"{\"temperature\": 1, \"fit_records\": 3, \"measured_records\": 1, "
            "\"ece_answer_probability\": 0, \"ece_calibrated\": 0, \"specialists\": []}",
            "'specialists'"}}) {
    anvil::testing::write_text(dir / kAnswerCalibrationFile, text);
    try {
      load_answer_calibration(dir.path());
      ADD_FAILURE() << text;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(dir / kAnswerCalibrationFile), std::string::npos)
          << e.what();
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace anvil::pipeline
