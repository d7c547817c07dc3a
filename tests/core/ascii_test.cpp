// ASCII case mapping: only 'A'..'Z' and 'a'..'z' change, whatever the C locale, so UTF-8 text and
// punctuation come back byte for byte.
#include "anvil/core/ascii.h"

#include <gtest/gtest.h>

#include <string>

namespace anvil {
namespace {

TEST(Ascii, MapsEveryAsciiLetterAndNothingElse) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool upper = b >= 'A' && b <= 'Z', lower = b >= 'a' && b <= 'z';
    EXPECT_EQ(ascii_lower(c), upper ? static_cast<char>(b - 'A' + 'a') : c) << b;
    EXPECT_EQ(ascii_upper(c), lower ? static_cast<char>(b - 'a' + 'A') : c) << b;
  }
}

TEST(Ascii, StringsKeepTheirUtf8Bytes) {
  EXPECT_EQ(ascii_lower("Café MÜNCHEN 42!"), "café mÜnchen 42!");  // Ü is two bytes, kept
  EXPECT_EQ(ascii_upper("straße, Ärger"), "STRAßE, ÄRGER");
  EXPECT_EQ(ascii_lower(""), "");
}

TEST(Ascii, CapitalizedChangesOnlyTheFirstByte) {
  EXPECT_EQ(capitalized("hello world"), "Hello world");
  EXPECT_EQ(capitalized("Hello"), "Hello");
  EXPECT_EQ(capitalized("élan"), "élan");
  EXPECT_EQ(capitalized(""), "");
}

}  // namespace
}  // namespace anvil
