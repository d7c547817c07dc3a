// run_pre_training_checks: train.mode -> validate_training -> validation.json, sink, run store.
#include "anvil/train/pre_training_checks.h"

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/track/run_store.h"

namespace anvil::train {

PreTrainingChecks PreTrainingChecks::from_config(const Config& c) {
  PreTrainingChecks p;
  p.mode = parse_validation_mode(c.get_string("train.mode"));
  p.validator.memory_limit_bytes = c.get_int("train.check_memory_limit");
  p.validator.loop_steps = c.get_int("train.check_steps");
  if (p.validator.memory_limit_bytes < 0)
    throw usage_error("train.check_memory_limit = " +
                      std::to_string(p.validator.memory_limit_bytes) +
                      ": must be >= 0 (0 = the device's memory)");
  if (p.validator.loop_steps < 1)
    throw usage_error("train.check_steps = " + std::to_string(p.validator.loop_steps) +
                      ": must be >= 1");
  return p;
}

namespace {

track::ValidationRecord to_record(const ValidationReport& report, ValidationMode mode) {
  track::ValidationRecord v;
  v.passed = report.passed();
  v.mode = validation_mode_name(mode);
  v.seconds = report.seconds;
  v.report = report.to_json();
  return v;
}

// A run with no training: created, given the report, finished at once.
void record_check_run(const TrackingOptions& tracking, const std::string& run_dir,
                      const ValidationReport& report, ValidationMode mode) {
  track::RunStore store(tracking.run.db_path);
  track::NewRun run;
  run.name = tracking.run.name;
  run.config = tracking.run.config_yaml;
  run.config_hash = tracking.run.config_hash;
  run.run_dir = run_dir;
  run.params = tracking.run.params;
  const int64_t id = store.create_run(run);
  store.set_validation(id, to_record(report, mode));
  if (report.passed())
    store.finish_run(id, track::RunStatus::kCompleted, "check_only: the pre-training checks passed");
  else
    store.finish_run(id, track::RunStatus::kFailed,
                     "the pre-training checks failed: " + report.summary());
}

}  // namespace

std::optional<ValidationReport> run_pre_training_checks(const ValidationTarget& target,
                                                        const PreTrainingChecks& checks,
                                                        const std::string& run_dir,
                                                        const TrackingOptions& tracking,
                                                        Sink* sink) {
  if (checks.mode == ValidationMode::kTrainOnly) return std::nullopt;
  ValidationReport report = validate_training(target, checks.validator);
  const std::string path = run_dir + "/" + kValidationFile;
  ensure_directory(run_dir);
  write_file_atomic(path, report.to_json());
  const bool check_only = checks.mode == ValidationMode::kCheckOnly;
  if (check_only) {
    emit(sink, Channel::kResult, "%s", report.format().c_str());
  } else if (!report.passed()) {
    emit(sink, Channel::kLog, "%s", report.format().c_str());
  } else {
    log_line(sink, "pre-training checks passed in %.2fs (%zu warning(s)); report: %s",
             report.seconds, report.count(Severity::kWarn), path.c_str());
    for (const auto& s : report.sections)
      for (const auto& l : s.lines)
        if (l.severity == Severity::kWarn)
          log_line(sink, "  WARN  %s: %s", s.name.c_str(), l.text.c_str());
  }
  if ((check_only || !report.passed()) && tracking.enabled)
    record_check_run(tracking, run_dir, report, checks.mode);
  if (!report.passed())
    throw Error("the pre-training checks failed (" +
                std::to_string(report.count(Severity::kError)) +
                " error(s); report: " + path + "): " + report.summary())
        .about("mode", "train_only");
  return report;
}

void record_checks_on_start(Engine& engine, const Tracking& tracking,
                            const std::optional<ValidationReport>& report, ValidationMode mode) {
  if (!tracking.tracker || !report) return;
  engine.on(on(Event::kStarted),
            [tracker = tracking.tracker, record = to_record(*report, mode)](Engine&) {
              tracker->log_validation(record);
            });
}

}  // namespace anvil::train
