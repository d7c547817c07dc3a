// Training byte-level BPE (docs/formats.md §3.5), following Hugging Face's BpeTrainer: words are
// counted once (in parallel), the 256 byte chars form the initial alphabet in code-point order
// after the special tokens, pair counts are weighted by word counts and updated incrementally, and
// ties between equal counts go to the smallest (left id, right id).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::tokenize {

struct BpeTrainOptions {
  int64_t vocab_size = 8000;  // specials + 256 byte chars + merges; must be >= specials + 256
  int64_t min_frequency = 2;  // a pair seen fewer times is never merged (equal is merged)
  std::vector<std::string> special_tokens;  // ids 0.. in this order; become added tokens
  std::string pattern = kGpt2Pattern;       // pre-tokenizer regex (see pattern_by_name)
  // The space before a word stays a token of its own: no merge joins a leading space to what
  // follows, so "Ridge" has the same tokens after a space (in a document) as after a quote (in a
  // JSON answer) and a model can copy it token for token. Costs a token per word. The tokenizer
  // is an ordinary merges list: Hugging Face and llama.cpp encode it the same way.
  bool space_apart = false;
  int threads = 0;                          // word counting; 0 = all hardware threads
  bool progress = false;                    // progress bar on stderr

  void validate() const;  // throws a usage error naming the bad field and value
  std::string to_string() const;
};

// Pre-tokenized words (raw bytes) and how often each occurs.
using WordCounts = std::unordered_map<std::string, int64_t>;

// Splits every text with `pattern` and counts the pieces, on `threads` threads.
WordCounts count_words(const std::vector<std::string_view>& texts, const std::string& pattern,
                       int threads = 0);
// Counts words of the string field `field` of every record of a JSONL file. Throws anvil::Error
// naming path:line for a line that is not JSON or lacks the field as a string.
WordCounts count_words_jsonl(const std::string& path, const std::string& field,
                             const std::string& pattern, int threads = 0, bool progress = false);

// Learns merges from word counts. Deterministic: the same counts and options give the same file.
BpeTokenizer train_bpe(const WordCounts& words, const BpeTrainOptions& options);

// The merge loop on words already in symbol form, shared with tests: symbols are ids into
// `id_to_token` (which grows with every new token); returns the merges in rank order as (left id,
// right id, new id). Stops at `vocab_size` tokens, an empty queue or a count below
// max(1, min_frequency).
struct TrainWord {
  std::vector<int32_t> symbols;
  int64_t count = 0;
};
struct TrainedMerge {
  int32_t left, right, id;
};
std::vector<TrainedMerge> learn_merges(std::vector<TrainWord> words,
                                       std::vector<std::string>& id_to_token, int64_t vocab_size,
                                       int64_t min_frequency, bool progress = false);

}  // namespace anvil::tokenize
