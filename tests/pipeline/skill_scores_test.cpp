// The skill scores of confidence_calibration, fact_verification and context_protocol: a case worked
// by hand for each, and the generators' own answers scoring 100% on records of every kind.
#include "anvil/pipeline/skill_scores.h"

#include <gtest/gtest.h>

#include <map>

#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"

namespace anvil::pipeline {
namespace {

AnswerOutcome outcome(const std::string& specialist, const std::string& reference,
                      const std::string& answer, double stated = -1) {
  AnswerOutcome o;
  o.specialist = specialist;
  o.reference = reference;
  o.answer = answer;
  o.stated = stated;
  return o;
}

// measure -> value, for one specialist's rows.
std::map<std::string, double> rows_of(const std::vector<SkillScore>& rows,
                                      const std::string& specialist) {
  std::map<std::string, double> m;
  for (const auto& r : rows)
    if (r.specialist == specialist) m[r.measure] = r.value;
  return m;
}

TEST(SkillScores, ConfidenceCalibrationByReferenceStatus) {
  const std::string kClear =
      R"({"status":"answered","answer":"86","candidates":[],"confidence":0.97})";
  const std::string kAmbiguous =
      R"({"status":"ambiguous","answer":null,"candidates":["a","b"],"confidence":0.5})";
  const std::string kNone =
      R"({"status":"unanswerable","answer":null,"candidates":[],"confidence":0.05})";
  const auto rows = score_skills({
      outcome("confidence_calibration", kClear, kClear),
      // Right status, but confident: its JSON says 0.9 (the line after it says 0.2: the JSON wins).
      outcome("confidence_calibration", kAmbiguous,
              R"({"status":"ambiguous","answer":null,"candidates":["a"],"confidence":0.9})", 0.2),
      // Answered an ambiguous question; no JSON confidence, the stated line 0.4 is used.
      outcome("confidence_calibration", kAmbiguous, R"({"status":"answered","answer":"7"})", 0.4),
      // Not JSON, no stated confidence: wrong status, no confidence.
      outcome("confidence_calibration", kNone, "I am not sure"),
      outcome("spam_detection", R"({"is_spam":false})", R"({"is_spam":false})"),
  });
  const auto m = rows_of(rows, "confidence_calibration");
  EXPECT_DOUBLE_EQ(m.at("answered: status right"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("answered: mean confidence given"), 0.97);
  EXPECT_DOUBLE_EQ(m.at("answered: confidence <= 0.5"), 0.0);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: status right"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: mean confidence given"), (0.9 + 0.4) / 2);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: confidence <= 0.5"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("unanswerable: status right"), 0.0);
  EXPECT_DOUBLE_EQ(m.at("unanswerable: confidence <= 0.5"), 0.0);
  EXPECT_EQ(m.count("unanswerable: mean confidence given"), 0u);  // none was given
  for (const auto& r : rows) EXPECT_NE(r.specialist, "spam_detection");
  const std::string table = format_skill_scores(rows);
  EXPECT_NE(table.find("ambiguous: confidence <= 0.5"), std::string::npos) << table;
  EXPECT_NE(table.find("50.0%  of 2 records"), std::string::npos) << table;
}

TEST(SkillScores, RevisionAccuracyNeedsRetractedAndAddedBothRightAsSets) {
  const std::string kRef =
      R"({"revised_beliefs":["X.","Y."],"retracted":["B1","B5"],"added":["Y."]})";
  const auto rows = score_skills({
      outcome("fact_verification", kRef,
              R"({"revised_beliefs":["Y.","X."],"retracted":["B5","B1"],"added":["Y."]})"),
      outcome("fact_verification", kRef,
              R"({"revised_beliefs":["X."],"retracted":["B1","B5"],"added":[]})"),
      outcome("fact_verification", kRef, R"({"revised_beliefs":["X.","Y."],"retracted":["B1"]})"),
      outcome("fact_verification", kRef, "[1, 2]"),
  });
  const auto m = rows_of(rows, "fact_verification");
  EXPECT_DOUBLE_EQ(m.at("revision accuracy (retracted and added exact)"), 0.25);
  EXPECT_DOUBLE_EQ(m.at("retracted exact"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("added exact"), 0.25);
  EXPECT_DOUBLE_EQ(m.at("revised belief set exact"), 0.5);
}

TEST(SkillScores, ContextFactsAreCountedApartFromTheComputedTotal) {
  const std::string kRef =
      R"({"customer":"David Adams","item":"Cordless Drill","quantity":9,"unit_price":25.50,)"
      R"("ship_to":"Nashville","reference":"R-08973","total":229.50})";
  const auto rows = score_skills({
      outcome("context_protocol", kRef, kRef),
      // The quantity before the correction (2), so the total is wrong too; the city's case differs.
      outcome("context_protocol", kRef,
              R"({"customer":"David Adams","item":"Cordless Drill","quantity":2,"unit_price":25.5,)"
              R"("ship_to":"nashville","reference":"R-08973","total":51.00})"),
  });
  const auto m = rows_of(rows, "context_protocol");
  EXPECT_DOUBLE_EQ(m.at("facts from earlier turns right"), 11.0 / 12);
  EXPECT_DOUBLE_EQ(m.at("every earlier fact right"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("total computed from them right"), 0.5);
  for (const auto& r : rows)
    if (r.measure == "facts from earlier turns right") EXPECT_EQ(r.n, 12);
}

// The generators' answers are the references: every row of the three is 100% (the "low
// confidence" rows aside: the generator's ambiguous/unanswerable confidences are all <= 0.5 and
// its clear ones 0.97), and every status occurs in 200 records.
TEST(SkillScores, TheGeneratorsOwnAnswersScoreFull) {
  std::vector<AnswerOutcome> outcomes;
  for (const char* name : {"confidence_calibration", "fact_verification", "context_protocol"}) {
    const auto* spec = datagen::find_specialist(name);
    ASSERT_NE(spec, nullptr) << name;
    for (uint64_t i = 0; i < 200; ++i) {
      datagen::Example ex;
      datagen::generate_specialist_example(*spec, 11, i, &ex);
      outcomes.push_back(outcome(name, ex.response, ex.response));
    }
  }
  const auto rows = score_skills(outcomes);
  ASSERT_EQ(rows.size(), 9u + 4u + 3u);
  for (const auto& r : rows) {
    if (!r.percent) continue;
    const bool answered_low = r.measure == "answered: confidence <= 0.5";
    const bool other_low = r.measure.find("confidence <= 0.5") != std::string::npos;
    EXPECT_DOUBLE_EQ(r.value, answered_low ? 0.0 : 1.0) << r.specialist << ": " << r.measure;
    if (other_low) EXPECT_GT(r.n, 0) << r.measure;
  }
  EXPECT_EQ(skill_scores_to_json(rows).size(), rows.size());
}

}  // namespace
}  // namespace anvil::pipeline
