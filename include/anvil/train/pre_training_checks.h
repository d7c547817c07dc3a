// The pre-training checks as a step of a training run (train.mode): runs validate_training() when
// the mode asks for it, writes RUN_DIR/validation.json, reports through the sink and records the
// outcome in the run store. Trainers (anvil's and users') call run_pre_training_checks() after
// building the model, optimizer and data, before the Engine runs.
#pragma once

#include <optional>
#include <string>

#include "anvil/core/sink.h"
#include "anvil/train/engine.h"
#include "anvil/train/tracking.h"
#include "anvil/train/validation_report.h"
#include "anvil/train/validator.h"

namespace anvil {
class Config;
}

namespace anvil::train {

struct PreTrainingChecks {
  ValidationMode mode = ValidationMode::kCheckAndTrain;
  ValidatorOptions validator;  // device is the trainer's; filled in by the caller

  // Reads train.mode, train.check_memory_limit and train.check_steps.
  static PreTrainingChecks from_config(const Config& config);
};

// The file the report is saved as inside a run directory.
inline constexpr const char* kValidationFile = "validation.json";

// Runs the checks unless `checks.mode` is train_only (then returns nullopt and does nothing).
// Writes RUN_DIR/validation.json. Through `sink`: check_only prints the whole report as a result;
// check_and_train logs one summary line (and its WARN lines) when the checks pass, the whole
// report when they fail. When no training follows (check_only, or failed checks) and
// `tracking.enabled`, a run is recorded in the run store with the report: completed when the
// checks passed, failed otherwise.
// Throws anvil::Error (about "mode") with the failing lines when any check fails, in either mode.
std::optional<ValidationReport> run_pre_training_checks(const ValidationTarget& target,
                                                        const PreTrainingChecks& checks,
                                                        const std::string& run_dir,
                                                        const TrackingOptions& tracking,
                                                        Sink* sink);

// With a report of checks that passed before training: records it with the tracked run when the
// engine starts (the run exists from STARTED on). No-op without a tracker or report.
void record_checks_on_start(Engine& engine, const Tracking& tracking,
                            const std::optional<ValidationReport>& report, ValidationMode mode);

}  // namespace anvil::train
