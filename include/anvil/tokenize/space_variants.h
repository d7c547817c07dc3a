// Tokens that spell the same text with and without a leading space: " Ridge" and "Ridge" in a
// byte-level BPE vocabulary ("ĠRidge" / "Ridge"). A word in running text and the same word right
// after a quote (a value in a JSON answer) are such a pair, so a model that copies names from a
// document into an answer must map one to the other; sharing part of their embedding
// (LlamaForCausalLM::share_embedding_rows) makes that mapping the same for every word.
#pragma once

#include <cstdint>
#include <vector>

#include "anvil/tokenize/bpe_tokenizer.h"

namespace anvil::tokenize {

struct SpaceVariantPair {
  int64_t spaced = -1;  // " word"
  int64_t bare = -1;    // "word"
};

// Every vocabulary entry "Ġ<rest>" whose <rest> is an entry too, in id order of the spaced token.
// Added tokens are never paired.
std::vector<SpaceVariantPair> space_variant_pairs(const BpeTokenizer& tokenizer);

}  // namespace anvil::tokenize
