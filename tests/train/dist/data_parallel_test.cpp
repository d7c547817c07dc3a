// DataParallel on two Gloo ranks: after K AdamW steps, each rank (half the batch) holds the same
// weights as one process training on the whole batch. Each rank computes that one-process
// reference itself (it knows the whole batch), so no files pass between processes.
#include "anvil/train/dist/data_parallel.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "support/dist_ranks.h"

namespace anvil::dist {
namespace {

using anvil::testing::in_rank_process;
using anvil::testing::run_ranks;

// Two layers for every example; a side branch only the first half of the batch uses (so only
// rank 0 produces its gradient); a parameter no example uses; a buffer.
struct NetImpl : torch::nn::Module {
  torch::nn::Linear a{nullptr}, b{nullptr}, side{nullptr}, unused{nullptr};
  torch::Tensor counter;
  NetImpl() {
    a = register_module("a", torch::nn::Linear(5, 16));
    b = register_module("b", torch::nn::Linear(16, 3));
    side = register_module("side", torch::nn::Linear(5, 3));
    unused = register_module("unused", torch::nn::Linear(2, 2));
    counter = register_buffer("counter", torch::zeros({2}));
  }
  // Mean loss over rows [begin, end) of the batch.
  torch::Tensor loss(const torch::Tensor& x, const torch::Tensor& y, int64_t begin, int64_t end,
                     int64_t half) {
    auto xs = x.slice(0, begin, end), ys = y.slice(0, begin, end);
    auto out = b(torch::tanh(a(xs)));
    auto per_row = (out - ys).pow(2).sum(1);
    const int64_t side_end = std::min(end, half);
    if (side_end > begin) {
      auto extra = side(x.slice(0, begin, side_end)).pow(2).sum(1);
      per_row = per_row + torch::cat({extra, torch::zeros({end - side_end})});
    }
    return per_row.mean();
  }
};
TORCH_MODULE(Net);

void copy_weights(Net& to, Net& from) {
  torch::NoGradGuard g;
  auto tp = to->parameters(), fp = from->parameters();
  for (size_t i = 0; i < tp.size(); ++i) tp[i].copy_(fp[i]);
}

void train_and_compare(const std::shared_ptr<ProcessGroup>& group, int64_t bucket_bytes) {
  const int rank = group->rank(), world = group->size();
  torch::manual_seed(100 + rank);  // replicas start different: the broadcast must fix that
  Net net;
  net->counter.fill_(rank + 1);
  DataParallelOptions o;
  o.bucket_bytes = bucket_bytes;
  auto dp = DataParallel::for_module(group, *net, o);
  dp.broadcast_from(0);
  EXPECT_TRUE(torch::equal(net->counter, torch::ones({2})));  // rank 0's buffer
  torch::manual_seed(100);  // rank 0's initial weights, for the reference
  Net reference;
  copy_weights(reference, net);
  const auto unused_before = net->unused->weight.clone();

  torch::optim::AdamW opt(net->parameters(), torch::optim::AdamWOptions(1e-2).weight_decay(0.1));
  torch::optim::AdamW ref_opt(reference->parameters(),
                              torch::optim::AdamWOptions(1e-2).weight_decay(0.1));
  const int64_t per_rank = 6, batch = per_rank * world;
  torch::manual_seed(7);
  for (int step = 0; step < 5; ++step) {
    auto x = torch::randn({batch, 5}), y = torch::randn({batch, 3});
    opt.zero_grad();
    net->loss(x, y, rank * per_rank, (rank + 1) * per_rank, per_rank).backward();
    dp.average_gradients();
    opt.step();
    ref_opt.zero_grad();
    reference->loss(x, y, 0, batch, per_rank).backward();
    ref_opt.step();
  }
  auto mine = net->named_parameters();
  for (const auto& p : reference->named_parameters()) {
    const auto& m = mine[p.key()];
    const double rel = (m - p.value()).abs().max().item<double>() /
                       std::max(1e-12, p.value().abs().max().item<double>());
    // fp32: the only difference is the order of the two halves' sums (a few ulp per step).
    EXPECT_LT(rel, 1e-6) << p.key() << " on rank " << rank;
  }
  EXPECT_FALSE(net->unused->weight.grad().defined());
  EXPECT_TRUE(torch::equal(net->unused->weight, unused_before));
  EXPECT_GT(dp.bucket_count(), bucket_bytes < 100 ? 2u : 0u);
  EXPECT_EQ(dp.stats().reductions, 5);
}

TEST(DataParallelRanks, DISABLED_MatchesOneProcessOnTheWholeBatch) {
  ASSERT_TRUE(in_rank_process());
  ProcessGroupOptions po;
  po.timeout = std::chrono::seconds(60);
  auto group = ProcessGroup::connect(read_environment(), po);
  train_and_compare(group, 25 << 20);
  train_and_compare(group, 64);  // a bucket per tensor or two
}

TEST(DataParallel, TwoRanksOnHalfBatchesMatchOneProcessOnTheWholeBatch) {
  if (built_backends().empty()) GTEST_SKIP() << "built without c10d Gloo";
  auto ranks = run_ranks({"DataParallelRanks.DISABLED_MatchesOneProcessOnTheWholeBatch"});
  for (size_t r = 0; r < ranks.size(); ++r)
    EXPECT_EQ(ranks[r].exit_code, 0) << "rank " << r << ":\n" << ranks[r].output;
}

}  // namespace
}  // namespace anvil::dist
