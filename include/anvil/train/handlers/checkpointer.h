// Checkpointer: at the end of every epoch (optionally also every N iterations and on interruption)
// saves `last.safetensors`, and keeps the best `keep_best`
// checkpoints by `score_key` (higher is better) as `best-epochN.safetensors`, deleting evicted
// ones. The save function must write atomically (write_file_atomic): a crash mid-save never
// replaces a good checkpoint with a half-written one. Nothing is saved once the run has failed
// (State::failed): attach the NanGuard before the Checkpointer, so a step that produced NaN stops
// the run before the same iteration's save could write its weights over the last good checkpoint.
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "anvil/train/engine.h"

namespace anvil::train {

struct CheckpointOptions {
  std::string dir;  // required
  std::string score_key = "val_intent_acc";
  int64_t keep_best = 2;  // 0 keeps only last
  // Also save `last` every N iterations (0 = epoch ends only); skipped at an epoch's last
  // iteration, where the epoch-end save follows. Needs a step function that can resume mid-epoch.
  int64_t every_iterations = 0;
  // Save `last` when the run is interrupted (State::interrupted, e.g. Ctrl-C) mid-epoch.
  bool on_interrupt = false;
};

class Checkpointer : public Handler {
 public:
  using SaveFn = std::function<void(Engine& engine, const std::string& path)>;
  Checkpointer(CheckpointOptions options, SaveFn save);
  void attach(Engine& engine) override;
  std::string name() const override { return "checkpointer"; }
  std::string save_state() const override;
  void load_state(const std::string& state) override;

  std::string last_path() const;
  // Path of the best checkpoint so far ("" if none was scored).
  std::string best_path() const;
  double best_score() const;
  const std::vector<std::pair<double, std::string>>& best() const { return best_; }

 private:
  CheckpointOptions options_;
  SaveFn save_;
  std::vector<std::pair<double, std::string>> best_;  // sorted, best first
};

}  // namespace anvil::train
