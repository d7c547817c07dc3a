// DistributedSampler: disjoint shards whose union is the epoch, padding and dropping, seeds.
#include "anvil/train/dist/sampler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace anvil::dist {
namespace {

std::vector<std::vector<int64_t>> shards(int64_t n, int world, bool drop_last, int64_t epoch,
                                         uint64_t seed = 7) {
  std::vector<std::vector<int64_t>> out;
  for (int r = 0; r < world; ++r)
    out.push_back(DistributedSampler(n, {r, world, seed, true, drop_last}).indices(epoch));
  return out;
}

TEST(DistributedSampler, ShardsAreDisjointAndCoverTheEpoch) {
  for (int world : {1, 2, 3, 4}) {
    const auto s = shards(12, world, false, 0);
    std::multiset<int64_t> all;
    for (const auto& shard : s) {
      EXPECT_EQ(shard.size(), 12u / world);
      all.insert(shard.begin(), shard.end());
    }
    std::multiset<int64_t> expected;
    for (int64_t i = 0; i < 12; ++i) expected.insert(i);
    EXPECT_EQ(all, expected) << "world " << world;
  }
}

TEST(DistributedSampler, PadRepeatsThePermutationsStartDropLastCutsTheTail) {
  const auto padded = shards(10, 4, false, 3);
  std::multiset<int64_t> all;
  for (const auto& s : padded) {
    EXPECT_EQ(s.size(), 3u);
    all.insert(s.begin(), s.end());
  }
  std::set<int64_t> distinct(all.begin(), all.end());
  EXPECT_EQ(distinct.size(), 10u);  // every example at least once
  EXPECT_EQ(all.size(), 12u);       // two of them twice
  const auto dropped = shards(10, 4, true, 3);
  std::set<int64_t> kept;
  for (const auto& s : dropped) {
    EXPECT_EQ(s.size(), 2u);
    for (auto i : s) EXPECT_TRUE(kept.insert(i).second) << i << " twice";
  }
  EXPECT_EQ(kept.size(), 8u);
  // The same permutation underlies both: dropping keeps the first 8 of it.
  for (size_t r = 0; r < 4; ++r)
    for (size_t j = 0; j < 2; ++j) EXPECT_EQ(dropped[r][j], padded[r][j]);
}

TEST(DistributedSampler, SameSeedSameShardsNewEpochNewOrder) {
  EXPECT_EQ(shards(100, 2, false, 5), shards(100, 2, false, 5));
  EXPECT_NE(shards(100, 2, false, 5), shards(100, 2, false, 6));
  EXPECT_NE(shards(100, 2, false, 5, 1), shards(100, 2, false, 5, 2));
}

TEST(DistributedSampler, UnshuffledIsStrided) {
  DistributedSampler s(7, {1, 3, 0, false, false});
  EXPECT_EQ(s.indices(0), (std::vector<int64_t>{1, 4, 0}));
  EXPECT_EQ(s.shard_size(), 3);
}

TEST(DistributedSampler, RankOutsideTheWorldIsRejected) {
  EXPECT_ANY_THROW(DistributedSampler(5, {2, 2, 0, true, false}));
}

}  // namespace
}  // namespace anvil::dist
