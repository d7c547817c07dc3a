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

}  // namespace
}  // namespace anvil
