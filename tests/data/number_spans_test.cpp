// Integer span scanner.
#include "anvil/data/number_spans.h"

#include <gtest/gtest.h>

namespace anvil::data {
namespace {

TEST(NumberSpans, FindsSignedIntegersWithTheirOffsets) {
  auto s = find_numbers("add -5 and 300, then 3-4");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].value, -5);
  EXPECT_EQ(s[0].begin, 4u);
  EXPECT_EQ(s[0].end, 6u);
  EXPECT_EQ(s[1].value, 300);
  EXPECT_EQ(s[2].value, 3);
  EXPECT_EQ(s[3].value, 4);  // "3-4": the '-' follows a digit, so it is not a sign
}

TEST(NumberSpans, SkipsOverflowAndRespectsTheLimit) {
  auto s = find_numbers("99999999999999999999999 and 7");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].value, 7);
  EXPECT_EQ(find_numbers("1 2 3 4 5", 3).size(), 3u);
  EXPECT_TRUE(find_numbers("no numbers here").empty());
}

TEST(NumberSpans, FirstOversizedNumberIsReportedWithItsOffsets) {
  auto big = first_oversized_number("factorial of 99999999999999999999999 please");
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->begin, 13u);
  EXPECT_EQ(big->end, 36u);
  auto negative = first_oversized_number("add 1 and -9223372036854775809");
  ASSERT_TRUE(negative.has_value());
  EXPECT_EQ(negative->begin, 10u);
  EXPECT_FALSE(first_oversized_number("add 9223372036854775807 and -5").has_value());
  EXPECT_FALSE(first_oversized_number("").has_value());
  EXPECT_EQ(find_numbers("1 2", 0).size(), 0u);
}

}  // namespace
}  // namespace anvil::data
