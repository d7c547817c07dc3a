// The main job, `anvil pipeline`: datagen -> train -> eval (validation and a fresh benchmark set
// from another seed) -> a few predictions, into one run directory, from one config.
#pragma once

#include <string>

#include "anvil/core/sink.h"
#include "anvil/pipeline/intent_eval.h"
#include "anvil/pipeline/intent_training.h"

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

// Log lines and results go to `sink` (null: silent).
PipelineResult run_pipeline(const Config& config, Sink* sink = nullptr);

}  // namespace anvil::pipeline
