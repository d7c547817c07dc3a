// anvil::dist::launch with `/bin/sh -c` ranks: the torchrun environment, output prefixing, stopping
// the others when a rank fails, exec failures, the master port check, option validation and
// signal forwarding; and LinePrefixer, which turns output chunks into prefixed lines. Every test
// that starts a `sleep 30` asserts it ends within a few seconds.
#include "anvil/train/dist/launch.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <thread>

#include "anvil/core/error.h"
#include "support/free_port.h"
#include "support/run_cli.h"
#include "train/dist/line_prefixer.h"

namespace anvil::dist {
namespace {

using anvil::testing::free_tcp_port;
using anvil::testing::ListeningSocket;
using anvil::testing::TempDir;

// Keeps what launch() reports: rank stdout (kResult) and log lines + rank stderr (kLog).
class CaptureSink : public Sink {
 public:
  void write(Channel channel, const std::string& text) override {
    (channel == Channel::kResult ? out : log) += text;
  }
  std::string out, log;
};

// Sets (or with nullopt unsets) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      ::setenv(name, value->c_str(), 1);
    else
      ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      ::setenv(name_, old_->c_str(), 1);
    else
      ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

LaunchOptions sh_ranks(int nproc, const std::string& script) {
  LaunchOptions o;
  o.nproc_per_node = nproc;
  o.master_port = free_tcp_port();  // the port check must not see another test's job
  o.command = {"/bin/sh", "-c", script};
  o.grace_seconds = 2;
  return o;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(LaunchEnvironment, RanksOfTheSecondNodeGetTorchrunVariables) {
  ScopedEnv omp("OMP_NUM_THREADS", std::nullopt);
  ScopedEnv stale("RANK", "99");  // the supervisor's own RANK must not leak into the ranks
  auto o = sh_ranks(2,
                    "echo \"$RANK $WORLD_SIZE $LOCAL_RANK $LOCAL_WORLD_SIZE $GROUP_RANK "
                    "$MASTER_ADDR $MASTER_PORT $OMP_NUM_THREADS $ANVIL_THREADS_PER_RANK\"");
  o.nnodes = 2;
  o.node_rank = 1;
  o.master_addr = "10.1.2.3";
  o.master_port = 29555;
  o.threads_per_rank = 3;
  CaptureSink sink;
  const auto r = launch(o, &sink);
  EXPECT_EQ(r.exit_code, 0) << r.failure;
  EXPECT_TRUE(contains(sink.out, "[rank 2] 2 4 0 2 1 10.1.2.3 29555 3 3\n")) << sink.out;
  EXPECT_TRUE(contains(sink.out, "[rank 3] 3 4 1 2 1 10.1.2.3 29555 3 3\n")) << sink.out;
}

TEST(LaunchEnvironment, UserOmpNumThreadsWinsAndThreadsDefaultToCoresPerRank) {
  ScopedEnv omp("OMP_NUM_THREADS", "5");
  auto o = sh_ranks(1, "echo \"$OMP_NUM_THREADS $ANVIL_THREADS_PER_RANK\"");
  CaptureSink sink;
  EXPECT_EQ(launch(o, &sink).exit_code, 0);
  const int threads = o.resolved_threads_per_rank();
  EXPECT_GE(threads, 1);
  EXPECT_TRUE(contains(sink.out, "[rank 0] 5 " + std::to_string(threads) + "\n")) << sink.out;
}

TEST(LaunchOutput, EveryLineIsPrefixedAndStreamsStayApart) {
  auto o = sh_ranks(2, "echo one; echo two; echo \"err $RANK\" >&2; printf 'no newline'");
  o.threads_per_rank = 2;
  CaptureSink sink;
  const auto r = launch(o, &sink);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.failed_rank, -1);
  EXPECT_TRUE(r.failure.empty()) << r.failure;
  for (const std::string rank : {"0", "1"}) {
    const std::string p = "[rank " + rank + "] ";
    EXPECT_TRUE(contains(sink.out, p + "one\n" + p + "two\n")) << sink.out;
    EXPECT_TRUE(contains(sink.out, p + "no newline\n")) << sink.out;  // flushed at exit
    EXPECT_TRUE(contains(sink.log, p + "err " + rank + "\n")) << sink.log;
  }
  EXPECT_FALSE(contains(sink.out, "err")) << sink.out;
  EXPECT_TRUE(
      contains(sink.log, "launching 2 ranks on this node (world size 2), master 127.0.0.1:" +
                             std::to_string(o.master_port) + ", 2 threads per rank\n"))
      << sink.log;
  EXPECT_TRUE(contains(sink.log, "all 2 ranks exited 0")) << sink.log;
}

TEST(LaunchOutput, CarriageReturnsRedrawInPlaceWithThePrefix) {
  auto o = sh_ranks(1, "printf '\\r10%%\\r50%%\\r100%%\\r\\ndone\\n'");
  CaptureSink sink;
  ASSERT_EQ(launch(o, &sink).exit_code, 0);
  EXPECT_EQ(sink.out, "[rank 0] 10%\r[rank 0] 50%\r[rank 0] 100%\r\n[rank 0] done\n");
}

TEST(LaunchFailure, FailingRankStopsASleepingOneQuickly) {
  auto o = sh_ranks(2, "if [ \"$RANK\" = 1 ]; then sleep 0.2; exit 3; fi; sleep 30");
  CaptureSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = launch(o, &sink);
  EXPECT_LT(seconds_since(t0), 5.0);  // not the 30 s of the sleep, nor the 2 s grace
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.failed_rank, 1);
  EXPECT_TRUE(contains(r.failure, "rank 1 (pid ")) << r.failure;
  EXPECT_TRUE(contains(r.failure, ") exited with status 3; stopped ranks 0")) << r.failure;
  EXPECT_FALSE(contains(r.failure, "SIGKILL")) << r.failure;  // SIGTERM was enough
}

TEST(LaunchFailure, RankIgnoringSigtermIsKilledAfterTheGracePeriod) {
  TempDir dir("launch");
  const std::string ready = "'" + (dir / "ready") + "'";
  // Rank 1 fails once rank 0 ignores SIGTERM (at most 5 s later).
  auto o = sh_ranks(2, "if [ \"$RANK\" = 1 ]; then for i in $(seq 100); do [ -e " + ready +
                           " ] && break; sleep 0.05; done; exit 4; fi; trap '' TERM; touch " +
                           ready + "; sleep 30");
  o.grace_seconds = 1;
  CaptureSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = launch(o, &sink);
  const double took = seconds_since(t0);
  EXPECT_GE(took, 1.0);
  EXPECT_LT(took, 8.0);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_TRUE(contains(r.failure, "stopped ranks 0 (SIGKILL)")) << r.failure;
}

TEST(LaunchFailure, RankKilledBySignalGives128PlusSignal) {
  auto o = sh_ranks(1, "echo before; kill -KILL $$");
  CaptureSink sink;
  const auto r = launch(o, &sink);
  EXPECT_EQ(r.exit_code, 128 + 9);
  EXPECT_EQ(r.failed_rank, 0);
  EXPECT_TRUE(contains(r.failure, "was killed by signal 9 (SIGKILL)")) << r.failure;
  EXPECT_TRUE(contains(sink.out, "[rank 0] before\n")) << sink.out;
}

TEST(LaunchFailure, CommandThatCannotRunExits127) {
  LaunchOptions o = sh_ranks(3, "");
  o.command = {"anvil-no-such-program", "--flag"};
  CaptureSink sink;
  const auto r = launch(o, &sink);
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_EQ(r.failed_rank, 0);
  EXPECT_EQ(r.failure, "cannot run 'anvil-no-such-program': No such file or directory");

  TempDir dir("launch");
  anvil::testing::write_text(dir / "not-executable", "echo hi\n");
  o.command = {dir / "not-executable"};
  const auto r2 = launch(o, &sink);
  EXPECT_EQ(r2.exit_code, 127);
  EXPECT_TRUE(contains(r2.failure, "Permission denied")) << r2.failure;
}

TEST(LaunchPort, MasterPortInUseFailsBeforeAnyRankStarts) {
  ListeningSocket taken;
  ASSERT_GT(taken.port(), 0);
  TempDir dir("launch");
  for (const std::string addr : {"127.0.0.1", "localhost"}) {
    auto o = sh_ranks(2, "touch '" + (dir / "started") + "'");
    o.master_addr = addr;
    o.master_port = taken.port();
    try {
      launch(o, nullptr);
      ADD_FAILURE() << "no error for a port in use on " << addr;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage);
      EXPECT_EQ(e.option(), "master_port");
      EXPECT_EQ(std::string(e.what()), "MASTER_PORT " + std::to_string(taken.port()) + " on " +
                                           addr + " is already in use (another job?)");
    }
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "started"));

  // Another node's ranks do not host the store: no check.
  auto o = sh_ranks(1, "true");
  o.master_port = taken.port();
  o.nnodes = 2;
  o.node_rank = 1;
  EXPECT_EQ(launch(o, nullptr).exit_code, 0);
}

TEST(LaunchPort, LocalAddresses) {
  EXPECT_TRUE(is_local_address("127.0.0.1"));
  EXPECT_TRUE(is_local_address("localhost"));
  EXPECT_TRUE(is_local_address("::1"));
  char name[256] = {};
  ASSERT_EQ(::gethostname(name, sizeof name - 1), 0);
  EXPECT_TRUE(is_local_address(name));
  EXPECT_FALSE(is_local_address("192.0.2.1"));  // TEST-NET-1, never assigned
  EXPECT_FALSE(is_local_address("node-17.cluster.example"));
}

TEST(LaunchOptionsValidation, BadOptionsAreUsageErrorsNamingTheOption) {
  struct Case {
    const char* option;
    void (*mutate)(LaunchOptions&);
  };
  const Case cases[] = {
      {"nproc_per_node", [](LaunchOptions& o) { o.nproc_per_node = 0; }},
      {"nnodes", [](LaunchOptions& o) { o.nnodes = 0; }},
      {"node_rank", [](LaunchOptions& o) { o.node_rank = 2; }},
      {"node_rank", [](LaunchOptions& o) { o.node_rank = -1; }},
      {"master_addr", [](LaunchOptions& o) { o.master_addr = ""; }},
      {"master_port", [](LaunchOptions& o) { o.master_port = 0; }},
      {"master_port", [](LaunchOptions& o) { o.master_port = 65536; }},
      {"command", [](LaunchOptions& o) { o.command.clear(); }},
      {"grace_seconds", [](LaunchOptions& o) { o.grace_seconds = -1; }},
      {"threads_per_rank", [](LaunchOptions& o) { o.threads_per_rank = -2; }},
  };
  for (const auto& c : cases) {
    auto o = sh_ranks(1, "true");
    o.nnodes = 2;
    c.mutate(o);
    try {
      launch(o, nullptr);
      ADD_FAILURE() << "no error for a bad " << c.option;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage) << e.what();
      EXPECT_EQ(e.option(), c.option) << e.what();
      EXPECT_TRUE(contains(e.what(), c.option)) << e.what();
    }
  }
}

// A signal sent to this test process while launch() runs is the supervisor's signal. The ranks
// create ready files first, so it is sent only once they run (and launch() has not returned).
TEST(LaunchSignals, SecondSigintKillsRanksThatIgnoreTheFirst) {
  TempDir dir("launch");
  auto o = sh_ranks(2, "trap '' INT; touch '" + dir.path() + "/ready.'$RANK; sleep 30");
  o.grace_seconds = 20;
  std::thread sender([&] {
    for (int i = 0; i < 500; ++i) {  // up to 5 s
      if (std::filesystem::exists(dir / "ready.0") && std::filesystem::exists(dir / "ready.1")) {
        ::kill(::getpid(), SIGINT);  // forwarded, ignored by the ranks
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        ::kill(::getpid(), SIGINT);  // SIGKILL now, not after 20 s
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  struct sigaction before {};
  ::sigaction(SIGINT, nullptr, &before);
  CaptureSink sink;
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = launch(o, &sink);
  sender.join();
  EXPECT_LT(seconds_since(t0), 8.0);
  EXPECT_EQ(r.exit_code, 130);
  EXPECT_EQ(r.failed_rank, -1);
  EXPECT_TRUE(contains(r.failure, "interrupted by SIGINT; stopped ranks 0 (SIGKILL), 1 (SIGKILL)"))
      << r.failure;
  EXPECT_TRUE(contains(sink.log, "received SIGINT again")) << sink.log;
  struct sigaction after {};  // the previous disposition is back
  ::sigaction(SIGINT, nullptr, &after);
  EXPECT_EQ(after.sa_handler, before.sa_handler);
}

TEST(LinePrefixer, SplitsOnNewlinesAndCarriageReturnsAcrossChunks) {
  LinePrefixer p("[rank 1] ");
  EXPECT_EQ(p.feed("ab", 2), "");
  EXPECT_EQ(p.feed("c\nd", 3), "[rank 1] abc\n");
  EXPECT_EQ(p.feed("e\r", 2), "");  // "\r\n" or a lone "\r"? held
  EXPECT_EQ(p.feed("\nf\rg\r", 5), "[rank 1] de\r\n[rank 1] f\r");
  EXPECT_EQ(p.feed("h", 1), "[rank 1] g\r");
  EXPECT_EQ(p.feed("\r\r\n\n", 4), "[rank 1] h\r[rank 1] \r\n[rank 1] \n");
  EXPECT_EQ(p.flush(), "");
  EXPECT_EQ(p.feed("tail\r", 5), "");
  EXPECT_EQ(p.flush(), "[rank 1] tail\n");
}

TEST(LinePrefixer, SplitsVeryLongLines) {
  LinePrefixer p("> ");
  const std::string chunk(LinePrefixer::kMaxLine, 'x');
  const std::string out = p.feed(chunk.data(), chunk.size());
  EXPECT_EQ(out, "> " + chunk + "\n");
  EXPECT_EQ(p.flush(), "");
}

}  // namespace
}  // namespace anvil::dist
