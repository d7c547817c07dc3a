// What a trained specialist model keeps of its calibration, and how it is applied to an answer:
// the temperature fitted on its held-out answers (lm_calibration.h), saved in the model folder as
// answer_calibration.json, and the calibrated confidence of one generated answer, as `anvil serve`
// returns it and `anvil eval` measures it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/tokenize/tokenizer.h"

namespace anvil::pipeline {

// log(p / (1 - p)) of p = exp(log_prob), kept within [-50, 50] (finite for sure answers).
double answer_log_odds(double log_prob);

// The answer probability exp(log_prob) scaled by `temperature` on its log-odds (kept within
// [-50, 50]): sigmoid(clamp(log(p / (1 - p))) / temperature).
double calibrated_confidence(double log_prob, double temperature);

// The log-probability of an answer: the sum over the generated tokens whose text starts inside its
// first `answer_bytes` bytes (the text before the confidence line), so evaluation, which lets the
// model write that line, and a server, which stops before it, give the same value.
double answer_log_prob(const tokenize::Tokenizer& tok, size_t answer_bytes,
                       const std::vector<int64_t>& ids, const std::vector<float>& logprobs);

// Per-specialist scaling of an answer's log-odds: confidence sigmoid(scale * log-odds + bias).
struct AnswerScaling {
  double scale = 1, bias = 0;
  int64_t fit_records = 0;
};

// What a trained model's folder keeps of its calibration (kAnswerCalibrationFile), so whatever
// serves it can give each answer a calibrated confidence: one temperature over all answers, and a
// scaling per specialist fitted on that specialist's answers (one temperature cannot serve a
// specialist right 40% of the time and one right 99% of the time), and what they measured.
struct AnswerCalibration {
  double temperature = 1;
  std::map<std::string, AnswerScaling> specialists;
  int64_t fit_records = 0, measured_records = 0;
  double ece_probability = 0, ece_calibrated = 0;  // overall, on the measured half

  // By the temperature alone.
  double confidence(double log_prob) const { return calibrated_confidence(log_prob, temperature); }
  // By `specialist`'s scaling when it has one, else the temperature.
  double confidence(double log_prob, const std::string& specialist) const;
  // By the scaling of the specialist whose fields the JSON in `answer` carries
  // (datagen::specialist_of_answer), else the temperature: what a server gives an answer.
  double confidence_of_answer(double log_prob, std::string_view answer) const;
};

inline constexpr const char* kAnswerCalibrationFile = "answer_calibration.json";

// The confidence served with a generated `text`: the calibrated probability of its tokens up to
// its confidence line if it wrote one (a completion may; a chat answer stops before it), as
// evaluation measures it, scaled for the specialist whose fields its JSON answer carries
// (datagen::specialist_of_answer; the temperature when none). None for an answer that neither
// `ended` (a stop token or string) nor wrote that line: the probability of an answer cut off by
// the token limit is a part's.
std::optional<double> served_confidence(const AnswerCalibration& calibration,
                                        const tokenize::Tokenizer& tok, const std::string& text,
                                        bool ended, const std::vector<int64_t>& ids,
                                        const std::vector<float>& logprobs);

// Writes MODEL_DIR/answer_calibration.json atomically.
void save_answer_calibration(const AnswerCalibration& c, const std::string& model_dir);
// The folder's calibration, or nullopt when it has none (a model not evaluated) or `model_dir`
// is not a folder (a GGUF file).
// Throws anvil::Error naming the file and the key when the file is malformed.
std::optional<AnswerCalibration> load_answer_calibration(const std::string& model_dir);

}  // namespace anvil::pipeline
