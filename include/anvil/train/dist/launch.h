// launch(): the process supervisor behind `anvil launch`. It starts nproc_per_node copies of one
// command on this node (fork + exec), each with its rank in the environment in torchrun's
// convention, prefixes their output with "[rank N] ", stops the others when one fails, forwards
// SIGINT/SIGTERM, and says how the job ended. No LibTorch here: the ranks do the training.
//
// Environment of every rank (the supervisor's own, plus):
//   RANK = node_rank * nproc_per_node + local rank, WORLD_SIZE = nnodes * nproc_per_node,
//   LOCAL_RANK, LOCAL_WORLD_SIZE = nproc_per_node, GROUP_RANK = node_rank, MASTER_ADDR,
//   MASTER_PORT, ANVIL_THREADS_PER_RANK = threads per rank, and OMP_NUM_THREADS = threads per rank
//   unless OMP_NUM_THREADS is already set (the user's value wins).
// Each rank runs in its own process group (signals reach the whole tree a rank starts, e.g. the
// `sleep` under `sh -c`), with stdin from /dev/null; on Linux it gets SIGTERM if the supervisor
// dies without stopping it.
//
// Output: every line a rank writes to stdout goes to the sink as Channel::kResult, every stderr
// line as Channel::kLog, each prefixed with "[rank N] " (N the global rank). "\n", "\r\n" and a
// lone "\r" all end a line and are kept, so a progress bar redrawn with "\r" still redraws in
// place (each state shows when the next one starts; a "\r" that only starts a redraw prints no
// empty line). A last line without a newline gets one when the rank exits; lines longer than
// 64 KiB are split. Output still pending when a rank's process exits is read until the pipe is
// empty; what the rank's leftover children write after that is dropped. No sink: dropped.
//
// Failures: when a rank exits non-zero or is killed by a signal, the other running ranks get
// SIGTERM, then SIGKILL after grace_seconds. The result names the first rank that failed and the
// ranks that were stopped; the exit code is that rank's status (128 + signal if killed). A command
// that cannot be executed (not found, not executable) fails with exit code 127 before it runs.
//
// Signals: SIGINT/SIGTERM received by the supervisor are forwarded (the same signal) to every
// running rank, which then get grace_seconds to exit before SIGKILL; a second SIGINT/SIGTERM sends
// SIGKILL at once. Exit code 130 (SIGINT) or 143 (SIGTERM), whatever the ranks exit with after
// that, unless a rank had already failed before the signal (then that rank's code). A signal the
// caller ignores (SIG_IGN, e.g. SIGINT in a background job) stays ignored.
//
// Bounded waits: after a failure or a signal, launch() returns within grace_seconds + 5 s even if
// a rank cannot be killed (it is then named in `failure` and left behind).
//
// Process-wide state: launch() installs handlers for SIGINT, SIGTERM and SIGCHLD while it runs (a
// self-pipe wakes its poll loop) and restores the previous ones before returning, so only one
// launch() may run at a time in a process. It reaps only its own children (waitpid by pid).
#pragma once

#include <string>
#include <vector>

#include "anvil/core/sink.h"

namespace anvil::dist {

struct LaunchOptions {
  int nproc_per_node = 1;                 // ranks started on this node, >= 1
  int nnodes = 1;                         // nodes in the job, >= 1
  int node_rank = 0;                      // this node, in [0, nnodes)
  std::string master_addr = "127.0.0.1";  // where rank 0 listens (c10d's TCP store)
  int master_port = 29500;                // in [1, 65535]
  std::vector<std::string> command;       // argv of every rank (searched in PATH), non-empty
  double grace_seconds = 10;  // after a failure or a forwarded signal: SIGTERM, SIGKILL after this
  int threads_per_rank = 0;   // >= 0; 0: max(1, usable cores / nproc_per_node)

  // Throws usage_error naming the option and the bad value.
  void validate() const;
  // threads_per_rank with 0 resolved against this machine's usable cores (the affinity mask).
  int resolved_threads_per_rank() const;
};

struct LaunchResult {
  int exit_code = 0;     // 0 when every rank exited 0; see the header comment otherwise
  std::string failure;   // empty when all ranks exited 0; else what went wrong, one line
  int failed_rank = -1;  // global rank of the first rank that failed, -1 if none did
};

// Validates `options` (usage_error on bad ones), checks that MASTER_PORT is free when this node
// hosts the master on a local address (usage_error "MASTER_PORT P on HOST is already in use
// (another job?)"), then runs the ranks to the end. `sink` (may be null) gets the ranks' output and
// an info line at the start and at the end. Throws anvil::Error when the processes cannot be set up
// (pipes, fork); a rank's own failure is reported in the result, not thrown.
LaunchResult launch(const LaunchOptions& options, Sink* sink);

// True for "localhost", loopback addresses (127.x.x.x, ::1), this host's name and the numeric
// addresses of this host's interfaces. Other names are not resolved (no DNS lookup): false.
bool is_local_address(const std::string& host);

}  // namespace anvil::dist
