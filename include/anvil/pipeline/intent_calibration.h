// Fitting an intent model's calibration after training: the temperature on half of the
// validation split (ECE before/after measured on the other half), the abstention threshold on the
// in-domain validation requests for a target false-abstain rate, and the catch rate on a
// generated out-of-domain set that training never saw (datagen/out_of_domain.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anvil/data/intent_record.h"
#include "anvil/models/intent_model.h"

namespace anvil {
class Config;
}

namespace anvil::pipeline {

struct CalibrationOptions {
  bool enabled = true;
  double target_false_abstain = 0.005;  // eval.false_abstain_target
  int64_t ood_n = 2000;                 // eval.ood_n: generated out-of-domain requests
  uint64_t ood_seed = 4242;             // eval.ood_seed

  static CalibrationOptions from_config(const Config& config);
  void validate() const;  // throws naming the key and value
};

// Fits and returns the calibration of `model` (which it leaves in eval mode, calibration unset)
// from its `validation` records (in-domain and "none" records alike).
models::Calibration calibrate_intent_model(models::IntentModel& model,
                                           const std::vector<data::IntentRecord>& validation,
                                           const CalibrationOptions& options);

// "ECE 0.041 -> 0.012 (T = 1.62); threshold 0.731: abstains on 0.9% of in-domain requests,
// catches 99.4% of out-of-domain ones"
std::string format_calibration(const models::Calibration& calibration);

}  // namespace anvil::pipeline
