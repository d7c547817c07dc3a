// Progressive multi-phase training of the language model (lm.phases). Phase 0 trains the base
// model on its specialists (from scratch, or a LoRA adapter on lm.base_model). Every later phase
// trains a new LoRA adapter on the model so far: the previous phases' adapters are merged into the
// base the next phase starts from, so each adapter is a delta on its predecessor's merged model
// and the final model is one plain model folder. A phase's data is its specialists' records plus,
// with lm.replay_fraction > 0, a share of earlier phases' training records (see replay.h).
// After every phase all specialists trained so far are scored on fixed held-out sets (fresh
// records generated per phase with a separate seed) and the retention table is updated.
//
// Run directory layout:
//   phase_N/data/{new,train,eval}.jsonl  phase data (new = its specialists, train = new + replay)
//   phase_N/model/        the phase's result: the full model (phase 0 from scratch) or its PEFT
//                         adapter
//   phase_N/merged/       full model with every adapter up to phase N merged (LoRA phases)
//   phase_N/checkpoints/  training checkpoints of the phase
//   phase_N/phase.json    written when the phase finished: fingerprint and scores (phase_reuse.h)
//   model/                the final merged model
//   retention.{json,md,png}
#pragma once

#include <string>
#include <vector>

#include "anvil/pipeline/lm_training.h"
#include "anvil/pipeline/retention.h"

namespace anvil {
class Config;
}

namespace anvil::pipeline {

struct ProgressiveOptions {
  LmTrainOptions train;  // shared settings; data, run dir, base model and LoRA are set per phase
  std::vector<std::vector<std::string>> phases;  // lm.phases: specialists of each phase
  int64_t n_per_specialist = 2000;               // lm.n_per_specialist
  double replay_fraction = 0;                    // lm.replay_fraction, in [0, 1]
  double phase_lr = 0;                           // lm.phase_lr: LoRA phases' lr; 0 = train.lr
  int64_t phase_epochs = 0;                      // lm.phase_epochs: 0 = train.epochs
  double phase_prompt_loss_weight = -1;  // lm.phase_prompt_loss_weight: -1 = lm.prompt_loss_weight
  uint64_t data_seed = 42;               // datagen.seed
  // lm.reuse_phases: an earlier run directory whose finished phases are copied when their
  // fingerprint equals this run's (see phase_reuse.h); needs one fingerprint per phase.
  std::string reuse_dir;
  std::vector<std::string> fingerprints;  // phase_fingerprints(config); recorded in phase.json
  std::string run_dir;                    // required
  // Continue the run in run_dir: phases that finished there with this run's fingerprint are kept,
  // an interrupted phase continues from its last checkpoint.
  bool resume = false;
  RetentionTargets targets;

  static ProgressiveOptions from_config(const Config& config);
  void validate() const;
};

// "a,b" -> {"a", "b"}, trimmed; unknown specialist names are usage errors naming lm.phases.
std::vector<std::vector<std::string>> parse_phases(const std::vector<std::string>& entries);

struct ProgressiveResult {
  RetentionTable table{{}};
  std::string model_dir;              // final merged model
  std::vector<double> phase_seconds;  // wall time per phase (data, training, merge, evaluation)
};

ProgressiveResult run_progressive_training(const ProgressiveOptions& options);

}  // namespace anvil::pipeline
