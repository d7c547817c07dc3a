// read_environment: the torchrun variables, Slurm's, and the errors for inconsistent ones.
#include "anvil/train/dist/environment.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "anvil/core/error.h"

namespace anvil::dist {
namespace {

Environment read(const std::map<std::string, std::string>& vars) {
  return read_environment([&vars](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  });
}

TEST(DistEnvironment, NothingSetIsAWorldOfOne) {
  const auto e = read({});
  EXPECT_EQ(e.rank, 0);
  EXPECT_EQ(e.world_size, 1);
  EXPECT_FALSE(e.distributed());
  EXPECT_EQ(e.source, "none");
}

TEST(DistEnvironment, TorchrunVariables) {
  const auto e = read({{"RANK", "3"}, {"WORLD_SIZE", "4"}, {"LOCAL_RANK", "1"},
                       {"LOCAL_WORLD_SIZE", "2"}, {"MASTER_ADDR", "node7"}, {"MASTER_PORT", "1234"}});
  EXPECT_EQ(e.rank, 3);
  EXPECT_EQ(e.world_size, 4);
  EXPECT_EQ(e.local_rank, 1);
  EXPECT_EQ(e.local_world_size, 2);
  EXPECT_EQ(e.master_addr, "node7");
  EXPECT_EQ(e.master_port, 1234);
  EXPECT_EQ(e.source, "torchrun");
  EXPECT_TRUE(e.distributed());
}

TEST(DistEnvironment, SlurmVariablesMapToRanks) {
  const auto e = read({{"SLURM_PROCID", "5"}, {"SLURM_NTASKS", "8"}, {"SLURM_LOCALID", "1"},
                       {"SLURM_NTASKS_PER_NODE", "4(x2)"}, {"SLURM_JOB_NODELIST", "gpu[03-04]"},
                       {"MASTER_PORT", "29600"}});
  EXPECT_EQ(e.source, "slurm");
  EXPECT_EQ(e.rank, 5);
  EXPECT_EQ(e.world_size, 8);
  EXPECT_EQ(e.local_rank, 1);
  EXPECT_EQ(e.local_world_size, 4);
  EXPECT_EQ(e.master_addr, "gpu03");
  EXPECT_EQ(e.master_port, 29600);
  EXPECT_EQ(read({{"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "2"}, {"SLURM_JOB_NODELIST", "a1,a2"}})
                .master_addr,
            "a1");
}

TEST(DistEnvironment, TorchrunWinsOverSlurm) {
  const auto e = read({{"RANK", "1"}, {"WORLD_SIZE", "2"}, {"SLURM_PROCID", "0"}, {"SLURM_NTASKS", "9"}});
  EXPECT_EQ(e.source, "torchrun");
  EXPECT_EQ(e.world_size, 2);
}

void expect_error(const std::map<std::string, std::string>& vars, const std::string& says) {
  try {
    read(vars);
    FAIL() << "no error; expected one saying " << says;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
  }
}

TEST(DistEnvironment, InconsistentVariablesNameTheVariable) {
  expect_error({{"RANK", "2"}, {"WORLD_SIZE", "2"}}, "RANK=2 is not below WORLD_SIZE=2");
  expect_error({{"RANK", "0"}}, "RANK is set but WORLD_SIZE is not");
  expect_error({{"WORLD_SIZE", "two"}, {"RANK", "0"}}, "WORLD_SIZE='two'");
  expect_error({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"MASTER_PORT", "70000"}}, "MASTER_PORT=70000");
  expect_error({{"RANK", "0"}, {"WORLD_SIZE", "2"}, {"LOCAL_RANK", "2"}, {"LOCAL_WORLD_SIZE", "2"}},
               "LOCAL_RANK=2");
}

TEST(DistEnvironment, DefaultThreadsShareTheCores) {
  Environment e;
  e.local_world_size = 1024;
  EXPECT_EQ(default_threads(e), 1);
  e.local_world_size = 1;
  EXPECT_GE(default_threads(e), 1);
  EXPECT_EQ(default_threads(read({{"ANVIL_THREADS_PER_RANK", "3"}})), 3);
}

}  // namespace
}  // namespace anvil::dist
