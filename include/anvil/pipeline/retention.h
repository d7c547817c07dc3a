// The retention table of progressive (multi-phase) training: after every phase each specialist
// trained so far is scored again, and its retention is its score now divided by its score right
// after its own phase. Rows are specialists (in phase order), columns are "after phase p".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace anvil::pipeline {

struct RetentionTargets {
  double new_phase_min = 0.90;  // field accuracy a phase must reach on its own specialists
  double retention_min = 0.95;  // share of its own-phase score an earlier specialist must keep
};

class RetentionTable {
 public:
  explicit RetentionTable(std::vector<std::vector<std::string>> phases);

  // Records the field accuracies measured after phase `phase` (every specialist of phases
  // 0..phase must be present). Phases are recorded in order.
  void record(size_t phase, const std::map<std::string, double>& field_accuracy);

  const std::vector<std::vector<std::string>>& phases() const { return phases_; }
  size_t recorded_phases() const { return scores_.size(); }
  size_t phase_of(const std::string& specialist) const;
  // Field accuracy of `specialist` after phase `after` (nullopt before it was trained).
  std::optional<double> score(const std::string& specialist, size_t after) const;
  // score(after) / score(own phase); nullopt before training or when the own score is 0.
  std::optional<double> retention(const std::string& specialist, size_t after) const;

  // Whether the last recorded phase met both targets (its specialists >= new_phase_min, every
  // earlier specialist's retention >= retention_min).
  bool targets_met(const RetentionTargets& targets) const;

  std::string to_json(const RetentionTargets& targets) const;  // see docs: rows x phases
  std::string to_markdown() const;
  std::string format() const;  // for the terminal

 private:
  std::vector<std::vector<std::string>> phases_;
  std::vector<std::map<std::string, double>> scores_;  // [after phase] specialist -> accuracy
};

}  // namespace anvil::pipeline
