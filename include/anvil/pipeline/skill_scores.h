// What three specialists are for, scored beyond their field accuracy: confidence_calibration (do
// ambiguous and unanswerable questions get a low confidence, and clear ones a high one?),
// fact_verification (revision accuracy: the revised beliefs, the retracted and the added all
// right, apart for evidence that changes something and evidence that changes nothing) and
// context_protocol (the facts a conversation gave in its earlier turns, used in the final
// answer). Each field is judged by the specialist's own validator (datagen/specialist_validator.h),
// so these scores agree with field accuracy on every answer.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anvil/pipeline/lm_calibration.h"

namespace anvil::pipeline {

// One measure of one skill over `n` records or facts.
struct SkillScore {
  std::string specialist;  // confidence_calibration, fact_verification or context_protocol
  std::string measure;     // what was counted, e.g. "ambiguous: confidence low (< 0.75)"
  std::string unit;        // "records" or "facts": what `n` counts
  int64_t n = 0;
  double value = 0;  // a fraction when `fraction`, else a mean confidence
  bool fraction = true;
};

// Answers at or above this confidence count as high, below it as low: the gap between the
// confidence_calibration generator's clear answers (0.97) and its ambiguous (1/k <= 0.5) and
// unanswerable (0.05) ones.
inline constexpr double kHighConfidence = 0.75;

// Rows for each of the three specialists present in `outcomes` (others are skipped), in the order
// above; rows that would count nothing are left out. Needs every outcome's `reference`; throws
// anvil::Error for a reference that is not its specialist's answer. An answer without a JSON
// object is wrong in every row; the confidence it gave is its JSON "confidence", else the line
// written after it, else none (neither low nor high).
std::vector<SkillScore> score_skills(const std::vector<AnswerOutcome>& outcomes);

// A table, one row per line ("" when `scores` is empty).
std::string format_skill_scores(const std::vector<SkillScore>& scores);

// [{"specialist", "measure", "unit", "n", "value", "kind": "fraction" or "mean"}, ...]
nlohmann::json skill_scores_to_json(const std::vector<SkillScore>& scores);

}  // namespace anvil::pipeline
