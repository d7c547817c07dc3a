// `anvil launch --nproc-per-node N -- COMMAND ARGS...`: starts N ranks of a distributed job on this
// node (torchrun's environment), relays their output prefixed with "[rank N] " and exits with the
// job's status. The supervision itself is anvil::dist::launch (anvil/train/dist/launch.h).
#include <limits.h>
#include <unistd.h>

#include <cstdio>

#include "anvil/train/dist/launch.h"
#include "commands.h"

namespace anvil::cli {
namespace {

// The running binary, so that `anvil launch -- anvil train ...` needs no anvil on PATH.
std::string self_path() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "anvil";
}

}  // namespace

void register_launch(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "launch", "Start the ranks of a distributed job on this node (torchrun-style environment)");
  cmd->footer(
      "Every rank runs COMMAND with RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, GROUP_RANK, "
      "MASTER_ADDR, MASTER_PORT, OMP_NUM_THREADS (unless set) and ANVIL_THREADS_PER_RANK in its "
      "environment; a COMMAND starting with `anvil` runs this anvil binary. Output lines are "
      "prefixed with [rank N]. When a rank fails the others get SIGTERM, then SIGKILL after "
      "--grace-seconds; Ctrl-C / SIGTERM are forwarded to the ranks (twice: kill them now).\n"
      "Exit status: 0 all ranks exited 0; the first failing rank's status (128 + signal if it was "
      "killed); 127 COMMAND cannot be run; 130 / 143 interrupted by SIGINT / SIGTERM; 2 a usage "
      "error (e.g. MASTER_PORT already in use). See docs/distributed.md.");
  auto o = std::make_shared<dist::LaunchOptions>();
  cmd->add_option("--nproc-per-node", o->nproc_per_node, "ranks to start on this node")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--nnodes", o->nnodes, "nodes in the job")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--node-rank", o->node_rank, "this node's index, 0 to nnodes-1")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--master-addr", o->master_addr, "address of node 0 (MASTER_ADDR)")
      ->capture_default_str();
  cmd->add_option("--master-port", o->master_port, "free TCP port on node 0 (MASTER_PORT)")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  cmd->add_option("--grace-seconds", o->grace_seconds,
                  "after a failure or Ctrl-C: seconds between SIGTERM and SIGKILL")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--threads-per-rank", o->threads_per_rank,
                  "intra-op threads per rank (0: cores / nproc-per-node)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("command", o->command, "the program every rank runs, after --")
      ->required()
      ->expected(1, -1);
  cmd->callback([o, &ctx] {
    if (o->command.front() == "anvil") o->command.front() = self_path();
    const dist::LaunchResult result = dist::launch(*o, &ctx.sink);
    if (!result.failure.empty()) std::fprintf(stderr, "anvil: error: %s\n", result.failure.c_str());
    ctx.exit_code = result.exit_code;
  });
}

}  // namespace anvil::cli
