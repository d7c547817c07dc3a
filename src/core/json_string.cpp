// JSON string escaping, 8 bytes at a time where nothing needs escaping.
#include "anvil/core/json_string.h"

#include <cstdint>
#include <cstring>

namespace anvil {
namespace {

// True if any of the 8 bytes in `w` is < 0x20, '"' or '\\' (SWAR: a zero byte in x ^ c marks c).
inline bool needs_escape8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const uint64_t control = (w - kOnes * 0x20) & ~w & kHighs;  // byte < 0x20
  const uint64_t quote = w ^ (kOnes * '"');
  const uint64_t backslash = w ^ (kOnes * '\\');
  const uint64_t is_quote = (quote - kOnes) & ~quote & kHighs;
  const uint64_t is_backslash = (backslash - kOnes) & ~backslash & kHighs;
  return (control | is_quote | is_backslash) != 0;
}

}  // namespace

void append_json_string(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t run_start = 0;
  size_t i = 0;
  while (i < s.size()) {
    // Skip 8 clean bytes at a time; most text has no character that needs escaping.
    if (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (!needs_escape8(w)) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      default:
        *out += "\\u00";
        *out += kHex[c >> 4];
        *out += kHex[c & 15];
    }
    ++i;
  }
  out->append(s.data() + run_start, s.size() - run_start);
  *out += '"';
}

}  // namespace anvil
