// Replay selection: exact per-specialist shares, caps, determinism and the fraction's range.
#include "anvil/pipeline/replay.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "anvil/core/error.h"

namespace anvil::pipeline {
namespace {

std::vector<std::string> earlier_records() {
  std::vector<std::string> v;
  for (int i = 0; i < 10; ++i) v.push_back("b_spec");
  for (int i = 0; i < 3; ++i) v.push_back("c_spec");
  for (int i = 0; i < 10; ++i) v.push_back("a_spec");
  return v;
}

std::map<std::string, int> count(const std::vector<std::string>& names,
                                 const std::vector<size_t>& idx) {
  std::map<std::string, int> c;
  for (size_t i : idx) ++c[names.at(i)];
  return c;
}

TEST(Replay, SharesAreSpreadEvenlyInNameOrderAndCappedByWhatASpecialistHas) {
  const auto names = earlier_records();
  // 0.2 * 100 = 20 over 3 specialists: 7, 7, 6 in name order; c_spec has only 3.
  auto idx = choose_replay(names, 100, 0.2, 7);
  EXPECT_EQ(count(names, idx),
            (std::map<std::string, int>{{"a_spec", 7}, {"b_spec", 7}, {"c_spec", 3}}));
  EXPECT_TRUE(std::is_sorted(idx.begin(), idx.end()));
  EXPECT_EQ(std::set<size_t>(idx.begin(), idx.end()).size(), idx.size()) << "drawn twice";
  // 0.05 * 50 = 2.5 -> 3 (rounded): 1 each.
  EXPECT_EQ(count(names, choose_replay(names, 50, 0.05, 7)),
            (std::map<std::string, int>{{"a_spec", 1}, {"b_spec", 1}, {"c_spec", 1}}));
}

TEST(Replay, IsAPureFunctionOfTheSeed) {
  const auto names = earlier_records();
  EXPECT_EQ(choose_replay(names, 40, 0.25, 1), choose_replay(names, 40, 0.25, 1));
  EXPECT_NE(choose_replay(names, 40, 0.25, 1), choose_replay(names, 40, 0.25, 2));
}

TEST(Replay, ZeroFractionOrNoEarlierRecordsReplaysNothingAndBadFractionsAreErrors) {
  EXPECT_TRUE(choose_replay(earlier_records(), 100, 0.0, 1).empty());
  EXPECT_TRUE(choose_replay({}, 100, 0.5, 1).empty());
  EXPECT_THROW(choose_replay(earlier_records(), 100, 1.5, 1), Error);
  EXPECT_THROW(choose_replay(earlier_records(), 100, -0.1, 1), Error);
}

}  // namespace
}  // namespace anvil::pipeline
