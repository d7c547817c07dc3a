// AddedTokenMatcher: splits added/special tokens out of raw text before pre-tokenization, as HF's
// AddedVocabulary does (leftmost-longest), with lstrip/rstrip taking adjacent whitespace.
#include <algorithm>
#include <cstring>

#include "bpe_impl.h"

namespace anvil::tokenize {

namespace {
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
}  // namespace

AddedTokenMatcher::AddedTokenMatcher(const std::vector<AddedToken>& tokens) {
  for (const auto& t : tokens)
    if (!t.content.empty()) tokens_.push_back(t);
  std::stable_sort(tokens_.begin(), tokens_.end(), [](const AddedToken& a, const AddedToken& b) {
    return a.content.size() > b.content.size();
  });
  for (const auto& t : tokens_) first_byte_[static_cast<unsigned char>(t.content[0])] = true;
}

bool AddedTokenMatcher::find(std::string_view text, size_t pos, Match& match) const {
  if (tokens_.empty()) return false;
  const size_t n = text.size();
  for (size_t i = pos; i < n; ++i) {
    if (!first_byte_[static_cast<unsigned char>(text[i])]) continue;
    for (const auto& t : tokens_) {  // longest first: the first hit is the longest here
      const size_t len = t.content.size();
      if (len > n - i || std::memcmp(text.data() + i, t.content.data(), len) != 0) continue;
      size_t begin = i, end = i + len;
      if (t.lstrip)
        while (begin > pos && is_space(text[begin - 1])) --begin;
      if (t.rstrip)
        while (end < n && is_space(text[end])) ++end;
      match = Match{begin, end, t.id};
      return true;
    }
  }
  return false;
}

}  // namespace anvil::tokenize
