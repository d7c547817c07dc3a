// ByteTokenizer: the classifier's tokenizer. Every byte is its own id (0..255), followed by five
// special ids, 261 in all. Encoding never fails and decoding is exact for any byte string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anvil/tokenize/tokenizer.h"

namespace anvil::tokenize {

class ByteTokenizer final : public Tokenizer {
 public:
  static constexpr int64_t kPad = 256;
  static constexpr int64_t kBos = 257;
  static constexpr int64_t kEos = 258;
  static constexpr int64_t kUnk = 259;
  static constexpr int64_t kSep = 260;
  static constexpr int64_t kVocabSize = 261;

  // Bytes of `text` as ids, truncated to `max_length` (0 = no limit). No specials are added.
  std::vector<int64_t> encode(std::string_view text, size_t max_length = 0) const;
  void encode_append(std::string_view text, std::vector<int64_t>& out) const override;
  // Writes ids into `out[0..max_length)`, padding with kPad. Returns the number of real tokens.
  size_t encode_padded(std::string_view text, int64_t* out, size_t max_length) const;
  // Inverse of encode; special ids are dropped.
  std::string decode(const std::vector<int64_t>& ids) const override;
  int64_t vocab_size() const override { return kVocabSize; }
};

}  // namespace anvil::tokenize
