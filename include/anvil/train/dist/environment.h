// Where this process sits in a distributed job, read from the environment in the torchrun
// convention (RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT) or from
// Slurm's (SLURM_PROCID, SLURM_NTASKS, SLURM_LOCALID, SLURM_NTASKS_PER_NODE, ...), so a job can be
// started by `anvil launch`, by a torchrun-style launcher or by srun alike. Without either, the
// process is a world of one.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace anvil::dist {

struct Environment {
  int rank = 0;
  int world_size = 1;
  int local_rank = 0;        // this process's index on its machine
  int local_world_size = 1;  // processes on this machine
  std::string master_addr = "127.0.0.1";
  int master_port = 29500;
  std::string source = "none";  // "torchrun" (RANK/WORLD_SIZE), "slurm" or "none"
  int threads_per_rank = 0;     // ANVIL_THREADS_PER_RANK (set by anvil launch); 0 = not given

  bool distributed() const { return world_size > 1; }
};

// Reads the variables through `getenv` (the process environment by default; tests pass their own).
// Inconsistent or malformed values (RANK >= WORLD_SIZE, WORLD_SIZE without RANK, "two") are an
// Error naming the variable and its value.
Environment read_environment(
    const std::function<const char*(const char*)>& getenv = nullptr);

// Threads for one rank when the user gave none: what anvil launch chose, else this machine's
// cores shared by its ranks.
int default_threads(const Environment& env);

}  // namespace anvil::dist
