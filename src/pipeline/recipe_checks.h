// The pre-training checks' view of anvil's two recipes: their batches as named tensors, their
// forward passes and losses as the validator's functions, and what their batches must hold.
#pragma once

#include <functional>
#include <optional>

#include "anvil/models/intent_classifier.h"
#include "anvil/models/llama.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/train/precision.h"
#include "anvil/train/validator.h"

namespace anvil::pipeline {

// The intent classifier: batches {tokens, number_*, intent, count, operand_*}.
train::NamedBatch named_intent_batch(const models::ClassifierInputs& inputs,
                                     const models::ClassifierTargets& targets);
train::ValidationTarget intent_validation_target(
    models::IntentClassifier& net, int64_t num_intents, torch::optim::Optimizer& optimizer,
    const models::LossWeights& weights, std::function<std::optional<train::NamedBatch>()> next,
    std::function<void(int64_t)> start_epoch);

// The language model: batches {ids, segments, positions, labels[, weights]}.
train::NamedBatch named_lm_batch(const PackedBatch& batch);
train::ValidationTarget lm_validation_target(models::LlamaForCausalLM& model,
                                             torch::optim::Optimizer& optimizer,
                                             torch::Device device, train::Precision precision,
                                             std::function<std::optional<train::NamedBatch>()> next,
                                             std::function<void(int64_t)> start_epoch);

}  // namespace anvil::pipeline
