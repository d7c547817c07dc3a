// GPT-2's bytes_to_unicode table and conversions between raw bytes and byte-char strings.
#include "anvil/tokenize/byte_level.h"

namespace anvil::tokenize {

namespace {

constexpr bool maps_to_itself(int b) {
  return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
}

struct Tables {
  std::array<uint32_t, 256> to_cp{};
  std::array<int16_t, 0x144> from_cp{};  // the byte chars all lie below U+0144
  std::array<std::string, 256> utf8;
};

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else {  // byte chars never exceed U+07FF
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Tables build_tables() {
  Tables t;
  t.from_cp.fill(-1);
  uint32_t n = 0;
  for (int b = 0; b < 256; ++b) {
    t.to_cp[b] = maps_to_itself(b) ? static_cast<uint32_t>(b) : 0x100 + n++;
    t.from_cp[t.to_cp[b]] = static_cast<int16_t>(b);
    append_utf8(t.utf8[b], t.to_cp[b]);
  }
  return t;
}

const Tables& tables() {
  static const Tables t = build_tables();  // const lookup table, built once
  return t;
}

}  // namespace

uint32_t byte_to_code_point(uint8_t b) { return tables().to_cp[b]; }

int byte_from_code_point(uint32_t cp) { return cp < 0x144 ? tables().from_cp[cp] : -1; }

std::string bytes_to_byte_chars(std::string_view bytes) {
  const Tables& t = tables();
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) out += t.utf8[c];
  return out;
}

std::optional<std::string> byte_chars_to_bytes(std::string_view chars) {
  std::string out;
  out.reserve(chars.size());
  for (size_t i = 0; i < chars.size();) {
    const auto c0 = static_cast<unsigned char>(chars[i]);
    uint32_t cp;
    if (c0 < 0x80) {
      cp = c0;
      i += 1;
    } else if ((c0 & 0xE0) == 0xC0 && i + 1 < chars.size() &&
               (static_cast<unsigned char>(chars[i + 1]) & 0xC0) == 0x80) {
      cp = ((c0 & 0x1Fu) << 6) | (static_cast<unsigned char>(chars[i + 1]) & 0x3Fu);
      if (cp < 0x80) return std::nullopt;  // overlong
      i += 2;
    } else {
      return std::nullopt;  // invalid, or a code point above U+07FF: not a byte char
    }
    const int b = byte_from_code_point(cp);
    if (b < 0) return std::nullopt;
    out.push_back(static_cast<char>(b));
  }
  return out;
}

}  // namespace anvil::tokenize
