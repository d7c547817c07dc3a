// Tests for GPT-2's byte-to-unicode table (docs/formats.md §3.2).
#include "anvil/tokenize/byte_level.h"

#include <gtest/gtest.h>

#include <set>

namespace anvil::tokenize {
namespace {

TEST(ByteLevel, MapsBytesAsGpt2Does) {
  EXPECT_EQ(byte_to_code_point(0x20), 0x120u);  // 'Ġ'
  EXPECT_EQ(byte_to_code_point(0x0A), 0x10Au);  // 'Ċ'
  EXPECT_EQ(byte_to_code_point(0x09), 0x109u);  // 'ĉ'
  EXPECT_EQ(byte_to_code_point(0x7F), 0x121u);
  EXPECT_EQ(byte_to_code_point(0xA0), 0x142u);  // 'ł'
  EXPECT_EQ(byte_to_code_point(0xAD), 0x143u);  // 'Ń'
  EXPECT_EQ(byte_to_code_point('a'), static_cast<uint32_t>('a'));
  EXPECT_EQ(byte_to_code_point(0xFF), 0xFFu);
  EXPECT_EQ(bytes_to_byte_chars(" the\n"), "\xC4\xA0the\xC4\x8A");  // "Ġthe" + "Ċ"
}

TEST(ByteLevel, IsABijectionOnAllBytes) {
  std::set<uint32_t> seen;
  for (int b = 0; b < 256; ++b) {
    const uint32_t cp = byte_to_code_point(static_cast<uint8_t>(b));
    EXPECT_TRUE(seen.insert(cp).second) << b;
    EXPECT_EQ(byte_from_code_point(cp), b);
  }
  EXPECT_EQ(byte_from_code_point(0x20), -1);  // a space is not a byte char
  EXPECT_EQ(byte_from_code_point(0x144), -1);
}

TEST(ByteLevel, RoundTripsEveryByteString) {
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  EXPECT_EQ(byte_chars_to_bytes(bytes_to_byte_chars(all)), all);
  EXPECT_EQ(byte_chars_to_bytes("a b"), std::nullopt);           // ' ' is not a byte char
  EXPECT_EQ(byte_chars_to_bytes("\xE2\x82\xAC"), std::nullopt);  // '€' is not either
  EXPECT_EQ(byte_chars_to_bytes("\xC4"), std::nullopt);          // truncated
}

}  // namespace
}  // namespace anvil::tokenize
