// Joining a distributed job from the CLI: the environment (anvil launch, torchrun, srun) -> a
// process group, each rank's device and threads, and one run directory for all ranks.
#include <chrono>
#include <nlohmann/json.hpp>

#include "anvil/core/config.h"
#include "anvil/core/error.h"
#include "anvil/core/fs.h"
#include "anvil/train/device.h"
#include "anvil/train/dist/environment.h"
#include "anvil/train/dist/process_group.h"
#include "anvil/train/dist/rank_zero.h"
#include "commands.h"

namespace anvil::cli {

DistributedJob join_distributed_job(const Config& config) {
  DistributedJob job;
  const auto env = dist::read_environment();
  job.threads = dist::default_threads(env);
  job.device = config.get_string("run.device");
  if (!env.distributed()) return job;
  // One GPU per rank of a machine: cuda (or auto on a CUDA machine) becomes cuda:LOCAL_RANK.
  if (train::resolve_device(job.device).is_cuda() && job.device.find(':') == std::string::npos)
    job.device = "cuda:" + std::to_string(env.local_rank);
  dist::ProcessGroupOptions o;
  o.backend = config.get_string("dist.backend");
  o.device = train::resolve_device(job.device);
  const int64_t timeout_s = config.get_int("dist.timeout_s");
  if (timeout_s < 1)
    throw usage_error("dist.timeout_s = " + std::to_string(timeout_s) + ": must be >= 1");
  o.timeout = std::chrono::seconds(timeout_s);
  job.group = dist::ProcessGroup::connect(env, o);
  job.rank = env.rank;
  job.source = env.source;
  return job;
}

void record_world(const DistributedJob& job, const std::string& run_dir) {
  if (!job.group || job.rank != 0) return;
  write_file_atomic(run_dir + "/dist.json", nlohmann::json{{"world_size", job.group->size()},
                                                           {"backend", job.group->backend()},
                                                           {"launched_by", job.source}}
                                                    .dump(2) +
                                                "\n");
}

std::string agree_on_run_dir(const DistributedJob& job, const std::function<std::string()>& make) {
  return dist::from_rank_zero(job.group, make);
}

}  // namespace anvil::cli
