// `anvil launch` through the binary: `anvil` as the command runs this binary, a rank's failure is
// an error line and the exit status, a port in use says which flag to pass, and SIGTERM sent to
// the supervisor reaches the ranks.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "support/free_port.h"
#include "support/run_cli.h"

namespace anvil::testing {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string port_flag() { return "--master-port " + std::to_string(free_tcp_port()) + " "; }

TEST(LaunchCli, AnvilAsTheCommandRunsThisBinaryInEveryRank) {
  // No anvil on PATH: the supervisor substitutes its own path for the word `anvil`.
  auto r = run_command("PATH=/usr/bin:/bin '" + std::string(ANVIL_BINARY) +
                       "' launch --nproc-per-node 2 " + port_flag() + "-- anvil --version");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(contains(r.output, "[rank 0] anvil 0.")) << r.output;
  EXPECT_TRUE(contains(r.output, "[rank 1] anvil 0.")) << r.output;
  EXPECT_TRUE(contains(r.output, "launching 2 ranks on this node (world size 2)")) << r.output;
}

TEST(LaunchCli, FailuresAreErrorLinesWithTheirExitStatus) {
  auto r = run_anvil("launch --nproc-per-node 2 --grace-seconds 2 " + port_flag() +
                     "-- sh -c 'if [ $RANK = 1 ]; then exit 5; fi; sleep 30'");
  EXPECT_EQ(r.exit_code, 5) << r.output;
  EXPECT_TRUE(contains(r.output, "anvil: error: rank 1 (pid ")) << r.output;
  EXPECT_TRUE(contains(r.output, "exited with status 5; stopped ranks 0")) << r.output;

  auto missing = run_anvil("launch " + port_flag() + "-- anvil-no-such-program");
  EXPECT_EQ(missing.exit_code, 127) << missing.output;
  EXPECT_TRUE(contains(missing.output,
                       "anvil: error: cannot run 'anvil-no-such-program': No such "
                       "file or directory"))
      << missing.output;

  ListeningSocket taken;
  auto busy = run_anvil("launch --master-port " + std::to_string(taken.port()) + " -- true");
  EXPECT_EQ(busy.exit_code, 2) << busy.output;
  EXPECT_TRUE(contains(busy.output, "MASTER_PORT " + std::to_string(taken.port()) +
                                        " on 127.0.0.1 is already in use (another job?) (pass "
                                        "--master-port with a free port)"))
      << busy.output;

  auto no_command = run_anvil("launch --nproc-per-node 2");
  EXPECT_EQ(no_command.exit_code, 2) << no_command.output;
  auto bad_rank = run_anvil("launch --nnodes 2 --node-rank 2 -- true");
  EXPECT_EQ(bad_rank.exit_code, 2) << bad_rank.output;
  EXPECT_TRUE(contains(bad_rank.output, "node_rank")) << bad_rank.output;
}

TEST(LaunchCli, SigtermToTheSupervisorIsForwardedToTheRanks) {
  TempDir dir("launch-cli");
  const std::string log = dir / "launch.log";
  const std::string script =
      "trap 'echo got-term; exit 7' TERM; touch '" + dir.path() + "/ready.'$RANK; sleep 30 & wait";
  const std::string port = std::to_string(free_tcp_port());
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execl(ANVIL_BINARY, "anvil", "launch", "--nproc-per-node", "2", "--grace-seconds", "5",
            "--master-port", port.c_str(), "--", "/bin/sh", "-c", script.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(126);
  }
  bool ready = false;
  for (int i = 0; i < 1000 && !ready; ++i) {  // up to 10 s
    ready = std::filesystem::exists(dir / "ready.0") && std::filesystem::exists(dir / "ready.1");
    if (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(ready) << read_text(log);
  const auto t0 = std::chrono::steady_clock::now();
  ::kill(pid, SIGTERM);
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 1000 && done == 0; ++i) {  // up to 10 s
    done = ::waitpid(pid, &status, WNOHANG);
    if (done == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (done == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    FAIL() << "anvil launch did not exit after SIGTERM:\n" << read_text(log);
  }
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(took, 4.0);  // the ranks answered SIGTERM at once; no wait for the 5 s grace
  const std::string output = read_text(log);
  ASSERT_TRUE(WIFEXITED(status)) << output;
  EXPECT_EQ(WEXITSTATUS(status), 143) << output;
  EXPECT_TRUE(contains(output, "[rank 0] got-term\n")) << output;
  EXPECT_TRUE(contains(output, "[rank 1] got-term\n")) << output;
  EXPECT_TRUE(contains(output, "anvil: error: interrupted by SIGTERM; stopped ranks 0, 1"))
      << output;
}

}  // namespace
}  // namespace anvil::testing
