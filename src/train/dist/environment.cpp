// read_environment: torchrun's variables first, then Slurm's, else a world of one.
#include "anvil/train/dist/environment.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <thread>

#include "anvil/core/error.h"

namespace anvil::dist {
namespace {

using Getenv = std::function<const char*(const char*)>;

// The variable as a non-negative integer, or `fallback` when it is unset or empty.
int int_var(const Getenv& getenv, const char* name, int fallback) {
  const char* v = getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  char* end = nullptr;
  const long x = std::strtol(v, &end, 10);
  if (*end != '\0' || x < 0 || x > 1 << 24)
    throw Error(std::string("environment variable ") + name + "='" + v +
                "' is not a non-negative integer")
        .about(name, v);
  return static_cast<int>(x);
}

// SLURM_NTASKS_PER_NODE / SLURM_STEP_TASKS_PER_NODE look like "4" or "4(x2)" or "4,2": the first
// count is this layout's tasks per node.
int slurm_tasks_per_node(const Getenv& getenv, int fallback) {
  for (const char* name : {"SLURM_STEP_TASKS_PER_NODE", "SLURM_NTASKS_PER_NODE",
                           "SLURM_TASKS_PER_NODE"}) {
    const char* v = getenv(name);
    if (v == nullptr || *v == '\0') continue;
    const int x = std::atoi(v);
    if (x > 0) return x;
  }
  return fallback;
}

// The first host of a Slurm node list such as "node[03-05,07]" or "gpu1,gpu2".
std::string first_slurm_host(const std::string& list) {
  const auto bracket = list.find('[');
  const auto comma = list.find(',');
  if (bracket == std::string::npos || (comma != std::string::npos && comma < bracket))
    return list.substr(0, comma);
  std::string first = list.substr(bracket + 1);
  first = first.substr(0, first.find_first_of(",-]"));
  return list.substr(0, bracket) + first;
}

void check(const Environment& e, const char* rank_var, const char* world_var) {
  if (e.world_size < 1)
    throw Error(std::string(world_var) + "=" + std::to_string(e.world_size) + ": must be >= 1")
        .about(world_var);
  if (e.rank >= e.world_size)
    throw Error(std::string(rank_var) + "=" + std::to_string(e.rank) + " is not below " +
                world_var + "=" + std::to_string(e.world_size))
        .about(rank_var);
  if (e.local_world_size < 1 || e.local_rank >= e.local_world_size)
    throw Error("LOCAL_RANK=" + std::to_string(e.local_rank) + " is not below LOCAL_WORLD_SIZE=" +
                std::to_string(e.local_world_size))
        .about("LOCAL_RANK");
  if (e.master_port < 1 || e.master_port > 65535)
    throw Error("MASTER_PORT=" + std::to_string(e.master_port) + ": not a TCP port")
        .about("MASTER_PORT");
}

}  // namespace

Environment read_environment(const std::function<const char*(const char*)>& getenv_in) {
  const Getenv getenv = getenv_in ? getenv_in : [](const char* n) { return std::getenv(n); };
  Environment e;
  const char* addr = getenv("MASTER_ADDR");
  if (addr != nullptr && *addr != '\0') e.master_addr = addr;
  e.master_port = int_var(getenv, "MASTER_PORT", e.master_port);
  e.threads_per_rank = int_var(getenv, "ANVIL_THREADS_PER_RANK", 0);
  const bool has_rank = getenv("RANK") != nullptr, has_world = getenv("WORLD_SIZE") != nullptr;
  if (has_rank || has_world) {
    if (!has_rank || !has_world)
      throw Error(std::string(has_rank ? "RANK" : "WORLD_SIZE") + " is set but " +
                  (has_rank ? "WORLD_SIZE" : "RANK") +
                  " is not: a distributed job needs both (torchrun convention)")
          .about(has_rank ? "WORLD_SIZE" : "RANK");
    e.source = "torchrun";
    e.rank = int_var(getenv, "RANK", 0);
    e.world_size = int_var(getenv, "WORLD_SIZE", 1);
    e.local_rank = int_var(getenv, "LOCAL_RANK", e.rank);
    e.local_world_size = int_var(getenv, "LOCAL_WORLD_SIZE", e.world_size);
    check(e, "RANK", "WORLD_SIZE");
    return e;
  }
  if (getenv("SLURM_PROCID") != nullptr && getenv("SLURM_NTASKS") != nullptr) {
    e.source = "slurm";
    e.rank = int_var(getenv, "SLURM_PROCID", 0);
    e.world_size = int_var(getenv, "SLURM_NTASKS", 1);
    e.local_rank = int_var(getenv, "SLURM_LOCALID", 0);
    e.local_world_size = slurm_tasks_per_node(getenv, e.world_size);
    if (addr == nullptr || *addr == '\0') {
      const char* nodes = getenv("SLURM_STEP_NODELIST");
      if (nodes == nullptr) nodes = getenv("SLURM_JOB_NODELIST");
      if (nodes != nullptr && *nodes != '\0') e.master_addr = first_slurm_host(nodes);
    }
    check(e, "SLURM_PROCID", "SLURM_NTASKS");
  }
  return e;
}

int default_threads(const Environment& env) {
  if (env.threads_per_rank > 0) return env.threads_per_rank;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, cores / std::max(1, env.local_world_size));
}

}  // namespace anvil::dist
