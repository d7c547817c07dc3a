// Pairs of vocabulary entries that differ only by a leading byte-level space.
#include "anvil/tokenize/space_variants.h"

#include <string>

namespace anvil::tokenize {

std::vector<SpaceVariantPair> space_variant_pairs(const BpeTokenizer& tokenizer) {
  static const std::string kSpace = "\xC4\xA0";  // 'Ġ': the byte-level form of ' '
  const auto& vocab = tokenizer.vocab();
  std::vector<SpaceVariantPair> pairs;
  for (size_t id = 0; id < vocab.size(); ++id) {
    const std::string& entry = vocab[id];
    if (entry.size() <= kSpace.size() || entry.compare(0, kSpace.size(), kSpace) != 0) continue;
    const int64_t bare = tokenizer.token_id(entry.substr(kSpace.size()));
    if (bare >= 0 && bare < static_cast<int64_t>(vocab.size()))
      pairs.push_back({static_cast<int64_t>(id), bare});
  }
  return pairs;
}

}  // namespace anvil::tokenize
