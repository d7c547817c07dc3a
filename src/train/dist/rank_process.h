// The POSIX plumbing under launch(): starting one rank (fork + execvpe, its stdout/stderr on pipes,
// its own process group, its environment) and the self-pipe that SIGINT/SIGTERM/SIGCHLD handlers
// write to so one poll() loop sees signals, output and exits alike. Used by launch.cpp.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <string>
#include <vector>

#include "anvil/train/dist/launch.h"

namespace anvil::dist {

// Handlers for SIGINT, SIGTERM and SIGCHLD that only write the signal number to a pipe, for this
// object's lifetime; the previous dispositions and this thread's signal mask are restored by the
// destructor. A signal the caller ignores (SIG_IGN) stays ignored, except SIGCHLD. Its write end is
// the one process-wide variable of launch(), so one SignalPipe at a time per process.
class SignalPipe {
 public:
  SignalPipe();  // throws anvil::Error if the pipe cannot be made
  ~SignalPipe();
  SignalPipe(const SignalPipe&) = delete;
  SignalPipe& operator=(const SignalPipe&) = delete;

  int fd() const { return read_fd_; }  // readable when a signal came: poll() it
  // The signals received since the last call, in order (SIGCHLD included).
  std::vector<int> take();
  // In a forked child before exec: default actions for the signals caught here (exec would reset
  // them too, but a signal may come before), and no signal blocked. Async-signal-safe.
  void reset_in_child() const;

 private:
  struct Saved {
    int sig;
    struct sigaction old {};
    bool caught = false;
  };
  Saved saved_[3] = {{SIGINT}, {SIGTERM}, {SIGCHLD}};
  int read_fd_ = -1;
  int write_fd_ = -1;
  sigset_t old_mask_{};
};

// The environment of local rank `local_rank`: this process's, with the torchrun variables (see
// launch.h) replaced, and OMP_NUM_THREADS added only if it is not set.
std::vector<std::string> rank_environment(const LaunchOptions& o, int local_rank, int threads);

struct Spawned {
  pid_t pid = -1;   // leader of the rank's new process group; -1 if it could not be executed
  int out_fd = -1;  // read ends of its stdout / stderr, non-blocking; the caller closes them
  int err_fd = -1;
  int exec_errno = 0;  // != 0: exec failed with this errno (the child has been reaped)
};

// fork + execvpe(argv) with `env`, stdin from `devnull`, stdout/stderr on pipes, in a new process
// group. The child reports an exec failure's errno through a close-on-exec pipe, so this returns
// knowing whether the command runs. Throws anvil::Error when pipes or fork fail.
Spawned spawn_rank(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                   const SignalPipe& signals, int devnull);

// strerror(err) as a string.
std::string errno_text(int err);

}  // namespace anvil::dist
