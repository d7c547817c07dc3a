// Reusing the finished phases of an earlier progressive run (lm.reuse_phases). Every finished
// phase leaves phase_N/phase.json: a fingerprint of every setting that shaped phases 0..N and the
// scores measured after it. A new run whose phase N has the same fingerprint as the earlier run's
// (and whose phases before N were reused too) copies that phase's folder instead of training it
// again: to try other LoRA settings on the same base, or to pick up a run that stopped.
// phase.json layout: docs/formats.md §10.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace anvil {
class Config;
}

namespace anvil::pipeline {

// One fingerprint per entry of lm.phases. Phase N's covers the config with lm.phases cut to its
// first N + 1 entries, less what cannot change a result (run name/dir/device/threads/profile,
// tracking, checkpoint cadence, lm.reuse_phases); phase 0 of a from-scratch run also leaves out
// the LoRA phases' settings (lora.*, lm.phase_*, lm.replay_fraction).
std::vector<std::string> phase_fingerprints(const Config& config);

struct FinishedPhase {
  std::string fingerprint;
  std::string model;                     // full model after the phase, relative to its folder
  std::map<std::string, double> scores;  // field accuracy of every specialist so far
  double seconds = 0;                    // wall time of the phase when it was trained
};

void write_finished_phase(const std::string& phase_dir, const FinishedPhase& phase);
// nullopt when `phase_dir` has no phase.json (the phase did not finish); a malformed file is an
// error naming it.
std::optional<FinishedPhase> read_finished_phase(const std::string& phase_dir);

// Copies a finished phase's folder (data, model, adapter, merged model, phase.json) into `to`,
// leaving out its training checkpoints.
void copy_finished_phase(const std::string& from, const std::string& to);

}  // namespace anvil::pipeline
