// CRC-32C and its TFRecord mask against the published test vectors (docs/formats.md §4.2,
// RFC 3720 B.4 for the 32-byte patterns, LevelDB's crc32c_test for the mask).
#include "anvil/track/crc32c.h"

#include <gtest/gtest.h>

#include <string>

namespace anvil::track {
namespace {

TEST(Crc32c, KnownAnswers) {
  EXPECT_EQ(crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(crc32c(std::string(32, '\0')), 0x8A9136AAu);
  EXPECT_EQ(crc32c(std::string(32, '\xff')), 0x62A8AB43u);
  std::string ascending, descending;
  for (int i = 0; i < 32; ++i) {
    ascending += static_cast<char>(i);
    descending += static_cast<char>(31 - i);
  }
  EXPECT_EQ(crc32c(ascending), 0x46DD794Eu);
  EXPECT_EQ(crc32c(descending), 0x113FDB5Cu);
  EXPECT_EQ(crc32c(""), 0u);
}

TEST(Crc32c, ExtendEqualsOneShotAtEverySplit) {
  std::string data;
  for (int i = 0; i < 100; ++i) data += static_cast<char>(i * 37 + 11);
  for (size_t split = 0; split <= data.size(); ++split) {
    uint32_t c = crc32c_extend(0, data.data(), split);
    c = crc32c_extend(c, data.data() + split, data.size() - split);
    ASSERT_EQ(c, crc32c(data)) << "split at " << split;
  }
}

TEST(Crc32c, MaskedCrcMatchesTheSpecVectorAndRoundTrips) {
  const std::string bytes = std::string("\x1a\x11") + "CRC test, one two";
  EXPECT_EQ(mask_crc(crc32c(bytes)), 0x5794D08Au);
  for (uint32_t c : {0u, 1u, 0xE3069283u, 0xFFFFFFFFu}) {
    EXPECT_NE(mask_crc(c), c);
    EXPECT_NE(mask_crc(mask_crc(c)), mask_crc(c));
    EXPECT_EQ(unmask_crc(mask_crc(c)), c);
  }
}

}  // namespace
}  // namespace anvil::track
