// The report of the pre-training checks (train/validator.h): one section per check with
// INFO/WARN/ERROR lines and the figures it measured, printable as text and saved as JSON
// (RUN_DIR/validation.json, the run store's validations table). Also the run modes that decide
// whether the checks run: check_only | train_only | check_and_train (config key train.mode).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace anvil::train {

enum class ValidationMode { kCheckOnly, kTrainOnly, kCheckAndTrain, kCount_ };

const char* validation_mode_name(ValidationMode mode);  // "check_only" | ...
// Throws a usage error naming `key` and the expected values for anything else.
ValidationMode parse_validation_mode(const std::string& name,
                                     const std::string& key = "train.mode");

enum class Severity { kInfo, kWarn, kError, kCount_ };
const char* severity_name(Severity s);  // "INFO" | "WARN" | "ERROR"

struct CheckLine {
  Severity severity = Severity::kInfo;
  std::string text;
};

// One check's result. `figures` holds what it measured under stable keys (e.g. memory's
// "parameter_bytes"), so callers and tests read numbers, not text.
struct CheckSection {
  std::string name;  // memory | shapes | gradients | numerics | devices | data | optimizer | loop
  std::vector<CheckLine> lines;
  std::map<std::string, double> figures;
  double seconds = 0;

  void info(std::string text) { lines.push_back({Severity::kInfo, std::move(text)}); }
  void warn(std::string text) { lines.push_back({Severity::kWarn, std::move(text)}); }
  void error(std::string text) { lines.push_back({Severity::kError, std::move(text)}); }
  Severity worst() const;  // kInfo when there are no lines
  size_t count(Severity s) const;
};

struct ValidationReport {
  std::vector<CheckSection> sections;
  double seconds = 0;  // all checks together

  bool passed() const;  // no ERROR line in any section
  size_t count(Severity s) const;
  const CheckSection* section(const std::string& name) const;  // null when absent
  // Every line of `severity` (or worse) joined by "; ", each prefixed with its section: the
  // one-line summary an error message carries.
  std::string summary(Severity severity = Severity::kError) const;
  // Human-readable: a header per section, one "  LEVEL  text" per line, a verdict at the end.
  std::string format() const;
  std::string to_json() const;
  // Throws anvil::Error naming `origin` if `json` is not a report written by to_json().
  static ValidationReport from_json(const std::string& json, const std::string& origin);
};

}  // namespace anvil::train
