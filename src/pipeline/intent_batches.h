// The intent classifier's batches and where its records come from: every record tensorized once
// (in memory; batches are index_selects), or each batch's records read from the data cache's
// shards, parsed and tensorized when the loader asks (streaming). Private to the pipeline layer.
#pragma once

#include <torch/types.h>

#include <functional>
#include <string>
#include <vector>

#include "anvil/data/data_cache.h"
#include "anvil/data/intent_record.h"
#include "anvil/data/sharded_jsonl.h"
#include "anvil/models/intent_features.h"
#include "anvil/models/intent_model.h"

namespace anvil::pipeline {

struct IntentBatch {
  models::ClassifierInputs inputs;
  models::ClassifierTargets targets;
  torch::Tensor operands;  // [B, 4] ground-truth values
  std::vector<int64_t> indices;
};

// All records as tensors once; batches are index_select views of these.
struct IntentTensors {
  models::ClassifierInputs inputs;
  models::ClassifierTargets targets;
  torch::Tensor operands;  // [N, 4] ground-truth values

  // The rows `idx` as one batch, padding trimmed to its longest request.
  IntentBatch select(const std::vector<int64_t>& idx) const;
  // All rows as one batch (the streaming path tensorizes exactly the batch's records).
  IntentBatch whole(const std::vector<int64_t>& idx) const;
};

// Every record as tensors, encoded for `model` (its vocabulary, intents and sizes).
IntentTensors tensorize_intents(const std::vector<data::IntentRecord>& records,
                                const models::IntentModel& model);

using IntentBatchFn = std::function<IntentBatch(const std::vector<int64_t>&)>;

// Where a run's records come from: a loaded list (indices are positions in it), or the shards
// through the data cache (indices are line indices of the ShardedJsonl), parsed on demand.
struct IntentRecordSource {
  const std::vector<data::IntentRecord>* records = nullptr;
  const data::ShardedJsonl* shards = nullptr;

  // The records at `idx` (streaming: read and parsed now; errors name path:LINE). Thread-safe.
  std::vector<data::IntentRecord> at(const std::vector<int64_t>& idx) const;
};

// The distinct intents of `records`, sorted.
std::vector<std::string> sorted_intents(const std::vector<data::IntentRecord>& records);

// Whether a run over `files` streams them: cache.stream, or with auto, when the files' bytes do
// not all fit the cache budget as mapped files.
bool streams_data(const std::vector<std::string>& files, const data::DataCacheOptions& cache);

}  // namespace anvil::pipeline
