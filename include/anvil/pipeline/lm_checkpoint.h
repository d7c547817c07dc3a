// Language-model training checkpoints: one safetensors file holding everything needed to continue
// exactly: every model tensor ("model."), the AdamW state of the trainable parameters
// ("optimizer."), LibTorch's CPU generator ("rng.torch_cpu"), and as metadata the engine position
// (epoch, iteration, iteration within the epoch), the handlers' states and the data position
// (the next packed row of the epoch's deterministic order, tokens seen). Written atomically.
#pragma once

#include <torch/optim/adamw.h>

#include <string>

#include "anvil/io/torch_tensors.h"
#include "anvil/models/llama.h"
#include "anvil/train/engine.h"

namespace anvil::pipeline {

struct LmDataPosition {
  int64_t next_row = 0;     // index into the current epoch's packed rows
  int64_t tokens_seen = 0;  // training tokens processed so far
};

void save_lm_checkpoint(const std::string& path, models::LlamaForCausalLM& model,
                        torch::optim::AdamW& optimizer, const io::NamedTensors& trainable,
                        const train::Engine& engine, const LmDataPosition& position);

// Restores a checkpoint into a model built with the same architecture (and LoRA layout), the
// optimizer over `trainable`, the engine state and handlers, and the CPU generator. Errors name
// the file.
LmDataPosition load_lm_checkpoint(const std::string& path, models::LlamaForCausalLM& model,
                                  torch::optim::AdamW& optimizer, const io::NamedTensors& trainable,
                                  train::Engine& engine);

}  // namespace anvil::pipeline
