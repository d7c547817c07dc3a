// The main job, `anvil pipeline`: datagen -> train -> eval (validation and a fresh benchmark set
// from another seed) -> a few predictions, into one run directory, from one config.
#pragma once

#include <memory>
#include <string>

#include "anvil/core/sink.h"
#include "anvil/pipeline/intent_eval.h"
#include "anvil/pipeline/intent_training.h"
#include "anvil/train/dist/process_group.h"

namespace anvil {
class Config;
}

namespace anvil::pipeline {

struct PipelineResult {
  std::string run_dir;
  IntentTrainResult train;
  IntentEvalReport benchmark;  // fresh held-out set, eval.benchmark_seed
  double seconds = 0;
};

// Log lines and results go to `sink` (null: silent). With a `group` this process is one rank of a
// data-parallel job (anvil launch -- anvil pipeline): rank 0 creates the run directory, generates
// the data and writes every file; all ranks train (and score the language model's held-out
// records) together. Only rank 0's result has the benchmark and predictions.
// With `resume_dir` it continues that earlier run of the same config instead of starting a new
// one, whatever stage it was stopped in: data already generated is kept, training continues from
// its last checkpoint (progressive phases that finished are kept), and the stages after training
// run again.
PipelineResult run_pipeline(const Config& config, Sink* sink = nullptr,
                            const std::shared_ptr<dist::ProcessGroup>& group = nullptr,
                            const std::string& resume_dir = "");

}  // namespace anvil::pipeline
