// Evaluating and using a trained intent classifier: accuracy of every head, end-to-end execution
// accuracy (instantiate the predicted program, run it on the register machine, compare with the
// record's expected output), the worst intents with what they were confused with, calibration
// (ECE before/after the model's temperature, reliability bins) and abstention (coverage and
// accuracy on the answered requests; the catch rate on out-of-domain requests), and single
// request prediction, which abstains rather than guess (abstention.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "anvil/data/intent_record.h"
#include "anvil/datagen/out_of_domain.h"
#include "anvil/models/calibration.h"
#include "anvil/models/intent_model.h"

namespace anvil::pipeline {

struct IntentStat {
  std::string intent;
  int64_t total = 0;
  int64_t correct = 0;
  std::string confused_with;  // most frequent wrong prediction ("" if none)
  int64_t confused_count = 0;
  double accuracy() const { return total ? static_cast<double>(correct) / total : 0.0; }
};

struct IntentEvalReport {
  int64_t records = 0;
  double intent_acc = 0, count_acc = 0, operand_acc = 0, execution_acc = 0;
  std::vector<IntentStat> per_intent;  // sorted worst first
  // Calibration of the intent head (10 bins): at temperature 1 and at the model's temperature.
  double ece_raw = 0, ece_calibrated = 0;
  std::vector<models::ReliabilityBin> reliability_raw, reliability_calibrated;
  // Abstention at the model's threshold: the fraction answered, and accuracy on those.
  double coverage = 1, answered_intent_acc = 0, answered_execution_acc = 0;
  double threshold = 0;
  double seconds = 0;
};

IntentEvalReport evaluate_intent_model(models::IntentModel& model,
                                       const std::vector<data::IntentRecord>& records,
                                       int64_t batch_size = 1024);

// A human-readable report; `worst` intents listed in the confusion summary.
std::string format_eval_report(const IntentEvalReport& report, int64_t worst);

// The reliability diagram (accuracy against confidence per bin, raw and calibrated, with the
// diagonal) as a .png or .svg chart.
void save_reliability_diagram(const IntentEvalReport& report, const std::string& path);

struct OodEvalReport {
  struct Category {
    std::string name;
    int64_t total = 0, abstained = 0;
  };
  std::vector<Category> categories;  // in OodCategory order; empty ones left out
  int64_t total = 0, abstained = 0;
  double catch_rate() const { return total ? static_cast<double>(abstained) / total : 0.0; }
};

// How many of `requests` the model abstains on, per category, at its threshold.
OodEvalReport evaluate_out_of_domain(models::IntentModel& model,
                                     const std::vector<datagen::OodRequest>& requests);
std::string format_ood_report(const OodEvalReport& report);

struct PredictResult {
  std::string intent;
  float confidence = 0;                                 // calibrated
  bool abstained = false;                               // "not understood": nothing was run
  std::string abstain_reason;                           // why (abstention.h)
  std::vector<std::pair<std::string, double>> guesses;  // the best 3 intents, calibrated
  std::string normalised_text;  // the request as read, when digits of another script were
                                // normalised to ASCII ("" otherwise)
  int64_t operand_count = 0;
  std::vector<int64_t> operands;  // operand_count values
  std::string program;            // instantiated program text ("" if the intent has no program)
  std::vector<int64_t> output;    // what the program printed
  std::string error;    // why it could not run (integer overflow, a number too large, ...)
  double model_ms = 0;  // latency of the model call
};

// Judges each request (abstention.h); runs the program of those it answers. A number in the
// request that does not fit in int64 is an error, not an operand.
std::vector<PredictResult> predict_requests(models::IntentModel& model,
                                            const std::vector<std::string>& texts);

// Runs the built-in program of `intent` on `operands`. Returns false (with `error`) if the intent
// has no built-in program or the run fails.
bool execute_intent(const std::string& intent, const std::vector<int64_t>& operands,
                    std::vector<int64_t>* output, std::string* program, std::string* error);

}  // namespace anvil::pipeline
