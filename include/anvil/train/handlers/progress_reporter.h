// ProgressReporter: a progress bar per epoch (rate, ETA, running loss; a run resumed mid-epoch
// gets its bar at the step it resumed from) and, at the end of each epoch, one summary line with
// the chosen metrics. Attach after RunningAverage and the evaluator.
#pragma once

#include <memory>
#include <vector>

#include "anvil/core/progress.h"
#include "anvil/train/engine.h"
#include "anvil/train/handlers/running_average.h"

namespace anvil::train {

struct ProgressReporterOptions {
  std::vector<std::string> summary_keys = {"train_loss", "train_intent_acc", "val_loss",
                                           "val_intent_acc"};
  std::string status_key = "loss";  // running mean shown on the bar
  int64_t status_every = 20;        // iterations between status refreshes
  bool enabled = true;
  FILE* stream = stderr;
};

class ProgressReporter : public Handler {
 public:
  ProgressReporter(std::shared_ptr<RunningAverage> averages, ProgressReporterOptions options);
  void attach(Engine& engine) override;
  std::string name() const override { return "progress"; }

 private:
  void start_bar(const Engine& e, int64_t already_done);

  std::shared_ptr<RunningAverage> averages_;
  ProgressReporterOptions options_;
  std::unique_ptr<ProgressBar> bar_;
};

}  // namespace anvil::train
