// The answers file of `anvil eval --answers` (pipeline/answers_file.h).
#include "anvil/pipeline/answers_file.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "anvil/core/fs.h"

namespace anvil::pipeline {

std::string answer_json_line(const AnswerOutcome& o,
                             const std::optional<AnswerCalibration>& calibration) {
  nlohmann::json j = {{"specialist", o.specialist},
                      {"answer", o.answer},
                      {"reference", o.reference},
                      {"score", o.score},
                      {"stated_confidence", o.stated >= 0 ? nlohmann::json(o.stated) : nullptr},
                      {"answer_probability", std::exp(o.log_prob)},
                      {"answer_log_prob", o.log_prob}};
  if (calibration) j["served_confidence"] = calibration->confidence_of_answer(o.log_prob, o.answer);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_answers_file(const std::string& path, const std::vector<AnswerOutcome>& outcomes,
                        const std::optional<AnswerCalibration>& calibration) {
  std::string out;
  for (const auto& o : outcomes) out += answer_json_line(o, calibration) + "\n";
  write_file_atomic(path, out);
}

}  // namespace anvil::pipeline
