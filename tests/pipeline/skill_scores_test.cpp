// The skill scores of confidence_calibration, fact_verification and context_protocol: a case worked
// by hand for each, and the generators' answers, rewritten in forms their validators accept,
// scoring 100% wherever the validator says every field is right.
#include "anvil/pipeline/skill_scores.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "anvil/core/error.h"
#include "anvil/datagen/specialist.h"
#include "anvil/datagen/specialist_generator.h"
#include "anvil/datagen/specialist_validator.h"

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

TEST(SkillScores, ConfidenceCalibrationByTheReferencesStatus) {
  const std::string kClear =
      R"({"status":"answered","answer":"86","candidates":[],"confidence":0.97})";
  const std::string kAmbiguous =
      R"({"status":"ambiguous","answer":null,"candidates":["a","b"],"confidence":0.5})";
  const std::string kNone =
      R"({"status":"unanswerable","answer":null,"candidates":[],"confidence":0.05})";
  const auto rows = score_skills({
      // Text around the JSON, as models write it.
      outcome("confidence_calibration", kClear, "Sure: " + kClear + " done"),
      // Right status, but confident: its JSON says 0.9 (the line after it says 0.2: the JSON wins).
      outcome("confidence_calibration", kAmbiguous,
              R"({"status":"ambiguous","answer":null,"candidates":["a"],"confidence":0.9})", 0.2),
      // Answered an ambiguous question with 0.55 (within the validator's 0.1 of 0.5, and low).
      outcome("confidence_calibration", kAmbiguous,
              R"({"status":"answered","answer":"7","candidates":[],"confidence":0.55})"),
      // No JSON: wrong everywhere; the stated line (0.3) is the confidence it gave.
      outcome("confidence_calibration", kNone, "I am not sure", 0.3),
      // No JSON and nothing stated: no confidence at all.
      outcome("confidence_calibration", kNone, "no idea"),
      outcome("spam_detection", R"({"is_spam":false,"signals":[]})",
              R"({"is_spam":false,"signals":[]})"),
  });
  const auto m = rows_of(rows, "confidence_calibration");
  EXPECT_DOUBLE_EQ(m.at("answered: status right"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("answered: confidence right (+-0.1)"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("answered: confidence high (>= 0.75)"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("answered: mean confidence given"), 0.97);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: status right"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: confidence right (+-0.1)"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: confidence low (< 0.75)"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: mean confidence given"), (0.9 + 0.55) / 2);
  EXPECT_DOUBLE_EQ(m.at("ambiguous: mean confidence of the reference"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("unanswerable: status right"), 0.0);
  EXPECT_DOUBLE_EQ(m.at("unanswerable: confidence low (< 0.75)"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("unanswerable: mean confidence given"), 0.3);  // one of two gave one
  for (const auto& r : rows) EXPECT_NE(r.specialist, "spam_detection");
  const std::string table = format_skill_scores(rows);
  EXPECT_NE(table.find("ambiguous: confidence low (< 0.75)"), std::string::npos) << table;
  EXPECT_NE(table.find("50.0%  of 2 records"), std::string::npos) << table;
  // A reference that is not the specialist's answer is a broken record, not a wrong answer.
  EXPECT_THROW(score_skills({outcome("confidence_calibration", "{}", kClear)}), Error);
}

TEST(SkillScores, RevisionAccuracyNeedsEveryFieldAndIsSplitByWhetherTheEvidenceChangesBeliefs) {
  const std::string kChanges =
      R"({"revised_beliefs":["X new.","Y."],"retracted":["B1"],"added":["Z."]})";
  const std::string kNothing = R"({"revised_beliefs":["X.","Y."],"retracted":[],"added":[]})";
  const auto rows = score_skills({
      // Sets in another order, a sentence without its final dot: right for the validator.
      outcome("fact_verification", kChanges,
              R"({"revised_beliefs":["Y.","X new"],"retracted":["B1"],"added":["Z."]})"),
      // The right ids retracted, but the old belief kept: not a revision.
      outcome("fact_verification", kChanges,
              R"({"revised_beliefs":["X.","Y."],"retracted":["B1"],"added":["Z."]})"),
      outcome("fact_verification", kNothing,
              R"({"revised_beliefs":["X.","Y."],"retracted":[],"added":[]})"),
      // Hearsay adopted.
      outcome("fact_verification", kNothing,
              R"({"revised_beliefs":["X.","Y."],"retracted":[],"added":["Rumor."]})"),
  });
  const auto m = rows_of(rows, "fact_verification");
  EXPECT_DOUBLE_EQ(m.at("revision accuracy (beliefs, retracted, added)"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("  where the evidence changes beliefs"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("  where it changes nothing"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("revised beliefs right"), 0.75);
  EXPECT_DOUBLE_EQ(m.at("retracted right"), 1.0);
  EXPECT_DOUBLE_EQ(m.at("added right"), 0.75);
}

TEST(SkillScores, ContextFactsAreCountedApartFromTheComputedTotal) {
  const std::string kRef =
      R"({"customer":"David Adams","item":"Cordless Drill","quantity":9,"unit_price":25.50,)"
      R"("ship_to":"Nashville","reference":"R-08973","total":229.50})";
  const auto rows = score_skills({
      // Numbers as text, as the validator accepts them.
      outcome(
          "context_protocol", kRef,
          R"({"customer":"David Adams","item":"Cordless Drill","quantity":"9",)"
          R"("unit_price":"$25.50","ship_to":"Nashville","reference":"R-08973","total":229.5})"),
      // The quantity before the correction (2), so the total is wrong too.
      outcome("context_protocol", kRef,
              R"({"customer":"David Adams","item":"Cordless Drill","quantity":2,"unit_price":25.5,)"
              R"("ship_to":"Nashville","reference":"R-08973","total":51.00})"),
  });
  const auto m = rows_of(rows, "context_protocol");
  EXPECT_DOUBLE_EQ(m.at("facts from earlier turns right"), 11.0 / 12);
  EXPECT_DOUBLE_EQ(m.at("every earlier fact right"), 0.5);
  EXPECT_DOUBLE_EQ(m.at("total right"), 0.5);
  for (const auto& r : rows)
    if (r.measure == "facts from earlier turns right") EXPECT_EQ(r.n, 12);
}

// The generator's answer rewritten as a model may write it: indented, its arrays reversed, text
// around it.
std::string rewritten(const std::string& response) {
  auto j = nlohmann::json::parse(response);
  for (auto& [key, value] : j.items())
    if (value.is_array()) std::reverse(value.begin(), value.end());
  return "Here you go:\n" + j.dump(2) + "\nHope that helps.";
}

// Wherever the validator scores every field right, every "right" row is 100% and the confidences
// fall on the right side; every status and both kinds of evidence occur in 300 records.
TEST(SkillScores, TheGeneratorsAnswersRewrittenScoreFullWhereTheValidatorDoes) {
  std::vector<AnswerOutcome> outcomes;
  for (const char* name : {"confidence_calibration", "fact_verification", "context_protocol"}) {
    const auto* spec = datagen::find_specialist(name);
    ASSERT_NE(spec, nullptr) << name;
    for (uint64_t i = 0; i < 300; ++i) {
      datagen::Example ex;
      datagen::generate_specialist_example(*spec, 11, i, &ex);
      outcomes.push_back(outcome(name, ex.response, rewritten(ex.response)));
      ASSERT_DOUBLE_EQ(datagen::score_output(*spec, ex.response, outcomes.back().answer).score, 1)
          << outcomes.back().answer;
    }
  }
  const auto rows = score_skills(outcomes);
  ASSERT_EQ(rows.size(), 15u + 6u + 3u);
  for (const auto& r : rows) {
    EXPECT_GE(r.n, 10) << r.specialist << ": " << r.measure;
    if (r.fraction) EXPECT_DOUBLE_EQ(r.value, 1.0) << r.specialist << ": " << r.measure;
  }
  const auto m = rows_of(rows, "confidence_calibration");
  EXPECT_NEAR(m.at("answered: mean confidence given"), 0.97, 1e-12);
  EXPECT_NEAR(m.at("unanswerable: mean confidence given"), 0.05, 1e-12);
  EXPECT_NEAR(m.at("ambiguous: mean confidence given"),
              m.at("ambiguous: mean confidence of the reference"), 1e-12);
  const auto j = skill_scores_to_json(rows);
  ASSERT_EQ(j.size(), rows.size());
  EXPECT_EQ(j[0]["kind"], "fraction");
  EXPECT_EQ(j[3]["kind"], "mean");  // answered: mean confidence given
}

}  // namespace
}  // namespace anvil::pipeline
