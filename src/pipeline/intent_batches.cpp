// The intent classifier's batches: tensorizing records, and the data-path decision.
#include "pipeline/intent_batches.h"

#include <torch/torch.h>

#include <set>

#include "anvil/data/intent_shards.h"

namespace anvil::pipeline {

IntentBatch IntentTensors::select(const std::vector<int64_t>& idx) const {
  auto t = torch::tensor(idx, torch::kInt64);
  IntentBatch b;
  b.inputs = models::trim_padding(
      {inputs.tokens.index_select(0, t), inputs.number_first.index_select(0, t),
       inputs.number_last.index_select(0, t), inputs.number_mask.index_select(0, t),
       inputs.number_values.index_select(0, t)});
  b.targets = {targets.intent.index_select(0, t), targets.count.index_select(0, t),
               targets.operand_bins.index_select(0, t), targets.operand_signs.index_select(0, t),
               targets.operand_pointer.index_select(0, t)};
  b.operands = operands.index_select(0, t);
  b.indices = idx;
  return b;
}

IntentBatch IntentTensors::whole(const std::vector<int64_t>& idx) const {
  IntentBatch b;
  b.inputs = models::trim_padding(inputs);
  b.targets = targets;
  b.operands = operands;
  b.indices = idx;
  return b;
}

std::vector<data::IntentRecord> IntentRecordSource::at(const std::vector<int64_t>& idx) const {
  if (shards) return data::read_intent_records(*shards, idx);
  std::vector<data::IntentRecord> out;
  out.reserve(idx.size());
  for (int64_t i : idx) out.push_back(records->at(static_cast<size_t>(i)));
  return out;
}

IntentTensors tensorize_intents(const std::vector<data::IntentRecord>& records,
                                const models::IntentModel& model) {
  const auto& cfg = model.net->config();
  std::vector<std::string> texts;
  std::vector<const data::IntentRecord*> ptrs;
  texts.reserve(records.size());
  for (const auto& r : records) {
    texts.push_back(r.text);
    ptrs.push_back(&r);
  }
  IntentTensors t;
  t.inputs = models::encode_requests(texts, cfg.max_length, cfg.max_numbers);
  t.targets = models::make_targets(ptrs, model.index, cfg.max_length, cfg.max_numbers);
  t.operands =
      torch::empty({static_cast<int64_t>(records.size()), models::kMaxOperands}, torch::kInt64);
  auto a = t.operands.accessor<int64_t, 2>();
  for (size_t i = 0; i < records.size(); ++i)
    for (int64_t k = 0; k < models::kMaxOperands; ++k) a[i][k] = records[i].operands[k];
  return t;
}

std::vector<std::string> sorted_intents(const std::vector<data::IntentRecord>& records) {
  std::set<std::string> names;
  for (const auto& r : records) names.insert(r.intent);
  return {names.begin(), names.end()};
}

bool streams_data(const std::vector<std::string>& files, const data::DataCacheOptions& cache) {
  if (cache.stream != data::StreamMode::kAuto) return cache.stream == data::StreamMode::kAlways;
  std::vector<uint64_t> sizes;
  for (const auto& f : files) sizes.push_back(data::stat_file(f).size);
  return data::plan_data_cache(files, sizes, 0, cache).streamed_files() > 0;
}

}  // namespace anvil::pipeline
