// How far a specialist language model's confidence can be trusted: for each held-out answer, the
// confidence the model wrote after it ("[confidence: X]") and the probability it gave its own
// greedy answer, against whether every field came out right. Measured as expected calibration
// error (10 bins), Brier score and a reliability diagram, per specialist and overall; and the
// answer probability made calibrated by temperature scaling (one scalar T on its log-odds) fitted
// on half of the records and measured on the other half.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "anvil/models/calibration.h"
#include "anvil/tokenize/tokenizer.h"

namespace anvil::pipeline {

// One generated answer, as the evaluation saw it.
struct AnswerOutcome {
  std::string specialist;
  double score = 0;     // the validator's field score
  double stated = -1;   // the confidence written after the answer; -1 when the model wrote none
  double log_prob = 0;  // sum of the answer tokens' log-probabilities
  std::string answer;   // the generated answer (kept on the rank that generated it)
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
  ConfidenceFit stated, probability, calibrated;
};

struct LmCalibrationReport {
  double temperature = 1;  // on the answer probability's log-odds, fitted on the other half
  int64_t fit_records = 0;
  std::vector<CalibrationRow> rows;  // per specialist (sorted), then "overall" (without auxiliary
                                     // specialists such as copy_drill)

  nlohmann::json to_json() const;
};

// The answer probability exp(log_prob) scaled by `temperature` on its log-odds (kept within
// [-50, 50]): sigmoid(clamp(log(p / (1 - p))) / temperature).
double calibrated_confidence(double log_prob, double temperature);

// Fits the temperature on each specialist's outcomes 0, 2, 4, ... (the tasks' only, when there
// are any: not copy_drill's or copy_repeat's) and measures every signal on 1, 3, 5, ... Throws
// anvil::Error for fewer than 2 outcomes.
LmCalibrationReport calibrate_answers(const std::vector<AnswerOutcome>& outcomes);

std::string format_lm_calibration(const LmCalibrationReport& report);

// The log-probability of an answer: the sum over the generated tokens whose text starts inside its
// first `answer_bytes` bytes (the text before the confidence line), so evaluation, which lets the
// model write that line, and a server, which stops before it, give the same value.
double answer_log_prob(const tokenize::Tokenizer& tok, size_t answer_bytes,
                       const std::vector<int64_t>& ids, const std::vector<float>& logprobs);

// What a trained model's folder keeps of its calibration (kAnswerCalibrationFile), so whatever
// serves it can give each answer a calibrated confidence: the temperature and what it measured.
struct AnswerCalibration {
  double temperature = 1;
  int64_t fit_records = 0, measured_records = 0;
  double ece_probability = 0, ece_calibrated = 0;  // overall, on the measured half

  double confidence(double log_prob) const { return calibrated_confidence(log_prob, temperature); }
  static AnswerCalibration from_report(const LmCalibrationReport& report);
};

inline constexpr const char* kAnswerCalibrationFile = "answer_calibration.json";

// Every answer's confidence under a model's saved calibration, measured on all of them (nothing
// refitted): per specialist (sorted), then "overall" without auxiliary specialists. Rows fill
// `probability` (raw) and `calibrated` (served); `stated` is left empty.
std::vector<CalibrationRow> measure_served_confidence(const std::vector<AnswerOutcome>& outcomes,
                                                      const AnswerCalibration& calibration);
std::string format_served_confidence(const std::vector<CalibrationRow>& rows,
                                     const AnswerCalibration& calibration);

// The confidence served with a generated `text`: the calibrated probability of its tokens up to
// its confidence line if it wrote one (a completion may; a chat answer stops before it), as
// evaluation measures it. None for an answer that neither `ended` (a stop token or string) nor
// wrote that line: the probability of an answer cut off by the token limit is a part's.
std::optional<double> served_confidence(const AnswerCalibration& calibration,
                                        const tokenize::Tokenizer& tok, const std::string& text,
                                        bool ended, const std::vector<int64_t>& ids,
                                        const std::vector<float>& logprobs);

// Writes MODEL_DIR/answer_calibration.json atomically.
void save_answer_calibration(const AnswerCalibration& c, const std::string& model_dir);
// The folder's calibration, or nullopt when it has none (a model not evaluated, a GGUF file).
// Throws anvil::Error naming the file and the key when the file is malformed.
std::optional<AnswerCalibration> load_answer_calibration(const std::string& model_dir);

// Accuracy against confidence per bin, overall: stated, answer probability, calibrated (.png/.svg).
void save_lm_reliability_diagram(const LmCalibrationReport& report, const std::string& path);

}  // namespace anvil::pipeline
