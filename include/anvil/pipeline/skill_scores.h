// What three specialists are for, scored beyond their field accuracy: confidence_calibration (do
// ambiguous and unanswerable questions get a low confidence, and clear ones a high one?),
// fact_verification (revision accuracy: the right beliefs retracted and added) and
// context_protocol (the facts a conversation gave in its earlier turns, corrections included, used
// in the final answer). Computed from each held-out answer and its reference.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anvil/pipeline/lm_calibration.h"

namespace anvil::pipeline {

struct SkillScore {
  std::string specialist;  // confidence_calibration, fact_verification or context_protocol
  std::string measure;     // what was counted, e.g. "ambiguous: confidence <= 0.5"
  std::string unit;        // "records" or "facts": what `n` counts
  int64_t n = 0;
  double value = 0;  // a fraction (percent = true) or a mean confidence
  bool percent = true;
};

// Rows for each of the three specialists present in `outcomes` (others are skipped), in the
// order above. An answer that is not a JSON object counts as wrong in every row (and as no
// confidence). Needs every outcome's `reference`.
std::vector<SkillScore> score_skills(const std::vector<AnswerOutcome>& outcomes);

std::string format_skill_scores(const std::vector<SkillScore>& scores);
nlohmann::json skill_scores_to_json(const std::vector<SkillScore>& scores);

}  // namespace anvil::pipeline
