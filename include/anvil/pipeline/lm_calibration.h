// How far a specialist language model's confidence can be trusted: for each held-out answer, the
// confidence the model wrote after it ("[confidence: X]") and the probability it gave its own
// greedy answer, against whether every field came out right. Measured as expected calibration
// error (10 bins), Brier score and a reliability diagram, per specialist and overall; and the
// answer probability made calibrated by temperature scaling (one scalar T on its log-odds) fitted
// on half of the records and measured on the other half.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "anvil/models/calibration.h"
#include "anvil/pipeline/answer_calibration.h"

namespace anvil::pipeline {

// One generated answer, as the evaluation saw it.
struct AnswerOutcome {
  std::string specialist;
  double score = 0;       // the validator's field score
  double stated = -1;     // the confidence written after the answer; -1 when the model wrote none
  double log_prob = 0;    // sum of the answer tokens' log-probabilities
  std::string answer;     // the generated answer (kept on the rank that generated it)
  std::string reference;  // the record's own answer (on every rank)
  bool correct() const { return score >= 1.0; }
};

// One confidence signal measured on a set of answers.
struct ConfidenceFit {
  int64_t n = 0;  // answers that carried this signal
  double ece = 0, brier = 0;
  std::vector<models::ReliabilityBin> bins;
};

struct CalibrationRow {
  std::string specialist;  // or "overall"
  int64_t records = 0;     // in the measured half
  double accuracy = 0;     // all fields right
  // The model's stated confidence, its answer probability, that probability scaled by the one
  // temperature, and as served: scaled for the specialist its answer's fields name.
  ConfidenceFit stated, probability, temperature_only, calibrated;
};

struct LmCalibrationReport {
  double temperature = 1;  // on the answer probability's log-odds, fitted on the other half
  std::map<std::string, AnswerScaling> specialists;  // fitted on each one's half (>= 8 answers)
  int64_t fit_records = 0;
  std::vector<CalibrationRow> rows;  // per specialist (sorted), then "overall" (without auxiliary
                                     // specialists such as copy_drill)

  nlohmann::json to_json() const;
};

// What a model folder keeps of `report`: its temperature and overall ECEs.
AnswerCalibration answer_calibration_of(const LmCalibrationReport& report);

// Fits the temperature on each specialist's outcomes 0, 2, 4, ... (the tasks' only, when there
// are any: not the auxiliary drills'), and on the same outcomes a scaling per task
// specialist with at least 8 of them, and measures every signal on 1, 3, 5, ... (served: scaled
// for the specialist whose fields the answer carries). Throws anvil::Error for fewer than 2
// outcomes.
LmCalibrationReport calibrate_answers(const std::vector<AnswerOutcome>& outcomes);

std::string format_lm_calibration(const LmCalibrationReport& report);

// Every answer's confidence under a model's saved calibration, measured on all of them (nothing
// refitted): per specialist (sorted), then "overall" without auxiliary specialists. Rows fill
// `probability` (raw), `temperature_only` and `calibrated` (served); `stated` is left empty.
std::vector<CalibrationRow> measure_served_confidence(const std::vector<AnswerOutcome>& outcomes,
                                                      const AnswerCalibration& calibration);
std::string format_served_confidence(const std::vector<CalibrationRow>& rows,
                                     const AnswerCalibration& calibration);

// Accuracy against confidence per bin, overall: stated, answer probability, calibrated (.png/.svg).
void save_lm_reliability_diagram(const LmCalibrationReport& report, const std::string& path);

}  // namespace anvil::pipeline
