// Evaluating the language model the way users judge it: generate an answer for each held-out
// specialist prompt (greedy, stop at EOS) and score it with that specialist's validator.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "anvil/core/sink.h"
#include "anvil/models/llama.h"
#include "anvil/pipeline/lm_calibration.h"
#include "anvil/pipeline/sft_data.h"
#include "anvil/tokenize/tokenizer.h"
#include "anvil/train/dist/process_group.h"

namespace anvil::tokenize {
class BpeTokenizer;
}

namespace anvil::pipeline {

struct SpecialistScore {
  std::string specialist;
  int64_t records = 0;
  double field_accuracy = 0;  // mean validator field score
  double exact = 0;           // fraction of records with every field right
  double perplexity = 0;      // of the reference completions (response tokens + EOS)
  // Mean validator score of each answer field, in the specialist's declared order (which fields
  // a model gets wrong); empty for "overall".
  std::vector<std::pair<std::string, double>> fields;
};

// Scores per specialist (sorted by name), plus "overall" last (macro field accuracy, micro exact;
// auxiliary specialists such as copy_drill are scored but left out of it).
// With a `group`, every rank of it calls this with the same records: each generates for its share
// (records rank, rank + world, ...) and the tallies are summed, so every rank returns the scores of
// all the records.
// `progress`, if given, receives "eval N/M" log lines as batches finish. `loss_chunk` > 0 computes
// the perplexity's loss in chunks of that many rows (lm.loss_chunk), never the whole logits.
// `outcomes`, if given, receives every record's answer (in the order of `records`, on every rank):
// its score, the confidence the model wrote after it and the probability it gave it.
std::vector<SpecialistScore> score_records(
    models::LlamaForCausalLM& model, const tokenize::Tokenizer& tokenizer, int64_t eos_id,
    int64_t pad_id, const std::vector<const SftRecord*>& records, int64_t max_new_tokens,
    Sink* progress, int64_t loss_chunk = 0,
    const std::shared_ptr<dist::ProcessGroup>& group = nullptr,
    std::vector<AnswerOutcome>* outcomes = nullptr);

// Evaluates a model (already on its device) on up to `per_specialist` records of each specialist
// in `data_path`.
std::vector<SpecialistScore> evaluate_language_model(
    models::LlamaForCausalLM& model, const tokenize::BpeTokenizer& tokenizer,
    const std::string& data_path, int64_t per_specialist, int64_t max_new_tokens,
    Sink* progress = nullptr, const std::shared_ptr<dist::ProcessGroup>& group = nullptr,
    std::vector<AnswerOutcome>* outcomes = nullptr);

// Evaluates a saved model folder (full model or PEFT adapter) on up to `per_specialist` records of
// each specialist in `data_path`.
std::vector<SpecialistScore> evaluate_language_model(
    const std::string& model_dir, const std::string& data_path, int64_t per_specialist,
    int64_t max_new_tokens, const std::string& device, Sink* progress = nullptr,
    const std::shared_ptr<dist::ProcessGroup>& group = nullptr);

// The table (records, field accuracy, all-fields exact, perplexity), then each specialist's
// fields below 100% with their mean score.
std::string format_specialist_scores(const std::vector<SpecialistScore>& scores);

}  // namespace anvil::pipeline
