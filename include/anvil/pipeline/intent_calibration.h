// Fitting an intent model's calibration after training: the temperature on half of the
// validation split (ECE before/after measured on the other half), the abstention threshold between
// the in-domain validation requests (capped by a target false-abstain rate) and a fresh draw of
// the out-of-domain kinds training used as negatives (seed eval.ood_seed + 1; with eval.ood_n 0
// the ceiling alone), and the catch rate on a generated out-of-domain set that training never saw
// (datagen/out_of_domain.h). A router's own specialists' prompts are not out of its domain.
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
  int64_t ood_n = 2000;                 // eval.ood_n: generated out-of-domain requests (each draw)
  uint64_t ood_seed = 4242;             // eval.ood_seed

  static CalibrationOptions from_config(const Config& config);
  void validate() const;  // throws naming the key and value
};

// Fits and returns the calibration of `model` (which it leaves in eval mode, calibration unset)
// from its `validation` records (in-domain and "none" records alike).
models::Calibration calibrate_intent_model(models::IntentModel& model,
                                           const std::vector<data::IntentRecord>& validation,
                                           const CalibrationOptions& options);

// "ECE 0.0022 -> 0.0026 (temperature 1.036); threshold 0.450, midway between out-of-domain 0.000
// and in-domain 0.901 (...): abstains on 0.00% of in-domain validation requests, catches ..."
std::string format_calibration(const models::Calibration& calibration);

}  // namespace anvil::pipeline
