// on_rank_zero / from_rank_zero on two real Gloo ranks: rank 0's result reaches the other rank
// after the work is done, and rank 0's failure becomes an Error there (not a hang).
#include "anvil/train/dist/rank_zero.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "anvil/core/error.h"
#include "support/dist_ranks.h"

namespace anvil::dist {
namespace {

using anvil::testing::in_rank_process;
using anvil::testing::run_ranks;

// ---- rank bodies ----

TEST(RankZeroRanks, DISABLED_ResultAndFailure) {
  ASSERT_TRUE(in_rank_process());
  ProcessGroupOptions o;
  o.timeout = std::chrono::seconds(30);
  auto g = ProcessGroup::connect(read_environment(), o);
  const std::string file = std::getenv("ANVIL_TEST_FILE");
  int calls = 0;
  // Rank 0 writes a file; when the others return it is there.
  const std::string text = from_rank_zero(g, [&] {
    ++calls;
    std::ofstream(file) << "written by rank 0";
    return std::string("the result");
  });
  EXPECT_EQ(text, "the result");
  EXPECT_EQ(calls, g->rank() == 0 ? 1 : 0);
  EXPECT_TRUE(std::filesystem::exists(file));
  try {
    on_rank_zero(g, [] { throw usage_error("no such specialist 'x'"); });
    ADD_FAILURE() << "no error on rank " << g->rank();
  } catch (const Error& e) {
    std::printf("rank %d: %s\n", g->rank(), e.what());
  }
  g->barrier();  // the group still works after a failure was passed on
}

TEST(RankZero, TheResultOrTheFailureOfRankZeroReachesEveryRank) {
  if (built_backends().empty()) GTEST_SKIP() << "built without c10d Gloo";
  anvil::testing::TempDir dir("rank-zero");
  anvil::testing::RankLaunch l{"RankZeroRanks.DISABLED_ResultAndFailure"};
  l.extra_env = "ANVIL_TEST_FILE=" + dir.path() + "/out.txt";
  auto ranks = run_ranks(l);
  for (int r = 0; r < 2; ++r) EXPECT_EQ(ranks[r].exit_code, 0) << ranks[r].output;
  EXPECT_NE(ranks[1].output.find(
                "rank 1: rank 0 failed at work it did for all ranks: no such specialist 'x'"),
            std::string::npos)
      << ranks[1].output;
  EXPECT_NE(ranks[0].output.find("rank 0: no such specialist 'x'"), std::string::npos)
      << ranks[0].output;
}

TEST(RankZero, WithoutAGroupTheWorkRunsHere) {
  int calls = 0;
  EXPECT_EQ(from_rank_zero(nullptr, [&] { return std::to_string(++calls); }), "1");
  on_rank_zero(nullptr, [&] { ++calls; });
  EXPECT_EQ(calls, 2);
  EXPECT_THROW(on_rank_zero(nullptr, [] { throw Error("x"); }), Error);
}

}  // namespace
}  // namespace anvil::dist
