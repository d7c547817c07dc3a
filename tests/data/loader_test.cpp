// DataLoader and splits: seeded epoch order, drop_last, prefetch equivalence, error propagation.
#include "anvil/data/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "anvil/core/error.h"
#include "anvil/data/splits.h"

namespace anvil::data {
namespace {

std::vector<int64_t> iota(int64_t n) {
  std::vector<int64_t> v(static_cast<size_t>(n));
  std::iota(v.begin(), v.end(), 0);
  return v;
}

TEST(Loader, EpochOrderIsSeededAndDiffersBetweenEpochs) {
  LoaderOptions o;
  o.batch_size = 4;
  auto e1 = epoch_batches(iota(10), o, 1), e1b = epoch_batches(iota(10), o, 1),
       e2 = epoch_batches(iota(10), o, 2);
  EXPECT_EQ(e1, e1b);
  EXPECT_NE(e1, e2);
  ASSERT_EQ(e1.size(), 3u);
  EXPECT_EQ(e1[2].size(), 2u);
  std::set<int64_t> seen;
  for (const auto& b : e1) seen.insert(b.begin(), b.end());
  EXPECT_EQ(seen.size(), 10u);
  o.drop_last = true;
  EXPECT_EQ(epoch_batches(iota(10), o, 1).size(), 2u);
}

TEST(Loader, FullShuffleOrderIsUnchangedByTheBlockShuffleOptions) {
  // The default (shuffle_block = 0) is the full shuffle every earlier run used.
  LoaderOptions o;
  std::vector<int64_t> expected = iota(50);
  Rng(o.seed).fork(3).shuffle(expected);
  EXPECT_EQ(epoch_order(iota(50), o, 3), expected);
}

TEST(Loader, BlockShuffleIsAPermutationSeededPerEpoch) {
  LoaderOptions o;
  o.shuffle_block = 16;
  o.shuffle_buffer = 8;
  // Indices as a split gives them: unsorted, with gaps.
  std::vector<int64_t> indices;
  for (int64_t i = 0; i < 1000; ++i)
    if (i % 7 != 3) indices.push_back(i);
  Rng(5).shuffle(indices);
  std::vector<int64_t> sorted = indices;
  std::sort(sorted.begin(), sorted.end());
  const auto e1 = epoch_order(indices, o, 1), e1b = epoch_order(indices, o, 1),
             e2 = epoch_order(indices, o, 2);
  for (const auto* e : {&e1, &e2}) {
    std::vector<int64_t> s = *e;
    std::sort(s.begin(), s.end());
    EXPECT_EQ(s, sorted);  // every index exactly once
  }
  EXPECT_EQ(e1, e1b);
  EXPECT_NE(e1, e2);
  EXPECT_NE(e1, sorted);
  o.seed = 43;
  EXPECT_NE(epoch_order(indices, o, 1), e1);
}

TEST(Loader, BlockShuffleKeepsReadsLocal) {
  // With a buffer of B, index k of the output comes from at most B + 2 blocks around the current
  // one: measure that consecutive outputs mostly share a block.
  LoaderOptions o;
  o.shuffle_block = 64;
  o.shuffle_buffer = 4;
  const auto order = epoch_order(iota(4096), o, 1);
  size_t same_block = 0;
  for (size_t i = 1; i < order.size(); ++i) same_block += order[i] / 64 == order[i - 1] / 64;
  EXPECT_GT(same_block, order.size() * 8 / 10);
  // Without a buffer, each block comes out whole and in order.
  o.shuffle_buffer = 0;
  const auto blocks = epoch_order(iota(4096), o, 1);
  for (size_t i = 0; i < blocks.size(); i += 64)
    for (size_t j = 1; j < 64; ++j) EXPECT_EQ(blocks[i + j], blocks[i] + static_cast<int64_t>(j));
  o.shuffle_block = -1;
  EXPECT_THROW(epoch_order(iota(10), o, 1), Error);
}

TEST(Loader, PrefetchingGivesTheSameBatchesAsInline) {
  LoaderOptions o;
  o.batch_size = 3;
  auto sum = [](const std::vector<int64_t>& idx) {
    return std::accumulate(idx.begin(), idx.end(), int64_t{0});
  };
  for (int64_t prefetch : {0, 1, 3}) {
    o.prefetch = prefetch;
    DataLoader<int64_t> loader(iota(20), o, sum);
    EXPECT_EQ(loader.batches_per_epoch(), 7);
    loader.start_epoch(1);
    std::vector<int64_t> got;
    while (auto b = loader.next()) got.push_back(*b);
    std::vector<int64_t> expected;
    for (const auto& b : epoch_batches(iota(20), o, 1)) expected.push_back(sum(b));
    EXPECT_EQ(got, expected) << "prefetch " << prefetch;
  }
}

TEST(Loader, WorkerErrorsReachTheConsumer) {
  LoaderOptions o;
  o.batch_size = 2;
  o.prefetch = 2;
  DataLoader<int> loader(iota(6), o,
                         [](const std::vector<int64_t>&) -> int { throw Error("bad batch"); });
  loader.start_epoch(1);
  EXPECT_THROW(loader.next(), Error);
}

TEST(Loader, NextBeforeAnEpochStartedIsAnErrorNotAHang) {
  LoaderOptions o;
  o.prefetch = 2;
  DataLoader<int64_t> loader(iota(6), o, [](const std::vector<int64_t>& idx) {
    return static_cast<int64_t>(idx.size());
  });
  EXPECT_THROW(loader.next(), Error);
  loader.start_epoch(1);
  EXPECT_TRUE(loader.next().has_value());
}

TEST(Splits, TrainValidationSplitIsSeededAndDisjoint) {
  auto a = train_validation_split(100, 0.9, 42), b = train_validation_split(100, 0.9, 42);
  EXPECT_EQ(a.train, b.train);
  EXPECT_EQ(a.train.size(), 90u);
  EXPECT_EQ(a.validation.size(), 10u);
  std::set<int64_t> all(a.train.begin(), a.train.end());
  all.insert(a.validation.begin(), a.validation.end());
  EXPECT_EQ(all.size(), 100u);
  EXPECT_THROW(train_validation_split(10, 1.5, 1), Error);
}

TEST(Splits, KFoldValidatesOnEveryRecordExactlyOnce) {
  auto folds = k_fold_splits(23, 5, 7);
  ASSERT_EQ(folds.size(), 5u);
  std::multiset<int64_t> validated;
  for (const auto& f : folds) {
    EXPECT_EQ(f.train.size() + f.validation.size(), 23u);
    validated.insert(f.validation.begin(), f.validation.end());
  }
  EXPECT_EQ(validated.size(), 23u);
  EXPECT_EQ(std::set<int64_t>(validated.begin(), validated.end()).size(), 23u);
  EXPECT_THROW(k_fold_splits(3, 5, 1), Error);
}

}  // namespace
}  // namespace anvil::data
