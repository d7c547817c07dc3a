// A language-model run's model folder, written at the end of the run or from any of its training
// checkpoints: config.json and the weights (or, for a LoRA run, the PEFT adapter next to a note of
// its base), tokenizer.json and generation_config.json. From a checkpoint it is how `anvil eval`
// scores a run that has not finished, or stopped, without resuming it.
#pragma once

#include <cstdint>
#include <string>

#include "anvil/models/llama.h"
#include "anvil/pipeline/lm_training.h"
#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::pipeline {

// Writes the run's model folder `dir` for `model` as trained with options `o`.
void save_lm_model_folder(models::LlamaForCausalLM& model, const tokenize::BpeTokenizer& tok,
                          const LmTrainOptions& o, const std::string& dir, int64_t eos_id,
                          int64_t pad_id);

// True if `path` is a file holding a training checkpoint (safetensors with "anvil.checkpoint"
// metadata). Reads the file's header only.
bool is_training_checkpoint(const std::string& path);

// Where the run was when it wrote a checkpoint.
struct CheckpointPosition {
  int64_t epoch = 0;  // 1-based epoch running
  int64_t step = 0;   // optimizer steps done
};

// Writes the model that the checkpoint `path` of a language-model run holds to `dir`, as the run
// writes its model folder at the end. The run is the checkpoint's folder's parent
// (RUN/checkpoints/last.safetensors): its config.yaml gives the architecture and its tokenizer is
// RUN/checkpoints/tokenizer.json (the base model's for a run on a base). Errors name the missing
// or mismatched file. Reads the checkpoint once; returns where the run was.
CheckpointPosition write_checkpoint_model(const std::string& path, const std::string& dir);

}  // namespace anvil::pipeline
