// Test support for distributed code: starts several processes of this test binary, one per rank,
// each running one (DISABLED_, so ctest never runs it alone) test with RANK, WORLD_SIZE,
// MASTER_ADDR and MASTER_PORT set, on loopback with a free port; collects exit codes and output.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_cli.h"

namespace anvil::testing {

// A TCP port nothing listens on right now (the kernel's choice for port 0).
inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// True inside a rank process started by run_ranks.
inline bool in_rank_process() { return std::getenv("ANVIL_TEST_RANK_PROCESS") != nullptr; }

struct RankResult {
  int exit_code = -1;
  std::string output;
};

struct RankLaunch {
  std::string test;                    // e.g. "ProcessGroupRanks.DISABLED_AllReduce"
  int world_size = 2;                  // WORLD_SIZE every rank is told
  std::vector<int> ranks;              // the ranks to start (default: all of 0..world_size-1)
  std::vector<int> world_sizes;        // per started rank, overriding world_size (mismatch tests)
  std::string extra_env;               // "NAME=value NAME2=value" for every rank
  int timeout_seconds = 120;
};

inline std::vector<RankResult> run_ranks(const RankLaunch& l) {
  TempDir dir("ranks");
  char self[4096];
  const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  self[n > 0 ? n : 0] = '\0';
  std::vector<int> ranks = l.ranks;
  if (ranks.empty())
    for (int r = 0; r < l.world_size; ++r) ranks.push_back(r);
  const int port = free_port();
  std::ostringstream cmd;
  for (size_t i = 0; i < ranks.size(); ++i) {
    const int r = ranks[i];
    const int w = i < l.world_sizes.size() ? l.world_sizes[i] : l.world_size;
    cmd << "( ANVIL_TEST_RANK_PROCESS=1 RANK=" << r << " WORLD_SIZE=" << w << " LOCAL_RANK=" << r
        << " LOCAL_WORLD_SIZE=" << w << " MASTER_ADDR=127.0.0.1 MASTER_PORT=" << port << " "
        << l.extra_env << " timeout " << l.timeout_seconds << " '" << self
        << "' --gtest_also_run_disabled_tests --gtest_filter='" << l.test << "' > '"
        << dir.path() << "/rank" << i << ".log' 2>&1; echo $? > '" << dir.path() << "/rank" << i
        << ".rc' ) &\n";
  }
  cmd << "wait";
  run_command(cmd.str());
  std::vector<RankResult> out(ranks.size());
  for (size_t i = 0; i < ranks.size(); ++i) {
    std::ifstream rc(dir.path() + "/rank" + std::to_string(i) + ".rc");
    rc >> out[i].exit_code;
    std::ifstream log(dir.path() + "/rank" + std::to_string(i) + ".log");
    std::stringstream ss;
    ss << log.rdbuf();
    out[i].output = ss.str();
  }
  return out;
}

}  // namespace anvil::testing
