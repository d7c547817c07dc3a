// Byte tokenizer: identity map from bytes to ids.
#include "anvil/tokenize/byte_tokenizer.h"

#include <algorithm>

namespace anvil::tokenize {

std::vector<int64_t> ByteTokenizer::encode(std::string_view text, size_t max_length) const {
  size_t n = max_length ? std::min(max_length, text.size()) : text.size();
  std::vector<int64_t> ids(n);
  for (size_t i = 0; i < n; ++i) ids[i] = static_cast<unsigned char>(text[i]);
  return ids;
}

void ByteTokenizer::encode_append(std::string_view text, std::vector<int64_t>& out) const {
  out.reserve(out.size() + text.size());
  for (unsigned char c : text) out.push_back(c);
}

size_t ByteTokenizer::encode_padded(std::string_view text, int64_t* out, size_t max_length) const {
  size_t n = std::min(max_length, text.size());
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(text[i]);
  std::fill(out + n, out + max_length, kPad);
  return n;
}

std::string ByteTokenizer::decode(const std::vector<int64_t>& ids) const {
  std::string s;
  s.reserve(ids.size());
  for (int64_t id : ids)
    if (id >= 0 && id < 256) s.push_back(static_cast<char>(id));
  return s;
}

}  // namespace anvil::tokenize
