// The answers file of `anvil eval --answers`: one JSON line per generated answer, beside the
// record's own answer, with its validator score and confidences, for reading what went wrong.
// A byte-level model can stop inside a UTF-8 character or emit continuation bytes out of order;
// such bytes are written as U+FFFD, so every line is valid JSON whatever the model wrote.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "anvil/pipeline/answer_calibration.h"
#include "anvil/pipeline/lm_calibration.h"

namespace anvil::pipeline {

// {"specialist", "answer", "reference", "score", "stated_confidence" (null when none was
// written), "answer_probability", "answer_log_prob"} and "served_confidence" when the model
// carries a calibration; no newline.
std::string answer_json_line(const AnswerOutcome& outcome,
                             const std::optional<AnswerCalibration>& calibration);

// Every outcome's line, each ended by a newline, written atomically to `path`.
void write_answers_file(const std::string& path, const std::vector<AnswerOutcome>& outcomes,
                        const std::optional<AnswerCalibration>& calibration);

}  // namespace anvil::pipeline
