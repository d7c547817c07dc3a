// Decimal digits of other scripts -> ASCII. The table lists the code point of digit zero of every
// run of ten Nd digits in Unicode 14 (generated from Python's unicodedata 14.0.0; in each run the
// digits 0..9 are consecutive code points).
#include <algorithm>
#include <array>
#include <cstdint>

#include "anvil/core/utf8.h"

namespace anvil {
namespace {

constexpr std::array<uint32_t, 65> kDigitZeros = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

constexpr uint32_t kMinusSign = 0x2212;

// The ASCII replacement of code point `cp`, or 0 if it has none.
char ascii_for(uint32_t cp) {
  if (cp == kMinusSign) return '-';
  auto it = std::upper_bound(kDigitZeros.begin(), kDigitZeros.end(), cp);
  if (it == kDigitZeros.begin()) return 0;
  const uint32_t zero = *(it - 1);
  return cp - zero < 10 ? static_cast<char>('0' + (cp - zero)) : 0;
}

// Decodes the well-formed multi-byte sequence at text[i] (length 2..4), or returns 0.
uint32_t decode_at(std::string_view text, size_t i, size_t* length) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  const size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (n == 1 || i + n > text.size() || find_invalid_utf8(text.substr(i, n))) return 0;
  uint32_t cp = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  *length = n;
  return cp;
}

}  // namespace

std::string normalize_digits(std::string_view text, bool* changed) {
  std::string out;
  out.reserve(text.size());
  bool any = false;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    const uint32_t cp = static_cast<unsigned char>(text[i]) < 0x80 ? 0 : decode_at(text, i, &length);
    const char ascii = cp ? ascii_for(cp) : 0;
    if (ascii) {
      out += ascii;
      any = true;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  if (changed) *changed = any;
  return out;
}

}  // namespace anvil
