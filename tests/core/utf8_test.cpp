// Tests for strict UTF-8 validation: what Rust's str::from_utf8 accepts and rejects.
#include "anvil/core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace anvil {
namespace {

TEST(Utf8, AcceptsAsciiAndMultiByteSequences) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text longer than eight bytes"));
  EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));  // é € 😀
  EXPECT_TRUE(is_valid_utf8("\xf4\x8f\xbf\xbf"));                           // U+10FFFF
}

TEST(Utf8, ReportsOffsetOfFirstInvalidByte) {
  EXPECT_EQ(find_invalid_utf8("abcdefghij\xff"), 10u);
  EXPECT_EQ(find_invalid_utf8("ab\x80"), 2u);            // stray continuation
  EXPECT_EQ(find_invalid_utf8("ab\xc0\xaf"), 2u);        // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xe0\x80\xaf"), 0u);      // overlong 3-byte
  EXPECT_EQ(find_invalid_utf8("x\xed\xa0\x80"), 1u);     // surrogate U+D800
  EXPECT_EQ(find_invalid_utf8("\xf4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ok\xe2\x82"), 2u);        // truncated at end
  EXPECT_EQ(find_invalid_utf8("\xc3\xa9\xc3"), 2u);      // truncated after a valid one
  EXPECT_EQ(find_invalid_utf8(std::string("a\0b", 3)), std::nullopt);  // NUL is valid UTF-8
}

// Spot checks across scripts, written as code points from the Unicode charts (not from the table).
TEST(Utf8, NormalizeDigitsMapsDigitsOfEveryScriptToAscii) {
  bool changed = false;
  EXPECT_EQ(normalize_digits("factorial of \xd9\xa3", &changed), "factorial of 3");  // U+0663
  EXPECT_TRUE(changed);
  EXPECT_EQ(normalize_digits("\xdb\xb7\xe0\xa5\xab\xe0\xa7\xaf"), "759");  // U+06F7 U+096B U+09EF
  EXPECT_EQ(normalize_digits("\xe0\xb9\x92\xef\xbc\x94\xe1\x81\x81"), "241");  // Thai, fullwidth, Myanmar
  EXPECT_EQ(normalize_digits("\xf0\x9d\x9f\x96"), "8");           // U+1D7D6 MATHEMATICAL BOLD EIGHT
  EXPECT_EQ(normalize_digits("add \xe2\x88\x92" "5 and 2"), "add -5 and 2");  // U+2212 MINUS SIGN
}

TEST(Utf8, NormalizeDigitsLeavesEverythingElseAlone) {
  bool changed = true;
  // superscript two, one half, roman numeral twelve, circled one: numeric but not decimal digits
  const std::string others = "x\xc2\xb2 \xc2\xbd \xe2\x85\xab \xe2\x91\xa0 caf\xc3\xa9 42";
  EXPECT_EQ(normalize_digits(others, &changed), others);
  EXPECT_FALSE(changed);
  const std::string invalid = "7\xff\xd9 \xe0\xa5";  // invalid and truncated bytes copied as they are
  EXPECT_EQ(normalize_digits(invalid), invalid);
}

}  // namespace
}  // namespace anvil
