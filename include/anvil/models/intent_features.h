// How requests and intent records become classifier tensors: bytes padded to max_length, the
// integers found in the text (for the pointer model), and the training targets.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "anvil/data/intent_record.h"
#include "anvil/models/intent_classifier.h"

namespace anvil::models {

// Requests -> inputs [B, L], numbers [B, M]. Numbers starting past max_length are dropped.
ClassifierInputs encode_requests(const std::vector<std::string>& texts, int64_t max_length,
                                 int64_t max_numbers);

// Drops trailing all-padding columns, keeping `margin` padding bytes after the longest request so
// every real position sees exactly what it would see at full length (the encoders' receptive
// field is at most 2*margin+1 bytes). Outputs at real positions are unchanged; compute drops with
// the length. Requests are ~30 bytes, max_length 128.
ClassifierInputs trim_padding(const ClassifierInputs& inputs, int64_t margin = 8);

// Targets for records. Intent names not in `intent_index` are an error naming the intent.
// Pointer targets: slot k points at the first not-yet-used number in the text equal to operand k
// (-100 if the text does not contain it, so the slot is ignored in the loss).
ClassifierTargets make_targets(const std::vector<const data::IntentRecord*>& records,
                               const std::unordered_map<std::string, int64_t>& intent_index,
                               int64_t max_length, int64_t max_numbers);

}  // namespace anvil::models
