// ProcessGroup on real c10d Gloo: two rank processes of this test binary on loopback (see
// support/dist_ranks.h). The DISABLED_ tests are the ranks' bodies; the others start them.
#include "anvil/train/dist/process_group.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "anvil/core/error.h"
#include "support/dist_ranks.h"

namespace anvil::dist {
namespace {

using anvil::testing::in_rank_process;
using anvil::testing::run_ranks;

std::shared_ptr<ProcessGroup> join(int timeout_ms = 30000) {
  ProcessGroupOptions o;
  if (const char* t = std::getenv("ANVIL_TEST_TIMEOUT_MS")) timeout_ms = std::atoi(t);
  o.timeout = std::chrono::milliseconds(timeout_ms);
  return ProcessGroup::connect(read_environment(), o);
}

// ---- rank bodies ----

TEST(ProcessGroupRanks, DISABLED_Collectives) {
  ASSERT_TRUE(in_rank_process());
  auto g = join();
  const int r = g->rank();
  EXPECT_EQ(g->backend(), "gloo");
  EXPECT_EQ(g->size(), 2);
  std::vector<torch::Tensor> t{torch::full({3}, r + 1.0), torch::arange(4, torch::kFloat64) * r};
  g->all_reduce(t);
  EXPECT_TRUE(torch::equal(t[0], torch::full({3}, 3.0)));
  EXPECT_TRUE(torch::equal(t[1], torch::arange(4, torch::kFloat64)));
  EXPECT_EQ(g->all_reduce({r + 0.5, -1.0 * r}, ReduceOp::kMax), (std::vector<double>{1.5, 0.0}));
  EXPECT_EQ(g->all_reduce({r + 0.5}, ReduceOp::kMin), (std::vector<double>{0.5}));
  std::vector<torch::Tensor> b{torch::full({2, 2}, 10.0 * (r + 1))};
  g->broadcast(b, 1);
  EXPECT_TRUE(torch::equal(b[0], torch::full({2, 2}, 20.0)));
  EXPECT_EQ(g->broadcast_text(r == 0 ? "runs/lm-20261204" : "other"), "runs/lm-20261204");
  EXPECT_EQ(g->broadcast_text(r == 0 ? "" : "x"), "");
  g->barrier();
}

TEST(ProcessGroupRanks, DISABLED_JoinOnly) {
  try {
    auto group = join();
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the store stays up for late joiners
  } catch (const Error& e) {
    std::printf("ERROR: %s\n", e.what());
    std::fflush(stdout);
    std::_Exit(3);
  }
}

// Rank 1 leaves right after joining; rank 0's all-reduce must fail, and soon.
TEST(ProcessGroupRanks, DISABLED_PeerDiesDuringCollective) {
  auto g = join();
  if (g->rank() == 1) std::_Exit(9);
  const auto t0 = std::chrono::steady_clock::now();
  try {
    std::vector<torch::Tensor> t{torch::ones({1 << 16})};
    for (int i = 0; i < 100; ++i) g->all_reduce(t);
    std::printf("ERROR: no failure\n");
  } catch (const Error& e) {
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("FAILED AFTER %.1f s: %s\n", s, e.what());
  }
  std::fflush(stdout);
  std::_Exit(0);
}

// ---- the tests ----

TEST(ProcessGroup, AllReduceBroadcastAndBarrierOverGlooOnTwoRanks) {
  if (built_backends().empty()) GTEST_SKIP() << "built without c10d Gloo";
  auto ranks = run_ranks({"ProcessGroupRanks.DISABLED_Collectives"});
  for (size_t r = 0; r < ranks.size(); ++r)
    EXPECT_EQ(ranks[r].exit_code, 0) << "rank " << r << ":\n" << ranks[r].output;
}

TEST(ProcessGroup, MismatchedWorldSizesAreAnErrorNamingBoth) {
  anvil::testing::RankLaunch l{"ProcessGroupRanks.DISABLED_JoinOnly"};
  l.world_sizes = {2, 3};
  l.extra_env = "ANVIL_TEST_TIMEOUT_MS=5000";
  auto ranks = run_ranks(l);
  ASSERT_EQ(ranks.size(), 2u);
  EXPECT_EQ(ranks[1].exit_code, 3) << ranks[1].output;
  EXPECT_NE(ranks[1].output.find("started with WORLD_SIZE=3 but rank 0 with WORLD_SIZE=2"),
            std::string::npos)
      << ranks[1].output;
  EXPECT_EQ(ranks[0].exit_code, 3) << ranks[0].output;  // sees rank 1's 3, or times out naming it
}

TEST(ProcessGroup, ARankThatNeverJoinsIsNamedAfterTheTimeout) {
  anvil::testing::RankLaunch l{"ProcessGroupRanks.DISABLED_JoinOnly"};
  l.ranks = {0};
  l.extra_env = "ANVIL_TEST_TIMEOUT_MS=1500";
  const auto t0 = std::chrono::steady_clock::now();
  auto ranks = run_ranks(l);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 30);
  EXPECT_EQ(ranks[0].exit_code, 3);
  EXPECT_NE(ranks[0].output.find("rank(s) 1 of 2 never joined the rendezvous"), std::string::npos)
      << ranks[0].output;
}

TEST(ProcessGroup, TwoProcessesClaimingOneRankAreAnError) {
  anvil::testing::RankLaunch l{"ProcessGroupRanks.DISABLED_JoinOnly"};
  l.ranks = {0, 1, 1};
  l.extra_env = "ANVIL_TEST_TIMEOUT_MS=3000";
  auto ranks = run_ranks(l);
  const std::string all = ranks[1].output + ranks[2].output;
  EXPECT_NE(all.find("two processes claim RANK=1"), std::string::npos) << all;
}

TEST(ProcessGroup, ADeadPeerEndsTheCollectiveWithAnError) {
  anvil::testing::RankLaunch l{"ProcessGroupRanks.DISABLED_PeerDiesDuringCollective"};
  l.extra_env = "ANVIL_TEST_TIMEOUT_MS=20000";
  auto ranks = run_ranks(l);
  EXPECT_EQ(ranks[1].exit_code, 9);
  EXPECT_NE(ranks[0].output.find("all-reduce failed"), std::string::npos) << ranks[0].output;
  EXPECT_NE(ranks[0].output.find("rank 0 of 2"), std::string::npos) << ranks[0].output;
}

}  // namespace
}  // namespace anvil::dist
