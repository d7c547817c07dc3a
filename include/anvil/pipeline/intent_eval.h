// Evaluating and using a trained intent classifier: accuracy of every head, end-to-end execution
// accuracy (instantiate the predicted program, run it on the register machine, compare with the
// record's expected output), the worst intents with what they were confused with, and single
// request prediction.
#pragma once

#include <string>
#include <vector>

#include "anvil/data/intent_record.h"
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
  double seconds = 0;
};

IntentEvalReport evaluate_intent_model(models::IntentModel& model,
                                       const std::vector<data::IntentRecord>& records,
                                       int64_t batch_size = 1024);

// A human-readable report; `worst` intents listed in the confusion summary.
std::string format_eval_report(const IntentEvalReport& report, int64_t worst);

struct PredictResult {
  std::string intent;
  float confidence = 0;
  int64_t operand_count = 0;
  std::vector<int64_t> operands;  // operand_count values
  std::string program;            // instantiated program text ("" if the intent has no program)
  std::vector<int64_t> output;    // what the program printed
  std::string error;              // why it could not run, if it could not
  double model_ms = 0;            // latency of the model call
};

std::vector<PredictResult> predict_requests(models::IntentModel& model,
                                            const std::vector<std::string>& texts);

// Runs the built-in program of `intent` on `operands`. Returns false (with `error`) if the intent
// has no built-in program or the run fails.
bool execute_intent(const std::string& intent, const std::vector<int64_t>& operands,
                    std::vector<int64_t>* output, std::string* program, std::string* error);

}  // namespace anvil::pipeline
