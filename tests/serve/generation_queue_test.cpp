// What a stream may show before the answer is final: never half a UTF-8 character, never the
// start of a stop string that the final answer will cut off.
#include "anvil/serve/generation_queue.h"

#include <gtest/gtest.h>

namespace anvil::serve {
namespace {

TEST(StreamSafeLength, HoldsBackPartialCharactersAndStopPrefixes) {
  const std::vector<std::string> none;
  EXPECT_EQ(stream_safe_length("hello", none), 5u);
  EXPECT_EQ(stream_safe_length("caf\xc3", none), 3u);               // é cut after its lead byte
  EXPECT_EQ(stream_safe_length("caf\xc3\xa9", none), 5u);           // complete
  EXPECT_EQ(stream_safe_length("x\xe2\x82", none), 1u);             // € missing its last byte
  EXPECT_EQ(stream_safe_length("x\xf0\x9f\x98\x80", none), 5u);     // a whole 4-byte emoji
  EXPECT_EQ(stream_safe_length("x\xf0\x9f\x98", none), 1u);
  const std::vector<std::string> stops = {"\n[confidence", "END"};
  EXPECT_EQ(stream_safe_length("{\"a\":1}\n", stops), 7u);  // "\n" may start "\n[confidence"
  EXPECT_EQ(stream_safe_length("{\"a\":1}\n[conf", stops), 7u);
  EXPECT_EQ(stream_safe_length("{\"a\":1}\nx", stops), 9u);  // no longer a stop's start
  EXPECT_EQ(stream_safe_length("THE EN", stops), 4u);
  EXPECT_EQ(stream_safe_length("", stops), 0u);
}

}  // namespace
}  // namespace anvil::serve
