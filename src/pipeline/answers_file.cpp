// The answers file of `anvil eval --answers` (pipeline/answers_file.h).
#include "anvil/pipeline/answers_file.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "anvil/core/fs.h"
#include "anvil/core/json_text.h"

namespace anvil::pipeline {

std::string answer_json_line(const AnswerOutcome& outcome,
                             const std::optional<AnswerCalibration>& calibration) {
  nlohmann::json j = {
      {"specialist", outcome.specialist},
      {"answer", outcome.answer},
      {"reference", outcome.reference},
      {"score", outcome.score},
      {"stated_confidence", outcome.stated >= 0 ? nlohmann::json(outcome.stated) : nullptr},
      {"answer_probability", std::exp(outcome.log_prob)},
      {"answer_log_prob", outcome.log_prob}};
  if (calibration)
    j["served_confidence"] = calibration->confidence_of_answer(outcome.log_prob, outcome.answer);
  return dump_json_replacing_invalid_utf8(j);
}

void write_answers_file(const std::string& path, const std::vector<AnswerOutcome>& outcomes,
                        const std::optional<AnswerCalibration>& calibration) {
  std::string out;
  for (const auto& o : outcomes) out += answer_json_line(o, calibration) + "\n";
  write_file_atomic(path, out);
}

}  // namespace anvil::pipeline
