// Supervised fine-tuning data for the language model: specialist records split into prompt and
// completion at the last "Assistant: " turn, tokenized once, and packed greedily into fixed-length
// rows where each example is its own attention segment (positions restart at 0).
#pragma once

#include <torch/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace anvil::tokenize {
class BpeTokenizer;
class Tokenizer;
}  // namespace anvil::tokenize

namespace anvil::pipeline {

inline constexpr const char* kSftAssistant = "\n\nAssistant: ";
// Specialist responses end with this line (the record's confidence); generation stops before it.
inline constexpr const char* kSftConfidence = "\n[confidence";
inline constexpr const char* kSftEos = "<|endoftext|>";
inline constexpr const char* kSftPad = "<|pad|>";

// The token that ends every completion, in training and in generation: kSftEos when the
// tokenizer has it (anvil's own tokenizers, Qwen2's), else `model_eos_id` (config.json's
// eos_token_id, e.g. Llama 3's <|end_of_text|>) when it is one of the tokenizer's ids; -1 if
// neither.
int64_t sft_eos_id(const tokenize::BpeTokenizer& tok, int64_t model_eos_id);

struct SftRecord {
  std::string specialist, prompt, completion, response;
};

// Specialist JSONL in the text form; errors name the file and line.
std::vector<SftRecord> load_sft_records(const std::string& path);

// Appends the ids of a completion, each calculator result ("<<expr=" RESULT">>") tokenized on its
// own, as generation feeds it in (datagen/calculator.h), so training and answering see the same
// ids.
void encode_completion(const tokenize::Tokenizer& tok, std::string_view completion,
                       std::vector<int64_t>& ids);

struct Tokenized {
  std::vector<int64_t> ids;  // prompt ids, completion ids, EOS
  int64_t prompt_len = 0;    // leading ids that get no loss
};

struct PackedBatch {
  torch::Tensor ids, labels, segments, positions;  // [B, L]; labels -100 on prompts and padding
  // [B, L] float loss weights (1 on completion tokens, the prompt weight on prompt tokens after
  // each segment's first); undefined when prompts get no loss, the labels then say it all.
  torch::Tensor weights;
  int64_t tokens = 0;  // real (non-padding) tokens
};

// Greedy in-order packing of examples into rows of at most seq_len tokens.
std::vector<std::vector<const Tokenized*>> pack_rows(const std::vector<const Tokenized*>& order,
                                                     int64_t seq_len);

// `prompt_loss_weight` > 0 also trains on prompt tokens, with that weight relative to the
// completion's (OpenAI's old fine-tuning `prompt_loss_weight`): more signal per sequence, at no
// extra compute, which speeds up learning what the prompt holds (e.g. copying its numbers).
PackedBatch make_packed_batch(const std::vector<std::vector<const Tokenized*>>& rows,
                              int64_t seq_len, int64_t pad_id, double prompt_loss_weight = 0);

// The first `per_specialist` records of each specialist among records[idx], in idx order.
std::vector<const SftRecord*> held_out_sample(const std::vector<SftRecord>& records,
                                              const std::vector<int64_t>& idx,
                                              int64_t per_specialist);

}  // namespace anvil::pipeline
