// Strict UTF-8 validation with an ASCII fast path (8 bytes at a time).
#include "anvil/core/utf8.h"

#include <cstdint>
#include <cstring>

namespace anvil {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid sequence starting at s[i], or 0 if it is invalid or truncated.
size_t valid_sequence_length(const unsigned char* s, size_t i, size_t n) {
  const unsigned char c = s[i];
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // 0x80..0xC1 (stray continuation, overlong 2-byte) and 0xF5..0xFF
  }
  if (i + len > n) return 0;
  if (s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (!is_continuation(s[i + k])) return 0;
  }
  return len;
}

}  // namespace

std::optional<size_t> find_invalid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if ((word & kHighBits) == 0) {
        i += 8;
        continue;
      }
    }
    const size_t len = valid_sequence_length(s, i, n);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

}  // namespace anvil
