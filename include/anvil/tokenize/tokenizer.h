// Tokenizer: the interface every anvil tokenizer implements (the 261-id ByteTokenizer, byte-level
// BPE). Encoding is const and thread-safe; encode_batch spreads documents over threads and keeps
// their order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anvil::tokenize {

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  // Appends the ids of `text` to `out` (no special tokens are added). Never fails on any bytes.
  virtual void encode_append(std::string_view text, std::vector<int64_t>& out) const = 0;
  // Inverse of encode: the bytes the ids stand for. Throws anvil::Error naming an id that is out
  // of range (the ByteTokenizer drops its special ids instead).
  virtual std::string decode(const std::vector<int64_t>& ids) const = 0;
  virtual int64_t vocab_size() const = 0;
  // Encodes untrusted text (prompts from users, requests to a server): special tokens spelled in
  // it stay ordinary text and never become their ids. Tokenizers with no special tokens in text
  // encode as encode_append does.
  virtual void encode_text_append(std::string_view text, std::vector<int64_t>& out) const {
    encode_append(text, out);
  }

  std::vector<int64_t> encode(std::string_view text) const {
    std::vector<int64_t> ids;
    encode_append(text, ids);
    return ids;
  }
  std::vector<int64_t> encode_text(std::string_view text) const {
    std::vector<int64_t> ids;
    encode_text_append(text, ids);
    return ids;
  }
  // Encodes every text with `threads` workers (0 = all hardware threads). result[i] holds the ids
  // of texts[i], identical to encode(texts[i]).
  std::vector<std::vector<int64_t>> encode_batch(const std::vector<std::string_view>& texts,
                                                 int threads = 0) const;
};

}  // namespace anvil::tokenize
